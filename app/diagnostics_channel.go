package app

import (
	"sync"
	"time"

	"caigou/app/applog"
	"caigou/app/msgchan"
)

// keptChannelChanges is how many of the message channel's state changes the App remembers.
const keptChannelChanges = 200

// ChannelStateChange is one change of the message channel's state: it connected, dropped, was
// refused, got a SYSTEM frame. The diagnostics file lists them.
type ChannelStateChange struct {
	At     time.Time
	Status msgchan.Status
	Detail string // the error or SYSTEM frame behind the change, secrets removed; "" for none
}

// channelHistory is a ring of the last keptChannelChanges changes. The zero value is ready, and
// it is safe for concurrent use.
type channelHistory struct {
	mu      sync.Mutex
	ring    [keptChannelChanges]ChannelStateChange
	next    int // where the next change goes
	n       int // how many the ring holds
	lastErr time.Time
}

// ChannelHistory is the message channel's last 200 state changes in this run, oldest first.
func (a *App) ChannelHistory() []ChannelStateChange { return a.channels.list() }

// ChannelState is the message channel's latest state change; ok is false when tracking has not
// run yet.
func (a *App) ChannelState() (latest ChannelStateChange, ok bool) { return a.channels.latest() }

// follow records what events bring until the subscription ends; a closed subscription still
// hands over what it buffered, so the channel's last state is not lost.
func (h *channelHistory) follow(events <-chan msgchan.Event) {
	for ev := range events {
		h.observe(ev)
	}
}

// observe records ev when it changes the status, brings a new error or carries a SYSTEM frame;
// an event that only notes a push is not a change of state.
func (h *channelHistory) observe(ev msgchan.Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	st := ev.State
	last, seen := h.latestLocked()
	newStatus := !seen || last.Status != st.Status
	newErr := st.Err != nil && !st.ErrAt.Equal(h.lastErr)
	if !newStatus && !newErr && ev.System == nil {
		return
	}
	c := ChannelStateChange{At: st.Since, Status: st.Status}
	switch {
	case ev.System != nil:
		c.Detail = "SYSTEM " + systemKindName(ev.System.Kind) + ": " + ev.System.Text
		c.At = ev.System.At
	case newErr:
		c.Detail = st.Err.Error()
		if !newStatus {
			c.At = st.ErrAt
		}
	}
	if newErr {
		h.lastErr = st.ErrAt
	}
	if c.At.IsZero() {
		c.At = time.Now()
	}
	c.Detail = applog.Redact(c.Detail)
	h.ring[h.next] = c
	h.next = (h.next + 1) % keptChannelChanges
	h.n = min(h.n+1, keptChannelChanges)
}

func (h *channelHistory) list() []ChannelStateChange {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]ChannelStateChange, 0, h.n)
	start := (h.next - h.n + keptChannelChanges) % keptChannelChanges
	for i := range h.n {
		out = append(out, h.ring[(start+i)%keptChannelChanges])
	}
	return out
}

func (h *channelHistory) latest() (ChannelStateChange, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.latestLocked()
}

func (h *channelHistory) latestLocked() (ChannelStateChange, bool) {
	if h.n == 0 {
		return ChannelStateChange{}, false
	}
	return h.ring[(h.next-1+keptChannelChanges)%keptChannelChanges], true
}

// systemKindName names a SYSTEM frame's kind for the diagnostics file.
func systemKindName(k msgchan.SystemKind) string {
	switch k {
	case msgchan.SystemBadCredentials:
		return "bad credentials"
	case msgchan.SystemRefused:
		return "refused"
	}
	return "notice"
}
