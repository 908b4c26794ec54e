package app

import "sync"

// maxQueuedEvents bounds the events waiting for a listener that fell behind; about a minute of
// the channel at full speed.
const maxQueuedEvents = 10_000

// eventQueue hands events from Apply to one listener without ever making Apply wait for it.
type eventQueue struct {
	mu      sync.Mutex
	pending []Event
	max     int
	out     chan Event    // nil until someone listens
	wake    chan struct{} // buffered 1: something was queued
	done    chan struct{}
	once    sync.Once
}

func newEventQueue(maxPending int) *eventQueue {
	return &eventQueue{max: maxPending, wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// listen starts delivery and returns the channel; every call returns the same one.
func (q *eventQueue) listen() <-chan Event {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.out == nil {
		q.out = make(chan Event)
		go q.deliver()
	}
	return q.out
}

// push queues events; it never blocks. Without a listener they are not kept: nobody would read them.
func (q *eventQueue) push(events []Event) {
	if len(events) == 0 {
		return
	}
	q.mu.Lock()
	if q.out == nil {
		q.mu.Unlock()
		return
	}
	q.pending = append(q.pending, events...)
	if over := len(q.pending) - q.max; over > 0 {
		q.pending = append(q.pending[:0], q.pending[over:]...)
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// deliver sends queued events to the listener, one at a time, until close.
func (q *eventQueue) deliver() {
	defer close(q.out)
	for {
		q.mu.Lock()
		if len(q.pending) == 0 {
			q.mu.Unlock()
			select {
			case <-q.wake:
				continue
			case <-q.done:
				return
			}
		}
		e := q.pending[0]
		q.pending[0] = nil
		q.pending = q.pending[1:]
		q.mu.Unlock()
		select {
		case q.out <- e:
		case <-q.done:
			return
		}
	}
}

func (q *eventQueue) close() { q.once.Do(func() { close(q.done) }) }
