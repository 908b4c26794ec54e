package open1688

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultBaseURL is the gateway's base; API paths are appended to it.
const DefaultBaseURL = "https://gw.open.1688.com/openapi"

// Defaults of Config.
const (
	DefaultTimeout = 30 * time.Second
	// maxResponseBody bounds what one answer may hold; a long order list is well under it.
	maxResponseBody = 32 << 20
)

// Config is everything a Client needs. AppKey and AppSecret are required.
type Config struct {
	// BaseURL is the gateway up to and including "/openapi"; "" means DefaultBaseURL. Tests and
	// practice mode point it at the simulator.
	BaseURL     string
	AppKey      string
	AppSecret   string
	AccessToken string // the account's token (已授权token); needed by every order and logistics API
	// HTTPClient sends the requests; nil means a client of its own. Its Timeout, if any, adds to
	// the per-attempt Timeout.
	HTTPClient *http.Client
	// Version is caigou's version, sent as User-Agent "caigou/<Version>".
	Version string
	// Timeout bounds each HTTP attempt; 0 means DefaultTimeout.
	Timeout time.Duration
	// Counter counts every request per AppKey and China day; nil counts in memory for the life
	// of the Client.
	Counter CallCounter
	Budget  Budget
	Retry   RetryPolicy
	// SendTimestamp adds _aop_timestamp (ms since the epoch, signed) to every signed request.
	// The official Java SDK leaves it out by default, so does caigou (1688.md §1.3).
	SendTimestamp bool
	// CodeKinds overrides the Kind given to an error code, for when the real gateway turns out
	// to use a code otherwise than 1688.md guesses, e.g. {"gw.QosAppFrequencyLimit": KindQuota}
	// if it only ever answers the daily cap with it.
	CodeKinds map[string]Kind
	// RefreshTokenParam is the name RefreshToken sends the refresh token under; "" means
	// "refresh_token" as the docs say. The official Java SDK sends "refreshToken" instead.
	RefreshTokenParam string
	// Logf reports what must not fail a call, such as a call that could not be counted; nil
	// means log.Printf.
	Logf func(format string, args ...any)
	// OnError, when set, sees every failed call once, its *Error final (secrets removed, kind
	// settled after the retries), before the caller gets it; the app records it for the
	// diagnostics file. It runs on the calling goroutine, so it must be quick.
	OnError func(*Error)
}

// Client calls the 1688 gateway for one AppKey and one authorized account. It is safe for
// concurrent use.
type Client struct {
	baseURL      string
	appKey       string
	secret       string
	token        string
	http         *http.Client
	userAgent    string
	timeout      time.Duration
	counter      CallCounter
	budget       Budget
	retry        RetryPolicy
	timestamp    bool
	codeKinds    map[string]Kind
	refreshParam string
	logf         func(format string, args ...any)
	onError      func(*Error)
	now          func() time.Time

	// budgetMu makes reading today's count and taking a slot one step, and inFlight holds the
	// requests sent but not yet counted, so concurrent calls cannot all pass the last slot.
	budgetMu sync.Mutex
	inFlight int
}

// New checks cfg and builds a Client from it.
func New(cfg Config) (*Client, error) {
	if strings.TrimSpace(cfg.AppKey) == "" || strings.ContainsAny(cfg.AppKey, "/?#") {
		return nil, fmt.Errorf("open1688: AppKey %q is not a valid AppKey", cfg.AppKey)
	}
	if cfg.AppSecret == "" {
		return nil, errors.New("open1688: the AppSecret is empty")
	}
	base := cfg.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	if u, err := url.Parse(base); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("open1688: base URL %q is not an http(s) URL", base)
	}
	c := &Client{
		baseURL:      strings.TrimRight(base, "/"),
		appKey:       cfg.AppKey,
		secret:       cfg.AppSecret,
		token:        cfg.AccessToken,
		http:         cfg.HTTPClient,
		userAgent:    "caigou/" + cfg.Version,
		timeout:      cfg.Timeout,
		counter:      cfg.Counter,
		budget:       cfg.Budget,
		retry:        cfg.Retry,
		timestamp:    cfg.SendTimestamp,
		codeKinds:    cfg.CodeKinds,
		refreshParam: cfg.RefreshTokenParam,
		logf:         cfg.Logf,
		onError:      cfg.OnError,
		now:          time.Now,
	}
	if cfg.Version == "" {
		c.userAgent = "caigou/dev"
	}
	if c.http == nil {
		c.http = &http.Client{}
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	if c.counter == nil {
		c.counter = &memoryCounter{}
	}
	if c.refreshParam == "" {
		c.refreshParam = "refresh_token"
	}
	if c.logf == nil {
		c.logf = log.Printf
	}
	return c, nil
}

