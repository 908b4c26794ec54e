package storage

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// ExportRow is one row of the order export: an order line with its order, or an order that has
// no lines yet (LineNo 0, the line fields empty).
type ExportRow struct {
	AliOrderID    string // "" until 1688 has the order
	CreatedAt     time.Time
	SellerLoginID string
	Status        string // the 1688 status code, e.g. waitbuyerpay
	OwnStatus     string // the user's own status from status_map, e.g. paid; "" for an unmapped status
	OrderTotalFen int64
	Note          string // the user's own note of the order

	// TrackingNumbers are the bill numbers of the order's parcels, in the order they were
	// recorded; parcels without a number yet are left out.
	TrackingNumbers []string

	LineNo       int
	OfferID      string
	SpecID       string
	SKUText      string
	Title        string
	Quantity     float64
	UnitPriceFen int64
	AmountFen    int64
}

// sqlExportOrderLines reads orders in created_at order through an index on created_at (whose rowid
// tail is the id) and each order's lines through their (order_id, line_no) key, so rows stream
// without a sort of the whole table.
const sqlExportOrderLines = `SELECT coalesce(o.ali_order_id, ''), o.created_at, o.seller_login_id,
		o.status, coalesce(m.own_status, ''), o.total_fen, o.note,
		coalesce((SELECT group_concat(g.bill_no, char(10) ORDER BY g.id) FROM logistics g
			WHERE g.order_id = o.id AND g.bill_no <> ''), ''),
		coalesce(l.line_no, 0), coalesce(l.offer_id, ''), coalesce(l.spec_id, ''),
		coalesce(l.sku_text, ''), coalesce(l.title, ''), coalesce(l.quantity, 0),
		coalesce(l.unit_price_fen, 0), coalesce(l.amount_fen, 0)
	FROM orders o
	LEFT JOIN order_lines l ON l.order_id = o.id
	LEFT JOIN status_map m ON m.status = o.status
	ORDER BY o.created_at, o.id, l.line_no`

// ExportOrderLines calls fn with every order line, ordered by the order's created_at and then
// line_no, and once for each order without lines. Rows are read as they are handed over, so an
// export of 100 000 orders holds one row in memory at a time. fn must not use the database: the
// read stays open until ExportOrderLines returns. An error from fn stops the export and is
// returned as it is.
func (db *DB) ExportOrderLines(ctx context.Context, fn func(ExportRow) error) error {
	rows, err := db.sql.QueryContext(ctx, sqlExportOrderLines)
	if err != nil {
		return fmt.Errorf("storage: export orders: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r ExportRow
		var created int64
		var bills string
		if err := rows.Scan(&r.AliOrderID, &created, &r.SellerLoginID, &r.Status, &r.OwnStatus,
			&r.OrderTotalFen, &r.Note, &bills, &r.LineNo, &r.OfferID, &r.SpecID, &r.SKUText, &r.Title,
			&r.Quantity, &r.UnitPriceFen, &r.AmountFen); err != nil {
			return fmt.Errorf("storage: export orders: %w", err)
		}
		r.CreatedAt = time.UnixMilli(created).UTC()
		if bills != "" {
			r.TrackingNumbers = strings.Split(bills, "\n")
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("storage: export orders: %w", err)
	}
	return nil
}
