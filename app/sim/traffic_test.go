package sim

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDailyCapRefusesOnceReached(t *testing.T) {
	s, _ := startSim(t, Options{DailyCap: 3})
	c := newClient(t, s)
	for i := range 3 {
		r := c.trade("alibaba.trade.getBuyerOrderList", nil)
		require.Equal(t, http.StatusOK, r.status, "call %d", i+1)
	}
	r := c.trade("alibaba.trade.getBuyerOrderList", nil)
	requireGatewayError(t, r, 400, "gw.QosAppFrequencyLimit")
	requireGatewayError(t, c.call("system", "currentTime", nil), 400, "gw.QosAppFrequencyLimit")
	assert.Equal(t, 5, s.CallsToday(DemoAppKey), "refused calls reached the gateway and count")
}

func TestDefaultCapIs5000AndSetCallsSkipsAhead(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	s.SetCalls(DemoAppKey, testStart, 4999)
	assert.Equal(t, http.StatusOK, c.call("system", "currentTime", nil).status)
	requireGatewayError(t, c.call("system", "currentTime", nil), 400, "gw.QosAppFrequencyLimit")
}

func TestCapCountsPerChinaDay(t *testing.T) {
	s, clock := startSim(t, Options{DailyCap: 1})
	c := newClient(t, s)
	// 15:59:59 UTC is 23:59:59 in China; a second later is a new day.
	clock.Set(time.Date(2026, 3, 10, 15, 59, 59, 0, time.UTC))
	assert.Equal(t, http.StatusOK, c.call("system", "currentTime", nil).status)
	requireGatewayError(t, c.call("system", "currentTime", nil), 400, "gw.QosAppFrequencyLimit")

	clock.Advance(time.Second)
	assert.Equal(t, http.StatusOK, c.call("system", "currentTime", nil).status)
	assert.Equal(t, 2, s.Calls(DemoAppKey, time.Date(2026, 3, 10, 12, 0, 0, 0, chinaZone)))
	assert.Equal(t, 1, s.Calls(DemoAppKey, time.Date(2026, 3, 11, 0, 0, 0, 0, chinaZone)))
}

func TestEveryRequestWithAKnownAppKeyCounts(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	c.call("system", "currentTime", nil)
	bad := *c
	bad.secret = "wrong"
	bad.call("system", "currentTime", nil)
	noToken := *c
	noToken.token = ""
	noToken.trade("alibaba.trade.getBuyerOrderList", nil)
	c.trade("alibaba.trade.nope", nil)
	assert.Equal(t, 4, s.CallsToday(DemoAppKey))

	unknown := *c
	unknown.appKey = "404404"
	unknown.call("system", "currentTime", nil)
	assert.Equal(t, 0, s.CallsToday("404404"), "an unknown AppKey has no traffic to count against")
}

func TestCountOnlyAccepted(t *testing.T) {
	s, _ := startSim(t, Options{CountOnlyAccepted: true, DailyCap: 1})
	c := newClient(t, s)
	bad := *c
	bad.secret = "wrong"
	requireGatewayError(t, bad.call("system", "currentTime", nil), 400, "gw.SignatureInvalid")
	assert.Equal(t, 0, s.CallsToday(DemoAppKey))
	assert.Equal(t, http.StatusOK, c.call("system", "currentTime", nil).status)
	requireGatewayError(t, c.call("system", "currentTime", nil), 400, "gw.QosAppFrequencyLimit")
	assert.Equal(t, 1, s.CallsToday(DemoAppKey))
}

func TestCapErrorAndPerAppCapAreConfigurable(t *testing.T) {
	noUsage := GatewayError{Code: "gw.NoUsageLeftError", Message: "SLA bill has no usage left"}
	s, _ := startSim(t, Options{Codes: Codes{Cap: noUsage}})
	require.NoError(t, s.AddApp(App{Key: "2000001", Secret: "sec", DailyCap: 1}))
	c := newClient(t, s)
	c.appKey, c.secret, c.token = "2000001", "sec", ""
	assert.Equal(t, http.StatusOK, c.call("system", "currentTime", nil).status)
	r := c.call("system", "currentTime", nil)
	requireGatewayError(t, r, 400, "gw.NoUsageLeftError")
	assert.Equal(t, "SLA bill has no usage left", r.body["error_message"])
}