// AppKey is the key the Client calls with.
func (c *Client) AppKey() string { return c.appKey }

// CallsToday is the number of requests counted for the Client's AppKey on today's China day.
func (c *Client) CallsToday(ctx context.Context) (int, error) {
	return c.counter.CallsOn(ctx, c.appKey, ChinaDay(c.now()))
}

// apiSpec names one gateway API.
type apiSpec struct {
	namespace string // "com.alibaba.trade"
	name      string // "alibaba.trade.get.buyerView"
	version   int    // 1
	token     bool   // sends access_token
	retry     bool   // may be retried on rate limit, 5xx and network errors (false for fastCreateOrder)
}

// urlPath is the signed path, "param2/1/{namespace}/{name}/{appKey}".
func (a apiSpec) urlPath(appKey string) string {
	return "param2/" + strconv.Itoa(a.version) + "/" + a.namespace + "/" + a.name + "/" + appKey
}

// call makes one call with its retries (see callWithRetries) and reports its failure, if any, to
// Config.OnError.
func (c *Client) call(ctx context.Context, a apiSpec, params map[string]string) ([]byte, error) {
	body, err := c.callWithRetries(ctx, a, params)
	if err != nil {
		c.reportError(err)
	}
	return body, err
}

// reportError hands a failed call's *Error to Config.OnError.
func (c *Client) reportError(err error) {
	var e *Error
	if c.onError != nil && errors.As(err, &e) {
		c.onError(e)
	}
}

// callWithRetries signs params (complex values already JSON strings), enforces the budget, POSTs,
// counts the call (failed ones too), retries per policy, turns gateway errors and the generic
// business-error shapes of 1688.md §4.2 into *Error, and returns the HTTP 200 body.
func (c *Client) callWithRetries(ctx context.Context, a apiSpec, params map[string]string) ([]byte, error) {
	path := a.urlPath(c.appKey)
	attempts := 1
	if a.retry {
		attempts = c.retry.attempts()
	}
	for n := 0; ; n++ {
		body, err := c.attempt(ctx, a.name, c.baseURL+"/"+path, c.signedForm(a, path, params))
		if err == nil || !retryable(err) {
			return body, err
		}
		if n+1 >= attempts {
			return nil, c.persistentCap(err, attempts)
		}
		if waitErr := wait(ctx, c.retry.delay(n)); waitErr != nil {
			return nil, &Error{Kind: KindNetwork, API: a.name, Err: fmt.Errorf("%w; the last try failed with: %v", waitErr, err)}
		}
	}
}

// persistentCap turns a cap code that every one of several attempts got into KindQuota (see
// capCodes), unless Config.CodeKinds decided that code's kind.
func (c *Client) persistentCap(err error, attempts int) error {
	var e *Error
	if attempts > 1 && errors.As(err, &e) && e.Kind == KindRateLimit && capCodes[e.Code] {
		if _, pinned := c.codeKinds[e.Code]; !pinned {
			e.Kind = KindQuota
		}
	}
	return err
}

// signedForm is the form of one attempt: params, the system parameters and the signature. It is
// built per attempt so that a timestamp is fresh.
func (c *Client) signedForm(a apiSpec, path string, params map[string]string) url.Values {
	signed := make(map[string]string, len(params)+2)
	for k, v := range params {
		signed[k] = v
	}
	if a.token {
		signed["access_token"] = c.token
	}
	if c.timestamp {
		signed["_aop_timestamp"] = strconv.FormatInt(c.now().UnixMilli(), 10)
	}
	form := make(url.Values, len(signed)+1)
	for k, v := range signed {
		form.Set(k, v)
	}
	form.Set(signatureParam, Sign(path, signed, c.secret))
	return form
}

