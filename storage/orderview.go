package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrNoOrder is returned when an order asked for by its local id does not exist.
var ErrNoOrder = errors.New("storage: no such order")

// OrderHeader is an order as its detail page shows it: the list row's fields and the rest of
// what 1688 and the user said about it. Times are UTC; the zero time means not reported.
type OrderHeader struct {
	OrderRow
	OutOrderID                                           string // caigou's outOrderId; "" for an order not placed through caigou
	Origin                                               string // placed, synced, csv or message
	SellerMemberID                                       string
	BuyerLoginID                                         string
	ShippingFen                                          int64
	RefundFen                                            int64
	RefundStatus                                         string
	CloseReason                                          string // buyerCancel, sellerGoodsLack, other
	SellerMessage                                        string // the buyer's message to the seller
	Note                                                 string // the user's own note
	PaidAt, ShippedAt, ReceivedAt, CompletedAt, SyncedAt time.Time
}

// OrderHeader is order id's header; ErrNoOrder when there is none.
func (db *DB) OrderHeader(ctx context.Context, id int64) (OrderHeader, error) {
	var h OrderHeader
	var created int64
	var paid, shipped, received, completed, synced sql.NullInt64
	err := db.sql.QueryRowContext(ctx, `SELECT o.id, coalesce(o.ali_order_id, ''), o.title,
			o.seller_login_id, o.status, coalesce(m.own_status, ''), o.bucket, o.total_fen,
			o.created_at, coalesce(o.key_id, 0), coalesce(o.out_order_id, ''), o.origin,
			o.seller_member_id, o.buyer_login_id, o.shipping_fen, o.refund_fen, o.refund_status,
			o.close_reason, o.seller_message, o.note, o.paid_at, o.shipped_at, o.received_at,
			o.completed_at, o.synced_at
		FROM orders o LEFT JOIN status_map m ON m.status = o.status WHERE o.id = ?`, id).
		Scan(&h.ID, &h.AliOrderID, &h.Title, &h.SellerLoginID, &h.Status, &h.OwnStatus, &h.Bucket,
			&h.TotalFen, &created, &h.KeyID, &h.OutOrderID, &h.Origin, &h.SellerMemberID,
			&h.BuyerLoginID, &h.ShippingFen, &h.RefundFen, &h.RefundStatus, &h.CloseReason,
			&h.SellerMessage, &h.Note, &paid, &shipped, &received, &completed, &synced)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return OrderHeader{}, fmt.Errorf("storage: order %d: %w", id, ErrNoOrder)
	case err != nil:
		return OrderHeader{}, fmt.Errorf("storage: order %d: %w", id, err)
	}
	h.CreatedAt = time.UnixMilli(created).UTC()
	h.PaidAt, h.ShippedAt, h.ReceivedAt = msTime(paid), msTime(shipped), msTime(received)
	h.CompletedAt, h.SyncedAt = msTime(completed), msTime(synced)
	return h, nil
}

// OrderLine is one line of an order: an offer and its SKU.
type OrderLine struct {
	LineNo          int
	OfferID         string
	SpecID          string // "" for a single-SKU offer
	SkuID           string
	SubItemID       string // what a parcel's entry ids name
	Title           string
	SkuText         string // e.g. "颜色:黑色;尺码:XL"
	ImageURL        string
	Quantity        float64
	Unit            string
	UnitPriceFen    int64
	AmountFen       int64
	Status          string
	LogisticsStatus int // 1 not shipped, 2 shipped, 3 received, 4 returned, 5 partly shipped, 8 none yet; 0 unknown
	RefundStatus    string
}

