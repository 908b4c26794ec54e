package sim

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func productGetCall(c *client, id int64) reply {
	return c.call("com.alibaba.product", "alibaba.product.get", map[string]string{"webSite": "1688", "productID": strconv.FormatInt(id, 10)})
}

func TestProductGet(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	r := productGetCall(c, DemoOfferID)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	assert.Equal(t, true, r.body["success"])
	p := dig(t, r.body, "productInfo")
	assert.Equal(t, json.Number(strconv.FormatInt(DemoOfferID, 10)), dig(t, p, "productID"))
	assert.Equal(t, "加厚保温杯 500ml 不锈钢", dig(t, p, "subject"))
	assert.Equal(t, json.Number("2"), dig(t, p, "saleInfo", "minOrderQuantity"))
	sku := dig(t, p, "skuInfos", 1)
	assert.Equal(t, DemoSpecBlue, dig(t, sku, "specId"))
	assert.Equal(t, json.Number("12.90"), dig(t, sku, "price"), "yuan")
	assert.Equal(t, "蓝色", dig(t, sku, "attributes", 0, "attributeValue"))
	assert.NotEmpty(t, dig(t, sku, "skuId"))

	single := productGetCall(c, DemoSingleOfferID)
	assert.Empty(t, dig(t, single.body, "productInfo", "skuInfos"))
	assert.Equal(t, "3.99", dig(t, single.body, "productInfo", "referencePrice"))

	missing := productGetCall(c, 1)
	assert.Equal(t, false, missing.body["success"])
	assert.Equal(t, "PRODUCT_NOT_EXIST", missing.body["errorCode"])
}

func TestAlipayURL(t *testing.T) {
	s, _ := startSim(t, Options{})
	c := newClient(t, s)
	unpaid := placeOrder(t, c, "pay-1")
	paid := placeOrder(t, c, "pay-2")
	require.NoError(t, s.Pay(paid))
	list := `[` + strconv.FormatInt(unpaid, 10) + `,` + strconv.FormatInt(paid, 10) + `]`

	r := c.trade("alibaba.alipay.url.get", map[string]string{"orderIdList": list})
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	assert.Equal(t, true, r.body["success"])
	assert.True(t, strings.Contains(r.body["payUrl"].(string), strconv.FormatInt(unpaid, 10)), r.body["payUrl"])
	assert.Equal(t, []any{json.Number(strconv.FormatInt(paid, 10))}, r.body["payFailureOrderList"])

	r = c.trade("alibaba.alipay.url.get", map[string]string{"orderIdList": `[` + strconv.FormatInt(paid, 10) + `]`})
	assert.Equal(t, false, r.body["success"])
	assert.Equal(t, "ORDER_STATUS_ERROR", r.body["errorCode"])
	assert.NotEmpty(t, r.body["erroMsg"], "sic: erroMsg (1688.md §3.9)")

	tooMany := "[" + strings.Repeat("1,", 100) + "1]"
	assert.Equal(t, false, c.trade("alibaba.alipay.url.get", map[string]string{"orderIdList": tooMany}).body["success"])
}
