package sim

import (
	"net/url"
	"sync"
	"time"
)

// Request is one entry of the simulator's request log.
type Request struct {
	Time      time.Time
	Method    string
	Path      string
	AppKey    string
	API       string     // "namespace:apiName"
	Params    url.Values // decoded form and query, signature included
	Status    int        // HTTP status sent; set even when the response was lost
	ErrorCode string     // error_code, errorCode or code of the answer, if any
	Failure   FailureKind
	Dropped   bool // the connection was closed without a response
}

// traffic counts calls per AppKey per China day and keeps the request log.
type traffic struct {
	mu    sync.Mutex
	calls map[string]map[string]int // appKey → China day → calls
	log   []Request
}

func newTraffic() *traffic { return &traffic{calls: map[string]map[string]int{}} }

// admit decides whether the app still has traffic today. With count set the
// call is counted whether or not it is admitted, so Calls shows every
// request that reached the gateway, as the client's meter does.
func (t *traffic) admit(appKey, day string, limit int, count bool) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := t.calls[appKey][day]
	if count {
		t.addLocked(appKey, day)
		return n < limit
	}
	return n < limit
}

// countAccepted counts a call once it passed the gateway's checks, for
// Options.CountOnlyAccepted.
func (t *traffic) countAccepted(appKey, day string, onlyAccepted bool) {
	if !onlyAccepted {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.addLocked(appKey, day)
}

func (t *traffic) addLocked(appKey, day string) {
	m := t.calls[appKey]
	if m == nil {
		m = map[string]int{}
		t.calls[appKey] = m
	}
	m[day]++
}

func (t *traffic) record(r Request) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.log = append(t.log, r)
}

// Calls is the number of calls counted for appKey on the China day (UTC+8)
// that contains day.
func (s *Sim) Calls(appKey string, day time.Time) int {
	s.traffic.mu.Lock()
	defer s.traffic.mu.Unlock()
	return s.traffic.calls[appKey][chinaDay(day)]
}

// CallsToday is Calls for the simulator clock's current China day.
func (s *Sim) CallsToday(appKey string) int { return s.Calls(appKey, s.opts.Now()) }

// SetCalls sets the counter of a China day, so a test can stand just below
// the cap without making thousands of requests.
func (s *Sim) SetCalls(appKey string, day time.Time, n int) {
	s.traffic.mu.Lock()
	defer s.traffic.mu.Unlock()
	if s.traffic.calls[appKey] == nil {
		s.traffic.calls[appKey] = map[string]int{}
	}
	s.traffic.calls[appKey][chinaDay(day)] = n
}

// Requests returns a copy of the request log, oldest first.
func (s *Sim) Requests() []Request {
	s.traffic.mu.Lock()
	defer s.traffic.mu.Unlock()
	return append([]Request(nil), s.traffic.log...)
}

// RequestsFor returns the logged requests of one API ("namespace:apiName"
// or just the apiName).
func (s *Sim) RequestsFor(api string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.API == api || apiName(r.API) == api {
			out = append(out, r)
		}
	}
	return out
}

func apiName(api string) string {
	for i := len(api) - 1; i >= 0; i-- {
		if api[i] == ':' {
			return api[i+1:]
		}
	}
	return api
}
