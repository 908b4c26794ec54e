package msgchan

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/require"
)

// This file is the in-test 1688 channel: a WebSocket server whose every connection the test
// scripts frame by frame. It deliberately knows nothing of app/sim.

const (
	testKey    = "testkey"
	testSecret = "S3cr3t-never-logged"
	waitLimit  = 5 * time.Second // generous for -race on two shared cores
)

type fakeServer struct {
	srv   *httptest.Server
	conns chan *serverConn
}

// serverConn is one accepted connection. Frames the client sends arrive on in; closed is
// closed when the client's side is gone, and closeErr says how it went.
type serverConn struct {
	ws       *websocket.Conn
	header   http.Header
	in       chan map[string]any
	closed   chan struct{}
	closeErr error
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	fs := &fakeServer{conns: make(chan *serverConn, 16)}
	fs.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		sc := &serverConn{
			ws: ws, header: r.Header.Clone(),
			in: make(chan map[string]any, 1000), closed: make(chan struct{}),
		}
		fs.conns <- sc
		sc.serve()
	}))
	t.Cleanup(fs.srv.Close)
	return fs
}

// silentServer reads the client's CONNECT and then neither reads nor writes: a server that
// stops answering, so nothing replies to a close frame. accepted reports each CONNECT read,
// which proves the client's session is up, past its dial.
func silentServer(t *testing.T) (url string, accepted chan struct{}) {
	t.Helper()
	accepted = make(chan struct{}, 4)
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer ws.CloseNow()
		if _, _, err := ws.Read(r.Context()); err != nil {
			return
		}
		accepted <- struct{}{}
		<-stop
	}))
	t.Cleanup(func() { close(stop); srv.Close() })
	return wsURL(srv), accepted
}

func wsURL(srv *httptest.Server) string {
	return "ws" + strings.TrimPrefix(srv.URL, "http") + "/websocket"
}

func (fs *fakeServer) url() string { return wsURL(fs.srv) }

func (sc *serverConn) serve() {
	defer close(sc.closed)
	for {
		_, data, err := sc.ws.Read(context.Background())
		if err != nil {
			sc.closeErr = err
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber() // relatedId must stay exact beyond 2^53
		var m map[string]any
		if dec.Decode(&m) != nil {
			m = map[string]any{"unparsable": string(data)}
		}
		sc.in <- m
	}
}

// next waits for the server to accept the client's next connection.
func (fs *fakeServer) next(t *testing.T) *serverConn {
	t.Helper()
	select {
	case sc := <-fs.conns:
		return sc
	case <-time.After(waitLimit):
		require.FailNow(t, "the client did not connect")
		return nil
	}
}

// expect returns the next frame the client sent and checks its type.
func (sc *serverConn) expect(t *testing.T, typ string) map[string]any {
	t.Helper()
	select {
	case m := <-sc.in:
		require.Equal(t, typ, m["type"], "frame %v", m)
		return m
	case <-time.After(waitLimit):
		require.FailNow(t, "no frame from the client", "waited for %s", typ)
		return nil
	}
}

// expectNone checks that the client sends nothing for d.
func (sc *serverConn) expectNone(t *testing.T, d time.Duration) {
	t.Helper()
	select {
	case m := <-sc.in:
		require.FailNow(t, "unexpected frame", "%v", m)
	case <-time.After(d):
	}
}

func (sc *serverConn) send(t *testing.T, frame string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	require.NoError(t, sc.ws.Write(ctx, websocket.MessageText, []byte(frame)))
}

// accept answers the CONNECT the client sends first.
func (sc *serverConn) accept(t *testing.T) map[string]any {
	t.Helper()
	connect := sc.expect(t, typeConnect)
	sc.send(t, `{"type":"CONNECT_ACK"}`)
	return connect
}

// waitClosed waits until the client's side of the connection is gone.
func (sc *serverConn) waitClosed(t *testing.T) {
	t.Helper()
	select {
	case <-sc.closed:
	case <-time.After(waitLimit):
		require.FailNow(t, "the client did not close the connection")
	}
}

func pushFrame(id string, pubTime int64, content, source string) string {
	f := map[string]any{"type": typeServerPush, "id": id, "pubTime": pubTime, "content": content}
	if source != "" {
		f["msgSource"] = source
	}
	b, _ := json.Marshal(f)
	return string(b)
}

func message(msgID int64) string {
	return fmt.Sprintf(`{"msgId":%d,"type":"ORDER_BUYER_VIEW_ORDER_PAY","userInfo":"b2b-1","gmtBorn":1700000000000,"data":{"orderId":3717426277620540788}}`, msgID)
}
