package sim

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// contentType is sent on every response: the official Java SDK rejects a
// response without one (1688.md §1.2).
const contentType = "application/json;charset=UTF-8"

// call is one accepted gateway request on its way to an API handler.
type call struct {
	s      *Sim
	api    string // "namespace:apiName"
	app    App
	buyer  *Buyer // nil for APIs that need no token
	params url.Values
	now    time.Time
}

// apiHandler returns either a business body (sent with HTTP 200) or a
// gateway refusal such as gw.ParamMissing.
type apiHandler func(*call) (any, *GatewayError)

type apiDef struct {
	needsToken bool
	handle     apiHandler
}

// apis maps "namespace:apiName" to its handler. A name under the wrong
// namespace is simply absent, which is how the real gateway answers
// gw.APIUnsupported for logistics APIs called in com.alibaba.trade.
var apis = map[string]apiDef{
	"system:currentTime":                                                  {false, currentTime},
	"com.alibaba.trade:alibaba.createOrder.preview":                       {true, previewOrder},
	"com.alibaba.trade:alibaba.trade.fastCreateOrder":                     {true, fastCreateOrder},
	"com.alibaba.trade:alibaba.trade.get.buyerView":                       {true, buyerView},
	"com.alibaba.trade:alibaba.trade.getBuyerOrderList":                   {true, buyerOrderList},
	"com.alibaba.trade:alibaba.trade.cancel":                              {true, cancelOrder},
	"com.alibaba.trade:alibaba.alipay.url.get":                            {true, alipayURL},
	"com.alibaba.product:alibaba.product.get":                             {true, productGet},
	"com.alibaba.logistics:alibaba.trade.getLogisticsInfos.buyerView":     {true, logisticsInfos},
	"com.alibaba.logistics:alibaba.trade.getLogisticsTraceInfo.buyerView": {true, logisticsTrace},
	// The replay APIs are signed but need no user token (1688.md §5.5).
	"cn.alibaba.open:push.query.messageList":  {false, queryMessages},
	"cn.alibaba.open:push.message.confirm":    {false, confirmMessages},
	"cn.alibaba.open:push.cursor.messageList": {false, cursorMessages},
}

func (s *Sim) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/openapi/", s.serveGateway)
	mux.HandleFunc("/websocket", s.serveChannel)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, gatewayBody(GatewayError{404, "gw.APIUnsupported", "no such path"}))
	})
	return mux
}

// serveGateway checks a request in the order the real gateway is reported
// to (1688.md §2.3: token, then ACL, then parameters), after the checks
// that need no user: path, AppKey, traffic cap and signature.
func (s *Sim) serveGateway(w http.ResponseWriter, r *http.Request) {
	ex := &exchange{Request: Request{Time: s.opts.Now(), Method: r.Method, Path: r.URL.Path}}
	defer s.logOnce(ex)

	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		s.refuse(w, ex, GatewayError{405, "gw.MethodNotAllowed", "use GET or POST"})
		return
	}
	if err := r.ParseForm(); err != nil {
		s.refuse(w, ex, GatewayError{400, s.opts.Codes.ParamInvalid, "cannot parse the request: " + err.Error()})
		return
	}
	ex.Params = cloneValues(r.Form)

	urlPath := strings.TrimPrefix(r.URL.Path, "/openapi/")
	protocol, ns, name, appKey, perr := parsePath(urlPath)
	if perr != nil {
		s.refuse(w, ex, *perr)
		return
	}
	ex.AppKey, ex.API = appKey, ns+":"+name
	app, ok := s.app(appKey)
	if !ok {
		s.refuse(w, ex, GatewayError{400, "gw.AppKeyNotFound", "AppKey is not found: " + appKey})
		return
	}
	if !s.traffic.admit(appKey, chinaDay(ex.Time), s.capOf(app), !s.opts.CountOnlyAccepted) {
		s.refuse(w, ex, s.opts.Codes.Cap)
		return
	}

	f, injected := s.failures.take(name)
	if injected {
		ex.Failure = f.Kind
		if !s.failBefore(w, r, ex, f) {
			return
		}
	}

	if ns == "system.oauth2" && name == "getToken" {
		// The token route is unsigned (1688.md §2.2) and answers in OAuth
		// style, so it skips the signature, token and ACL checks.
		s.traffic.countAccepted(appKey, chinaDay(ex.Time), s.opts.CountOnlyAccepted)
		status, tokBody := s.getToken(app, r.Form)
		s.finish(w, ex, f, injected, status, tokBody)
		return
	}
	def, ok := apis[ex.API]
	if !ok || protocol != "param2" {
		s.refuse(w, ex, GatewayError{400, "gw.APIUnsupported", "API is not supported: " + ex.API})
		return
	}
	c := &call{s: s, api: ex.API, app: app, params: r.Form, now: ex.Time}
	if gerr := s.authorize(c, def, urlPath); gerr != nil {
		s.refuse(w, ex, *gerr)
		return
	}
	s.traffic.countAccepted(appKey, chinaDay(ex.Time), s.opts.CountOnlyAccepted)
	body, gerr := def.handle(c)
	if gerr != nil {
		s.refuse(w, ex, *gerr)
		return
	}
	s.finish(w, ex, f, injected, http.StatusOK, body)
}

