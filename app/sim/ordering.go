package sim

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// cargoParam is one element of cargoParamList (1688.md §3.1).
type cargoParam struct {
	OfferID  jsonInt64   `json:"offerId"`
	SpecID   string      `json:"specId"`
	Quantity json.Number `json:"quantity"`
}

// sellerCart is the part of a cart that becomes one order.
type sellerCart struct {
	seller *Seller
	lines  []OrderLine
}

func (c sellerCart) productFen() int64 {
	var sum int64
	for _, l := range c.lines {
		sum += l.PriceFen * int64(l.Quantity)
	}
	return sum
}

// ruleError is a refusal by the ordering rules, sent as a business error.
type ruleError struct{ code, msg string }

// readCart decodes and checks the parameters preview and create share.
func (c *call) readCart() (Address, []cargoParam, *GatewayError) {
	var addr Address
	var cargo []cargoParam
	if gerr := c.jsonParam("addressParam", &addr); gerr != nil {
		return addr, nil, gerr
	}
	if gerr := c.jsonParam("cargoParamList", &cargo); gerr != nil {
		return addr, nil, gerr
	}
	if len(cargo) == 0 {
		return addr, nil, c.badParam("cargoParamList", fmt.Errorf("empty list"))
	}
	return addr, cargo, nil
}

// planCartLocked applies the ordering rules to a cart and splits it by
// seller, keeping the cart's order. The caller holds w.mu.
func (w *World) planCartLocked(codes Codes, buyer *Buyer, addr Address, cargo []cargoParam) ([]sellerCart, *ruleError) {
	if addr.AddressID <= 0 && (addr.FullName == "" || addr.Address == "" || (addr.Mobile == "" && addr.Phone == "")) {
		return nil, &ruleError{codes.AddressInvalid, "收货地址不完整 (address needs addressId, or fullName, address and a phone)"}
	}
	var carts []sellerCart
	for _, cp := range cargo {
		p, ok := w.products[int64(cp.OfferID)]
		if !ok {
			return nil, &ruleError{codes.OfferNotFound, fmt.Sprintf("商品不存在或已下架 (offer %d not available)", cp.OfferID)}
		}
		line := OrderLine{OfferID: p.OfferID, Name: p.Subject, Unit: p.Unit, PriceFen: p.PriceFen}
		switch {
		case len(p.SKUs) > 0:
			i := slices.IndexFunc(p.SKUs, func(k SKU) bool { return k.SpecID == cp.SpecID })
			if i < 0 {
				return nil, &ruleError{codes.SKUNotFound, fmt.Sprintf("规格不存在 (offer %d has no specId %q)", p.OfferID, cp.SpecID)}
			}
			k := p.SKUs[i]
			line.SpecID, line.SkuID, line.PriceFen = k.SpecID, k.SkuID, k.PriceFen
			line.Attributes = slices.Clone(k.Attributes)
		case cp.SpecID != "":
			return nil, &ruleError{codes.SKUNotFound, fmt.Sprintf("规格不存在 (offer %d has no SKUs)", p.OfferID)}
		}
		q, err := strconv.ParseFloat(string(cp.Quantity), 64)
		if err != nil || q != math.Trunc(q) || q < float64(p.MinOrderQuantity) {
			return nil, &ruleError{codes.BelowMinQuantity, fmt.Sprintf("购买数量不能少于起批量 %d (quantity %s)", p.MinOrderQuantity, cp.Quantity)}
		}
		line.Quantity = int(q)
		if !slices.Contains(buyer.BoughtFrom, p.SellerMemberID) {
			return nil, &ruleError{codes.NewSeller, "新商家首单不可 (the first order to a new seller is not allowed)"}
		}
		i := slices.IndexFunc(carts, func(sc sellerCart) bool { return sc.seller.MemberID == p.SellerMemberID })
		if i < 0 {
			carts = append(carts, sellerCart{seller: w.sellers[p.SellerMemberID]})
			i = len(carts) - 1
		}
		carts[i].lines = append(carts[i].lines, line)
	}
	return carts, nil
}

type previewResult struct {
	Status               bool           `json:"status"`
	ResultCode           string         `json:"resultCode"`
	Message              string         `json:"message"`
	SumPayment           int64          `json:"sumPayment"` // fen
	SumCarriage          int64          `json:"sumCarriage"`
	SumPaymentNoCarriage int64          `json:"sumPaymentNoCarriage"`
	DiscountFee          int64          `json:"discountFee"`
	AdditionalFee        int64          `json:"additionalFee"`
	FlowFlag             string         `json:"flowFlag"`
	TradeModeNameList    []string       `json:"tradeModeNameList"`
	TradeModelList       []tradeModel   `json:"tradeModelList"`
	CargoList            []previewCargo `json:"cargoList"`
	ShopPromotionList    []any          `json:"shopPromotionList"`
}

type tradeModel struct {
	TradeType   string `json:"tradeType"`
	Name        string `json:"name"`
	Description string `json:"description"`
	OpSupport   bool   `json:"opSupport"`
}

