package open1688

import (
	"context"
	"errors"
	"strings"
)

// specProductDetail is alibaba.product.get (1688.md §3.8). Whether the buyer self-use solution
// grants it is not confirmed (§8); without it the gateway answers gw.APIACLDecline, KindPermission.
var specProductDetail = apiSpec{namespace: "com.alibaba.product", name: "alibaba.product.get", version: 1, token: true, retry: true}

// ProductImageHost is the image server that relative image paths such as "img/ibank/…" live on
// (GUESS: the host 1688's own pages load offer images from; not stated in any API doc).
const ProductImageHost = "https://cbu01.alicdn.com/"

// ProductImageURL makes an image path from a Product absolute; absolute URLs pass unchanged and
// protocol-relative ones ("//cbu01…") get https.
func ProductImageURL(path string) string {
	switch {
	case path == "", strings.HasPrefix(path, "https://"), strings.HasPrefix(path, "http://"):
		return path
	case strings.HasPrefix(path, "//"):
		return "https:" + path
	}
	return ProductImageHost + strings.TrimPrefix(path, "/")
}

// ProductDetailRequest asks for one offer.
type ProductDetailRequest struct {
	ProductID string // required: the offer id, as in a detail.1688.com/offer/{id}.html link
	Scene     string // optional scene parameter
}

// ProductDetailResult is the answer of ProductDetail.
type ProductDetailResult struct {
	Product Product
}

// Product is an offer with what ordering needs: its SKUs and their specIds.
type Product struct {
	ID     string
	Title  string   // subject
	Status string   // raw, e.g. "published"
	Images []string // as sent, often relative: see ProductImageURL
	Unit   string

	// The seller: supplierLoginId, and the member id (b2b-…) an order's sellerID names, from
	// sellerMemberId (GUESS: 1688.md §3.8 lists neither; both are empty when not sent).
	SellerLoginID  string
	SellerMemberID string

	// Price is the lowest price found in the price ranges and the SKUs: the "from" price.
	Price Fen
	// PriceRanges are the quantity discounts (saleInfo.priceRanges), when the offer is priced
	// by quantity rather than per SKU.
	PriceRanges      []PriceRange
	MinOrderQuantity float64 // saleInfo.minOrderQuantity
	SKUs             []SKU   // empty for an offer without SKUs: order it without a SpecID
}

// PriceRange is the unit price from a quantity on.
type PriceRange struct {
	MinQuantity float64 // startQuantity
	Price       Fen     // yuan on the wire
}

// SKU is one variant of an offer; its SpecID goes into a CartItem.
type SKU struct {
	SpecID       string // 32 hex digits
	SkuID        string
	Attributes   []SKUAttribute
	Price        Fen   // yuan on the wire; 0 when the offer is priced by PriceRanges
	RetailPrice  Fen   // yuan
	ConsignPrice Fen   // yuan
	Available    int64 // amountOnSale
	CargoNumber  string
}

// SKUAttribute is one attribute that tells a SKU apart, e.g. 颜色 = 红色.
type SKUAttribute struct {
	ID       string // attributeID
	Name     string // attributeName, else the name productInfo.attributes gives the id
	Value    string // attributeValue
	ImageURL string // skuImageUrl, often relative
}

// ProductDetail reads an offer through alibaba.product.get: title, images, prices, the minimum
// order quantity and the SKUs with their specIds.
func (c *Client) ProductDetail(ctx context.Context, req ProductDetailRequest) (*ProductDetailResult, error) {
	if err := checkID("ProductID", req.ProductID); err != nil {
		return nil, err
	}
	params := map[string]string{"webSite": webSite, "productID": req.ProductID}
	setIf(params, "scene", req.Scene)
	body, err := c.call(ctx, specProductDetail, params)
	if err != nil {
		return nil, err
	}
	return parseProductDetail(body)
}

