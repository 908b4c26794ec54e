package storage

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Buckets are the Tracking list's status buckets in the order its filter chips show them. An
// order whose 1688 status the status map does not know is in BucketOther.
var Buckets = []string{
	BucketAwaitingPayment, BucketAwaitingShipment, BucketInTransit, BucketReceived, BucketClosed,
	BucketOther,
}

// The buckets of orders.bucket and status_map.bucket.
const (
	BucketAwaitingPayment  = "awaiting_payment"
	BucketAwaitingShipment = "awaiting_shipment"
	BucketInTransit        = "in_transit"
	BucketReceived         = "received"
	BucketClosed           = "closed"
	BucketOther            = "other"
)

// ErrUnknownBucket is returned for an OrderFilter whose Bucket is not one of Buckets.
var ErrUnknownBucket = errors.New("storage: no such Tracking bucket")

// OrderSort is the order of the Tracking list.
type OrderSort int

// The sorts of the Tracking list. Ties go to the order added later (or earlier, for the
// ascending sorts), so every page boundary is stable.
const (
	NewestFirst OrderSort = iota
	OldestFirst
	AmountHighFirst
	AmountLowFirst
)

// orderBy is the ORDER BY of each sort. Each is served by an index whose last column is the
// rowid: orders_by_created/orders_search, orders_by_amount, orders_by_bucket(_amount).
var orderBy = map[OrderSort]string{
	NewestFirst:     "o.created_at DESC, o.id DESC",
	OldestFirst:     "o.created_at, o.id",
	AmountHighFirst: "o.total_fen DESC, o.id DESC",
	AmountLowFirst:  "o.total_fen, o.id",
}

// OrderFilter chooses and sorts the orders of the Tracking list.
type OrderFilter struct {
	Bucket string // one of Buckets; "" is every order
	// Search, when not blank, keeps the orders it names: a 1688 order id or its first digits, a
	// seller's login (any part) or member id (or its start), an offer id of one of the lines, or
	// any part of the title. Latin letters match in either case.
	Search string
	Sort   OrderSort
}

// OrderRow is one row of the Tracking list.
type OrderRow struct {
	ID            int64
	AliOrderID    string // "" until 1688 numbered the order
	Title         string
	SellerLoginID string
	Status        string // the 1688 status, raw
	OwnStatus     string // the user's own status from status_map; "" for a status it lacks
	Bucket        string
	TotalFen      int64
	CreatedAt     time.Time
	KeyID         int64 // 0 when the order belongs to no key
}

// BucketCounts counts the orders in each bucket that search matches (every order when search is
// blank): the numbers on the filter chips. Every bucket of Buckets is present, empty ones as 0.
func (db *DB) BucketCounts(ctx context.Context, search string) (map[string]int, error) {
	// orders_by_bucket holds the bucket of every order in a tenth of the table's pages.
	where, args := orderWhere(OrderFilter{Search: search})
	rows, err := db.sql.QueryContext(ctx,
		"SELECT o.bucket, count(*) FROM orders o INDEXED BY orders_by_bucket"+where+" GROUP BY o.bucket", args...)
	if err != nil {
		return nil, fmt.Errorf("storage: count orders by bucket: %w", err)
	}
	defer rows.Close()
	counts := make(map[string]int, len(Buckets))
	for _, b := range Buckets {
		counts[b] = 0
	}
	for rows.Next() {
		var bucket string
		var n int
		if err := rows.Scan(&bucket, &n); err != nil {
			return nil, fmt.Errorf("storage: count orders by bucket: %w", err)
		}
		counts[bucket] += n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: count orders by bucket: %w", err)
	}
	return counts, nil
}

// OrderCount is the number of orders f keeps: the length of the Tracking list.
func (db *DB) OrderCount(ctx context.Context, f OrderFilter) (int, error) {
	if err := f.check(); err != nil {
		return 0, err
	}
	where, args := orderWhere(f)
	query := "SELECT count(*) FROM orders o" + where
	if search := strings.TrimSpace(f.Search); search != "" && f.Bucket == "" {
		// Every candidate is an order (order_grams and order_lines follow orders), so counting
		// the distinct candidates needs no order read at all.
		cands, candArgs := searchCandidates(search)
		query, args = "SELECT count(*) FROM ("+strings.ReplaceAll(cands, " UNION ALL ", " UNION ")+")", candArgs
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("storage: count orders: %w", err)
	}
	return n, nil
}

