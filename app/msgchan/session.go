package msgchan

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// session is the life of one socket: from the dial to its close.
type session struct {
	c    *Client
	conn *websocket.Conn
	raw  *rawConn

	// life is not derived from Run's context: when Run's context ends, the close frame must
	// still go out, and coder/websocket drops a connection whose read context is cancelled.
	life context.Context
	end  context.CancelFunc

	acked   atomic.Bool
	ackc    chan struct{}               // CONNECT_ACK, once
	readErr chan error                  // why reading stopped, once
	pushes  chan Push                   // reader → applier; full means the consumer is behind
	refusal atomic.Pointer[SystemError] // the last SYSTEM refusal
}

type sessionResult struct {
	acked   bool // the server accepted CONNECT
	refused bool // a SYSTEM frame refused the session
	err     error
}

func (c *Client) session(ctx context.Context) sessionResult {
	c.obs.update(func(s *State) { c.setStatus(s, Connecting) }, nil)
	conn, raw, err := c.dial(ctx)
	if err != nil {
		return sessionResult{err: err}
	}
	life, end := context.WithCancel(context.Background())
	s := &session{
		c: c, conn: conn, raw: raw, life: life, end: end,
		ackc:    make(chan struct{}, 1),
		readErr: make(chan error, 1),
		pushes:  make(chan Push, c.cfg.BatchSize),
	}
	var wg sync.WaitGroup
	wg.Go(s.readLoop)
	wg.Go(func() { s.applyLoop(ctx) })
	err = s.control(ctx)
	s.shutdown()
	wg.Wait()

	res := sessionResult{acked: s.acked.Load(), err: err}
	if refusal := s.refusal.Load(); refusal != nil && (!res.acked || refusal.Kind == SystemBadCredentials) {
		// The SYSTEM text says more than the socket error that followed it.
		res.err, res.refused = refusal, true
	}
	return res
}

// control sends CONNECT until acknowledged, then heartbeats, until the socket fails or ctx ends.
func (s *session) control(ctx context.Context) error {
	cfg := &s.c.cfg
	if err := s.sendSigned(typeConnect); err != nil {
		return err
	}
	resend := time.NewTicker(cfg.AckTimeout)
	defer resend.Stop()
	var heartbeat *time.Ticker
	var beats <-chan time.Time // nil until connected, so no heartbeat goes out before
	defer func() {
		if heartbeat != nil {
			heartbeat.Stop()
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-s.readErr:
			return err
		case <-s.ackc:
			resend.Stop()
			heartbeat = time.NewTicker(cfg.HeartbeatEvery)
			beats = heartbeat.C
		case <-resend.C:
			cfg.Logf("msgchan: no CONNECT_ACK within %v, sending CONNECT again", cfg.AckTimeout)
			if err := s.sendSigned(typeConnect); err != nil {
				return err
			}
		case <-beats:
			if err := s.sendSigned(typeHeartbeat); err != nil {
				return err
			}
		}
	}
}

// shutdown sends a close frame and gives the server CloseWait to answer, then cuts the
// connection, so it returns within about CloseWait whatever the server does.
func (s *session) shutdown() {
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		_ = s.conn.Close(websocket.StatusNormalClosure, "") // a failed handshake changes nothing now
	}()
	wait := time.NewTimer(s.c.cfg.CloseWait)
	defer wait.Stop()
	select {
	case <-closed:
	case <-wait.C:
	}
	s.end()
	s.raw.close()
	<-closed
}

func (s *session) sendSigned(typ string) error {
	f := newSignedFrame(typ, s.c.cfg.AppSecret, s.c.cfg.AppKey, s.c.cfg.Now().UnixMilli())
	if err := s.write(f); err != nil {
		return fmt.Errorf("msgchan: send %s: %w", typ, err)
	}
	return nil
}

// write sends one frame; a write that does not finish in WriteTimeout drops the connection,
// which is how a dead socket shows up when the server sends nothing.
func (s *session) write(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(s.life, s.c.cfg.WriteTimeout)
	defer cancel()
	return s.conn.Write(ctx, websocket.MessageText, data)
}

// stopReading records why the reader stopped; only the first reason counts.
func (s *session) stopReading(err error) {
	select {
	case s.readErr <- err:
	default:
	}
}
