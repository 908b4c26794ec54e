package msgchan

import (
	"encoding/json"
	"regexp"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// frameID is the form of a CONFIRM id: a UUID without dashes.
var frameID = regexp.MustCompile(`^[0-9a-f]{32}$`)

func TestParseFrame(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want frame
	}{
		{
			"push as the SDK sends it", `{"content":"{\"msgId\":1}","id":"42","msgSource":"REAL","pubTime":1700000000000,"type":"SERVER_PUSH"}`,
			frame{Type: typeServerPush, ID: "42", PubTime: 1700000000000, Content: `{"msgId":1}`, MsgSource: SourceReal},
		},
		{
			"numbers as strings and an id as a number", `{"type":"SERVER_PUSH","id":42,"pubTime":"17"}`,
			frame{Type: typeServerPush, ID: "42", PubTime: 17},
		},
		{
			"content as an object", `{"type":"SERVER_PUSH","id":"1","content":{"msgId":1}}`,
			frame{Type: typeServerPush, ID: "1", Content: `{"msgId":1}`},
		},
		{
			"nulls are absent", `{"type":"CONNECT_ACK","id":null,"pubTime":null,"content":null,"msgSource":null}`,
			frame{Type: typeConnectAck},
		},
		{"SYSTEM text", `{"type":"SYSTEM","content":"签名错误"}`, frame{Type: typeSystem, Content: "签名错误"}},
		{"extra fields ignored", `{"type":"CLOSE","sign":"X","relatedId":5}`, frame{Type: typeClose}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFrame([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}

	for _, bad := range []string{
		``, `null`, `"x"`, `[]`, `{}`, `{"type":""}`, `{"type":5}`,
		`{"type":"X","pubTime":1.5}`, `{"type":"X","pubTime":"soon"}`, `{"type":"X","msgSource":3}`, `{"type":"X","content":"\u"}`,
	} {
		_, err := parseFrame([]byte(bad))
		assert.Error(t, err, "%s", bad)
	}
}

func TestFramePush(t *testing.T) {
	at := time.Unix(1, 0)
	p, err := frame{Type: typeServerPush, ID: "9223372036854775807", PubTime: 5, Content: "{}", MsgSource: " mock "}.push(at)
	require.NoError(t, err)
	assert.Equal(t, Push{ID: 9223372036854775807, PubTime: 5, Content: "{}", MsgSource: SourceMock, Received: at}, p)

	p, err = frame{ID: "1"}.push(at)
	require.NoError(t, err)
	assert.Equal(t, SourceReal, p.MsgSource, "no msgSource means REAL")

	for _, id := range []string{"", "abc", "1.0", "9223372036854775808", "0x10"} {
		_, err := frame{ID: id}.push(at)
		assert.Error(t, err, "id %q", id)
	}
}

func TestUnwrapMessage(t *testing.T) {
	msg := `{"msgId":1,"type":"T","data":{}}`
	tests := []struct{ in, want string }{
		{msg, msg},
		{`{"message":` + msg + `}`, msg},
		{`{"message":"{\"msgId\":1}"}`, `{"msgId":1}`},
		{` {"message":` + msg + `} `, msg},
		// A business message is never unwrapped, even if it had a message field.
		{`{"msgId":1,"message":{"a":1}}`, `{"msgId":1,"message":{"a":1}}`},
		{`{"type":"T","message":{"a":1}}`, `{"type":"T","message":{"a":1}}`},
		// Nothing to unwrap: passed on as it came, for the consumer to store with its error.
		{`{"message":null}`, `{"message":null}`},
		{`{"message":""}`, `{"message":""}`},
		{`not json`, `not json`},
		{`{broken`, `{broken`},
		{``, ``},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, unwrapMessage(tt.in), "%s", tt.in)
	}
}

func TestOutgoingFramesMatchTheSDK(t *testing.T) {
	b, err := json.Marshal(newSignedFrame(typeHeartbeat, "secretXYZ", "mykey", 1700000000000))
	require.NoError(t, err)
	assert.Equal(t, `{"appKey":"mykey","costInIsv":0,"pubTime":1700000000000,"sign":"B9E65D4592778AE92A46050E139FABC6","type":"HEARTBEAT"}`, string(b))

	received := time.UnixMilli(1700000000000)
	cf := newConfirmFrame("mykey", Push{ID: 3717426277620540788, PubTime: 1699999999999, MsgSource: SourceReal, Received: received}, received.Add(42*time.Millisecond))
	assert.Regexp(t, frameID, cf.ID)
	cf.ID = "fixed"
	b, err = json.Marshal(cf)
	require.NoError(t, err)
	assert.Equal(t, `{"appKey":"mykey","costInIsv":42,"id":"fixed","msgSource":"REAL","pubTime":1700000000042,"relatedId":3717426277620540788,"relatedMsgTime":1699999999999,"type":"CONFIRM"}`, string(b))

	assert.NotEqual(t, newFrameID(), newFrameID())
	// A clock that stepped back must not report a negative handling time.
	assert.Zero(t, newConfirmFrame("k", Push{Received: received}, received.Add(-time.Second)).CostInIsv)
}

// FuzzParseFrame checks that no frame crashes the reader, and that a push the client accepts
// is one it can confirm and would read the same way again.
func FuzzParseFrame(f *testing.F) {
	for _, seed := range []string{
		`{"content":"{\"msgId\":1}","id":"42","msgSource":"REAL","pubTime":1700000000000,"type":"SERVER_PUSH"}`,
		`{"type":"SERVER_PUSH","id":3717426277620540788,"content":{"message":{"msgId":1}}}`,
		`{"type":"SERVER_PUSH","id":"1","content":"{\"message\":\"{\\\"msgId\\\":1}\"}","msgSource":"MOCK"}`,
		`{"type":"SYSTEM","content":"签名错误"}`,
		`{"type":"CONNECT_ACK"}`, `{"type":"CLOSE"}`, `{"type":"X","pubTime":"17"}`,
		`{"type":"SERVER_PUSH","id":"abc"}`, `not json`, `[]`, `{"type":null}`, "\xff",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fr, err := parseFrame(data)
		if err != nil {
			return
		}
		require.NotEmpty(t, fr.Type)
		p, err := fr.push(time.Unix(0, 0))
		if err != nil {
			return
		}
		require.NotEmpty(t, p.MsgSource)

		// The confirm of an accepted push is valid JSON carrying its id as a number.
		b, err := json.Marshal(newConfirmFrame("k", p, time.Unix(0, 0)))
		require.NoError(t, err)
		var back struct {
			RelatedID int64 `json:"relatedId"`
		}
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, p.ID, back.RelatedID)

		// Re-sent as the SDK would send it, the push reads back the same, if its content is
		// text JSON can carry unchanged.
		if !utf8.ValidString(fr.Content) {
			return
		}
		again, err := json.Marshal(map[string]any{"type": typeServerPush, "id": fr.ID, "pubTime": p.PubTime, "content": fr.Content, "msgSource": p.MsgSource})
		require.NoError(t, err)
		fr2, err := parseFrame(again)
		require.NoError(t, err)
		p2, err := fr2.push(p.Received)
		require.NoError(t, err)
		require.Equal(t, p, p2)
	})
}
