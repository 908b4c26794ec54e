package sim

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"
)

// Message topics the order world emits (1688.md §5.6).
const (
	TopicOrderBuyerMake         = "ORDER_BUYER_VIEW_BUYER_MAKE"
	TopicOrderPay               = "ORDER_BUYER_VIEW_ORDER_PAY"
	TopicOrderAnnounceSendGoods = "ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS"
	TopicOrderConfirmReceive    = "ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS" // sic: COMFIRM
	TopicOrderSuccess           = "ORDER_BUYER_VIEW_ORDER_SUCCESS"
	TopicOrderBuyerClose        = "ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE"
	TopicOrderSellerClose       = "ORDER_BUYER_VIEW_ORDER_SELLER_CLOSE"
	TopicLogisticsTrace         = "LOGISTICS_BUYER_VIEW_TRACE"
	TopicLogisticsMailNoChange  = "LOGISTICS_MAIL_NO_CHANGE"
)

// defaultTopicStatus is the currentStatus each order topic carries per its
// topic doc (§5.6). The receipt topic's documented value differs from the
// confirm_goods that buyerView then shows; both rank the same. The
// shipping topic's value is a GUESS (its doc was not found).
var defaultTopicStatus = map[string]string{
	TopicOrderBuyerMake:         StatusWaitBuyerPay,
	TopicOrderPay:               StatusWaitSellerSend,
	TopicOrderAnnounceSendGoods: StatusWaitBuyerReceive,
	TopicOrderConfirmReceive:    "confirm_goods_and_has_subsidy",
	TopicOrderSuccess:           StatusSuccess,
	TopicOrderBuyerClose:        StatusCancel,
	TopicOrderSellerClose:       StatusCancel,
}

// orderData is the common order payload of §5.6. The order id is a JSON
// number above 2^53, as 1688 sends it.
type orderData struct {
	OrderID        int64  `json:"orderId"`
	CurrentStatus  string `json:"currentStatus"`
	MsgSendTime    string `json:"msgSendTime"` // yyyy-MM-dd HH:mm:ss
	BuyerMemberID  string `json:"buyerMemberId"`
	SellerMemberID string `json:"sellerMemberId"`
}

// orderLogsItem ties a logistics message to an order line.
type orderLogsItem struct {
	OrderID      int64 `json:"orderId"`
	OrderEntryID int64 `json:"orderEntryId"`
}

// tracingModel is the LOGISTICS_BUYER_VIEW_TRACE payload, under its
// capitalised wrapper key.
type tracingModel struct {
	LogisticsID    string          `json:"logisticsId"`
	CpCode         string          `json:"cpCode"`
	MailNo         string          `json:"mailNo"`
	StatusChanged  string          `json:"statusChanged"`
	ChangeTime     string          `json:"changeTime"` // GUESS: the trace's yyyy-MM-dd HH:mm:ss
	OrderLogsItems []orderLogsItem `json:"orderLogsItems"`
}

// mailNoChangeModel is the LOGISTICS_MAIL_NO_CHANGE payload.
type mailNoChangeModel struct {
	LogisticsID    string          `json:"logisticsId"`
	OldCpCode      string          `json:"oldCpCode"`
	NewCpCode      string          `json:"newCpCode"`
	OldMailNo      string          `json:"oldMailNo"`
	NewMailNo      string          `json:"newMailNo"`
	EventTime      string          `json:"eventTime"` // GUESS, as changeTime
	OrderLogsItems []orderLogsItem `json:"orderLogsItems"`
}

// traceStatuses are the statusChanged values of §5.6; other trace actions
// are reported as TRANSPORT.
var traceStatuses = []string{"CONSIGN", "ACCEPT", "TRANSPORT", "DELIVERING", "AGENT_SIGN", "SIGN", "FAILED"}

// messageSink receives the world's messages: the apps to send to and the
// message. It is called with the world's lock held.
type messageSink func(appKeys []string, msg Message)

