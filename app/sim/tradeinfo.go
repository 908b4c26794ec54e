package sim

import (
	"slices"
	"strconv"
	"strings"
)

// tradeInfo is TradeInfo of get.buyerView and getBuyerOrderList
// (1688.md §3.3). Amounts are yuan except baseInfo.discount (fen).
type tradeInfo struct {
	BaseInfo         baseInfo        `json:"baseInfo"`
	ProductItems     []productItem   `json:"productItems"`
	NativeLogistics  nativeLogistics `json:"nativeLogistics"`
	TradeTerms       []any           `json:"tradeTerms"`
	ExtAttributes    []any           `json:"extAttributes"`
	OrderBizInfo     map[string]any  `json:"orderBizInfo"`
	OrderInvoiceInfo map[string]any  `json:"orderInvoiceInfo,omitempty"`
	GuaranteesTerms  map[string]any  `json:"guaranteesTerms,omitempty"`
}

type baseInfo struct {
	ID                int64        `json:"id"`
	IDOfStr           string       `json:"idOfStr"`
	Status            string       `json:"status"`
	TotalAmount       yuan         `json:"totalAmount"`
	ShippingFee       yuan         `json:"shippingFee"`
	SumProductPayment yuan         `json:"sumProductPayment"`
	Refund            yuan         `json:"refund"`
	CouponFee         yuan         `json:"couponFee"`
	Discount          int64        `json:"discount"` // fen
	CreateTime        string       `json:"createTime"`
	ModifyTime        string       `json:"modifyTime"`
	PayTime           string       `json:"payTime,omitempty"`
	AllDeliveredTime  string       `json:"allDeliveredTime,omitempty"`
	ReceivingTime     string       `json:"receivingTime,omitempty"`
	CompleteTime      string       `json:"completeTime,omitempty"`
	BuyerID           string       `json:"buyerID"`
	SellerID          string       `json:"sellerID"`
	BuyerLoginID      string       `json:"buyerLoginId"`
	SellerLoginID     string       `json:"sellerLoginId"`
	TradeType         string       `json:"tradeType"`
	TradeTypeCode     string       `json:"tradeTypeCode"`
	TradeTypeDesc     string       `json:"tradeTypeDesc"`
	BusinessType      string       `json:"businessType"`
	Flow              string       `json:"flowTemplateCode,omitempty"`
	CloseReason       string       `json:"closeReason,omitempty"`
	CloseOperateType  string       `json:"closeOperateType,omitempty"`
	CloseRemark       string       `json:"closeRemark,omitempty"`
	OutOrderID        string       `json:"outOrderId,omitempty"`
	BuyerFeedback     string       `json:"buyerFeedback,omitempty"`
	StepPayAll        bool         `json:"stepPayAll"`
	ReceiverInfo      receiverInfo `json:"receiverInfo"`
}

type receiverInfo struct {
	ToFullName     string `json:"toFullName"`
	ToDivisionCode string `json:"toDivisionCode,omitempty"`
	ToMobile       string `json:"toMobile,omitempty"`
	ToPhone        string `json:"toPhone,omitempty"`
	ToPost         string `json:"toPost,omitempty"`
	ToArea         string `json:"toArea"`
}

type productItem struct {
	ProductID       int64     `json:"productID"`
	SkuID           int64     `json:"skuID,omitempty"`
	SpecID          string    `json:"specId,omitempty"`
	SubItemID       int64     `json:"subItemID"`
	SubItemIDString string    `json:"subItemIDString"`
	Name            string    `json:"name"`
	ProductImgURL   []string  `json:"productImgUrl"`
	Price           yuan      `json:"price"`
	ItemAmount      yuan      `json:"itemAmount"`
	Refund          yuan      `json:"refund"`
	Quantity        int       `json:"quantity"`
	Unit            string    `json:"unit"`
	SkuInfos        []nameVal `json:"skuInfos"`
	Status          string    `json:"status"`
	StatusStr       string    `json:"statusStr"`
	LogisticsStatus int       `json:"logisticsStatus"`
	GmtCreate       string    `json:"gmtCreate"`
	GmtModified     string    `json:"gmtModified"`
}

type nameVal struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type nativeLogistics struct {
	Address        string          `json:"address"`
	Area           string          `json:"area"`
	City           string          `json:"city"`
	Province       string          `json:"province"`
	Town           string          `json:"town,omitempty"`
	ContactPerson  string          `json:"contactPerson"`
	Mobile         string          `json:"mobile,omitempty"`
	Telephone      string          `json:"telephone,omitempty"`
	Zip            string          `json:"zip,omitempty"`
	AreaCode       string          `json:"areaCode,omitempty"`
	LogisticsItems []logisticsItem `json:"logisticsItems"`
}

type logisticsItem struct {
	LogisticsCode        string `json:"logisticsCode"`
	LogisticsBillNo      string `json:"logisticsBillNo"`
	LogisticsCompanyName string `json:"logisticsCompanyName"`
	LogisticsCompanyNo   string `json:"logisticsCompanyNo"`
	DeliveredTime        string `json:"deliveredTime"`
	Status               string `json:"status"`
	SubItemIDs           string `json:"subItemIds"`
	Type                 string `json:"type"`
}