// attempt makes one counted request within the budget. It returns the body of a 2xx answer that
// is not a business error.
func (c *Client) attempt(ctx context.Context, api, endpoint string, form url.Values) ([]byte, error) {
	day := ChinaDay(c.now())
	if err := c.takeSlot(ctx, api, day); err != nil {
		return nil, err
	}
	body, err := c.post(ctx, endpoint, form)
	if err == nil {
		if be := businessError(body); be != nil {
			err = be
		}
	}
	c.countCall(ctx, day, err != nil)
	if err != nil {
		return nil, c.finish(err, api, form)
	}
	return body, nil
}

// takeSlot refuses the call when today's budget for its kind is spent, and otherwise reserves a
// slot until countCall. A counter that cannot be read does not stop the call: the gateway
// enforces the real cap, and the app would otherwise stop working on a database hiccup.
func (c *Client) takeSlot(ctx context.Context, api, day string) error {
	c.budgetMu.Lock()
	defer c.budgetMu.Unlock()
	calls, err := c.counter.CallsOn(ctx, c.appKey, day)
	if err != nil {
		c.logf("open1688: cannot read today's call count of %s: %v", c.appKey, err)
	}
	background := IsBackground(ctx)
	if limit := c.budget.limit(background); err == nil && calls+c.inFlight >= limit {
		who := "user"
		if background {
			who = "background"
		}
		return &Error{
			Kind: KindBudget, API: api, Err: ErrBudgetExhausted,
			Message: fmt.Sprintf("%d calls made on China day %s; %s calls stop at %d", calls+c.inFlight, day, who, limit),
		}
	}
	c.inFlight++
	return nil
}

// countCall counts a finished request and frees its slot. The count is kept even when ctx has
// ended: the request was made.
func (c *Client) countCall(ctx context.Context, day string, failed bool) {
	countCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := c.counter.CountCall(countCtx, c.appKey, day, failed); err != nil {
		c.logf("open1688: cannot count a call of %s: %v", c.appKey, err)
	}
	c.budgetMu.Lock()
	c.inFlight--
	c.budgetMu.Unlock()
}

// post sends form and returns a 2xx body; anything else becomes an *Error without API set.
func (c *Client) post(ctx context.Context, endpoint string, form url.Values) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, &Error{Kind: KindUnknown, Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, &Error{Kind: KindNetwork, Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBody+1))
	switch {
	case err != nil:
		return nil, &Error{Kind: KindNetwork, Status: resp.StatusCode, Err: err}
	case len(body) > maxResponseBody:
		return nil, &Error{Kind: KindUnknown, Status: resp.StatusCode, Err: fmt.Errorf("answer longer than %d bytes", maxResponseBody)}
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, gatewayError(resp.StatusCode, body)
	}
	return body, nil
}

// finish names the API in err, applies Config.CodeKinds, and removes every secret that was sent
// (the AppSecret, the token, a refresh token) from what the error keeps, in case 1688 echoed one.
func (c *Client) finish(err error, api string, form url.Values) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	e.API = api
	if k, ok := c.codeKinds[e.Code]; ok && e.Code != "" {
		e.Kind = k
	}
	secrets := []string{c.secret, c.token, form.Get("client_secret"), form.Get(c.refreshParam)}
	for _, s := range secrets {
		// Very short values would blank out ordinary text; real secrets and tokens are long.
		if len(s) < 6 {
			continue
		}
		e.Message = strings.ReplaceAll(e.Message, s, "***")
		e.Body = bytes.ReplaceAll(e.Body, []byte(s), []byte("***"))
		if e.Err != nil && strings.Contains(e.Err.Error(), s) {
			e.Err = errors.New(strings.ReplaceAll(e.Err.Error(), s, "***"))
		}
	}
	return e
}