// tellOrderLocked emits an order topic about o. The caller holds w.mu.
func (w *World) tellOrderLocked(o *Order, topic string, now time.Time) {
	status, ok := w.opts.Channel.TopicStatus[topic]
	if !ok {
		status, ok = defaultTopicStatus[topic]
	}
	if !ok {
		status = o.Status
	}
	w.tellLocked(o, topic, now, orderData{
		OrderID: o.ID, CurrentStatus: status, MsgSendTime: traceTime(now),
		BuyerMemberID: o.BuyerMemberID, SellerMemberID: o.SellerMemberID,
	})
}

// tellTraceLocked emits LOGISTICS_BUYER_VIEW_TRACE for the order's latest
// parcel.
func (w *World) tellTraceLocked(o *Order, action string, now time.Time) {
	if len(o.Logistics) == 0 {
		return
	}
	l := o.Logistics[len(o.Logistics)-1]
	if !slices.Contains(traceStatuses, action) {
		action = "TRANSPORT"
	}
	w.tellLocked(o, TopicLogisticsTrace, now, map[string]tracingModel{"OrderLogisticsTracingModel": {
		LogisticsID: l.LogisticsID, CpCode: l.CompanyNo, MailNo: l.BillNo, StatusChanged: action,
		ChangeTime: traceTime(now), OrderLogsItems: logsItems(o),
	}})
}

func logsItems(o *Order) []orderLogsItem {
	items := make([]orderLogsItem, 0, len(o.Lines))
	for _, l := range o.Lines {
		items = append(items, orderLogsItem{OrderID: o.ID, OrderEntryID: l.SubItemID})
	}
	return items
}

func (w *World) tellLocked(o *Order, topic string, now time.Time, data any) {
	if w.sink == nil {
		return
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return // the payload types above always marshal
	}
	w.sink(w.subscribersLocked(o), Message{Type: topic, UserInfo: o.BuyerMemberID, GmtBorn: now, Data: raw})
}

// subscribersLocked lists the apps that hear about o: every app its buyer
// has authorized, whichever app placed the order, as each app subscribes
// to its users' topics on its own (1688.md §9 step 8).
func (w *World) subscribersLocked(o *Order) []string {
	set := map[string]bool{}
	if o.AppKey != "" {
		set[o.AppKey] = true
	}
	for _, grants := range []map[string]*grant{w.tokens, w.refresh} {
		for _, g := range grants {
			if g.memberID == o.BuyerMemberID {
				set[g.appKey] = true
			}
		}
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ChangeMailNo changes the carrier or tracking number of the order's
// latest parcel, as a seller correcting a typo does, and emits
// LOGISTICS_MAIL_NO_CHANGE. Empty fields of s keep the old carrier; an
// empty BillNo gets a new number.
func (w *World) ChangeMailNo(id int64, s Shipment) error {
	var shipped bool
	err := w.move(id, nil, func(o *Order, now time.Time) {
		if len(o.Logistics) == 0 {
			return
		}
		shipped = true
		l := &o.Logistics[len(o.Logistics)-1]
		model := mailNoChangeModel{LogisticsID: l.LogisticsID, OldCpCode: l.CompanyNo, OldMailNo: l.BillNo}
		if s.CompanyNo != "" {
			l.CompanyNo, l.CompanyName = s.CompanyNo, s.CompanyName
		}
		if s.BillNo == "" {
			w.nextLogist++
			s.BillNo = fmt.Sprintf("YT%013d", 7000000000000+int64(w.nextLogist))
		}
		l.BillNo = s.BillNo
		model.NewCpCode, model.NewMailNo = l.CompanyNo, l.BillNo
		model.EventTime, model.OrderLogsItems = traceTime(now), logsItems(o)
		w.tellLocked(o, TopicLogisticsMailNoChange, now, map[string]mailNoChangeModel{"MailNoChangeModel": model})
	})
	if err == nil && !shipped {
		err = fmt.Errorf("order %d has no parcel: %w", id, ErrWrongStatus)
	}
	return err
}
