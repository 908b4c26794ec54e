package open1688

import "time"

// OrderStatus is an order's status exactly as 1688 sends it in baseInfo.status (1688.md §3.10).
// Values outside the constants below do occur; keep them and sort them into an "other" bucket
// rather than failing.
type OrderStatus string

// The official order statuses of 1688.md §3.10.
const (
	StatusWaitBuyerPay        OrderStatus = "waitbuyerpay"        // created, waiting for payment
	StatusWaitSellerSend      OrderStatus = "waitsellersend"      // paid, waiting for the seller to ship
	StatusWaitLogisticsTakeIn OrderStatus = "waitlogisticstakein" // waiting for the carrier's pickup
	StatusWaitBuyerReceive    OrderStatus = "waitbuyerreceive"    // shipped, waiting for the buyer's receipt
	StatusWaitBuyerSign       OrderStatus = "waitbuyersign"       // waiting for the buyer to sign
	StatusSignInSuccess       OrderStatus = "signinsuccess"       // the buyer signed
	StatusConfirmGoods        OrderStatus = "confirm_goods"       // receipt confirmed
	StatusSuccess             OrderStatus = "success"             // the trade is complete
	StatusCancel              OrderStatus = "cancel"              // cancelled or closed
	StatusTerminated          OrderStatus = "terminated"          // terminated
)

// Further statuses seen in real data and other docs (1688.md §3.10, [M]).
const (
	StatusConfirmGoodsSubsidy OrderStatus = "confirm_goods_and_has_subsidy"
	StatusConfirmGoodsNoFund  OrderStatus = "confirm_goods_but_not_fund"
	StatusSendGoodsNoFund     OrderStatus = "send_goods_but_not_fund"
	StatusPaidNoFund          OrderStatus = "paid_but_not_fund"
	StatusSignInFailed        OrderStatus = "signinfailed"
	StatusWaitSellerAct       OrderStatus = "waitselleract"
	StatusWaitBuyerConfirmAct OrderStatus = "waitbuyerconfirmaction"
	StatusWaitSellerPush      OrderStatus = "waitsellerpush"
	StatusWaitSellerConfirm   OrderStatus = "waitsellerconfirm"
	StatusWaitBuyerConfirm    OrderStatus = "waitbuyerconfirm"
)

// knownStatuses holds every status constant, official and seen in data.
var knownStatuses = map[OrderStatus]bool{
	StatusWaitBuyerPay: true, StatusWaitSellerSend: true, StatusWaitLogisticsTakeIn: true,
	StatusWaitBuyerReceive: true, StatusWaitBuyerSign: true, StatusSignInSuccess: true,
	StatusConfirmGoods: true, StatusSuccess: true, StatusCancel: true, StatusTerminated: true,
	StatusConfirmGoodsSubsidy: true, StatusConfirmGoodsNoFund: true, StatusSendGoodsNoFund: true,
	StatusPaidNoFund: true, StatusSignInFailed: true, StatusWaitSellerAct: true,
	StatusWaitBuyerConfirmAct: true, StatusWaitSellerPush: true, StatusWaitSellerConfirm: true,
	StatusWaitBuyerConfirm: true,
}

// Known reports whether s is one of the statuses 1688.md lists.
func (s OrderStatus) Known() bool { return knownStatuses[s] }

// Order is one order as get.buyerView and getBuyerOrderList describe it (TradeInfo, 1688.md
// §3.3). Amounts are in fen whatever unit the field had on the wire; times are in UTC.
type Order struct {
	ID         string      // baseInfo.idOfStr, else baseInfo.id: 17–19 digits, kept as text
	Status     OrderStatus // baseInfo.status, raw
	OutOrderID string      // our own id given to fastCreateOrder, when 1688 returns it

	Total        Fen // totalAmount (yuan on the wire): the items plus shipping
	ShippingFee  Fen // shippingFee (yuan)
	ProductTotal Fen // sumProductPayment (yuan)
	Refund       Fen // refund (yuan)
	CouponFee    Fen // couponFee (yuan)
	Discount     Fen // discount (fen on the wire)

	Created      time.Time // createTime
	Paid         time.Time // payTime; zero while unpaid
	Modified     time.Time // modifyTime
	AllDelivered time.Time // allDeliveredTime
	Completed    time.Time // completeTime
	Received     time.Time // receivingTime

	BuyerID       string // buyerID, e.g. "b2b-…"
	SellerID      string // sellerID
	BuyerLoginID  string
	SellerLoginID string

	RefundStatus     string // raw, e.g. "waitselleragree"
	CloseReason      string // buyerCancel, sellerGoodsLack or other
	CloseOperateType string // e.g. CLOSE_TRADE_BY_SELLER
	CloseRemark      string
	TradeType        string // tradeTypeCode, e.g. "assureTrade"
	Remark           string
	BuyerFeedback    string

	Receiver  Receiver
	Items     []OrderItem
	Shipments []OrderShipment // nativeLogistics.logisticsItems
}

