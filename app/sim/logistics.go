package sim

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Logistics is a logistics order (a parcel) of a trade.
type Logistics struct {
	LogisticsID string // platform id, e.g. BX…
	BillNo      string // the carrier's tracking number
	CompanyName string
	CompanyNo   string
	CompanyID   int64
	// Status is the logistics status of 1688.md §3.6: WAITACCEPT, ACCEPT,
	// TRANSPORT, SIGN, …
	Status string
	Sent   time.Time
	Trace  []TraceStep
}

// TraceStep is one line of a tracking trace.
type TraceStep struct {
	Time   time.Time
	Action string // e.g. ACCEPT, TRANSPORT, SIGN; free text is fine
	Remark string
}

// Shipment describes a dispatch; empty fields get a plausible carrier.
type Shipment struct {
	CompanyName string
	CompanyNo   string
	BillNo      string
}

// Ship dispatches a paid order: waitsellersend (or waitlogisticstakein) →
// waitbuyerreceive. It returns the new logistics id. The parcel has no
// trace yet, which is the "no trace" answer of 1688.md §3.7 until
// AddTrace.
func (w *World) Ship(id int64, s Shipment) (string, error) {
	var lid string
	err := w.move(id, []string{StatusWaitSellerSend, "waitlogisticstakein"}, func(o *Order, now time.Time) {
		w.nextLogist++
		lid = fmt.Sprintf("BX%012d", 250000000000+w.nextLogist)
		if s.CompanyName == "" {
			s.CompanyName, s.CompanyNo = "圆通速递", "YTO"
		}
		if s.BillNo == "" {
			s.BillNo = fmt.Sprintf("YT%013d", 7000000000000+int64(w.nextLogist))
		}
		o.Logistics = append(o.Logistics, Logistics{
			LogisticsID: lid, BillNo: s.BillNo, CompanyName: s.CompanyName, CompanyNo: s.CompanyNo,
			CompanyID: 100 + int64(len(s.CompanyNo)), Status: "ACCEPT", Sent: now,
		})
		o.Status, o.Shipped = StatusWaitBuyerReceive, now
		w.tellOrderLocked(o, TopicOrderAnnounceSendGoods, now)
		w.tellTraceLocked(o, "CONSIGN", now)
	})
	return lid, err
}

// AddTrace appends a step, stamped with the clock, to the order's latest
// parcel.
func (w *World) AddTrace(id int64, action, remark string) error {
	return w.move(id, nil, func(o *Order, now time.Time) {
		if len(o.Logistics) == 0 {
			return
		}
		l := &o.Logistics[len(o.Logistics)-1]
		l.Trace = append(l.Trace, TraceStep{Time: now, Action: action, Remark: remark})
		if action == "SIGN" || action == "TRANSPORT" {
			l.Status = action
		}
		w.tellTraceLocked(o, action, now)
	})
}

type logisticsOrder struct {
	LogisticsID          string            `json:"logisticsId"`
	LogisticsBillNo      string            `json:"logisticsBillNo"`
	OrderEntryIDs        string            `json:"orderEntryIds"`
	Status               string            `json:"status"`
	LogisticsCompanyID   string            `json:"logisticsCompanyId"`
	LogisticsCompanyName string            `json:"logisticsCompanyName"`
	LogisticsCompanyNo   string            `json:"logisticsCompanyNo"`
	Remarks              string            `json:"remarks"`
	ServiceFeature       string            `json:"serviceFeature"`
	GmtSystemSend        string            `json:"gmtSystemSend"`
	SendGoods            []sendGood        `json:"sendGoods"`
	Receiver             map[string]string `json:"receiver"`
	Sender               map[string]string `json:"sender"`
}

type sendGood struct {
	GoodName string `json:"goodName"`
	Quantity int    `json:"quantity"`
	Unit     string `json:"unit"`
}

// orderOfBuyer finds an order for the calling buyer; it reports whether
// the order exists and whether it is the buyer's.
func (c *call) orderOfBuyer(id int64) (o Order, exists, mine bool) {
	o, exists = c.s.Order(id)
	return o, exists, exists && o.BuyerMemberID == c.buyer.MemberID
}

// requestedOrder reads the webSite and orderId parameters that the order-reading APIs share
// and looks the order up among the caller's (see orderOfBuyer).
func (c *call) requestedOrder() (o Order, exists, mine bool, gerr *GatewayError) {
	if gerr := c.requireParams("webSite"); gerr != nil {
		return Order{}, false, false, gerr
	}
	id, gerr := c.int64Param("orderId", true)
	if gerr != nil {
		return Order{}, false, false, gerr
	}
	o, exists, mine = c.orderOfBuyer(id)
	return o, exists, mine, nil
}

