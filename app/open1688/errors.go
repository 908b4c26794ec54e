package open1688

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kind sorts errors by what the user can do about them; the app explains each kind in the
// user's language.
type Kind int

// The kinds of Error.
const (
	// KindUnknown: an answer that fits no other kind, e.g. an unknown gw.* code.
	KindUnknown Kind = iota
	// KindAuth: HTTP 401, the access token is missing, wrong or expired.
	KindAuth
	// KindPermission: gw.APIACLDecline, the API is not part of the subscribed solution.
	KindPermission
	// KindSignature: the gateway refused the AppKey or the signature made with the AppSecret.
	KindSignature
	// KindBadParameter: a parameter is missing or malformed (gw.Param*).
	KindBadParameter
	// KindRateLimit: too many calls in a short time (gw.Qos*); retried with backoff.
	KindRateLimit
	// KindQuota: the gateway says the key's calls are used up: gw.NoUsageLeftError, or the
	// daily cap's gw.QosAppFrequencyLimit when it persists through every retry.
	KindQuota
	// KindBudget: caigou itself refused the call to stay inside the daily budget, and sent
	// nothing. It is its own kind because no request was made and, for a background call, the
	// user's own actions may still go through on the reserve.
	KindBudget
	// KindNotFound: the API, order or other object does not exist.
	KindNotFound
	// KindBusiness: the API ran and answered success false, e.g. an order that cannot be placed.
	KindBusiness
	// KindNetwork: no usable answer: the connection failed, timed out, or the gateway answered 5xx.
	KindNetwork
)

var kindNames = [...]string{
	KindUnknown:      "unknown",
	KindAuth:         "auth",
	KindPermission:   "permission",
	KindSignature:    "signature",
	KindBadParameter: "bad-parameter",
	KindRateLimit:    "rate-limit",
	KindQuota:        "quota",
	KindBudget:       "budget",
	KindNotFound:     "not-found",
	KindBusiness:     "business",
	KindNetwork:      "network",
}

// String is the kind's stable name, fit for logs and the wizard's stored check error.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("kind(%d)", int(k))
	}
	return kindNames[k]
}

// ErrBudgetExhausted is the cause of a KindBudget error: today's calls reached the limit for
// this kind of call, so the client made no request. errors.Is finds it through *Error.
var ErrBudgetExhausted = errors.New("open1688: the daily call budget is used up")

// maxKeptBody is how much of a failed response Error.Body keeps for diagnostics.
const maxKeptBody = 4 << 10

