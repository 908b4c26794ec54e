package msgchan

import (
	"fmt"

	"github.com/coder/websocket"
)

// readLoop reads frames until the socket fails or the server sends CLOSE. It never waits for
// a listener; it waits only for the applier, when the consumer is a full queue behind.
func (s *session) readLoop() {
	for {
		typ, data, err := s.conn.Read(s.life)
		if err != nil {
			s.stopReading(fmt.Errorf("msgchan: read: %w", err))
			return
		}
		if typ != websocket.MessageText {
			s.c.cfg.Logf("msgchan: skipped a binary frame of %d bytes", len(data))
			continue
		}
		if !s.handle(data) {
			return
		}
	}
}

// handle acts on one text frame and reports whether to keep reading.
func (s *session) handle(data []byte) bool {
	cfg := &s.c.cfg
	f, err := parseFrame(data)
	if err != nil {
		cfg.Logf("msgchan: skipped a malformed frame (%v): %s", err, excerpt(data))
		return true
	}
	switch f.Type {
	case typeConnectAck:
		if s.acked.CompareAndSwap(false, true) {
			// Marked here, not in the control loop, so a push right behind the ACK never
			// shows a connecting channel with a last push.
			s.c.obs.update(func(st *State) { s.c.setStatus(st, Connected) }, nil)
			s.ackc <- struct{}{}
		}
	case typeServerPush:
		return s.onPush(f, data)
	case typeSystem:
		s.onSystem(f.Content)
	case typeClose:
		s.stopReading(ErrServerClose)
		return false
	case typeHeartbeat, typeConfirm, typeConnect, typeClientPush:
		// The SDK ignores these from the server; a heartbeat reply, if 1688 sends one, is one.
	default:
		cfg.Logf("msgchan: skipped a frame of unknown type %.40q", f.Type)
	}
	return true
}

func (s *session) onPush(f frame, data []byte) bool {
	now := s.c.cfg.Now()
	p, err := f.push(now)
	if err != nil {
		s.c.cfg.Logf("msgchan: skipped a malformed push (%v): %s", err, excerpt(data))
		return true
	}
	s.c.obs.update(func(st *State) { st.LastPush = now }, nil)
	select {
	case s.pushes <- p:
		return true
	case <-s.life.Done():
		return false
	}
}

func (s *session) onSystem(text string) {
	cfg := &s.c.cfg
	ev := SystemEvent{
		Kind: classifySystem(text, s.acked.Load(), cfg.IsBadCredentials),
		Text: text,
		At:   cfg.Now(),
	}
	cfg.Logf("msgchan: SYSTEM frame: %.200q", text)
	var refusal *SystemError
	if ev.Kind != SystemNotice {
		refusal = &SystemError{Kind: ev.Kind, Text: text}
		s.refusal.Store(refusal)
	}
	s.c.obs.update(func(st *State) {
		st.LastSystem = ev
		if refusal != nil {
			st.Err, st.ErrAt = refusal, ev.At
		}
	}, &ev)
}

// excerpt keeps log lines short: frames come from the server, so they hold no secret, but a
// push can be kilobytes long.
func excerpt(data []byte) string {
	const limit = 200
	if len(data) > limit {
		return fmt.Sprintf("%q…", data[:limit])
	}
	return fmt.Sprintf("%q", data)
}
