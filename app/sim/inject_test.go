package sim

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const listAPI = "alibaba.trade.getBuyerOrderList"

func TestInjectedLatency(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	s.Inject(listAPI, Failure{Delay: 150 * time.Millisecond, Count: 1})
	start := time.Now()
	r := c.trade(listAPI, nil)
	assert.Equal(t, http.StatusOK, r.status)
	assert.GreaterOrEqual(t, time.Since(start), 150*time.Millisecond)

	start = time.Now()
	c.trade(listAPI, nil)
	assert.Less(t, time.Since(start), 150*time.Millisecond, "Count 1 delays one call only")
}

func TestInjectedLatencyEndsWhenTheClientGivesUp(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	c.http = &http.Client{Timeout: 50 * time.Millisecond}
	s.Inject(listAPI, Failure{Delay: time.Hour})
	path, v := c.form("com.alibaba.trade", listAPI, nil)
	_, err := c.send(path, v)
	require.Error(t, err)
	// Close must not wait for the hour either.
	done := make(chan struct{})
	go func() { _ = s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close hangs on a delayed request")
	}
}

func TestInjectedServerErrorAndRateLimit(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)

	s.Inject(listAPI, Failure{Kind: ServerError, Count: 1})
	requireGatewayError(t, c.trade(listAPI, nil), 500, "gw.InternalError")
	s.Inject(listAPI, Failure{Kind: ServerError, Status: 503, Count: 1})
	assert.Equal(t, 503, c.trade(listAPI, nil).status)

	s.Inject(listAPI, Failure{Kind: RateLimit, Count: 1})
	requireGatewayError(t, c.trade(listAPI, nil), 400, "gw.QosAppFrequencyLimit")
	s.Inject(listAPI, Failure{Kind: RateLimit, Code: "gw.QosRequestLimit", Count: 1})
	requireGatewayError(t, c.trade(listAPI, nil), 400, "gw.QosRequestLimit")

	assert.Equal(t, http.StatusOK, c.trade(listAPI, nil).status, "all counts used up")
	log := s.RequestsFor(listAPI)
	assert.Equal(t, RateLimit, log[len(log)-2].Failure)
}

func TestInjectedDropAndMalformedJSON(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)

	s.Inject(listAPI, Failure{Kind: DropConnection, Count: 2})
	for range 2 {
		path, v := c.form("com.alibaba.trade", listAPI, nil)
		_, err := c.send(path, v)
		require.Error(t, err, "no HTTP response at all")
	}
	assert.Equal(t, http.StatusOK, c.trade(listAPI, nil).status)

	s.Inject(listAPI, Failure{Kind: MalformedJSON, Count: 1})
	r := c.trade(listAPI, nil)
	assert.Equal(t, http.StatusOK, r.status)
	var v map[string]any
	require.Error(t, json.Unmarshal(r.raw, &v))

	dropped := 0
	for _, e := range s.RequestsFor(listAPI) {
		if e.Dropped {
			dropped++
		}
	}
	assert.Equal(t, 2, dropped)
}

func TestInjectedFailuresQueueAndWildcard(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	s.Inject("*", Failure{Kind: ServerError})
	s.Inject(listAPI, Failure{Kind: RateLimit, Count: 1})
	s.Inject(listAPI, Failure{Kind: ServerError, Status: 502, Count: 1})

	assert.Equal(t, 400, c.trade(listAPI, nil).status, "the API's own queue first")
	assert.Equal(t, 502, c.trade(listAPI, nil).status)
	assert.Equal(t, 500, c.trade(listAPI, nil).status, "then the wildcard, without end")
	assert.Equal(t, 500, c.call("system", "currentTime", nil).status)

	s.ClearFailures()
	assert.Equal(t, http.StatusOK, c.trade(listAPI, nil).status)
}

// The client's lost-response test rests on this: the order exists even
// though the client saw no answer, and a retry with the same outOrderId
// finds it instead of ordering twice.
func TestLostResponseOfFastCreateOrder(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	s.Inject("alibaba.trade.fastCreateOrder", Failure{Kind: LoseResponse, Count: 1})
	p := with(cart(item(DemoOfferID, DemoSpecRed, 2)), "outOrderId", "cg-lost")
	path, v := c.form("com.alibaba.trade", "alibaba.trade.fastCreateOrder", p)
	_, err := c.send(path, v)
	require.Error(t, err, "the response is lost")

	orders := s.Orders()
	require.Len(t, orders, 6, "but the order was created")
	created := orders[5]
	assert.Equal(t, "cg-lost", created.OutOrderID)

	list := c.trade(listAPI, map[string]string{"outOrderId": "cg-lost"})
	assert.Equal(t, json.Number("1"), list.body["totalRecord"])

	retry := c.trade("alibaba.trade.fastCreateOrder", p)
	assert.Equal(t, true, retry.body["success"])
	assert.Len(t, s.Orders(), 6, "the retry does not order twice")
	entry := s.RequestsFor("alibaba.trade.fastCreateOrder")[0]
	assert.True(t, entry.Dropped)
	assert.Equal(t, LoseResponse, entry.Failure)
}

func TestInjectedFailuresStillCount(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	s.Inject(listAPI, Failure{Kind: ServerError, Count: 1})
	c.trade(listAPI, nil)
	assert.Equal(t, 1, s.CallsToday(DemoAppKey))
}

func TestFailureKindNames(t *testing.T) {
	assert.Equal(t, "lost response", LoseResponse.String())
	assert.Equal(t, "none", NoFailure.String())
}
