package sim

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/require"
)

// wsClient is a minimal 1688 message-channel client written for these
// tests only, so the simulator is never checked by app/msgchan, the code
// it is meant to check.
type wsClient struct {
	t      testing.TB
	conn   *websocket.Conn
	appKey string
	secret string
	frames chan wsFrame
	ended  chan error // the read error that ended the connection
}

// wsFrame is one frame the client read: its type, raw bytes, and the JSON
// decoded with UseNumber (nil when it is not JSON).
type wsFrame struct {
	kind websocket.MessageType
	raw  []byte
	body map[string]any
}

func (f wsFrame) str(key string) string {
	s, _ := f.body[key].(string)
	return s
}

// waitShort bounds every wait of these tests; the channel answers in
// milliseconds on loopback.
const waitShort = 5 * time.Second

func dialChannel(t testing.TB, s *Sim) *wsClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitShort)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, s.ChannelURL(), &websocket.DialOptions{
		HTTPHeader: http.Header{"client_version": {"1"}},
	})
	require.NoError(t, err)
	conn.SetReadLimit(1 << 20)
	c := &wsClient{
		t: t, conn: conn, appKey: DemoAppKey, secret: DemoAppSecret,
		frames: make(chan wsFrame, 100000), ended: make(chan error, 1),
	}
	go c.readLoop()
	t.Cleanup(func() { _ = conn.CloseNow() })
	return c
}

func (c *wsClient) readLoop() {
	for {
		kind, raw, err := c.conn.Read(context.Background())
		if err != nil {
			c.ended <- err
			close(c.frames)
			return
		}
		f := wsFrame{kind: kind, raw: raw}
		_ = decodeNumbers(raw, &f.body)
		c.frames <- f
	}
}

func (c *wsClient) send(v any) {
	c.t.Helper()
	b, err := json.Marshal(v)
	require.NoError(c.t, err)
	ctx, cancel := context.WithTimeout(context.Background(), waitShort)
	defer cancel()
	require.NoError(c.t, c.conn.Write(ctx, websocket.MessageText, b))
}

// signed is a CONNECT or HEARTBEAT frame signed with the client's secret.
func (c *wsClient) signed(typ string) map[string]any {
	now := time.Now().UnixMilli()
	return map[string]any{
		"type": typ, "appKey": c.appKey, "pubTime": now, "costInIsv": 0,
		"sign": channelSign(c.secret, c.appKey, "", now),
	}
}

// connect sends CONNECT and requires CONNECT_ACK.
func (c *wsClient) connect() {
	c.t.Helper()
	c.send(c.signed(frameConnect))
	f := c.next()
	require.Equal(c.t, frameConnectAck, f.str("type"), string(f.raw))
}

// next returns the next frame or fails the test.
func (c *wsClient) next() wsFrame {
	c.t.Helper()
	select {
	case f, ok := <-c.frames:
		require.True(c.t, ok, "the connection ended: %v", c.peekEnd())
		return f
	case <-time.After(waitShort):
		c.t.Fatal("no frame within", waitShort)
	}
	return wsFrame{}
}

// nextPush returns the next SERVER_PUSH and its decoded content.
func (c *wsClient) nextPush() (wsFrame, map[string]any) {
	c.t.Helper()
	f := c.next()
	require.Equal(c.t, framePush, f.str("type"), string(f.raw))
	var content map[string]any
	require.NoError(c.t, decodeNumbers([]byte(f.str("content")), &content))
	return f, content
}

// quiet requires that no frame arrives for d.
func (c *wsClient) quiet(d time.Duration) {
	c.t.Helper()
	select {
	case f, ok := <-c.frames:
		if ok {
			c.t.Fatalf("unexpected frame %s", f.raw)
		}
	case <-time.After(d):
	}
}

// confirm answers a SERVER_PUSH the way §5.3 step 5 says.
func (c *wsClient) confirm(f wsFrame) {
	c.t.Helper()
	c.send(map[string]any{
		"type": frameConfirm, "appKey": c.appKey, "id": "0123456789abcdef0123456789abcdef",
		"pubTime": time.Now().UnixMilli(), "relatedId": json.Number(f.str("id")),
		"relatedMsgTime": f.body["pubTime"], "costInIsv": 1, "msgSource": f.body["msgSource"],
	})
}

// waitEnd requires the server to end the connection.
func (c *wsClient) waitEnd() error {
	c.t.Helper()
	for {
		select {
		case _, ok := <-c.frames:
			if !ok {
				return c.peekEnd()
			}
		case <-time.After(waitShort):
			c.t.Fatal("the connection is still open")
			return nil
		}
	}
}

func (c *wsClient) peekEnd() error {
	select {
	case err := <-c.ended:
		c.ended <- err
		return err
	default:
		return errors.New("still open")
	}
}

// channelSim starts a seeded simulator with channel options.
func channelSim(t *testing.T, ch ChannelOptions) *Sim {
	t.Helper()
	s, _ := startSim(t, Options{Channel: ch, CancelMinAge: -1})
	return s
}

func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), waitShort)
	t.Cleanup(cancel)
	return ctx
}

// num is a JSON number's digits, for digit-for-digit id checks.
func num(t *testing.T, v any) string {
	t.Helper()
	n, ok := v.(json.Number)
	require.True(t, ok, "want a JSON number, got %T %v", v, v)
	return n.String()
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