// OrderPage is the part of the Tracking list from row offset (0 is the first), at most limit
// rows. The own status is read through status_map, so a change of the mapping shows at once.
func (db *DB) OrderPage(ctx context.Context, f OrderFilter, offset, limit int) ([]OrderRow, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	if limit <= 0 || offset < 0 {
		return nil, nil
	}
	where, args := orderWhere(f)
	query := `SELECT o.id, coalesce(o.ali_order_id, ''), o.title, o.seller_login_id, o.status,
		coalesce(m.own_status, ''), o.bucket, o.total_fen, o.created_at, coalesce(o.key_id, 0)
		FROM orders o LEFT JOIN status_map m ON m.status = o.status` + where +
		" ORDER BY " + orderBy[f.Sort] + " LIMIT ? OFFSET ?"
	rows, err := db.sql.QueryContext(ctx, query, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("storage: a page of orders: %w", err)
	}
	defer rows.Close()
	page := make([]OrderRow, 0, limit)
	for rows.Next() {
		var r OrderRow
		var created int64
		if err := rows.Scan(&r.ID, &r.AliOrderID, &r.Title, &r.SellerLoginID, &r.Status, &r.OwnStatus,
			&r.Bucket, &r.TotalFen, &created, &r.KeyID); err != nil {
			return nil, fmt.Errorf("storage: a page of orders: %w", err)
		}
		r.CreatedAt = time.UnixMilli(created).UTC()
		page = append(page, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: a page of orders: %w", err)
	}
	return page, nil
}

func (f OrderFilter) check() error {
	if f.Bucket != "" && !slices.Contains(Buckets, f.Bucket) {
		return fmt.Errorf("storage: filter by %q: %w", f.Bucket, ErrUnknownBucket)
	}
	if _, ok := orderBy[f.Sort]; !ok {
		return fmt.Errorf("storage: unknown sort %d", f.Sort)
	}
	return nil
}

// orderWhere is the WHERE clause (or nothing) of a query over "orders o" that keeps what f
// keeps, and the arguments of its placeholders. A search is a set of candidate ids (see
// searchCandidates) that SQLite builds once per query; the unary + keeps SQLite from reading
// each candidate's row by id, so it walks the index that serves the sort and the bucket
// instead and stops at the end of the page.
func orderWhere(f OrderFilter) (where string, args []any) {
	var conds []string
	if f.Bucket != "" {
		conds = append(conds, "o.bucket = ?")
		args = append(args, f.Bucket)
	}
	if search := strings.TrimSpace(f.Search); search != "" {
		cands, candArgs := searchCandidates(search)
		conds = append(conds, "+o.id IN ("+cands+")")
		args = append(args, candArgs...)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// searchCandidates is a query of the ids of the orders search names (see OrderFilter.Search),
// each from an index: text through order_grams (migration 3), order ids by their first digits,
// offer ids through order_lines_by_offer. A search of punctuation alone, which order_grams does
// not index, reads every title instead.
func searchCandidates(search string) (string, []any) {
	var parts []string
	var args []any
	if match := gramMatch(search); match != "" {
		parts = append(parts, "SELECT docid FROM order_grams WHERE order_grams MATCH ?")
		args = append(args, match)
	} else {
		contains := "%" + likeEscaper.Replace(search) + "%"
		parts = append(parts, `SELECT id FROM orders WHERE title LIKE ? ESCAPE '\'
			OR seller_login_id LIKE ? ESCAPE '\' OR seller_member_id LIKE ? ESCAPE '\'`)
		args = append(args, contains, contains, contains)
	}
	if isDigits(search) {
		// ':' follows '9', so this range holds exactly the ids that start with search.
		parts = append(parts, "SELECT id FROM orders WHERE ali_order_id >= ? AND ali_order_id < ?",
			"SELECT order_id FROM order_lines WHERE offer_id = ?")
		args = append(args, search, search+":", search)
	}
	return strings.Join(parts, " UNION ALL "), args
}

// gramMatch is the order_grams MATCH expression that finds text holding search: one character
// as the prefix of a pair, more as the phrase of their overlapping pairs. FTS4's simple
// tokenizer splits at ASCII characters other than letters and digits and lower-cases ASCII, in
// the index and in the query alike, so punctuation and spaces match loosely ("type-c" finds
// "Type C") and Latin letters in either case. "" when search has no character it keeps.
func gramMatch(search string) string {
	runes := []rune(asciiLower(search))
	if !slices.ContainsFunc(runes, isTokenRune) {
		return ""
	}
	for i, r := range runes {
		if !isTokenRune(r) {
			runes[i] = ' ' // quotes and operators become the separators they are to the tokenizer
		}
	}
	if len(runes) == 1 {
		return `"` + string(runes) + `*"`
	}
	grams := make([]string, len(runes)-1)
	for i := range grams {
		grams[i] = string(runes[i : i+2])
	}
	return `"` + strings.Join(grams, " ") + `"`
}

// isTokenRune reports whether FTS4's simple tokenizer keeps r in a token: ASCII letters and
// digits, and every character beyond ASCII.
func isTokenRune(r rune) bool {
	return r >= 0x80 || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// asciiLower lower-cases ASCII letters only, as SQLite's lower() and LIKE do.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// likeEscaper makes the user's text match itself in a LIKE pattern with ESCAPE '\'.
var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