// Receiver is where an order goes (baseInfo.receiverInfo).
type Receiver struct {
	Name         string // toFullName
	Mobile       string
	Phone        string
	PostCode     string // toPost
	Area         string // toArea: the address as one line
	DivisionCode string
	TownCode     string
}

// OrderItem is one line of an order (productItems[]).
type OrderItem struct {
	ProductID string // productID: the offer id
	SkuID     string
	SpecID    string
	SubItemID string // subItemIDString, else subItemID

	Name        string
	CargoNumber string
	ImageURLs   []string
	Attributes  []NameValue // skuInfos: the chosen SKU's attributes, e.g. 颜色 = 红色

	Price    Fen     // price (yuan): the original unit price
	Amount   Fen     // itemAmount (yuan): what the line actually costs
	Refund   Fen     // refund (yuan)
	Quantity float64 // the platform types it as a decimal
	Unit     string

	Status          string
	RefundStatus    string // e.g. WAIT_SELLER_AGREE
	LogisticsStatus int    // 1 not shipped, 2 shipped, 3 received, 4 returned, 5 partly shipped, 8 no logistics order
}

// NameValue is a name and its value, such as one attribute of a SKU.
type NameValue struct {
	Name  string
	Value string
}

// OrderShipment is a shipment listed in an order's nativeLogistics.logisticsItems.
type OrderShipment struct {
	LogisticsID string    // logisticsCode: the platform's logistics order id, e.g. "BX…"
	BillNo      string    // logisticsBillNo: the carrier's tracking number
	CompanyName string    // logisticsCompanyName
	CompanyNo   string    // logisticsCompanyNo
	Delivered   time.Time // deliveredTime
	Status      string
	SubItemIDs  []string // the order lines in this shipment
}

// wireTradeInfo is TradeInfo as sent; every scalar goes through a lenient exact type.
type wireTradeInfo struct {
	BaseInfo        wireBaseInfo        `json:"baseInfo"`
	ProductItems    []wireProductItem   `json:"productItems"`
	NativeLogistics wireNativeLogistics `json:"nativeLogistics"`
}

type wireBaseInfo struct {
	ID               jsonID       `json:"id"`
	IDOfStr          jsonID       `json:"idOfStr"`
	Status           jsonText     `json:"status"`
	OutOrderID       jsonText     `json:"outOrderId"`
	TotalAmount      jsonYuan     `json:"totalAmount"`
	ShippingFee      jsonYuan     `json:"shippingFee"`
	SumProduct       jsonYuan     `json:"sumProductPayment"`
	Refund           jsonYuan     `json:"refund"`
	CouponFee        jsonYuan     `json:"couponFee"`
	Discount         jsonFen      `json:"discount"`
	CreateTime       jsonTime     `json:"createTime"`
	PayTime          jsonTime     `json:"payTime"`
	ModifyTime       jsonTime     `json:"modifyTime"`
	AllDeliveredTime jsonTime     `json:"allDeliveredTime"`
	CompleteTime     jsonTime     `json:"completeTime"`
	ReceivingTime    jsonTime     `json:"receivingTime"`
	BuyerID          jsonText     `json:"buyerID"`
	SellerID         jsonText     `json:"sellerID"`
	BuyerLoginID     jsonText     `json:"buyerLoginId"`
	SellerLoginID    jsonText     `json:"sellerLoginId"`
	RefundStatus     jsonText     `json:"refundStatus"`
	CloseReason      jsonText     `json:"closeReason"`
	CloseOperateType jsonText     `json:"closeOperateType"`
	CloseRemark      jsonText     `json:"closeRemark"`
	TradeTypeCode    jsonText     `json:"tradeTypeCode"`
	Remark           jsonText     `json:"remark"`
	BuyerFeedback    jsonText     `json:"buyerFeedback"`
	ReceiverInfo     wireReceiver `json:"receiverInfo"`
}

type wireReceiver struct {
	FullName     jsonText `json:"toFullName"`
	Mobile       jsonText `json:"toMobile"`
	Phone        jsonText `json:"toPhone"`
	Post         jsonText `json:"toPost"`
	Area         jsonText `json:"toArea"`
	DivisionCode jsonText `json:"toDivisionCode"`
	TownCode     jsonText `json:"toTownCode"`
}