// logisticsInfos answers com.alibaba.logistics:
// alibaba.trade.getLogisticsInfos.buyerView (1688.md §3.6).
func logisticsInfos(c *call) (any, *GatewayError) {
	o, _, mine, gerr := c.requestedOrder()
	if gerr != nil {
		return nil, gerr
	}
	if !mine {
		return businessError(c.s.opts.Codes.OrderNotFound, "订单不存在 (order not found)"), nil
	}
	if len(o.Logistics) == 0 {
		return businessError("500_2", "该订单未发货 (the order has not been shipped)"), nil
	}
	entries := make([]string, 0, len(o.Lines))
	goods := make([]sendGood, 0, len(o.Lines))
	for _, l := range o.Lines {
		entries = append(entries, strconv.FormatInt(l.SubItemID, 10))
		goods = append(goods, sendGood{GoodName: l.Name, Quantity: l.Quantity, Unit: l.Unit})
	}
	seller := c.s.sellerOf(o.SellerMemberID)
	out := make([]logisticsOrder, 0, len(o.Logistics))
	for _, l := range o.Logistics {
		out = append(out, logisticsOrder{
			LogisticsID: l.LogisticsID, LogisticsBillNo: l.BillNo, OrderEntryIDs: strings.Join(entries, ","),
			Status: l.Status, LogisticsCompanyID: strconv.FormatInt(l.CompanyID, 10),
			LogisticsCompanyName: l.CompanyName, LogisticsCompanyNo: l.CompanyNo,
			GmtSystemSend: aopTime(l.Sent), SendGoods: goods,
			Receiver: map[string]string{
				"receiverName": o.Address.FullName, "receiverMobile": o.Address.Mobile, "receiverPhone": o.Address.Phone,
				"receiverProvince": o.Address.ProvinceText, "receiverCity": o.Address.CityText,
				"receiverCounty": o.Address.AreaText, "receiverAddress": o.Address.Address,
			},
			Sender: map[string]string{"senderName": seller.Company, "senderProvince": "浙江省", "senderCity": "金华市", "senderCounty": "义乌市"},
		})
	}
	return map[string]any{"success": true, "result": out}, nil
}

type traceOut struct {
	LogisticsID     string      `json:"logisticsId"`
	OrderID         int64       `json:"orderId"`
	LogisticsBillNo string      `json:"logisticsBillNo"`
	LogisticsSteps  []traceStep `json:"logisticsSteps"`
	TraceNodeList   []traceNode `json:"traceNodeList"`
}

type traceStep struct {
	AcceptTime string `json:"acceptTime"`
	Remark     string `json:"remark"`
}

type traceNode struct {
	Action     string `json:"action"`
	AreaCode   string `json:"areaCode"`
	AcceptTime string `json:"acceptTime"`
	Remark     string `json:"remark"`
}

// noTraceMessage is the observed answer for an order without a trace
// (1688.md §3.7): success true, an error message and no data.
const noTraceMessage = "该订单没有物流跟踪信息。"

// logisticsTrace answers com.alibaba.logistics:
// alibaba.trade.getLogisticsTraceInfo.buyerView (1688.md §3.7).
func logisticsTrace(c *call) (any, *GatewayError) {
	o, exists, mine, gerr := c.requestedOrder()
	if gerr != nil {
		return nil, gerr
	}
	if !exists {
		return businessError("404", "订单不存在 (order not found)"), nil
	}
	if !mine {
		return businessError("order.nopermission.buyer", "无权查看该订单 (not the buyer of this order)"), nil
	}
	only := c.params.Get("logisticsId")
	var traces []traceOut
	for _, l := range o.Logistics {
		if (only != "" && l.LogisticsID != only) || len(l.Trace) == 0 {
			continue
		}
		t := traceOut{LogisticsID: l.LogisticsID, OrderID: o.ID, LogisticsBillNo: l.BillNo}
		for _, s := range l.Trace {
			at := traceTime(s.Time)
			t.LogisticsSteps = append(t.LogisticsSteps, traceStep{AcceptTime: at, Remark: s.Remark})
			t.TraceNodeList = append(t.TraceNodeList, traceNode{Action: s.Action, AreaCode: "330782", AcceptTime: at, Remark: s.Remark})
		}
		traces = append(traces, t)
	}
	if len(traces) == 0 {
		return map[string]any{"errorMessage": noTraceMessage, "success": true}, nil
	}
	return map[string]any{"success": true, "logisticsTrace": traces}, nil
}