// previewCargo prices are in yuan; 1688.md does not give their unit, and
// yuan matches the other per-item prices (GUESS).
type previewCargo struct {
	OfferID            int64  `json:"offerId"`
	SpecID             string `json:"specId,omitempty"`
	SkuID              int64  `json:"skuId,omitempty"`
	Amount             yuan   `json:"amount"`
	FinalUnitPrice     yuan   `json:"finalUnitPrice"`
	ResultCode         string `json:"resultCode"`
	Message            string `json:"message"`
	CargoPromotionList []any  `json:"cargoPromotionList"`
}

// previewOrder answers com.alibaba.trade:alibaba.createOrder.preview: one
// orderPreviewResuslt (sic) element per seller, sums in fen (1688.md §3.1).
func previewOrder(c *call) (any, *GatewayError) {
	addr, cargo, gerr := c.readCart()
	if gerr != nil {
		return nil, gerr
	}
	w := c.s.World
	w.mu.Lock()
	carts, rerr := w.planCartLocked(c.s.opts.Codes, c.buyer, addr, cargo)
	w.mu.Unlock()
	if rerr != nil {
		return bizError(keysPreview, rerr.code, rerr.msg), nil
	}
	results := make([]previewResult, 0, len(carts))
	for _, sc := range carts {
		r := previewResult{
			Status: true, SumCarriage: sc.seller.ShippingFeeFen, SumPaymentNoCarriage: sc.productFen(),
			FlowFlag: "general", TradeModeNameList: []string{"assureTrade"},
			TradeModelList:    []tradeModel{{"assureTrade", "担保交易", "担保交易", true}},
			ShopPromotionList: []any{},
		}
		r.SumPayment = r.SumPaymentNoCarriage + r.SumCarriage
		for _, l := range sc.lines {
			r.CargoList = append(r.CargoList, previewCargo{
				OfferID: l.OfferID, SpecID: l.SpecID, SkuID: l.SkuID,
				Amount: yuanOf(l.PriceFen * int64(l.Quantity)), FinalUnitPrice: yuanOf(l.PriceFen),
				CargoPromotionList: []any{},
			})
		}
		results = append(results, r)
	}
	return map[string]any{
		"success":                            true,
		"orderPreviewResuslt":                results,
		"postFeeByDescOfferList":             []int64{},
		"consignOfferList":                   []int64{},
		"unsupportedCrossBorderPayOfferList": []int64{},
	}, nil
}

// fastCreateOrder answers com.alibaba.trade:alibaba.trade.fastCreateOrder
// (1688.md §3.2): success/code/message, and result.orderId as a string.
//
// The same outOrderId of the same buyer never makes a second order: the
// repeat gets the first order's result (or Codes.DuplicateOutOrder with
// Options.RejectDuplicateOutOrderID), whatever cart it carries. The check
// and the insert happen under one lock, so concurrent retries cannot race.
func fastCreateOrder(c *call) (any, *GatewayError) {
	addr, cargo, gerr := c.readCart()
	if gerr != nil {
		return nil, gerr
	}
	out := c.params.Get("outOrderId")
	w := c.s.World
	w.mu.Lock()
	defer w.mu.Unlock()
	if out != "" {
		if id, dup := w.byOutOrder[outKey(c.buyer.MemberID, out)]; dup {
			if c.s.opts.RejectDuplicateOutOrderID {
				return bizError(keysCreate, c.s.opts.Codes.DuplicateOutOrder, "outOrderId 已存在 (duplicate outOrderId)"), nil
			}
			return createdResult(w.orders[id]), nil
		}
	}
	carts, rerr := w.planCartLocked(c.s.opts.Codes, c.buyer, addr, cargo)
	if rerr != nil {
		return bizError(keysCreate, rerr.code, rerr.msg), nil
	}
	if len(carts) > 1 {
		// createCrossOrder allows one supplier per call (1688.md §3.2), and
		// how fastCreateOrder reports several orders is a GUESS, so the
		// simulator refuses mixed carts rather than invent a format.
		return bizError(keysCreate, c.s.opts.Codes.MultiSeller, "一次只能向一个供应商下单 (one seller per order)"), nil
	}
	flow := c.params.Get("flow")
	if flow == "" {
		flow = "general"
	}
	tradeType := c.params.Get("tradeType")
	if tradeType == "" {
		tradeType = "assureTrade"
	}
	o := &Order{
		ID: w.newOrderIDLocked(), OutOrderID: out, AppKey: c.app.Key,
		BuyerMemberID: c.buyer.MemberID, SellerMemberID: carts[0].seller.MemberID,
		Status: StatusWaitBuyerPay, Lines: carts[0].lines, ShippingFeeFen: carts[0].seller.ShippingFeeFen,
		Flow: flow, TradeType: tradeType, Message: c.params.Get("message"), Address: addr,
		Created: c.now, Modified: c.now,
	}
	for i := range o.Lines {
		o.Lines[i].SubItemID = w.nextSub
		w.nextSub++
	}
	w.insertLocked(o)
	w.tellOrderLocked(o, TopicOrderBuyerMake, c.now)
	return createdResult(o), nil
}

func createdResult(o *Order) map[string]any {
	return map[string]any{
		"success": true,
		"result": map[string]any{
			"orderId":            strconv.FormatInt(o.ID, 10),
			"totalSuccessAmount": o.TotalFen(),
			"postFee":            o.ShippingFeeFen,
			"failedOfferList":    []any{},
		},
	}
}
