package sim

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestURLMirrorsTheRealGatewayBase(t *testing.T) {
	s, _ := startSim(t, Options{})
	assert.True(t, strings.HasPrefix(s.URL(), "http://127.0.0.1:"))
	assert.True(t, strings.HasSuffix(s.URL(), "/openapi"))
}

func TestCurrentTimeAnswersTheClockAsAJSONString(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	c.token = "" // currentTime needs no user
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		c.method = method
		r := c.call("system", "currentTime", map[string]string{"_aop_timestamp": "1773108000000"})
		require.Equal(t, http.StatusOK, r.status, string(r.raw))
		assert.JSONEq(t, `"20260310100000000+0800"`, string(r.raw))
	}
}

func TestSignatureChecks(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)

	t.Run("a tampered parameter", func(t *testing.T) {
		path, v := c.form("com.alibaba.trade", "alibaba.trade.getBuyerOrderList", map[string]string{"page": "1"})
		v.Set("page", "2")
		requireGatewayError(t, c.do(path, v), 400, "gw.SignatureInvalid")
	})
	t.Run("an added parameter", func(t *testing.T) {
		path, v := c.form("com.alibaba.trade", "alibaba.trade.getBuyerOrderList", nil)
		v.Set("pageSize", "5")
		requireGatewayError(t, c.do(path, v), 400, "gw.SignatureInvalid")
	})
	t.Run("the wrong secret", func(t *testing.T) {
		bad := *c
		bad.secret = "not-the-secret"
		requireGatewayError(t, bad.trade("alibaba.trade.getBuyerOrderList", nil), 400, "gw.SignatureInvalid")
	})
	t.Run("signed over another path", func(t *testing.T) {
		_, v := c.form("com.alibaba.trade", "alibaba.trade.getBuyerOrderList", nil)
		path := "param2/1/com.alibaba.trade/alibaba.trade.get.buyerView/" + DemoAppKey
		requireGatewayError(t, c.do(path, v), 400, "gw.SignatureInvalid")
	})
	t.Run("no signature", func(t *testing.T) {
		path, v := c.form("com.alibaba.trade", "alibaba.trade.getBuyerOrderList", nil)
		v.Del("_aop_signature")
		requireGatewayError(t, c.do(path, v), 400, "gw.SignatureMissing")
	})
	t.Run("lower-case hex is accepted", func(t *testing.T) {
		path, v := c.form("com.alibaba.trade", "alibaba.trade.getBuyerOrderList", nil)
		v.Set("_aop_signature", strings.ToLower(v.Get("_aop_signature")))
		assert.Equal(t, http.StatusOK, c.do(path, v).status)
	})
	t.Run("values are signed decoded, sent encoded", func(t *testing.T) {
		r := c.trade("alibaba.trade.getBuyerOrderList", map[string]string{"productName": "保温杯 & 手套 +100%"})
		assert.Equal(t, http.StatusOK, r.status, string(r.raw))
	})
}

func TestRoutingErrors(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)

	t.Run("unknown AppKey", func(t *testing.T) {
		other := *c
		other.appKey = "999"
		requireGatewayError(t, other.trade("alibaba.trade.getBuyerOrderList", nil), 400, "gw.AppKeyNotFound")
	})
	t.Run("AppKey missing from the path", func(t *testing.T) {
		_, v := c.form("system", "currentTime", nil)
		requireGatewayError(t, c.do("param2/1/system/currentTime", v), 400, "gw.AppKeyMissing")
	})
	t.Run("unknown API", func(t *testing.T) {
		requireGatewayError(t, c.trade("alibaba.trade.doesNotExist", nil), 400, "gw.APIUnsupported")
	})
	t.Run("logistics API under the trade namespace", func(t *testing.T) {
		r := c.trade("alibaba.trade.getLogisticsTraceInfo.buyerView", map[string]string{"orderId": "1", "webSite": "1688"})
		requireGatewayError(t, r, 400, "gw.APIUnsupported")
	})
	t.Run("another version", func(t *testing.T) {
		_, v := c.form("system", "currentTime", nil)
		requireGatewayError(t, c.do("param2/2/system/currentTime/"+DemoAppKey, v), 400, "gw.APIUnsupported")
	})
	t.Run("the http protocol serves only getToken", func(t *testing.T) {
		_, v := c.form("system", "currentTime", nil)
		requireGatewayError(t, c.do("http/1/system/currentTime/"+DemoAppKey, v), 400, "gw.APIUnsupported")
	})
	t.Run("a missing business parameter", func(t *testing.T) {
		r := c.trade("alibaba.trade.get.buyerView", map[string]string{"webSite": "1688"})
		requireGatewayError(t, r, 400, "gw.ParamMissing")
		assert.Equal(t, "Required argument orderId", r.body["error_message"])
	})
	t.Run("an unusable business parameter", func(t *testing.T) {
		r := c.trade("alibaba.trade.get.buyerView", map[string]string{"webSite": "1688", "orderId": "37174262776205407880000"})
		requireGatewayError(t, r, 400, "gw.ParamInvalid")
	})
	t.Run("outside /openapi", func(t *testing.T) {
		resp, err := http.Get("http://" + s.Addr() + "/elsewhere")
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusNotFound, resp.StatusCode)
		assert.Equal(t, contentType, resp.Header.Get("Content-Type"))
	})
}

