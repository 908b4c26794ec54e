package sim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testStart is a fixed instant: 10:00 in China on 2026-03-10.
var testStart = time.Date(2026, 3, 10, 10, 0, 0, 0, chinaZone)

// startSim starts a seeded simulator on a manual clock and closes it when
// the test ends.
func startSim(t *testing.T, opts Options) (*Sim, *ManualClock) {
	t.Helper()
	clock := NewManualClock(testStart)
	if opts.Now == nil {
		opts.Now = clock.Now
	}
	opts.Seed = true
	s, err := Start(opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s, clock
}

// client is a minimal signed 1688 client written for these tests only, so
// the simulator is never checked by the code it is meant to check.
type client struct {
	t      *testing.T
	base   string
	appKey string
	secret string
	token  string
	method string
	http   *http.Client
}

func newClient(t *testing.T, s *Sim) *client {
	return &client{
		t: t, base: s.URL(), appKey: DemoAppKey, secret: DemoAppSecret, token: DemoAccessToken,
		method: http.MethodPost, http: &http.Client{Timeout: 10 * time.Second},
	}
}

type reply struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// form signs params for ns/name and returns the path and the form.
func (c *client) form(ns, name string, params map[string]string) (string, url.Values) {
	urlPath := "param2/1/" + ns + "/" + name + "/" + c.appKey
	v := url.Values{}
	for k, val := range params {
		v.Set(k, val)
	}
	if c.token != "" && v.Get("access_token") == "" {
		v.Set("access_token", c.token)
	}
	v.Set("_aop_signature", signature(urlPath, v, c.secret))
	return urlPath, v
}

// do sends an already built form; it fails the test on a network error.
func (c *client) do(urlPath string, v url.Values) reply {
	c.t.Helper()
	resp, err := c.send(urlPath, v)
	require.NoError(c.t, err)
	return resp
}

func (c *client) send(urlPath string, v url.Values) (reply, error) {
	var req *http.Request
	var err error
	if c.method == http.MethodGet {
		req, err = http.NewRequest(http.MethodGet, c.base+"/"+urlPath+"?"+v.Encode(), nil)
	} else {
		req, err = http.NewRequest(http.MethodPost, c.base+"/"+urlPath, strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
	}
	if err != nil {
		return reply{}, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return reply{}, err
	}
	r := reply{status: resp.StatusCode, header: resp.Header, raw: raw}
	require.Equal(c.t, contentType, resp.Header.Get("Content-Type"), "every answer is JSON")
	_ = decodeNumbers(raw, &r.body)
	return r, nil
}

func (c *client) call(ns, name string, params map[string]string) reply {
	c.t.Helper()
	return c.do(c.form(ns, name, params))
}

func (c *client) trade(name string, params map[string]string) reply {
	c.t.Helper()
	return c.call("com.alibaba.trade", name, params)
}

func decodeNumbers(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return dec.Decode(v)
}

// requireGatewayError checks a gateway refusal of 1688.md §4.1.
func requireGatewayError(t *testing.T, r reply, status int, code string) {
	t.Helper()
	require.Equal(t, status, r.status, string(r.raw))
	require.Equal(t, code, r.body["error_code"], string(r.raw))
	require.NotEmpty(t, r.body["error_message"])
}

// dig walks nested maps and arrays: dig(m, "result", "baseInfo", "id").
func dig(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			require.True(t, ok, "want an object at %v", p)
			v = m[k]
		case int:
			a, ok := v.([]any)
			require.True(t, ok, "want an array at %v", p)
			require.Less(t, k, len(a))
			v = a[k]
		}
	}
	return v
}

// cart builds the JSON parameters of preview and fastCreateOrder.
func cart(items ...map[string]any) map[string]string {
	b, _ := json.Marshal(items)
	addr := `{"fullName":"张三","mobile":"13800138000","provinceText":"浙江省","cityText":"金华市","areaText":"义乌市","address":"稠城街道 1 号"}`
	return map[string]string{"addressParam": addr, "cargoParamList": string(b), "flow": "general"}
}

func item(offer int64, spec string, qty int) map[string]any {
	m := map[string]any{"offerId": offer, "quantity": qty}
	if spec != "" {
		m["specId"] = spec
	}
	return m
}

func with(m map[string]string, kv ...string) map[string]string {
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}
