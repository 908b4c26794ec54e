package msgchan

import (
	"sync"
	"time"
)

// Status is where the channel stands.
type Status int

const (
	// Disconnected: no socket, either before Run, between reconnects or after Close.
	Disconnected Status = iota
	// Connecting: dialing, or waiting for CONNECT_ACK.
	Connecting
	// Connected: CONNECT_ACK received; pushes flow and heartbeats go out.
	Connected
)

func (s Status) String() string {
	switch s {
	case Disconnected:
		return "disconnected"
	case Connecting:
		return "connecting"
	case Connected:
		return "connected"
	}
	return "unknown"
}

// State is a snapshot of the channel for the wizard and the status bar.
type State struct {
	Status     Status
	Since      time.Time   // when Status last changed
	Err        error       // the last error, kept after a later success so a screen can still explain it
	ErrAt      time.Time   // when Err happened
	LastPush   time.Time   // when the last SERVER_PUSH arrived; zero if none yet
	LastSystem SystemEvent // the last SYSTEM frame; zero At if none yet
}

// Event is one change of State. System is set when a SYSTEM frame caused it.
type Event struct {
	State  State
	System *SystemEvent
}

// subscriberBuffer is small on purpose: a subscriber that falls behind loses the oldest
// events, and the newest event always holds the whole current State.
const subscriberBuffer = 8

// observer keeps the State and fans its changes out without ever blocking the caller, since
// the caller is often the goroutine reading frames.
type observer struct {
	mu    sync.Mutex
	state State
	subs  map[chan Event]struct{}
}

func (o *observer) snapshot() State {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.state
}

// update changes the state under the lock and publishes the result.
func (o *observer) update(change func(*State), system *SystemEvent) {
	o.mu.Lock()
	defer o.mu.Unlock()
	change(&o.state)
	ev := Event{State: o.state, System: system}
	for ch := range o.subs {
		deliverLatest(ch, ev)
	}
}

// deliverLatest sends ev, dropping the oldest buffered event when the buffer is full. Only
// update sends, under the observer's lock, so after one drop there is room.
func deliverLatest(ch chan Event, ev Event) {
	select {
	case ch <- ev:
		return
	default:
	}
	select {
	case <-ch:
	default:
	}
	select {
	case ch <- ev:
	default:
	}
}

func (o *observer) subscribe() (<-chan Event, func()) {
	ch := make(chan Event, subscriberBuffer)
	o.mu.Lock()
	if o.subs == nil {
		o.subs = map[chan Event]struct{}{}
	}
	o.subs[ch] = struct{}{}
	// The current state comes first, so a new screen need not also call State.
	ch <- Event{State: o.state}
	o.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			o.mu.Lock()
			delete(o.subs, ch)
			close(ch) // safe: only update sends, and it holds the lock
			o.mu.Unlock()
		})
	}
}
