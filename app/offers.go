package app

import (
	"context"
	"math"
	"strings"

	"caigou/app/open1688"
)

// Offer is a 1688 offer as order entry shows it: what to pick and what it costs.
type Offer struct {
	ID             string
	Title          string
	ImageURL       string // absolute; load it with OfferImage
	SellerMemberID string // b2b-…, the seller an order goes to
	SellerLoginID  string
	PriceFen       int64 // the lowest price: the "from" price
	MinQuantity    int   // the seller's minimum order quantity (起批量), at least 1
	Unit           string
	SKUs           []SKU // empty for an offer ordered without a SKU
}

// SKU is one variant of an offer that the user picks by its attributes.
type SKU struct {
	SpecID     string
	Attributes string // as 1688 names them, e.g. "颜色:红色;尺码:XL"
	PriceFen   int64  // 0 when the offer is priced by quantity: use Offer.PriceFen
	Stock      int
}

// SKU is the offer's SKU with specID; ok is false when it has none.
func (o Offer) SKU(specID string) (SKU, bool) {
	for _, s := range o.SKUs {
		if s.SpecID == specID {
			return s, true
		}
	}
	return SKU{}, false
}

// UnitPriceFen is what one unit of SKU specID costs, as far as the offer says.
func (o Offer) UnitPriceFen(specID string) int64 {
	if s, ok := o.SKU(specID); ok && s.PriceFen > 0 {
		return s.PriceFen
	}
	return o.PriceFen
}

// LookUpOffer reads an offer (alibaba.product.get) with the active key's account: one call of
// the user's budget.
func (a *App) LookUpOffer(ctx context.Context, offerID string) (Offer, error) {
	c, _, err := a.Client(ctx)
	if err != nil {
		return Offer{}, err
	}
	return lookUpOffer(ctx, c, offerID)
}

func lookUpOffer(ctx context.Context, c *open1688.Client, offerID string) (Offer, error) {
	res, err := c.ProductDetail(ctx, open1688.ProductDetailRequest{ProductID: offerID})
	if err != nil {
		return Offer{}, err
	}
	return offerFromProduct(res.Product), nil
}

// offerFromProduct turns alibaba.product.get's product into an Offer.
func offerFromProduct(p open1688.Product) Offer {
	o := Offer{
		ID: p.ID, Title: p.Title, SellerMemberID: p.SellerMemberID, SellerLoginID: p.SellerLoginID,
		PriceFen: int64(p.Price), Unit: p.Unit, MinQuantity: max(1, int(math.Ceil(p.MinOrderQuantity))),
	}
	if len(p.Images) > 0 {
		o.ImageURL = open1688.ProductImageURL(p.Images[0])
	}
	for _, s := range p.SKUs {
		attrs := make([]string, len(s.Attributes))
		for i, at := range s.Attributes {
			attrs[i] = at.Name + ":" + at.Value
		}
		o.SKUs = append(o.SKUs, SKU{
			SpecID: s.SpecID, Attributes: strings.Join(attrs, ";"), PriceFen: int64(s.Price),
			Stock: int(min(s.Available, math.MaxInt32)),
		})
	}
	return o
}
