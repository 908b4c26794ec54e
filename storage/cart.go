package storage

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrNoCartLine is returned for a cart line that is not (or no longer) in the cart.
var ErrNoCartLine = errors.New("no such cart line")

// CartLine is one line of the cart: an offer and SKU with its quantity.
type CartLine struct {
	ID             int64
	OfferID        string
	SpecID         string // "" for a single-SKU offer
	SKUText        string
	Title          string
	ImageURL       string
	SellerMemberID string // "" until the offer was looked up
	SellerLoginID  string
	UnitPriceFen   int64
	MinQuantity    int
	Quantity       int
	Note           string
	AddedAt        time.Time
}

// AddCartLines adds lines to the cart in one transaction. A line for an offer and SKU already in
// the cart adds its quantity to it and fills in what the cart did not know yet.
func (db *DB) AddCartLines(ctx context.Context, lines []CartLine, now time.Time) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: add to the cart: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO cart_lines (offer_id, spec_id, sku_text, title,
		image_url, seller_member_id, seller_login_id, unit_price_fen, min_quantity, quantity, note, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (offer_id, spec_id) DO UPDATE SET
		quantity = quantity + excluded.quantity,
		sku_text = coalesce(nullif(excluded.sku_text, ''), sku_text),
		title = coalesce(nullif(excluded.title, ''), title),
		image_url = coalesce(nullif(excluded.image_url, ''), image_url),
		seller_member_id = coalesce(nullif(excluded.seller_member_id, ''), seller_member_id),
		seller_login_id = coalesce(nullif(excluded.seller_login_id, ''), seller_login_id),
		unit_price_fen = CASE WHEN excluded.unit_price_fen > 0 THEN excluded.unit_price_fen ELSE unit_price_fen END,
		min_quantity = max(min_quantity, excluded.min_quantity),
		note = CASE WHEN excluded.note = '' THEN note WHEN note = '' THEN excluded.note ELSE note || '; ' || excluded.note END`)
	if err != nil {
		return fmt.Errorf("storage: add to the cart: %w", err)
	}
	defer stmt.Close()
	for _, l := range lines {
		if l.MinQuantity < 1 {
			l.MinQuantity = 1
		}
		if _, err := stmt.ExecContext(ctx, l.OfferID, l.SpecID, l.SKUText, l.Title, l.ImageURL,
			l.SellerMemberID, l.SellerLoginID, l.UnitPriceFen, l.MinQuantity, l.Quantity, l.Note, now.UnixMilli()); err != nil {
			return fmt.Errorf("storage: add offer %s to the cart: %w", l.OfferID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: add to the cart: %w", err)
	}
	return nil
}

// CartLines is the cart, grouped by seller, in the order the lines were added.
func (db *DB) CartLines(ctx context.Context) ([]CartLine, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, offer_id, spec_id, sku_text, title, image_url,
		seller_member_id, seller_login_id, unit_price_fen, min_quantity, quantity, note, added_at
		FROM cart_lines ORDER BY seller_member_id, id`)
	if err != nil {
		return nil, fmt.Errorf("storage: read the cart: %w", err)
	}
	defer rows.Close()
	var out []CartLine
	for rows.Next() {
		var l CartLine
		var added int64
		if err := rows.Scan(&l.ID, &l.OfferID, &l.SpecID, &l.SKUText, &l.Title, &l.ImageURL, &l.SellerMemberID,
			&l.SellerLoginID, &l.UnitPriceFen, &l.MinQuantity, &l.Quantity, &l.Note, &added); err != nil {
			return nil, fmt.Errorf("storage: read the cart: %w", err)
		}
		l.AddedAt = time.UnixMilli(added).UTC()
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read the cart: %w", err)
	}
	return out, nil
}

// UpdateCartLine stores what was learnt of a line (title, SKU text, seller, price, minimum) and
// its quantity.
func (db *DB) UpdateCartLine(ctx context.Context, l CartLine) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE cart_lines SET sku_text = ?, title = ?, image_url = ?,
		seller_member_id = ?, seller_login_id = ?, unit_price_fen = ?, min_quantity = ?, quantity = ?, note = ?
		WHERE id = ?`, l.SKUText, l.Title, l.ImageURL, l.SellerMemberID, l.SellerLoginID, l.UnitPriceFen,
		max(l.MinQuantity, 1), l.Quantity, l.Note, l.ID)
	if err != nil {
		return fmt.Errorf("storage: update cart line %d: %w", l.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("storage: update cart line %d: %w", l.ID, ErrNoCartLine)
	}
	return nil
}

// RemoveCartLines takes lines out of the cart.
func (db *DB) RemoveCartLines(ctx context.Context, ids ...int64) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: remove from the cart: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "DELETE FROM cart_lines WHERE id = ?", id); err != nil {
			return fmt.Errorf("storage: remove cart line %d: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: remove from the cart: %w", err)
	}
	return nil
}