type wireProductItem struct {
	ProductID       jsonID          `json:"productID"`
	SkuID           jsonID          `json:"skuID"`
	SpecID          jsonText        `json:"specId"`
	SubItemID       jsonID          `json:"subItemID"`
	SubItemIDString jsonID          `json:"subItemIDString"`
	Name            jsonText        `json:"name"`
	CargoNumber     jsonText        `json:"cargoNumber"`
	ImageURLs       []jsonText      `json:"productImgUrl"`
	SkuInfos        []wireNameValue `json:"skuInfos"`
	Price           jsonYuan        `json:"price"`
	ItemAmount      jsonYuan        `json:"itemAmount"`
	Refund          jsonYuan        `json:"refund"`
	Quantity        jsonQuantity    `json:"quantity"`
	Unit            jsonText        `json:"unit"`
	Status          jsonText        `json:"status"`
	RefundStatus    jsonText        `json:"refundStatus"`
	LogisticsStatus jsonInt         `json:"logisticsStatus"`
}

type wireNameValue struct {
	Name  jsonText `json:"name"`
	Value jsonText `json:"value"`
}

type wireNativeLogistics struct {
	Items []wireLogisticsItem `json:"logisticsItems"`
}

type wireLogisticsItem struct {
	LogisticsCode jsonText `json:"logisticsCode"`
	BillNo        jsonText `json:"logisticsBillNo"`
	CompanyName   jsonText `json:"logisticsCompanyName"`
	CompanyNo     jsonText `json:"logisticsCompanyNo"`
	DeliveredTime jsonTime `json:"deliveredTime"`
	Status        jsonText `json:"status"`
	SubItemIDs    jsonText `json:"subItemIds"`
}

// order converts the wire form.
func (w *wireTradeInfo) order() Order {
	b := &w.BaseInfo
	o := Order{
		ID:               string(b.IDOfStr),
		Status:           OrderStatus(b.Status),
		OutOrderID:       string(b.OutOrderID),
		Total:            Fen(b.TotalAmount),
		ShippingFee:      Fen(b.ShippingFee),
		ProductTotal:     Fen(b.SumProduct),
		Refund:           Fen(b.Refund),
		CouponFee:        Fen(b.CouponFee),
		Discount:         Fen(b.Discount),
		Created:          time.Time(b.CreateTime),
		Paid:             time.Time(b.PayTime),
		Modified:         time.Time(b.ModifyTime),
		AllDelivered:     time.Time(b.AllDeliveredTime),
		Completed:        time.Time(b.CompleteTime),
		Received:         time.Time(b.ReceivingTime),
		BuyerID:          string(b.BuyerID),
		SellerID:         string(b.SellerID),
		BuyerLoginID:     string(b.BuyerLoginID),
		SellerLoginID:    string(b.SellerLoginID),
		RefundStatus:     string(b.RefundStatus),
		CloseReason:      string(b.CloseReason),
		CloseOperateType: string(b.CloseOperateType),
		CloseRemark:      string(b.CloseRemark),
		TradeType:        string(b.TradeTypeCode),
		Remark:           string(b.Remark),
		BuyerFeedback:    string(b.BuyerFeedback),
		Receiver: Receiver{
			Name: string(b.ReceiverInfo.FullName), Mobile: string(b.ReceiverInfo.Mobile),
			Phone: string(b.ReceiverInfo.Phone), PostCode: string(b.ReceiverInfo.Post),
			Area: string(b.ReceiverInfo.Area), DivisionCode: string(b.ReceiverInfo.DivisionCode),
			TownCode: string(b.ReceiverInfo.TownCode),
		},
	}
	if o.ID == "" {
		o.ID = string(b.ID)
	}
	for i := range w.ProductItems {
		o.Items = append(o.Items, w.ProductItems[i].item())
	}
	for _, l := range w.NativeLogistics.Items {
		o.Shipments = append(o.Shipments, OrderShipment{
			LogisticsID: string(l.LogisticsCode), BillNo: string(l.BillNo),
			CompanyName: string(l.CompanyName), CompanyNo: string(l.CompanyNo),
			Delivered: time.Time(l.DeliveredTime), Status: string(l.Status),
			SubItemIDs: splitList(string(l.SubItemIDs)),
		})
	}
	return o
}

func (p *wireProductItem) item() OrderItem {
	it := OrderItem{
		ProductID:       string(p.ProductID),
		SkuID:           string(p.SkuID),
		SpecID:          string(p.SpecID),
		SubItemID:       string(p.SubItemIDString),
		Name:            string(p.Name),
		CargoNumber:     string(p.CargoNumber),
		Price:           Fen(p.Price),
		Amount:          Fen(p.ItemAmount),
		Refund:          Fen(p.Refund),
		Quantity:        float64(p.Quantity),
		Unit:            string(p.Unit),
		Status:          string(p.Status),
		RefundStatus:    string(p.RefundStatus),
		LogisticsStatus: int(p.LogisticsStatus),
	}
	if it.SubItemID == "" {
		it.SubItemID = string(p.SubItemID)
	}
	for _, u := range p.ImageURLs {
		it.ImageURLs = append(it.ImageURLs, string(u))
	}
	for _, a := range p.SkuInfos {
		it.Attributes = append(it.Attributes, NameValue{Name: string(a.Name), Value: string(a.Value)})
	}
	return it
}
