package open1688

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAlipayURLRequestAndParse(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureAlipay)
	res, err := c.AlipayURL(context.Background(), AlipayURLRequest{OrderIDs: []string{bigOrderID, "3717426277620540001"}})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.trade", "alibaba.alipay.url.get", true)
	assert.Equal(t, `[3717426277620540788,3717426277620540001]`, sent.Form.Get("orderIdList"))

	assert.Equal(t, "https://trade.1688.com/order/cashier.htm?orderId=3717426277620540788", res.PayURL)
	assert.Equal(t, []string{"3717426277620540001", "3717426277620540002"}, res.FailedOrderIDs)
}

func TestAlipayURLLimits(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureAlipay)
	many := make([]string, MaxAlipayOrders+1)
	for i := range many {
		many[i] = strconv.Itoa(1000 + i)
	}
	for _, ids := range [][]string{nil, many, {"x"}} {
		_, err := c.AlipayURL(context.Background(), AlipayURLRequest{OrderIDs: ids})
		assert.ErrorIs(t, err, ErrInvalidRequest)
	}
	assert.Zero(t, srv.count())
}

func TestAlipayURLErrorUsesErroMsg(t *testing.T) {
	_, err := parseAlipayURL([]byte(`{"success":false,"errorCode":"NO_PAY","erroMsg":"订单状态不对"}`))
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "订单状态不对", e.Message, "the misspelled erroMsg is read")
	_, err = parseAlipayURL([]byte(`{"success":true}`))
	assert.Equal(t, KindUnknown, KindOf(err))
}
