package sim

import (
	"net/http"
	"sync"
	"time"
)

// FailureKind says how an injected failure breaks a call.
type FailureKind int

const (
	// NoFailure marks a log entry without an injected failure. As a
	// Failure's Kind it means "only wait Delay, then answer normally".
	NoFailure FailureKind = iota
	// ServerError answers HTTP Failure.Status (default 500) with a gateway
	// error body. 1688.md has no 5xx sample, so the body is a GUESS.
	ServerError
	// RateLimit answers the gateway's rate-limit error: Codes.RateLimit,
	// or Failure.Status/Code/Message when set (e.g. gw.QosRequestLimit).
	RateLimit
	// DropConnection closes the connection without any response.
	DropConnection
	// MalformedJSON answers HTTP 200 with a truncated JSON body.
	MalformedJSON
	// LoseResponse does the work (a fastCreateOrder creates its order) and
	// then closes the connection without the response, the case a client
	// must resolve by looking the order up with its outOrderId.
	LoseResponse
)

// String names the kind for test output.
func (k FailureKind) String() string {
	switch k {
	case NoFailure:
		return "none"
	case ServerError:
		return "server error"
	case RateLimit:
		return "rate limit"
	case DropConnection:
		return "dropped connection"
	case MalformedJSON:
		return "malformed JSON"
	case LoseResponse:
		return "lost response"
	}
	return "unknown"
}

// Failure is a fault to inject into calls of one API.
type Failure struct {
	Kind FailureKind
	// Delay is waited before anything else, so latency combines with any
	// kind. The wait ends early if the client gives up or the simulator
	// closes.
	Delay time.Duration
	// Count limits the failure to the next Count calls; zero means every
	// call until ClearFailures.
	Count int
	// Status, Code and Message override the defaults of ServerError and
	// RateLimit.
	Status  int
	Code    string
	Message string
}

type injector struct {
	mu      sync.Mutex
	pending map[string][]*Failure // API name or "*" → queue
	closed  chan struct{}
	once    sync.Once
}

func newInjector() *injector {
	return &injector{pending: map[string][]*Failure{}, closed: make(chan struct{})}
}

// Inject arranges for calls of api to fail. api is an API name such as
// "alibaba.trade.fastCreateOrder" (also "getToken" and "currentTime"), or
// "*" for every API. Failures queue: a counted one is used up before the
// next one for the same api applies. API-specific failures win over "*".
//
// Note that Go's http.Transport may retry an idempotent request (GET) by
// itself when a reused connection is dropped; each attempt uses one count.
func (s *Sim) Inject(api string, f Failure) {
	s.failures.mu.Lock()
	defer s.failures.mu.Unlock()
	s.failures.pending[api] = append(s.failures.pending[api], &f)
}

// ClearFailures removes every pending injected failure.
func (s *Sim) ClearFailures() {
	s.failures.mu.Lock()
	defer s.failures.mu.Unlock()
	s.failures.pending = map[string][]*Failure{}
}

func (in *injector) take(name string) (Failure, bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, key := range []string{name, "*"} {
		q := in.pending[key]
		if len(q) == 0 {
			continue
		}
		f := q[0]
		if f.Count > 0 {
			f.Count--
			if f.Count == 0 {
				in.pending[key] = q[1:]
			}
		}
		return *f, true
	}
	return Failure{}, false
}

func (in *injector) stop() { in.once.Do(func() { close(in.closed) }) }

// failBefore applies the part of a failure that happens before the work. It
// reports whether the request should go on to be handled.
func (s *Sim) failBefore(w http.ResponseWriter, r *http.Request, ex *exchange, f Failure) bool {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			ex.Dropped = true
			return false
		case <-s.failures.closed:
			ex.Dropped = true
			return false
		}
	}
	switch f.Kind {
	case ServerError:
		e := GatewayError{Status: 500, Code: "gw.InternalError", Message: "injected server error"}
		if f.Status >= 500 {
			e.Status = f.Status
		}
		override(&e, f)
		s.refuse(w, ex, e)
		return false
	case RateLimit:
		e := s.opts.Codes.RateLimit
		if f.Status != 0 {
			e.Status = f.Status
		}
		override(&e, f)
		s.refuse(w, ex, e)
		return false
	case DropConnection:
		ex.Dropped = true
		s.logOnce(ex)
		dropConnection(w)
		return false
	case MalformedJSON:
		ex.Status = http.StatusOK
		s.logOnce(ex)
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"result":{"baseInfo":{"id":37174262776205`))
		return false
	}
	return true
}

func override(e *GatewayError, f Failure) {
	if f.Code != "" {
		e.Code = f.Code
	}
	if f.Message != "" {
		e.Message = f.Message
	}
}

// dropConnection closes the TCP connection without writing a byte, so the
// client sees EOF or a reset instead of an HTTP response.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Only HTTP/2 cannot be hijacked, and this server speaks HTTP/1.1.
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
