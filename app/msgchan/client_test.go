package msgchan

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConnectIsSignedAndCarriesTheHandshakeHeader(t *testing.T) {
	fs := newFakeServer(t)
	fixed := time.UnixMilli(1700000000000)
	startClient(t, fs.url(), nil, func(cfg *Config) { cfg.Now = func() time.Time { return fixed } })

	sc := fs.next(t)
	assert.Equal(t, "1", sc.header.Get("client_version"))
	connect := sc.expect(t, typeConnect)
	assert.Equal(t, map[string]any{
		"appKey":    testKey,
		"costInIsv": json.Number("0"),
		"pubTime":   json.Number("1700000000000"),
		"sign":      Sign(testSecret, testKey, "", 1700000000000),
		"type":      typeConnect,
	}, connect)
}

func TestConnectIsResentUntilAcknowledged(t *testing.T) {
	fs := newFakeServer(t)
	h := startClient(t, fs.url(), nil, func(cfg *Config) { cfg.AckTimeout = 30 * time.Millisecond })

	sc := fs.next(t)
	for range 3 {
		connect := sc.expect(t, typeConnect)
		pubTime, err := connect["pubTime"].(json.Number).Int64()
		require.NoError(t, err)
		assert.Equal(t, Sign(testSecret, testKey, "", pubTime), connect["sign"], "each CONNECT is signed afresh")
	}
	assert.Equal(t, Connecting, h.c.State().Status)
	sc.send(t, `{"type":"CONNECT_ACK"}`)
	waitFor(t, "connected", func() bool { return h.c.State().Status == Connected })
	// Connected, nothing more is due: heartbeats are 30 s apart by default.
	for {
		select {
		case m := <-sc.in:
			// A CONNECT sent just before the ACK arrived may still be in flight.
			require.Equal(t, typeConnect, m["type"])
			continue
		case <-time.After(150 * time.Millisecond):
		}
		break
	}
	assert.Empty(t, fs.conns, "the client must keep its connection")
}

func TestHeartbeatsAreSignedAndOnlyWhileConnected(t *testing.T) {
	fs := newFakeServer(t)
	const every = 50 * time.Millisecond
	startClient(t, fs.url(), nil, func(cfg *Config) { cfg.HeartbeatEvery = every })

	sc := fs.next(t)
	sc.expect(t, typeConnect)
	sc.expectNone(t, 3*every) // not connected yet: no heartbeat
	sc.send(t, `{"type":"CONNECT_ACK"}`)
	acked := time.Now()
	var last int64
	for range 3 {
		hb := sc.expect(t, typeHeartbeat)
		pubTime, err := hb["pubTime"].(json.Number).Int64()
		require.NoError(t, err)
		assert.Greater(t, pubTime, last, "pubTime is the time of each heartbeat")
		last = pubTime
		assert.Equal(t, Sign(testSecret, testKey, "", pubTime), hb["sign"])
		assert.Equal(t, testKey, hb["appKey"])
		assert.Equal(t, json.Number("0"), hb["costInIsv"])
	}
	// A fixed rate starting at the ACK: the third cannot come before three periods.
	assert.GreaterOrEqual(t, time.Since(acked), 3*every)
}

func TestPushIsAppliedThenConfirmedWithEchoedFields(t *testing.T) {
	fs := newFakeServer(t)
	rec := &recorder{gate: make(chan struct{}), entered: make(chan []Push, 1)}
	h := startClient(t, fs.url(), rec, nil)

	sc := fs.next(t)
	sc.accept(t)
	// An id beyond 2^53: a float64 anywhere on the way would change it.
	sc.send(t, pushFrame("3717426277620540788", 1700000000123, message(1), "MOCK"))

	select {
	case batch := <-rec.entered:
		require.Len(t, batch, 1)
		assert.Equal(t, int64(3717426277620540788), batch[0].ID)
		assert.Equal(t, int64(1700000000123), batch[0].PubTime)
		assert.Equal(t, message(1), batch[0].Content)
		assert.Equal(t, SourceMock, batch[0].MsgSource)
		assert.False(t, batch[0].Received.IsZero())
	case <-time.After(waitLimit):
		require.FailNow(t, "Apply was not called")
	}
	sc.expectNone(t, 100*time.Millisecond) // no CONFIRM before the commit
	close(rec.gate)

	confirm := sc.expect(t, typeConfirm)
	assert.Equal(t, json.Number("3717426277620540788"), confirm["relatedId"], "relatedId is a JSON number")
	assert.Equal(t, json.Number("1700000000123"), confirm["relatedMsgTime"])
	assert.Equal(t, SourceMock, confirm["msgSource"])
	assert.Equal(t, testKey, confirm["appKey"])
	assert.Regexp(t, frameID, confirm["id"])
	assert.NotContains(t, confirm, "sign", "CONFIRM is not signed")
	cost, err := confirm["costInIsv"].(json.Number).Int64()
	require.NoError(t, err)
	assert.GreaterOrEqual(t, cost, int64(100), "costInIsv counts the time Apply held the push")
	pubTime, err := confirm["pubTime"].(json.Number).Int64()
	require.NoError(t, err)
	assert.InDelta(t, time.Now().UnixMilli(), pubTime, float64(waitLimit.Milliseconds()))

	assert.False(t, h.c.State().LastPush.IsZero())
	require.Len(t, rec.committed(), 1)
}

