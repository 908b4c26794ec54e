package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrNoAddress is returned for an address that is not (or no longer) in the address book.
var ErrNoAddress = errors.New("no such address")

// Address is an entry of the address book: where an order is delivered (addressParam).
type Address struct {
	ID           int64
	Label        string // the user's own name for it, e.g. "Warehouse"
	FullName     string
	Mobile       string
	Phone        string
	PostCode     string
	Province     string
	City         string
	Area         string
	Town         string
	Street       string // street and house (addressParam.address)
	DistrictCode string
	AliAddressID string // addressId in the 1688 address book, sent instead of the fields
	Default      bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

const sqlAddressColumns = `id, label, full_name, mobile, phone, post_code, province, city, area,
	town, address, district_code, coalesce(ali_address_id, ''), is_default, created_at, updated_at`

func scanAddress(scan func(...any) error) (Address, error) {
	var a Address
	var created, updated int64
	err := scan(&a.ID, &a.Label, &a.FullName, &a.Mobile, &a.Phone, &a.PostCode, &a.Province, &a.City,
		&a.Area, &a.Town, &a.Street, &a.DistrictCode, &a.AliAddressID, &a.Default, &created, &updated)
	a.CreatedAt, a.UpdatedAt = time.UnixMilli(created).UTC(), time.UnixMilli(updated).UTC()
	return a, err
}

// Addresses is the address book, the default address first, then the newest.
func (db *DB) Addresses(ctx context.Context) ([]Address, error) {
	rows, err := db.sql.QueryContext(ctx, "SELECT "+sqlAddressColumns+
		" FROM addresses ORDER BY is_default DESC, created_at DESC, id DESC")
	if err != nil {
		return nil, fmt.Errorf("storage: read the addresses: %w", err)
	}
	defer rows.Close()
	var out []Address
	for rows.Next() {
		a, err := scanAddress(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("storage: read the addresses: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: read the addresses: %w", err)
	}
	return out, nil
}

// AddressByID is one address; ErrNoAddress when there is none with that id.
func (db *DB) AddressByID(ctx context.Context, id int64) (Address, error) {
	a, err := scanAddress(db.sql.QueryRowContext(ctx, "SELECT "+sqlAddressColumns+
		" FROM addresses WHERE id = ?", id).Scan)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Address{}, fmt.Errorf("storage: address %d: %w", id, ErrNoAddress)
	case err != nil:
		return Address{}, fmt.Errorf("storage: address %d: %w", id, err)
	}
	return a, nil
}

// SaveAddress adds a (ID 0) or updates an address and returns its id. The first address of the
// book becomes the default; Default itself is changed only by SetDefaultAddress.
func (db *DB) SaveAddress(ctx context.Context, a Address, now time.Time) (int64, error) {
	var aliID sql.NullString
	if a.AliAddressID != "" {
		aliID = sql.NullString{String: a.AliAddressID, Valid: true}
	}
	if a.ID != 0 {
		res, err := db.sql.ExecContext(ctx, `UPDATE addresses SET label = ?, full_name = ?, mobile = ?,
			phone = ?, post_code = ?, province = ?, city = ?, area = ?, town = ?, address = ?,
			district_code = ?, ali_address_id = ?, updated_at = ? WHERE id = ?`,
			a.Label, a.FullName, a.Mobile, a.Phone, a.PostCode, a.Province, a.City, a.Area, a.Town,
			a.Street, a.DistrictCode, aliID, now.UnixMilli(), a.ID)
		if err != nil {
			return 0, fmt.Errorf("storage: save address %d: %w", a.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return 0, fmt.Errorf("storage: save address %d: %w", a.ID, ErrNoAddress)
		}
		return a.ID, nil
	}
	res, err := db.sql.ExecContext(ctx, `INSERT INTO addresses (label, full_name, mobile, phone,
		post_code, province, city, area, town, address, district_code, ali_address_id, is_default,
		created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOT EXISTS (SELECT 1 FROM addresses), ?, ?)`,
		a.Label, a.FullName, a.Mobile, a.Phone, a.PostCode, a.Province, a.City, a.Area, a.Town,
		a.Street, a.DistrictCode, aliID, now.UnixMilli(), now.UnixMilli())
	if err != nil {
		return 0, fmt.Errorf("storage: add an address: %w", err)
	}
	return res.LastInsertId()
}

// SetDefaultAddress makes address id the default one, in place of the former default.
func (db *DB) SetDefaultAddress(ctx context.Context, id int64) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: default address: %w", err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	if _, err := tx.ExecContext(ctx, "UPDATE addresses SET is_default = 0 WHERE is_default = 1 AND id <> ?", id); err != nil {
		return fmt.Errorf("storage: default address: %w", err)
	}
	res, err := tx.ExecContext(ctx, "UPDATE addresses SET is_default = 1 WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("storage: default address %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("storage: default address %d: %w", id, ErrNoAddress)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: default address: %w", err)
	}
	return nil
}

// DeleteAddress removes an address; orders placed with it keep their other details. When it was
// the default, the oldest remaining address becomes the default, so the book always has one.
func (db *DB) DeleteAddress(ctx context.Context, id int64) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: delete address %d: %w", id, err)
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	res, err := tx.ExecContext(ctx, "DELETE FROM addresses WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("storage: delete address %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("storage: delete address %d: %w", id, ErrNoAddress)
	}
	_, err = tx.ExecContext(ctx, `UPDATE addresses SET is_default = 1
		WHERE id = (SELECT id FROM addresses ORDER BY created_at, id LIMIT 1)
		AND NOT EXISTS (SELECT 1 FROM addresses WHERE is_default = 1)`)
	if err != nil {
		return fmt.Errorf("storage: delete address %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: delete address %d: %w", id, err)
	}
	return nil
}