// parsePath splits "{protocol}/1/{namespace}/{apiName}/{appKey}".
func parsePath(urlPath string) (protocol, ns, name, appKey string, gerr *GatewayError) {
	parts := strings.Split(urlPath, "/")
	if len(parts) == 4 && parts[0] == "param2" {
		return "", "", "", "", &GatewayError{400, "gw.AppKeyMissing", "appKey is missing from the path"}
	}
	if len(parts) != 5 || (parts[0] != "param2" && parts[0] != "http") || parts[1] != "1" {
		return "", "", "", "", &GatewayError{400, "gw.APIUnsupported", "unsupported protocol, version or path"}
	}
	return parts[0], parts[2], parts[3], parts[4], nil
}

// authorize runs the signature, token and ACL checks.
func (s *Sim) authorize(c *call, def apiDef, urlPath string) *GatewayError {
	got := c.params.Get("_aop_signature")
	if got == "" {
		return &GatewayError{400, "gw.SignatureMissing", "_aop_signature is required"}
	}
	if !signatureMatches(got, signature(urlPath, c.params, c.app.Secret)) {
		return &GatewayError{400, "gw.SignatureInvalid", "Signature is invalid"}
	}
	if def.needsToken {
		tok := c.params.Get("access_token")
		if tok == "" {
			// 1688.md §2.3: the live gateway says "authenticated" for a
			// missing token and "authorized" for a bad or expired one.
			return &GatewayError{401, "401", "Request need user authenticated"}
		}
		b, ok := s.tokenOwner(c.app.Key, tok)
		if !ok {
			return &GatewayError{401, "401", "Request need user authorized"}
		}
		c.buyer = b
		if !c.app.allows(c.api) {
			return &GatewayError{400, "gw.APIACLDecline", "AppKey is not allowed(acl)"}
		}
	}
	return nil
}

func (s *Sim) capOf(a App) int {
	if a.DailyCap > 0 {
		return a.DailyCap
	}
	return s.opts.DailyCap
}

// finish writes a handled response, or drops the connection after the work
// is done when the injected failure says the response is lost.
func (s *Sim) finish(w http.ResponseWriter, ex *exchange, f Failure, injected bool, status int, body any) {
	if injected && f.Kind == LoseResponse {
		ex.Status = status
		ex.Dropped = true
		s.logOnce(ex)
		dropConnection(w)
		return
	}
	ex.Status = status
	ex.ErrorCode = businessCode(body)
	s.logOnce(ex)
	writeJSON(w, status, body)
}

func (s *Sim) refuse(w http.ResponseWriter, ex *exchange, e GatewayError) {
	ex.Status, ex.ErrorCode = e.Status, e.Code
	s.logOnce(ex)
	writeJSON(w, e.Status, gatewayBody(e))
}

// exchange is a request on its way through the gateway.
type exchange struct {
	Request
	logged bool
}

// logOnce records the exchange before the client can see the answer, so a
// test that reads Requests right after a response always finds it there.
func (s *Sim) logOnce(ex *exchange) {
	if !ex.logged {
		ex.logged = true
		s.traffic.record(ex.Request)
	}
}

func gatewayBody(e GatewayError) map[string]any {
	return map[string]any{"error_code": e.Code, "error_message": e.Message, "request_id": requestID()}
}

func requestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// writeJSON never escapes <, > and & because pay URLs carry & and 1688
// sends them plain.
func writeJSON(w http.ResponseWriter, status int, body any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error_code":"gw.InternalError","error_message":"simulator could not encode its answer"}`)
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// currentTime answers system/currentTime with the gateway's clock as a bare
// JSON string (1688.md §7.3).
func currentTime(c *call) (any, *GatewayError) { return aopTime(c.now), nil }
