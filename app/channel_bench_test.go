package app

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"caigou/app/msgchan"
	"caigou/app/sim"
	"caigou/storage/storagetest"
)

// BenchmarkChannelLoopback is the message path end to end (DESIGN §8, ≥ 3 000 messages/s): the
// simulator pushes over a loopback WebSocket to the real msgchan client, the Tracker stores and
// applies each group-committed batch on a database opened as caigou opens it (synchronous=FULL),
// and the client sends every CONFIRM; the clock stops at the last CONFIRM. A tenth of the pushes
// are duplicates, and the mix of topics is BenchmarkApplyMessages's.
func BenchmarkChannelLoopback(b *testing.B) {
	db := storagetest.OpenTemp(b)
	storagetest.SeedOrders(b, db, benchOrders)
	var keyID int64
	require.NoError(b, db.SQL().QueryRow("SELECT id FROM keys WHERE active = 1").Scan(&keyID))
	var orders []string
	rows, err := db.SQL().Query("SELECT ali_order_id FROM orders WHERE ali_order_id IS NOT NULL")
	require.NoError(b, err)
	for rows.Next() {
		var id string
		require.NoError(b, rows.Scan(&id))
		orders = append(orders, id)
	}
	require.NoError(b, rows.Err())

	// A long confirm timeout: a redelivery would be the benchmark's backlog, not the platform's.
	s, err := sim.Start(sim.Options{Seed: true, Channel: sim.ChannelOptions{ConfirmTimeout: 10 * time.Minute}})
	require.NoError(b, err)
	defer s.Close()
	tr := NewTracker(db, keyID)
	defer tr.Close()
	client, err := msgchan.New(msgchan.Config{
		URL: s.ChannelURL(), AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret, Consumer: tr, Logf: b.Logf,
	})
	require.NoError(b, err)
	ran := make(chan error, 1)
	go func() { ran <- client.Run(b.Context()) }()
	defer func() {
		client.Close()
		require.NoError(b, <-ran)
	}()
	ch := s.Channel()
	require.NoError(b, ch.WaitConnected(b.Context(), sim.DemoAppKey))

	gen := &pushGenerator{rng: rand.New(rand.NewPCG(1688, 3)), orders: orders, next: 1_000_000}
	var sent int
	var spent time.Duration
	for b.Loop() {
		msgs := loopbackMessages(b, gen, loopbackPerIter)
		before := ch.Stats().Confirms
		start := time.Now()
		_, err = ch.PushMessages(sim.DemoAppKey, msgs...)
		require.NoError(b, err)
		require.NoError(b, ch.Wait(b.Context(), func(st sim.ChannelStats) bool { return st.Confirms-before >= len(msgs) }))
		spent += time.Since(start)
		sent += len(msgs)
	}
	require.Zero(b, ch.Stats().Failed)
	b.ReportMetric(float64(sent)/spent.Seconds(), "msgs/s")
}

// loopbackPerIter is the pushes of one iteration: enough for the rate to be the steady one, not
// the latency of the first batch, even under -benchtime 3x.
const loopbackPerIter = 5000

// loopbackMessages makes n pushes for the simulator from the apply benchmark's bodies: every
// tenth repeats an earlier msgId, which the channel sends again as a duplicate. The unreadable
// bodies of that mix are left out: the simulator only pushes well-formed JSON.
func loopbackMessages(b *testing.B, gen *pushGenerator, n int) []sim.Message {
	msgs := make([]sim.Message, 0, n)
	for len(msgs) < n {
		if len(msgs)%10 == 9 {
			msgs = append(msgs, sim.Message{MsgID: msgs[gen.rng.IntN(len(msgs))].MsgID})
			continue
		}
		var body struct {
			MsgID    int64           `json:"msgId"`
			Type     string          `json:"type"`
			UserInfo string          `json:"userInfo"`
			GmtBorn  int64           `json:"gmtBorn"`
			Data     json.RawMessage `json:"data"`
		}
		if json.Unmarshal([]byte(gen.fresh()), &body) != nil {
			continue
		}
		msgs = append(msgs, sim.Message{
			MsgID: body.MsgID, Type: body.Type, UserInfo: body.UserInfo, GmtBorn: time.UnixMilli(body.GmtBorn), Data: body.Data,
		})
	}
	require.Len(b, msgs, n)
	return msgs
}