var statusText = map[string]string{
	"waitbuyerpay":     "等待买家付款",
	"waitsellersend":   "等待卖家发货",
	"waitbuyerreceive": "等待买家收货",
	"confirm_goods":    "已收货",
	"success":          "交易成功",
	"cancel":           "交易关闭",
	"terminated":       "交易终止",
}

// tradeInfoOf renders an order copy; it takes the world lock only to read
// the parties' login ids.
func (w *World) tradeInfoOf(o Order) tradeInfo {
	buyerLogin, seller := "", w.sellerOf(o.SellerMemberID)
	w.mu.Lock()
	if b, ok := w.buyers[o.BuyerMemberID]; ok {
		buyerLogin = b.LoginID
	}
	w.mu.Unlock()

	b := baseInfo{
		ID: o.ID, IDOfStr: strconv.FormatInt(o.ID, 10), Status: o.Status,
		TotalAmount: yuanOf(o.TotalFen()), ShippingFee: yuanOf(o.ShippingFeeFen), SumProductPayment: yuanOf(o.ProductFen()),
		Refund: yuanOf(0), CouponFee: yuanOf(0),
		CreateTime: aopTime(o.Created), ModifyTime: aopTime(o.Modified), PayTime: aopTime(o.Paid),
		AllDeliveredTime: aopTime(o.Shipped), ReceivingTime: aopTime(o.Received), CompleteTime: aopTime(o.Completed),
		BuyerID: o.BuyerMemberID, SellerID: o.SellerMemberID, BuyerLoginID: buyerLogin, SellerLoginID: seller.LoginID,
		// 50060 is Trade 4.0, the code 1688.md §3.3 shows for assureTrade.
		TradeType: "50060", TradeTypeCode: o.TradeType, TradeTypeDesc: "担保交易", BusinessType: "cn", Flow: o.Flow,
		CloseReason: o.CloseReason, CloseOperateType: o.CloseOperateType, CloseRemark: o.CloseRemark,
		OutOrderID: o.OutOrderID, BuyerFeedback: o.Message,
		ReceiverInfo: receiverInfo{
			ToFullName: o.Address.FullName, ToDivisionCode: o.Address.DistrictCode, ToMobile: o.Address.Mobile,
			ToPhone: o.Address.Phone, ToPost: o.Address.PostCode,
			ToArea: strings.Join(nonEmpty(o.Address.ProvinceText, o.Address.CityText, o.Address.AreaText, o.Address.TownText, o.Address.Address), " "),
		},
	}
	ti := tradeInfo{
		BaseInfo: b, TradeTerms: []any{}, ExtAttributes: []any{}, OrderBizInfo: map[string]any{},
		NativeLogistics: nativeLogistics{
			Address: o.Address.Address, Area: o.Address.AreaText, City: o.Address.CityText, Province: o.Address.ProvinceText,
			Town: o.Address.TownText, ContactPerson: o.Address.FullName, Mobile: o.Address.Mobile, Telephone: o.Address.Phone,
			Zip: o.Address.PostCode, AreaCode: o.Address.DistrictCode, LogisticsItems: []logisticsItem{},
		},
	}
	subIDs := make([]string, 0, len(o.Lines))
	for _, l := range o.Lines {
		subIDs = append(subIDs, strconv.FormatInt(l.SubItemID, 10))
		item := productItem{
			ProductID: l.OfferID, SkuID: l.SkuID, SpecID: l.SpecID, SubItemID: l.SubItemID,
			SubItemIDString: strconv.FormatInt(l.SubItemID, 10), Name: l.Name, ProductImgURL: []string{},
			Price: yuanOf(l.PriceFen), ItemAmount: yuanOf(l.PriceFen * int64(l.Quantity)), Refund: yuanOf(0),
			Quantity: l.Quantity, Unit: l.Unit, SkuInfos: []nameVal{}, Status: o.Status, StatusStr: statusText[o.Status],
			LogisticsStatus: lineLogisticsStatus(o), GmtCreate: aopTime(o.Created), GmtModified: aopTime(o.Modified),
		}
		for _, a := range l.Attributes {
			item.SkuInfos = append(item.SkuInfos, nameVal{a.Name, a.Value})
		}
		ti.ProductItems = append(ti.ProductItems, item)
	}
	for _, l := range o.Logistics {
		ti.NativeLogistics.LogisticsItems = append(ti.NativeLogistics.LogisticsItems, logisticsItem{
			LogisticsCode: l.LogisticsID, LogisticsBillNo: l.BillNo, LogisticsCompanyName: l.CompanyName,
			LogisticsCompanyNo: l.CompanyNo, DeliveredTime: aopTime(l.Sent), Status: l.Status,
			SubItemIDs: strings.Join(subIDs, ","), Type: "0",
		})
	}
	return ti
}

// lineLogisticsStatus uses the codes of 1688.md §3.3: 1 not shipped,
// 2 shipped, 3 received.
func lineLogisticsStatus(o Order) int {
	switch {
	case len(o.Logistics) == 0:
		return 1
	case o.Status == StatusConfirmGoods || o.Status == StatusSuccess || o.Status == "signinsuccess":
		return 3
	}
	return 2
}

func nonEmpty(ss ...string) []string {
	return slices.DeleteFunc(ss, func(s string) bool { return s == "" })
}