func TestTokenProblemsAre401(t *testing.T) {
	s, clock := startSim(t, Options{})
	c := newClient(t, s)
	list := func(token string) reply {
		cc := *c
		cc.token = token
		return cc.trade("alibaba.trade.getBuyerOrderList", nil)
	}

	r := list("")
	requireGatewayError(t, r, 401, "401")
	assert.Equal(t, "Request need user authenticated", r.body["error_message"], "1688.md §2.3: missing token")

	for name, tok := range map[string]string{"unknown": "no-such-token", "expired": DemoExpiredToken} {
		r := list(tok)
		requireGatewayError(t, r, 401, "401")
		assert.Equal(t, "Request need user authorized", r.body["error_message"], name)
	}

	t.Run("a token of another app", func(t *testing.T) {
		require.NoError(t, s.AddApp(App{Key: "1112223", Secret: "other"}))
		other := *c
		other.appKey, other.secret = "1112223", "other"
		requireGatewayError(t, other.trade("alibaba.trade.getBuyerOrderList", nil), 401, "401")
	})

	t.Run("a token expires on the clock", func(t *testing.T) {
		require.NoError(t, s.Authorize(Authorization{AppKey: DemoAppKey, MemberID: DemoBuyer, AccessToken: "ten-hours", TokenExpires: testStart.Add(10 * time.Hour)}))
		assert.Equal(t, http.StatusOK, list("ten-hours").status)
		clock.Advance(10 * time.Hour)
		requireGatewayError(t, list("ten-hours"), 401, "401")
	})

	t.Run("ExpireToken", func(t *testing.T) {
		require.NoError(t, s.Authorize(Authorization{AppKey: DemoAppKey, MemberID: DemoBuyer, AccessToken: "short"}))
		assert.Equal(t, http.StatusOK, list("short").status)
		require.NoError(t, s.ExpireToken("short"))
		requireGatewayError(t, list("short"), 401, "401")
	})
}

func TestACL(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	require.NoError(t, s.SetACL(DemoAppKey, "com.alibaba.trade:alibaba.trade.getBuyerOrderList"))

	assert.Equal(t, http.StatusOK, c.trade("alibaba.trade.getBuyerOrderList", nil).status)
	r := c.call("com.alibaba.product", "alibaba.product.get", map[string]string{"productID": "624281887788", "webSite": "1688"})
	requireGatewayError(t, r, 400, "gw.APIACLDecline")
	assert.Equal(t, "AppKey is not allowed(acl)", r.body["error_message"])

	t.Run("the token is checked before the ACL", func(t *testing.T) {
		cc := *c
		cc.token = "no-such-token"
		requireGatewayError(t, cc.call("com.alibaba.product", "alibaba.product.get", map[string]string{"productID": "1"}), 401, "401")
	})
	t.Run("the ACL is checked before parameters", func(t *testing.T) {
		requireGatewayError(t, c.call("com.alibaba.product", "alibaba.product.get", nil), 400, "gw.APIACLDecline")
	})
	t.Run("system APIs need no ACL entry", func(t *testing.T) {
		assert.Equal(t, http.StatusOK, c.call("system", "currentTime", nil).status)
	})
}

func TestRequestLogRecordsOutcomes(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	c.trade("alibaba.trade.getBuyerOrderList", map[string]string{"page": "1"})
	bad := *c
	bad.secret = "x"
	bad.trade("alibaba.trade.getBuyerOrderList", nil)

	log := s.RequestsFor("alibaba.trade.getBuyerOrderList")
	require.Len(t, log, 2)
	assert.Equal(t, "com.alibaba.trade:alibaba.trade.getBuyerOrderList", log[0].API)
	assert.Equal(t, DemoAppKey, log[0].AppKey)
	assert.Equal(t, http.StatusOK, log[0].Status)
	assert.Equal(t, "1", log[0].Params.Get("page"))
	assert.Equal(t, "gw.SignatureInvalid", log[1].ErrorCode)
	assert.Equal(t, testStart, log[1].Time)
}

func TestCloseReleasesThePort(t *testing.T) {
	s, err := Start(Options{Seed: true})
	require.NoError(t, err)
	addr := s.Addr()
	require.NoError(t, s.Close())

	_, err = http.Get("http://" + addr + "/openapi/")
	require.Error(t, err, "nothing answers after Close")
	ln, err := net.Listen("tcp", addr)
	require.NoError(t, err, "the port is free again")
	require.NoError(t, ln.Close())
}

func TestParamsFromQueryAndBodyAreSignedTogether(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	path, v := c.form("com.alibaba.trade", "alibaba.trade.getBuyerOrderList", map[string]string{"page": "1", "pageSize": "5"})
	query := url.Values{"page": v["page"]}
	v.Del("page")
	req, err := http.NewRequest(http.MethodPost, c.base+"/"+path+"?"+query.Encode(), strings.NewReader(v.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}
