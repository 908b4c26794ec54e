package sim

import (
	"errors"
	"fmt"
	"slices"
)

// Product is a 1688 offer. Its offerId is the productID of
// alibaba.product.get and the cart's offerId (1688.md §3.8).
type Product struct {
	OfferID        int64
	Subject        string
	SellerMemberID string
	// MinOrderQuantity is the seller's 起批量; smaller quantities are
	// refused. Zero means 1.
	MinOrderQuantity int
	Unit             string // e.g. "件"; empty means "件"
	ImageURL         string
	// PriceFen is the unit price of an offer without SKUs. Money is kept in
	// fen and rendered in yuan where 1688 uses yuan.
	PriceFen int64
	// SKUs, when present, must be chosen by specId in the cart.
	SKUs []SKU
}

// SKU is one variant of an offer.
type SKU struct {
	SpecID     string // 32 hex digits in real data
	SkuID      int64
	Attributes []Attribute
	PriceFen   int64
	Stock      int // shown as amountOnSale; not enforced
}

// Attribute is one SKU property, e.g. 颜色=红色.
type Attribute struct {
	ID    int64
	Name  string
	Value string
}

// AddProduct registers an offer of a known seller.
func (w *World) AddProduct(p Product) error {
	if p.OfferID <= 0 {
		return errors.New("sim: product needs OfferID")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.sellers[p.SellerMemberID]; !ok {
		return fmt.Errorf("seller %s: %w", p.SellerMemberID, ErrNotFound)
	}
	if p.MinOrderQuantity <= 0 {
		p.MinOrderQuantity = 1
	}
	if p.Unit == "" {
		p.Unit = "件"
	}
	p.SKUs = slices.Clone(p.SKUs)
	for i := range p.SKUs {
		if p.SKUs[i].SpecID == "" {
			return fmt.Errorf("sim: product %d: SKU %d needs SpecID", p.OfferID, i)
		}
		if p.SKUs[i].SkuID == 0 {
			// Real skuIds are 13-digit numbers; derive one so it is stable.
			p.SKUs[i].SkuID = 5000000000000 + p.OfferID%1000000*100 + int64(i)
		}
	}
	w.products[p.OfferID] = &p
	return nil
}

// productInfo is the productInfo object of alibaba.product.get.
type productInfo struct {
	ProductID      int64         `json:"productID"`
	Subject        string        `json:"subject"`
	Status         string        `json:"status"`
	Image          productImage  `json:"image"`
	SaleInfo       saleInfo      `json:"saleInfo"`
	SKUInfos       []skuInfo     `json:"skuInfos"`
	ReferencePrice string        `json:"referencePrice,omitempty"`
	SupplierLogin  string        `json:"supplierLoginId"`
	SellerMember   string        `json:"sellerMemberId,omitempty"`
	Attributes     []skuProperty `json:"attributes,omitempty"`
}

type productImage struct {
	Images []string `json:"images"`
}

type saleInfo struct {
	MinOrderQuantity int    `json:"minOrderQuantity"`
	Unit             string `json:"unit"`
	AmountOnSale     int    `json:"amountOnSale"`
}

type skuInfo struct {
	Attributes   []skuAttribute `json:"attributes"`
	CargoNumber  string         `json:"cargoNumber"`
	AmountOnSale int            `json:"amountOnSale"`
	Price        yuan           `json:"price"`
	RetailPrice  yuan           `json:"retailPrice"`
	ConsignPrice yuan           `json:"consignPrice"`
	SkuID        int64          `json:"skuId"`
	SpecID       string         `json:"specId"`
}

type skuAttribute struct {
	AttributeID    int64  `json:"attributeID"`
	AttributeValue string `json:"attributeValue"`
	SkuImageURL    string `json:"skuImageUrl,omitempty"`
}

type skuProperty struct {
	AttributeID   int64  `json:"attributeID"`
	AttributeName string `json:"attributeName"`
	Value         string `json:"value"`
}

// productGet answers com.alibaba.product:alibaba.product.get. The response
// carries success and errorCode/errorMessage like the trade APIs; 1688.md
// §3.8 gives only productInfo, so the error keys are a GUESS.
func productGet(c *call) (any, *GatewayError) {
	id, gerr := c.int64Param("productID", true)
	if gerr != nil {
		return nil, gerr
	}
	w := c.s.World
	w.mu.Lock()
	defer w.mu.Unlock()
	p, ok := w.products[id]
	if !ok {
		return businessError(c.s.opts.Codes.ProductNotFound, "商品不存在 (product not found)"), nil
	}
	seller := w.sellers[p.SellerMemberID]
	info := productInfo{
		ProductID:     p.OfferID,
		Subject:       p.Subject,
		Status:        "published",
		SaleInfo:      saleInfo{MinOrderQuantity: p.MinOrderQuantity, Unit: p.Unit},
		SKUInfos:      []skuInfo{},
		SupplierLogin: seller.LoginID,
		SellerMember:  seller.MemberID,
	}
	if p.ImageURL != "" {
		info.Image.Images = []string{p.ImageURL}
	} else {
		info.Image.Images = []string{}
	}
	if len(p.SKUs) == 0 {
		info.ReferencePrice = string(yuanOf(p.PriceFen))
		info.SaleInfo.AmountOnSale = 9999
	}
	for _, k := range p.SKUs {
		si := skuInfo{
			Attributes:   []skuAttribute{},
			AmountOnSale: k.Stock,
			Price:        yuanOf(k.PriceFen),
			RetailPrice:  yuanOf(k.PriceFen),
			ConsignPrice: yuanOf(k.PriceFen),
			SkuID:        k.SkuID,
			SpecID:       k.SpecID,
		}
		for _, a := range k.Attributes {
			si.Attributes = append(si.Attributes, skuAttribute{AttributeID: a.ID, AttributeValue: a.Value})
			prop := skuProperty{AttributeID: a.ID, AttributeName: a.Name, Value: a.Value}
			if !slices.Contains(info.Attributes, prop) {
				info.Attributes = append(info.Attributes, prop)
			}
		}
		info.SaleInfo.AmountOnSale += k.Stock
		info.SKUInfos = append(info.SKUInfos, si)
	}
	return map[string]any{"success": true, "productInfo": info}, nil
}
