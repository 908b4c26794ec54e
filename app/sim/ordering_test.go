package sim

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPreviewPricesInFenPerSeller(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	r := c.trade("alibaba.createOrder.preview", cart(item(DemoOfferID, DemoSpecRed, 3), item(DemoSingleOfferID, "", 10)))
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	assert.Equal(t, true, r.body["success"])
	res := dig(t, r.body, "orderPreviewResuslt").([]any)
	require.Len(t, res, 1, "both offers are from one seller")
	// 3 × 12.50 + 10 × 3.99 = 77.40 yuan, plus 8.00 carriage.
	assert.Equal(t, json.Number("7740"), dig(t, res[0], "sumPaymentNoCarriage"))
	assert.Equal(t, json.Number("800"), dig(t, res[0], "sumCarriage"))
	assert.Equal(t, json.Number("8540"), dig(t, res[0], "sumPayment"))
	assert.Equal(t, json.Number("12.50"), dig(t, res[0], "cargoList", 0, "finalUnitPrice"))
	assert.Equal(t, DemoSpecRed, dig(t, res[0], "cargoList", 0, "specId"))
	assert.Equal(t, "assureTrade", dig(t, res[0], "tradeModeNameList", 0))
	assert.Empty(t, s.Orders()[5:], "a preview creates nothing")
}

func TestOrderingRules(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	noAddress := cart(item(DemoOfferID, DemoSpecRed, 2))
	noAddress["addressParam"] = `{"fullName":"张三"}`
	cases := []struct {
		name   string
		params map[string]string
		code   string
	}{
		{"first order to a new seller", cart(item(DemoNewSellerOffer, "", 1)), "500_005"},
		{"unknown offer", cart(item(111, "", 1)), "500_001"},
		{"unknown SKU", cart(item(DemoOfferID, "ffffffffffffffffffffffffffffffff", 2)), "500_002"},
		{"SKU offer without specId", cart(item(DemoOfferID, "", 2)), "500_002"},
		{"specId on an offer without SKUs", cart(item(DemoSingleOfferID, DemoSpecRed, 10)), "500_002"},
		{"below the minimum quantity", cart(item(DemoOfferID, DemoSpecRed, 1)), "500_003"},
		{"fractional quantity", cart(map[string]any{"offerId": DemoOfferID, "specId": DemoSpecRed, "quantity": 2.5}), "500_003"},
		{"incomplete address", noAddress, "500_004"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.trade("alibaba.createOrder.preview", tc.params)
			require.Equal(t, http.StatusOK, r.status, string(r.raw))
			assert.Equal(t, false, r.body["success"])
			assert.Equal(t, tc.code, r.body["errorCode"])
			assert.NotEmpty(t, r.body["errorMsg"], "preview's message key is errorMsg")

			r = c.trade("alibaba.trade.fastCreateOrder", tc.params)
			require.Equal(t, http.StatusOK, r.status, string(r.raw))
			assert.Equal(t, false, r.body["success"])
			assert.Equal(t, tc.code, r.body["code"], "fastCreateOrder uses code/message")
			assert.NotEmpty(t, r.body["message"])
		})
	}
	assert.Len(t, s.Orders(), 5, "no refused cart made an order")

	t.Run("once bought from, the seller accepts orders", func(t *testing.T) {
		require.NoError(t, s.MarkBoughtFrom(DemoBuyer, DemoNewSeller))
		r := c.trade("alibaba.trade.fastCreateOrder", cart(item(DemoNewSellerOffer, "", 1)))
		assert.Equal(t, true, r.body["success"], string(r.raw))
	})
	t.Run("one seller per order", func(t *testing.T) {
		r := c.trade("alibaba.trade.fastCreateOrder", cart(item(DemoNewSellerOffer, "", 1), item(DemoSingleOfferID, "", 10)))
		assert.Equal(t, "500_006", r.body["code"], string(r.raw))
	})
	t.Run("bad JSON in a complex parameter", func(t *testing.T) {
		p := cart(item(DemoOfferID, DemoSpecRed, 2))
		p["cargoParamList"] = `[{"offerId":`
		requireGatewayError(t, c.trade("alibaba.trade.fastCreateOrder", p), 400, "gw.ParamInvalid")
	})
	t.Run("no cargo", func(t *testing.T) {
		p := cart(item(DemoOfferID, DemoSpecRed, 2))
		delete(p, "cargoParamList")
		requireGatewayError(t, c.trade("alibaba.trade.fastCreateOrder", p), 400, "gw.ParamMissing")
	})
}

