package sim

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Order statuses of 1688.md §3.10 that the simulator moves orders through.
const (
	StatusWaitBuyerPay     = "waitbuyerpay"
	StatusWaitSellerSend   = "waitsellersend"
	StatusWaitBuyerReceive = "waitbuyerreceive"
	StatusConfirmGoods     = "confirm_goods"
	StatusSuccess          = "success"
	StatusCancel           = "cancel"
)

// ErrWrongStatus is returned when an order cannot make the requested move
// from its current status.
var ErrWrongStatus = errors.New("sim: order is not in a status that allows this")

// Order is a 1688 trade as the simulator keeps it. Money is in fen.
type Order struct {
	ID             int64
	OutOrderID     string
	AppKey         string // the app that created it; empty for seeded orders
	BuyerMemberID  string
	SellerMemberID string
	Status         string
	Lines          []OrderLine
	ShippingFeeFen int64
	Flow           string
	TradeType      string // e.g. assureTrade
	Message        string // the buyer's note to the seller
	Address        Address

	Created, Paid, Shipped, Received, Completed, Modified time.Time

	CloseReason      string // buyerCancel, sellerGoodsLack, other
	CloseOperateType string // CLOSE_TRADE_BY_BUYER, CLOSE_TRADE_BY_SELLER, ...
	CloseRemark      string

	Logistics []Logistics
}

// OrderLine is one offer+SKU of an order.
type OrderLine struct {
	SubItemID  int64
	OfferID    int64
	SpecID     string
	SkuID      int64
	Name       string
	Attributes []Attribute
	Quantity   int
	Unit       string
	PriceFen   int64
}

// Address is the receiver of an order, as addressParam carries it.
type Address struct {
	AddressID    int64  `json:"addressId,omitempty"`
	FullName     string `json:"fullName,omitempty"`
	Mobile       string `json:"mobile,omitempty"`
	Phone        string `json:"phone,omitempty"`
	PostCode     string `json:"postCode,omitempty"`
	ProvinceText string `json:"provinceText,omitempty"`
	CityText     string `json:"cityText,omitempty"`
	AreaText     string `json:"areaText,omitempty"`
	TownText     string `json:"townText,omitempty"`
	Address      string `json:"address,omitempty"`
	DistrictCode string `json:"districtCode,omitempty"`
}

// ProductFen is the sum of the lines without carriage.
func (o Order) ProductFen() int64 {
	var sum int64
	for _, l := range o.Lines {
		sum += l.PriceFen * int64(l.Quantity)
	}
	return sum
}

// TotalFen is what the buyer pays: products plus carriage.
func (o Order) TotalFen() int64 { return o.ProductFen() + o.ShippingFeeFen }

func (o *Order) clone() Order {
	c := *o
	c.Lines = slices.Clone(o.Lines)
	for i := range c.Lines {
		c.Lines[i].Attributes = slices.Clone(c.Lines[i].Attributes)
	}
	c.Logistics = slices.Clone(o.Logistics)
	for i := range c.Logistics {
		c.Logistics[i].Trace = slices.Clone(c.Logistics[i].Trace)
	}
	return c
}

// Orders returns copies of all orders, oldest first.
func (w *World) Orders() []Order {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]Order, 0, len(w.orderIDs))
	for _, id := range w.orderIDs {
		out = append(out, w.orders[id].clone())
	}
	return out
}

// Order returns a copy of one order.
func (w *World) Order(id int64) (Order, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	o, ok := w.orders[id]
	if !ok {
		return Order{}, false
	}
	return o.clone(), true
}