// Error is every failure of a gateway call, normalised: gateway errors (HTTP 4xx/5xx with
// error_code), business errors (HTTP 200 with success false), network failures and the local
// budget refusal. Its Error text never holds the AppSecret or the access token, nor the raw body.
type Error struct {
	Kind      Kind
	API       string // the API name, e.g. "alibaba.trade.get.buyerView"
	Status    int    // HTTP status; 0 when no answer came
	Code      string // error_code, errorCode or code as 1688 sent it; "" when it sent none
	Message   string // 1688's message, often Chinese; for diagnostics, not for the user
	RequestID string // request_id, when the gateway sent one
	// Body is the start of the raw answer, secrets removed, for diagnostics only: never show it
	// to a user, and Error() leaves it out.
	Body []byte
	// Err is the cause when there is one: a network error, a context error, ErrBudgetExhausted.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("open1688: ")
	if e.API != "" {
		b.WriteString(e.API + ": ")
	}
	b.WriteString(e.Kind.String())
	if e.Status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	}
	if e.Code != "" {
		b.WriteString(": " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" [request " + e.RequestID + "]")
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap gives errors.Is and errors.As the cause.
func (e *Error) Unwrap() error { return e.Err }

// KindOf is the Kind of the *Error in err's chain, or KindUnknown when there is none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}

// codeKinds maps the codes of 1688.md §4.1 and §7 to kinds. Config.CodeKinds overrides it.
var codeKinds = map[string]Kind{
	"401":                     KindAuth,
	"gw.APIACLDecline":        KindPermission,
	"gw.SignatureInvalid":     KindSignature,
	"gw.SignatureMissing":     KindSignature,
	"gw.AppKeyNotFound":       KindSignature,
	"gw.AppKeyMissing":        KindSignature,
	"gw.ParamMissing":         KindBadParameter,
	"gw.QosRequestLimit":      KindRateLimit,
	"gw.QosAppFrequencyLimit": KindRateLimit, // or the daily cap: see capCodes
	"gw.NoUsageLeftError":     KindQuota,
	"gw.APIUnsupported":       KindNotFound,
	"ORDER_NOT_EXIST":         KindNotFound, // alibaba.trade.cancel
	"404":                     KindNotFound, // getLogisticsTraceInfo.buyerView
	// The token route may answer in OAuth's words (GUESS, 1688.md §2.2): a refused refresh token
	// needs a new authorization; a refused client_secret is a wrong AppSecret.
	"invalid_grant":  KindAuth,
	"invalid_client": KindSignature,
}

// capCodes are the rate-limit codes that also answer an exhausted daily cap. 1688.md §4.1 names
// gw.QosAppFrequencyLimit a frequency limit, and §4.3 retries it; §7 has the gateway answer the
// daily cap with it too. So it is retried as a rate limit, and when it persists through every
// attempt (a per-second limit clears within the backoff, the daily cap does not) the call
// reports KindQuota. GUESS: Config.CodeKinds pins the code to one kind and turns this off.
var capCodes = map[string]bool{"gw.QosAppFrequencyLimit": true}

// kindFor classifies an answer by its code, then by code family, then by HTTP status. business
// says the answer was HTTP 200 with success false.
func kindFor(code string, status int, business bool) Kind {
	if k, ok := codeKinds[code]; ok {
		return k
	}
	switch {
	case strings.HasPrefix(code, "gw.Qos"):
		return KindRateLimit
	case strings.HasPrefix(code, "gw.Param"):
		return KindBadParameter
	case business:
		return KindBusiness
	case status == 401:
		return KindAuth
	case status == 403:
		return KindPermission
	case status == 404:
		return KindNotFound
	case status == 429:
		return KindRateLimit
	case status >= 500:
		return KindNetwork
	}
	return KindUnknown
}

// gatewayError reads a non-2xx answer: {"error_code","error_message","request_id"} (1688.md
// §4.1), the camel-case fallbacks the SDK also reads, or OAuth's {"error","error_description"}
// from the token route. A body that is not JSON still gives an error by its status.
func gatewayError(status int, body []byte) *Error {
	fields := jsonFields(body)
	code := firstField(fields, "error_code", "errorCode", "code", "error")
	e := &Error{
		Status:    status,
		Code:      code,
		Message:   firstField(fields, "error_message", "errorMessage", "message", "error_description"),
		RequestID: firstField(fields, "request_id", "requestId"),
		Body:      truncateBody(body),
	}
	e.Kind = kindFor(code, status, false)
	return e
}

// businessError finds a failure in an HTTP 200 body, or returns nil. 1688.md §4.2: the body is a
// failure when success is false (a JSON boolean or the string "false"), or when it has no success
// flag but carries an error code. success true with an error message is not a failure: an order
// without a trace yet answers {"errorMessage":"该订单没有物流跟踪信息。","success":true}.
func businessError(body []byte) *Error {
	fields := jsonFields(body)
	if fields == nil {
		return nil
	}
	code := firstField(fields, "errorCode", "code", "error_code")
	if success, ok := fields["success"]; ok {
		if !isFalse(success) {
			return nil
		}
	} else if code == "" || firstField(fields, "errorCode", "error_code") == "" {
		// Without a success flag only an errorCode says failure; a bare "code" may be data.
		return nil
	}
	return &Error{
		Kind:    kindFor(code, 200, true),
		Status:  200,
		Code:    code,
		Message: firstField(fields, "errorMessage", "errorMsg", "erroMsg", "message", "error_message"),
		Body:    truncateBody(body),
	}
}

// jsonFields is the top level of a JSON object, or nil when body is not one.
func jsonFields(body []byte) map[string]json.RawMessage {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil {
		return nil
	}
	return fields
}

// firstField is the first of keys present with a non-empty value, as text: strings unquoted,
// numbers as written (codes such as 500 come as either).
func firstField(fields map[string]json.RawMessage, keys ...string) string {
	for _, k := range keys {
		raw, ok := fields[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if s != "" {
				return s
			}
			continue
		}
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			return n.String()
		}
	}
	return ""
}

// isFalse reports whether a success flag says failure: false or "false" in any case.
func isFalse(raw json.RawMessage) bool {
	var b bool
	if json.Unmarshal(raw, &b) == nil {
		return !b
	}
	var s string
	return json.Unmarshal(raw, &s) == nil && strings.EqualFold(strings.TrimSpace(s), "false")
}

// truncateBody copies the start of body, cut at a character boundary.
func truncateBody(body []byte) []byte {
	if len(body) <= maxKeptBody {
		return append([]byte(nil), body...)
	}
	cut := maxKeptBody
	for cut > 0 && !utf8.RuneStart(body[cut]) {
		cut--
	}
	return append([]byte(nil), body[:cut]...)
}