func TestFastCreateOrderCreatesAnUnpaidOrder(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	p := with(cart(map[string]any{"offerId": strconv.FormatInt(DemoOfferID, 10), "specId": DemoSpecBlue, "quantity": 4.0}, item(DemoSingleOfferID, "", 10)),
		"outOrderId", "cg-0001", "message", "请尽快发货")
	r := c.trade("alibaba.trade.fastCreateOrder", p)
	require.Equal(t, true, r.body["success"], string(r.raw))
	idStr, ok := dig(t, r.body, "result", "orderId").(string)
	require.True(t, ok, "orderId is a string in fastCreateOrder (1688.md §3.2)")
	// 4 × 12.90 + 10 × 3.99 + 8.00 = 99.50 yuan.
	assert.Equal(t, json.Number("9950"), dig(t, r.body, "result", "totalSuccessAmount"))
	assert.Equal(t, json.Number("800"), dig(t, r.body, "result", "postFee"))

	id, err := strconv.ParseInt(idStr, 10, 64)
	require.NoError(t, err)
	o, ok := s.Order(id)
	require.True(t, ok)
	assert.Equal(t, StatusWaitBuyerPay, o.Status)
	assert.Equal(t, "cg-0001", o.OutOrderID)
	assert.Equal(t, DemoAppKey, o.AppKey)
	assert.Equal(t, "请尽快发货", o.Message)
	assert.Equal(t, "张三", o.Address.FullName)
	assert.Equal(t, int64(9950), o.TotalFen())
	require.Len(t, o.Lines, 2)
	assert.Greater(t, o.ID, int64(1)<<53, "ids do not survive float64")
}

func TestOutOrderIDNeverCreatesTwoOrders(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	p := with(cart(item(DemoOfferID, DemoSpecRed, 2)), "outOrderId", "cg-42")
	first := c.trade("alibaba.trade.fastCreateOrder", p)
	again := c.trade("alibaba.trade.fastCreateOrder", p)
	require.Equal(t, true, again.body["success"])
	assert.Equal(t, dig(t, first.body, "result", "orderId"), dig(t, again.body, "result", "orderId"), "a repeat answers the first order")

	different := with(cart(item(DemoOfferID, DemoSpecBlue, 8)), "outOrderId", "cg-42")
	assert.Equal(t, dig(t, first.body, "result", "orderId"), dig(t, c.trade("alibaba.trade.fastCreateOrder", different).body, "result", "orderId"))
	assert.Len(t, s.Orders(), 6)

	t.Run("concurrent retries", func(t *testing.T) {
		p := with(cart(item(DemoOfferID, DemoSpecRed, 2)), "outOrderId", "cg-race")
		var wg sync.WaitGroup
		ids := make([]any, 8)
		for i := range ids {
			wg.Go(func() {
				path, v := c.form("com.alibaba.trade", "alibaba.trade.fastCreateOrder", p)
				r, err := c.send(path, v)
				if err == nil {
					ids[i] = dig(t, r.body, "result", "orderId")
				}
			})
		}
		wg.Wait()
		for _, id := range ids {
			assert.Equal(t, ids[0], id)
		}
		assert.Len(t, s.Orders(), 7)
	})

	t.Run("without outOrderId every call orders", func(t *testing.T) {
		c.trade("alibaba.trade.fastCreateOrder", cart(item(DemoOfferID, DemoSpecRed, 2)))
		c.trade("alibaba.trade.fastCreateOrder", cart(item(DemoOfferID, DemoSpecRed, 2)))
		assert.Len(t, s.Orders(), 9)
	})
}

func TestRejectDuplicateOutOrderID(t *testing.T) {
	s, _ := startSim(t, Options{RejectDuplicateOutOrderID: true})
	c := newClient(t, s)
	p := with(cart(item(DemoOfferID, DemoSpecRed, 2)), "outOrderId", "cg-7")
	require.Equal(t, true, c.trade("alibaba.trade.fastCreateOrder", p).body["success"])
	r := c.trade("alibaba.trade.fastCreateOrder", p)
	assert.Equal(t, false, r.body["success"])
	assert.Equal(t, "500_007", r.body["code"])
	assert.Len(t, s.Orders(), 6)
}

func TestOrderingCodesAreConfigurable(t *testing.T) {
	s, _ := startSim(t, Options{Codes: Codes{NewSeller: "NEW_SELLER"}})
	r := newClient(t, s).trade("alibaba.trade.fastCreateOrder", cart(item(DemoNewSellerOffer, "", 1)))
	assert.Equal(t, "NEW_SELLER", r.body["code"])
}