type wireProduct struct {
	ProductID jsonID   `json:"productID"`
	Subject   jsonText `json:"subject"`
	Status    jsonText `json:"status"`
	// ReferencePrice is the price text of an offer without SKUs or ranges, e.g. "3.99", and
	// sometimes a range such as "3.99~4.50" (GUESS).
	ReferencePrice jsonText `json:"referencePrice"`
	SupplierLogin  jsonText `json:"supplierLoginId"`
	SellerMember   jsonText `json:"sellerMemberId"`
	// Attributes are the offer's properties; they name the attribute ids SKUs refer to.
	Attributes []struct {
		ID   jsonText `json:"attributeID"`
		Name jsonText `json:"attributeName"`
	} `json:"attributes"`
	Image struct {
		Images []jsonText `json:"images"`
	} `json:"image"`
	SaleInfo struct {
		MinOrderQuantity jsonQuantity `json:"minOrderQuantity"`
		Unit             jsonText     `json:"unit"`
		PriceRanges      []struct {
			StartQuantity jsonQuantity `json:"startQuantity"`
			Price         jsonYuan     `json:"price"`
		} `json:"priceRanges"`
	} `json:"saleInfo"`
	SkuInfos []struct {
		Attributes []struct {
			ID       jsonText `json:"attributeID"`
			Name     jsonText `json:"attributeName"`
			Value    jsonText `json:"attributeValue"`
			ImageURL jsonText `json:"skuImageUrl"`
		} `json:"attributes"`
		CargoNumber  jsonText `json:"cargoNumber"`
		AmountOnSale jsonInt  `json:"amountOnSale"`
		Price        jsonYuan `json:"price"`
		RetailPrice  jsonYuan `json:"retailPrice"`
		ConsignPrice jsonYuan `json:"consignPrice"`
		SkuID        jsonID   `json:"skuId"`
		SpecID       jsonText `json:"specId"`
	} `json:"skuInfos"`
}

// parseProductDetail reads {productInfo: {...}, success, errorCode, errorMessage}.
func parseProductDetail(body []byte) (*ProductDetailResult, error) {
	api := specProductDetail.name
	var w struct {
		outcome
		ProductInfo *wireProduct `json:"productInfo"`
	}
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(api, body, err)
	}
	if w.failed() {
		return nil, w.err(api, body)
	}
	if w.ProductInfo == nil {
		return nil, malformed(api, body, errors.New("no productInfo"))
	}
	wp := w.ProductInfo
	p := Product{
		ID: string(wp.ProductID), Title: string(wp.Subject), Status: string(wp.Status),
		Unit: string(wp.SaleInfo.Unit), MinOrderQuantity: float64(wp.SaleInfo.MinOrderQuantity),
		SellerLoginID: string(wp.SupplierLogin), SellerMemberID: string(wp.SellerMember),
	}
	p.Price = lowerPrice(p.Price, referencePrice(string(wp.ReferencePrice)))
	names := map[string]string{}
	for _, a := range wp.Attributes {
		names[string(a.ID)] = string(a.Name)
	}
	for _, img := range wp.Image.Images {
		p.Images = append(p.Images, string(img))
	}
	for _, r := range wp.SaleInfo.PriceRanges {
		p.PriceRanges = append(p.PriceRanges, PriceRange{MinQuantity: float64(r.StartQuantity), Price: Fen(r.Price)})
		p.Price = lowerPrice(p.Price, Fen(r.Price))
	}
	for _, s := range wp.SkuInfos {
		sku := SKU{
			SpecID: string(s.SpecID), SkuID: string(s.SkuID), Price: Fen(s.Price),
			RetailPrice: Fen(s.RetailPrice), ConsignPrice: Fen(s.ConsignPrice),
			Available: int64(s.AmountOnSale), CargoNumber: string(s.CargoNumber),
		}
		for _, a := range s.Attributes {
			name := string(a.Name)
			if name == "" {
				name = names[string(a.ID)]
			}
			sku.Attributes = append(sku.Attributes, SKUAttribute{
				ID: string(a.ID), Name: name, Value: string(a.Value), ImageURL: string(a.ImageURL),
			})
		}
		p.Price = lowerPrice(p.Price, sku.Price)
		p.SKUs = append(p.SKUs, sku)
	}
	return &ProductDetailResult{Product: p}, nil
}

// referencePrice reads referencePrice, a display text: its lowest number, or 0 when it has none.
// It never fails the parse, since the SKUs and ranges carry the prices that orders use.
func referencePrice(text string) Fen {
	var low Fen
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == '~' || r == '-' || r == ',' }) {
		if f, err := ParseYuan(part); err == nil {
			low = lowerPrice(low, f)
		}
	}
	return low
}

// lowerPrice keeps the lower of two prices, where 0 means no price yet.
func lowerPrice(have, next Fen) Fen {
	if next > 0 && (have == 0 || next < have) {
		return next
	}
	return have
}
