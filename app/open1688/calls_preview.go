package open1688

import (
	"context"
	"errors"
)

// specPreviewOrder is alibaba.createOrder.preview (1688.md §3.1).
var specPreviewOrder = apiSpec{namespace: "com.alibaba.trade", name: "alibaba.createOrder.preview", version: 1, token: true, retry: true}

// PreviewOrderRequest is a cart to price before it is ordered.
type PreviewOrderRequest struct {
	Address Address
	Items   []CartItem
	Flow    string // empty means FlowGeneral
	// Extra holds further parameters sent as they are (e.g. instanceId from newer docs), so a
	// parameter 1688.md could not confirm can be tried without a code change.
	// They never replace a parameter the call sets itself.
	Extra map[string]string
}

// PreviewOrderResult is the priced cart: one PreviewSellerOrder per seller, since the cart
// becomes one order per seller.
type PreviewOrderResult struct {
	Orders []PreviewSellerOrder
	// Offers whose postage follows the seller's description, which need consigning, and which
	// cannot be paid cross-border (postFeeByDescOfferList, consignOfferList,
	// unsupportedCrossBorderPayOfferList).
	PostFeeByDescOfferIDs    []string
	ConsignOfferIDs          []string
	NoCrossBorderPayOfferIDs []string
}

// PreviewSellerOrder is the preview of the order one seller would get.
type PreviewSellerOrder struct {
	OK         bool   // status: whether this part can be ordered
	ResultCode string // why not, when OK is false
	Message    string

	Total         Fen // sumPayment (fen on the wire): what the buyer pays
	Shipping      Fen // sumCarriage (fen)
	Goods         Fen // sumPaymentNoCarriage (fen)
	Discount      Fen // discountFee (fen, GUESS: not stated, a long like the sums)
	AdditionalFee Fen // additionalFee (fen, GUESS as above)

	FlowFlag   string
	TradeModes []TradeMode // ways to pay; pass one's TradeType to CreateOrder
	Items      []PreviewItem
}

// TradeMode is one way the order can be traded, e.g. TradeType "assureTrade".
type TradeMode struct {
	TradeType   string
	Name        string
	Description string
	OpSupport   bool
}

// PreviewItem is one cart line as the seller would sell it.
type PreviewItem struct {
	OfferID    string
	SpecID     string
	SkuID      string
	Amount     Fen // amount (yuan on the wire, GUESS: a double in the SDK): the line total
	UnitPrice  Fen // finalUnitPrice (yuan, GUESS as above)
	ResultCode string
	Message    string
}

// PreviewOrder prices a cart through alibaba.createOrder.preview without ordering anything.
// Parts that cannot be ordered come back with OK false and a reason, not as an error.
func (c *Client) PreviewOrder(ctx context.Context, req PreviewOrderRequest) (*PreviewOrderResult, error) {
	params := map[string]string{}
	if err := cartParams(params, req.Address, req.Items, req.Flow); err != nil {
		return nil, err
	}
	addExtra(params, req.Extra)
	body, err := c.call(ctx, specPreviewOrder, params)
	if err != nil {
		return nil, err
	}
	return parsePreviewOrder(body)
}

type wirePreview struct {
	outcome
	// orderPreviewResuslt is misspelled in the real API (1688.md §3.1).
	Orders        []wirePreviewOrder `json:"orderPreviewResuslt"`
	PostFeeByDesc []jsonID           `json:"postFeeByDescOfferList"`
	Consign       []jsonID           `json:"consignOfferList"`
	NoCrossPay    []jsonID           `json:"unsupportedCrossBorderPayOfferList"`
}

type wirePreviewOrder struct {
	Status        jsonBool      `json:"status"`
	ResultCode    jsonText      `json:"resultCode"`
	Message       jsonText      `json:"message"`
	SumPayment    jsonFen       `json:"sumPayment"`
	SumCarriage   jsonFen       `json:"sumCarriage"`
	SumNoCarriage jsonFen       `json:"sumPaymentNoCarriage"`
	DiscountFee   jsonFen       `json:"discountFee"`
	AdditionalFee jsonFen       `json:"additionalFee"`
	FlowFlag      jsonText      `json:"flowFlag"`
	TradeModels   []wireTrade   `json:"tradeModelList"`
	Cargo         []wireCargoRe `json:"cargoList"`
}

type wireTrade struct {
	TradeType   jsonText `json:"tradeType"`
	Name        jsonText `json:"name"`
	Description jsonText `json:"description"`
	OpSupport   jsonBool `json:"opSupport"`
}

type wireCargoRe struct {
	OfferID        jsonID   `json:"offerId"`
	SpecID         jsonText `json:"specId"`
	SkuID          jsonID   `json:"skuId"`
	Amount         jsonYuan `json:"amount"`
	FinalUnitPrice jsonYuan `json:"finalUnitPrice"`
	ResultCode     jsonText `json:"resultCode"`
	Message        jsonText `json:"message"`
}

// parsePreviewOrder reads the preview answer, whose failure pair is errorCode/errorMsg.
func parsePreviewOrder(body []byte) (*PreviewOrderResult, error) {
	var w wirePreview
	if err := decodeBody(body, &w); err != nil {
		return nil, malformed(specPreviewOrder.name, body, err)
	}
	if w.failed() {
		return nil, w.err(specPreviewOrder.name, body)
	}
	if len(w.Orders) == 0 {
		return nil, malformed(specPreviewOrder.name, body, errors.New("no previewed order"))
	}
	res := &PreviewOrderResult{
		PostFeeByDescOfferIDs:    idStrings(w.PostFeeByDesc),
		ConsignOfferIDs:          idStrings(w.Consign),
		NoCrossBorderPayOfferIDs: idStrings(w.NoCrossPay),
	}
	for _, o := range w.Orders {
		p := PreviewSellerOrder{
			OK: bool(o.Status), ResultCode: string(o.ResultCode), Message: string(o.Message),
			Total: Fen(o.SumPayment), Shipping: Fen(o.SumCarriage), Goods: Fen(o.SumNoCarriage),
			Discount: Fen(o.DiscountFee), AdditionalFee: Fen(o.AdditionalFee), FlowFlag: string(o.FlowFlag),
		}
		for _, t := range o.TradeModels {
			p.TradeModes = append(p.TradeModes, TradeMode{
				TradeType: string(t.TradeType), Name: string(t.Name),
				Description: string(t.Description), OpSupport: bool(t.OpSupport),
			})
		}
		for _, c := range o.Cargo {
			p.Items = append(p.Items, PreviewItem{
				OfferID: string(c.OfferID), SpecID: string(c.SpecID), SkuID: string(c.SkuID),
				Amount: Fen(c.Amount), UnitPrice: Fen(c.FinalUnitPrice),
				ResultCode: string(c.ResultCode), Message: string(c.Message),
			})
		}
		res.Orders = append(res.Orders, p)
	}
	return res, nil
}

// idStrings converts decoded ids, dropping empty ones.
func idStrings(ids []jsonID) []string {
	var out []string
	for _, id := range ids {
		if id != "" {
			out = append(out, string(id))
		}
	}
	return out
}