// OrderLines are the lines of order id, in their order.
func (db *DB) OrderLines(ctx context.Context, id int64) ([]OrderLine, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT line_no, offer_id, spec_id, sku_id, sub_item_id,
		title, sku_text, image_url, quantity, unit, unit_price_fen, amount_fen, status,
		logistics_status, refund_status FROM order_lines WHERE order_id = ? ORDER BY line_no`, id)
	if err != nil {
		return nil, fmt.Errorf("storage: lines of order %d: %w", id, err)
	}
	defer rows.Close()
	var lines []OrderLine
	for rows.Next() {
		var l OrderLine
		if err := rows.Scan(&l.LineNo, &l.OfferID, &l.SpecID, &l.SkuID, &l.SubItemID, &l.Title,
			&l.SkuText, &l.ImageURL, &l.Quantity, &l.Unit, &l.UnitPriceFen, &l.AmountFen, &l.Status,
			&l.LogisticsStatus, &l.RefundStatus); err != nil {
			return nil, fmt.Errorf("storage: lines of order %d: %w", id, err)
		}
		lines = append(lines, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: lines of order %d: %w", id, err)
	}
	return lines, nil
}

// TraceStep is one event of a parcel's tracking trace.
type TraceStep struct {
	At     time.Time
	Remark string
}

// wireTraceStep is a TraceStep in logistics.trace: {"at": ms, "remark": "…"}.
type wireTraceStep struct {
	At     int64  `json:"at"`
	Remark string `json:"remark"`
}

// ParcelDetail is a parcel as the order's detail shows it: carrier, tracking number and trace.
type ParcelDetail struct {
	Parcel
	Company  string // logisticsCompanyName; "" when only a message named the carrier's code
	SentAt   time.Time
	TracedAt time.Time   // the last trace read; zero when never read
	Trace    []TraceStep // oldest first
}

// ParcelDetails are the parcels of order id with their traces, by logistics id. A trace that
// cannot be read is left empty rather than hiding the parcel.
func (db *DB) ParcelDetails(ctx context.Context, id int64) ([]ParcelDetail, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT logistics_id, bill_no, company, company_code,
		status, status_at, entry_ids, trace, sent_at, traced_at
		FROM logistics WHERE order_id = ? ORDER BY logistics_id`, id)
	if err != nil {
		return nil, fmt.Errorf("storage: parcels of order %d: %w", id, err)
	}
	defer rows.Close()
	var parcels []ParcelDetail
	for rows.Next() {
		var p ParcelDetail
		var statusAt, sent, traced sql.NullInt64
		var entries, trace string
		if err := rows.Scan(&p.LogisticsID, &p.BillNo, &p.Company, &p.CompanyCode, &p.Status,
			&statusAt, &entries, &trace, &sent, &traced); err != nil {
			return nil, fmt.Errorf("storage: parcels of order %d: %w", id, err)
		}
		p.StatusAt, p.SentAt, p.TracedAt = msTime(statusAt), msTime(sent), msTime(traced)
		if entries != "" {
			p.EntryIDs = strings.Split(entries, ",")
		}
		var steps []wireTraceStep
		if json.Unmarshal([]byte(trace), &steps) == nil {
			for _, s := range steps {
				p.Trace = append(p.Trace, TraceStep{At: time.UnixMilli(s.At).UTC(), Remark: s.Remark})
			}
		}
		parcels = append(parcels, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: parcels of order %d: %w", id, err)
	}
	return parcels, nil
}

// LatestEventDetail is the detail (message type, API name or user action) of the event last
// added to order id's timeline; "" when it has none.
func (db *DB) LatestEventDetail(ctx context.Context, id int64) (string, error) {
	var detail string
	err := db.sql.QueryRowContext(ctx,
		"SELECT detail FROM order_events WHERE order_id = ? ORDER BY id DESC LIMIT 1", id).Scan(&detail)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("storage: the newest event of order %d: %w", id, err)
	}
	return detail, nil
}

// EventsInBucket counts the events of order id's timeline that reported a status of bucket.
func (db *DB) EventsInBucket(ctx context.Context, id int64, bucket string) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM order_events e
		JOIN status_map m ON m.status = e.status WHERE e.order_id = ? AND m.bucket = ?`, id, bucket).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("storage: events of order %d in %s: %w", id, bucket, err)
	}
	return n, nil
}
