package open1688

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProductDetailRequestAndParse(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureProduct)
	res, err := c.ProductDetail(context.Background(), ProductDetailRequest{ProductID: fixtureOfferID})
	require.NoError(t, err)

	sent := srv.last(t)
	assertSent(t, sent, "com.alibaba.product", "alibaba.product.get", true)
	assert.Equal(t, fixtureOfferID, sent.Form.Get("productID"))
	assert.Equal(t, "1688", sent.Form.Get("webSite"))

	p := res.Product
	assert.Equal(t, fixtureOfferID, p.ID)
	assert.Equal(t, "纯棉T恤 男款", p.Title)
	assert.Equal(t, []string{"img/ibank/2024/1.jpg", "https://cbu01.alicdn.com/img/ibank/2024/2.jpg"}, p.Images)
	assert.InDelta(t, 2, p.MinOrderQuantity, 0)
	assert.Equal(t, "件", p.Unit)
	assert.Equal(t, []PriceRange{{MinQuantity: 2, Price: 5550}, {MinQuantity: 100, Price: 4990}}, p.PriceRanges)
	assert.Equal(t, Fen(4750), p.Price, "the lowest price of referencePrice, ranges and SKUs")

	require.Len(t, p.SKUs, 2)
	assert.Equal(t, SKU{
		SpecID: fixtureSpecID, SkuID: "4567890123456",
		Attributes: []SKUAttribute{{ID: "3216", Name: "颜色", Value: "红色", ImageURL: "img/ibank/red.jpg"}},
		Price:      5118, RetailPrice: 6900, Available: 500, CargoNumber: "T-RED",
	}, p.SKUs[0])
	assert.Equal(t, "c377f1837617296cfbb316dbdf99b51b", p.SKUs[1].SpecID)
	assert.Equal(t, []SKUAttribute{{ID: "3216", Name: "颜色", Value: "蓝色"}}, p.SKUs[1].Attributes,
		"a SKU attribute without a name takes it from productInfo.attributes")
	assert.Equal(t, Fen(4800), p.SKUs[1].Price)
	assert.Zero(t, p.SKUs[1].Available)
}

func TestProductDetailFailures(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusBadRequest, `{"error_code":"gw.APIACLDecline","error_message":"AppKey is not allowed(acl)"}`)
	_, err := c.ProductDetail(context.Background(), ProductDetailRequest{ProductID: "https://detail.1688.com/offer/1.html"})
	assert.ErrorIs(t, err, ErrInvalidRequest, "a link is not an id")
	assert.Zero(t, srv.count())
	_, err = c.ProductDetail(context.Background(), ProductDetailRequest{ProductID: fixtureOfferID})
	assert.Equal(t, KindPermission, KindOf(err), "a product API outside the solution")

	_, err = parseProductDetail([]byte(`{"success":true}`))
	assert.Equal(t, KindUnknown, KindOf(err))
}

func TestProductImageURL(t *testing.T) {
	assert.Equal(t, "https://cbu01.alicdn.com/img/ibank/1.jpg", ProductImageURL("img/ibank/1.jpg"))
	assert.Equal(t, "https://cbu01.alicdn.com/img/ibank/1.jpg", ProductImageURL("/img/ibank/1.jpg"))
	assert.Equal(t, "https://cbu01.alicdn.com/x.jpg", ProductImageURL("//cbu01.alicdn.com/x.jpg"))
	assert.Equal(t, "http://example.com/x.jpg", ProductImageURL("http://example.com/x.jpg"))
	assert.Empty(t, ProductImageURL(""))
}

func TestReferencePrice(t *testing.T) {
	assert.Equal(t, Fen(399), referencePrice("3.99"))
	assert.Equal(t, Fen(399), referencePrice("4.50~3.99"))
	assert.Equal(t, Fen(0), referencePrice("面议"), "text without a price is no price, not an error")
}