func TestBurstIsOneApplyThenOneConfirmPerPush(t *testing.T) {
	fs := newFakeServer(t)
	rec := &recorder{}
	startClient(t, fs.url(), rec, func(cfg *Config) { cfg.BatchWait = 300 * time.Millisecond })

	sc := fs.next(t)
	sc.accept(t)
	for id := 1; id <= 5; id++ {
		sc.send(t, pushFrame(strconv.Itoa(id), int64(1000+id), message(int64(id)), ""))
	}
	for id := 1; id <= 5; id++ {
		confirm := sc.expect(t, typeConfirm)
		if id == 1 {
			require.Len(t, rec.committed(), 1, "the batch is committed before the first CONFIRM")
		}
		assert.Equal(t, json.Number(strconv.Itoa(id)), confirm["relatedId"])
		assert.Equal(t, json.Number(strconv.Itoa(1000+id)), confirm["relatedMsgTime"])
		assert.Equal(t, SourceReal, confirm["msgSource"], "a push without msgSource is REAL")
	}
	batches := rec.committed()
	require.Len(t, batches, 1, "one Apply for pushes that arrived together")
	require.Len(t, batches[0], 5)
	for i, p := range batches[0] {
		assert.Equal(t, int64(i+1), p.ID, "pushes keep their arrival order")
		assert.Equal(t, SourceReal, p.MsgSource)
	}
}

func TestBatchSizeCapsABatch(t *testing.T) {
	fs := newFakeServer(t)
	rec := &recorder{}
	startClient(t, fs.url(), rec, func(cfg *Config) {
		cfg.BatchSize = 2
		cfg.BatchWait = 300 * time.Millisecond
	})

	sc := fs.next(t)
	sc.accept(t)
	for id := 1; id <= 5; id++ {
		sc.send(t, pushFrame(strconv.Itoa(id), 1, message(int64(id)), ""))
	}
	for range 5 {
		sc.expect(t, typeConfirm)
	}
	total := 0
	for _, b := range rec.committed() {
		assert.LessOrEqual(t, len(b), 2)
		total += len(b)
	}
	assert.Equal(t, 5, total)
}

func TestApplyErrorMeansNoConfirmAndTheConnectionStays(t *testing.T) {
	fs := newFakeServer(t)
	rec := &recorder{entered: make(chan []Push, 4)}
	rec.setErr(errors.New("database is locked"))
	h := startClient(t, fs.url(), rec, nil)

	sc := fs.next(t)
	sc.accept(t)
	sc.send(t, pushFrame("1", 1, message(1), ""))
	<-rec.entered
	sc.expectNone(t, 200*time.Millisecond)
	assert.Equal(t, 1, h.logs.count("database is locked"))
	assert.Equal(t, Connected, h.c.State().Status)

	// The consumer recovers; the same connection carries the next push and its CONFIRM.
	rec.setErr(nil)
	sc.send(t, pushFrame("2", 2, message(2), ""))
	<-rec.entered
	confirm := sc.expect(t, typeConfirm)
	assert.Equal(t, json.Number("2"), confirm["relatedId"])
	assert.Empty(t, fs.conns, "a failed Apply must not drop the connection")
}

func TestWrappedContentIsUnwrapped(t *testing.T) {
	fs := newFakeServer(t)
	rec := &recorder{}
	startClient(t, fs.url(), rec, nil)

	sc := fs.next(t)
	sc.accept(t)
	sc.send(t, pushFrame("7", 7, `{"message":`+message(7)+`}`, ""))
	sc.expect(t, typeConfirm)
	require.Len(t, rec.committed(), 1)
	assert.Equal(t, message(7), rec.committed()[0][0].Content)
}

func TestMalformedAndUnknownFramesAreSkipped(t *testing.T) {
	fs := newFakeServer(t)
	rec := &recorder{}
	h := startClient(t, fs.url(), rec, nil)

	sc := fs.next(t)
	sc.accept(t)
	bad := []string{
		`not json`,
		`[1,2,3]`,
		`{"type":""}`,
		`{"content":"no type"}`,
		`{"type":"SERVER_PUSH","id":"abc","content":"{}"}`,
		`{"type":"SERVER_PUSH","content":"{}"}`,
		`{"type":"SERVER_PUSH","id":"1","pubTime":"soon","content":"{}"}`,
		`{"type":"SERVER_PUSH","id":"99999999999999999999","content":"{}"}`,
	}
	for _, f := range bad {
		sc.send(t, f)
	}
	sc.send(t, `{"type":"SOMETHING_NEW","id":"1"}`)
	sc.send(t, `{"type":"HEARTBEAT"}`)
	ctx, cancel := contextWithWait()
	defer cancel()
	require.NoError(t, sc.ws.Write(ctx, websocket.MessageBinary, []byte{0, 1, 2}))
	sc.send(t, pushFrame("9", 9, message(9), ""))

	confirm := sc.expect(t, typeConfirm)
	assert.Equal(t, json.Number("9"), confirm["relatedId"])
	batches := rec.committed()
	require.Len(t, batches, 1)
	require.Len(t, batches[0], 1)
	assert.Equal(t, int64(9), batches[0][0].ID)
	assert.Equal(t, len(bad), h.logs.count("malformed"))
	assert.Equal(t, 1, h.logs.count("unknown type"))
	assert.Equal(t, 1, h.logs.count("binary frame"))
	assert.Empty(t, fs.conns, "skipping a frame must not drop the connection")
}