// AddOrder puts a ready-made order into the world, e.g. one placed on the
// website earlier. A zero ID gets the next id; zero times get the clock's
// now; an empty Status means waitbuyerpay.
func (w *World) AddOrder(o Order) (int64, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.buyers[o.BuyerMemberID]; !ok {
		return 0, fmt.Errorf("buyer %s: %w", o.BuyerMemberID, ErrNotFound)
	}
	if _, ok := w.sellers[o.SellerMemberID]; !ok {
		return 0, fmt.Errorf("seller %s: %w", o.SellerMemberID, ErrNotFound)
	}
	if o.ID == 0 {
		o.ID = w.newOrderIDLocked()
	} else if _, dup := w.orders[o.ID]; dup {
		return 0, fmt.Errorf("sim: order %d exists", o.ID)
	}
	now := w.now()
	if o.Created.IsZero() {
		o.Created = now
	}
	if o.Modified.IsZero() {
		o.Modified = o.Created
	}
	if o.Status == "" {
		o.Status = StatusWaitBuyerPay
	}
	if o.TradeType == "" {
		o.TradeType = "assureTrade"
	}
	c := o.clone()
	for i := range c.Lines {
		if c.Lines[i].SubItemID == 0 {
			c.Lines[i].SubItemID = w.nextSub
			w.nextSub++
		}
	}
	w.insertLocked(&c)
	return c.ID, nil
}

func (w *World) newOrderIDLocked() int64 {
	id := w.nextOrder
	// Steps of a prime keep ids looking unrelated while staying unique.
	w.nextOrder += 1009
	return id
}

func (w *World) insertLocked(o *Order) {
	w.orders[o.ID] = o
	w.orderIDs = append(w.orderIDs, o.ID)
	if o.OutOrderID != "" {
		w.byOutOrder[outKey(o.BuyerMemberID, o.OutOrderID)] = o.ID
	}
}

// outKey scopes outOrderId to the buyer: it is the buyer's own id.
func outKey(buyer, out string) string { return buyer + "\x00" + out }

// move applies change to an order if its status is one of from.
func (w *World) move(id int64, from []string, change func(o *Order, now time.Time)) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	o, ok := w.orders[id]
	if !ok {
		return fmt.Errorf("order %d: %w", id, ErrNotFound)
	}
	if from != nil && !slices.Contains(from, o.Status) {
		return fmt.Errorf("order %d is %s: %w", id, o.Status, ErrWrongStatus)
	}
	now := w.now()
	change(o, now)
	o.Modified = now
	return nil
}

// Pay marks an unpaid order paid: waitbuyerpay → waitsellersend.
func (w *World) Pay(id int64) error {
	return w.move(id, []string{StatusWaitBuyerPay}, func(o *Order, now time.Time) {
		o.Status, o.Paid = StatusWaitSellerSend, now
		w.tellOrderLocked(o, TopicOrderPay, now)
	})
}

// Receive confirms receipt: waitbuyerreceive (or waitbuyersign,
// signinsuccess) → confirm_goods, and the parcels count as signed.
func (w *World) Receive(id int64) error {
	from := []string{StatusWaitBuyerReceive, "waitbuyersign", "signinsuccess"}
	return w.move(id, from, func(o *Order, now time.Time) {
		o.Status, o.Received = StatusConfirmGoods, now
		for i := range o.Logistics {
			o.Logistics[i].Status = "SIGN"
		}
		w.tellOrderLocked(o, TopicOrderConfirmReceive, now)
	})
}

// Complete finishes a received trade: confirm_goods → success.
func (w *World) Complete(id int64) error {
	return w.move(id, []string{StatusConfirmGoods}, func(o *Order, now time.Time) {
		o.Status, o.Completed = StatusSuccess, now
		w.tellOrderLocked(o, TopicOrderSuccess, now)
	})
}

// Cancel closes an order from the seller's side (CLOSE_TRADE_BY_SELLER), as
// when goods are lacking or a refund closes the trade. Any status but a
// finished or closed one can be closed. Buyers cancel through
// alibaba.trade.cancel instead.
func (w *World) Cancel(id int64) error {
	from := []string{StatusWaitBuyerPay, StatusWaitSellerSend, "waitlogisticstakein", StatusWaitBuyerReceive, "waitbuyersign"}
	return w.move(id, from, func(o *Order, now time.Time) {
		o.Status = StatusCancel
		o.CloseReason, o.CloseOperateType = "sellerGoodsLack", "CLOSE_TRADE_BY_SELLER"
		o.Completed = now
		w.tellOrderLocked(o, TopicOrderSellerClose, now)
	})
}

// SetStatus forces any status string, including ones outside §3.10, so
// clients can be tested on unknown values.
func (w *World) SetStatus(id int64, status string) error {
	return w.move(id, nil, func(o *Order, _ time.Time) { o.Status = status })
}
