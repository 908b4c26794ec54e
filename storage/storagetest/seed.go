package storagetest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"caigou/storage"
)

// seedBatch is the number of orders per transaction: commits cost nothing at this size, and the
// WAL stays a few megabytes.
const seedBatch = 5000

// seedAppKey is the AppKey of the key the seeded orders are placed through.
const seedAppKey = "8610001"

// SeedOrders inserts n realistic orders, each with 1–3 order_lines and 1–4 order_events: statuses
// spread over the 1688 statuses (one unmapped, for the 'other' bucket), created times spread over
// the last year, Chinese product titles and 19-digit 1688 order ids. Most orders are placed
// through a seed key, which SeedOrders adds (active, unless another key is) when it is missing.
// Apart from times, which count back from now, the data depends only on n and on how many orders
// the database held before, so runs are repeatable; calling it again adds n more. 100 000 orders
// take about 3.5 s on the 2-core machine.
func SeedOrders(tb testing.TB, db *storage.DB, n int) {
	tb.Helper()
	ctx := context.Background()
	s, err := newSeeder(ctx, db.SQL(), n)
	require.NoError(tb, err)
	for done := 0; done < n; done += seedBatch {
		require.NoError(tb, s.insertBatch(ctx, min(seedBatch, n-done)))
	}
}

type seeder struct {
	db     *sql.DB
	rng    *rand.Rand
	keyID  int64
	nextID int64 // local id of the next order
	now    int64
	// The orders are created in id order over the last year, one every spacing ms on average, so
	// the time indexes grow at their end as they do in real use.
	nextCreated, spacing int64
	ranks                map[string]statusRank
}

type statusRank struct {
	rank   int
	bucket string
}

func newSeeder(ctx context.Context, db *sql.DB, n int) (*seeder, error) {
	year := 365 * 24 * time.Hour.Milliseconds()
	s := &seeder{db: db, now: time.Now().UnixMilli(), ranks: map[string]statusRank{}}
	s.nextCreated, s.spacing = s.now-year, year/int64(max(n, 1))
	_, err := db.ExecContext(ctx, `INSERT INTO keys
		(app_key, label, product_limit, daily_call_limit, active, created_at)
		VALUES (?, '种子数据', 1000, 5000, NOT EXISTS (SELECT 1 FROM keys WHERE active = 1), ?)
		ON CONFLICT (app_key) DO NOTHING`, seedAppKey, s.now)
	if err != nil {
		return nil, fmt.Errorf("seed key: %w", err)
	}
	if err := db.QueryRowContext(ctx, "SELECT id FROM keys WHERE app_key = ?", seedAppKey).Scan(&s.keyID); err != nil {
		return nil, fmt.Errorf("seed key: %w", err)
	}
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) + 1 FROM orders").Scan(&s.nextID); err != nil {
		return nil, fmt.Errorf("seed: next order id: %w", err)
	}
	s.rng = rand.New(rand.NewPCG(uint64(s.nextID), 1688))
	rows, err := db.QueryContext(ctx, "SELECT status, rank, bucket FROM status_map")
	if err != nil {
		return nil, fmt.Errorf("seed: status map: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var r statusRank
		if err := rows.Scan(&status, &r.rank, &r.bucket); err != nil {
			return nil, fmt.Errorf("seed: status map: %w", err)
		}
		s.ranks[status] = r
	}
	return s, rows.Err()
}

const (
	insertOrder = `INSERT INTO orders (id, ali_order_id, out_order_id, key_id, origin, status,
		status_rank, bucket, title, seller_login_id, seller_member_id, buyer_login_id, total_fen,
		shipping_fen, close_reason, seller_message, created_at, paid_at, shipped_at, received_at,
		completed_at, modified_at, synced_at, sync_due_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertLine = `INSERT INTO order_lines (order_id, line_no, offer_id, spec_id, sku_id, sub_item_id,
		title, sku_text, quantity, unit, unit_price_fen, amount_fen, status, logistics_status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertEvent = `INSERT INTO order_events (order_id, at, kind, status, detail) VALUES (?, ?, ?, ?, ?)`
)

func (s *seeder) insertBatch(ctx context.Context, n int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }() // a no-op after Commit
	var stmts [3]*sql.Stmt
	for i, q := range []string{insertOrder, insertLine, insertEvent} {
		if stmts[i], err = tx.PrepareContext(ctx, q); err != nil {
			return fmt.Errorf("seed: prepare: %w", err)
		}
		defer stmts[i].Close()
	}
	for range n {
		if err := s.insertOrder(ctx, stmts[0], stmts[1], stmts[2]); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// insertOrder writes one order with its lines and its timeline. The order went through its
// history one status after the other, a few hours to two days apart.
func (s *seeder) insertOrder(ctx context.Context, orderStmt, lineStmt, eventStmt *sql.Stmt) error {
	r := s.rng
	id := s.nextID
	s.nextID++
	st := pickStatus(r)
	history := append(append([]string(nil), st.before...), st.status)
	rank := s.ranks[st.status] // an unmapped status: rank 0, bucket ""
	bucket := rank.bucket
	if bucket == "" {
		bucket = "other"
	}
	created := s.nextCreated + r.Int64N(s.spacing)
	s.nextCreated += s.spacing
	step := time.Hour.Milliseconds() + r.Int64N(47*time.Hour.Milliseconds())
	at := func(i int) int64 { return min(created+int64(i)*step, s.now) }
	milestones := map[string]any{}
	for i, status := range history {
		if m, ok := milestoneOf[status]; ok {
			milestones[m] = at(i)
		}
	}

	origin, keyID, outID := "placed", any(s.keyID), any(fmt.Sprintf("cg-%012d", id))
	switch p := r.IntN(100); {
	case p >= 95:
		origin, keyID, outID = "csv", nil, nil
	case p >= 80:
		origin, outID = "synced", nil
	}
	seller := sellers[r.IntN(len(sellers))]
	message := ""
	if r.IntN(5) == 0 {
		message = "请尽快发货，谢谢"
	}
	var syncDue any
	if bucket != "received" && bucket != "closed" {
		syncDue = s.now + r.Int64N(6*time.Hour.Milliseconds())
	}
	lines, title, total := s.lines(id, st.status, bucket)
	shipping := int64(r.IntN(5)) * 500
	events, synced, last := s.events(id, history, at)

	_, err := orderStmt.ExecContext(ctx, id,
		strconv.FormatUint(3_717_426_277_620_000_000+uint64(id)*1000+r.Uint64N(1000), 10),
		outID, keyID, origin, st.status, rank.rank, bucket, title, seller.login, seller.member,
		"采购部小王", total+shipping, shipping, closeReasonOf[st.status], message, created,
		milestones["paid"], milestones["shipped"], milestones["received"], milestones["completed"],
		at(len(history)-1), synced, syncDue, last)
	if err != nil {
		return fmt.Errorf("seed: order: %w", err)
	}
	for _, args := range lines {
		if _, err := lineStmt.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("seed: order line: %w", err)
		}
	}
	for _, args := range events {
		if _, err := eventStmt.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("seed: order event: %w", err)
		}
	}
	return nil
}

// lines makes the insertLine arguments of 1–3 lines, the order's title and the goods' total.
func (s *seeder) lines(id int64, status, bucket string) (lines [][]any, title string, total int64) {
	r := s.rng
	n := 1 + r.IntN(3)
	for no := 1; no <= n; no++ {
		p := products[r.IntN(len(products))]
		lineTitle := prefixes[r.IntN(len(prefixes))] + p.name
		if no == 1 {
			title = lineTitle
		}
		qty := int64(1 + r.IntN(200))
		price := p.priceFen/2 + r.Int64N(p.priceFen)
		total += qty * price
		lines = append(lines, []any{
			id, no,
			strconv.FormatInt(600_000_000_000+r.Int64N(100_000_000_000), 10),
			fmt.Sprintf("%016x%016x", r.Uint64(), r.Uint64()),
			strconv.FormatInt(4_000_000_000_000+r.Int64N(1_000_000_000_000), 10),
			strconv.FormatUint(4_717_426_277_620_000_000+uint64(id)*10+uint64(no), 10),
			lineTitle, p.skus[r.IntN(len(p.skus))], float64(qty), p.unit, price, qty * price,
			status, logisticsStatus[bucket],
		})
	}
	return lines, title, total
}

// events makes the insertEvent arguments of a 1–4 event timeline over history: the first and the
// last status always, the ones between as they fit. It returns when the order was last synced
// (nil if never) and its last event.
func (s *seeder) events(id int64, history []string, at func(int) int64) (events [][]any, synced any, last int64) {
	r := s.rng
	n := 1 + r.IntN(4)
	for e := range n {
		i := len(history) - 1 // a single event: the latest status
		if n > 1 {
			i = e * (len(history) - 1) / (n - 1)
		}
		kind, status, detail := "message", history[i], topicOf[history[i]]
		switch {
		case e == 0:
		case r.IntN(4) == 0:
			kind, status, detail = "user", "", "修改备注"
		case r.IntN(3) == 0:
			kind, detail = "sync", "alibaba.trade.get.buyerView"
			synced = at(i)
		}
		last = max(last, at(i))
		events = append(events, []any{id, at(i), kind, status, detail})
	}
	return events, synced, last
}

// seedStatus is a status an order can end in, how often, and the statuses it passed before.
type seedStatus struct {
	status string
	weight int
	before []string
}

var (
	paid     = []string{"waitbuyerpay", "waitsellersend"}
	shipped  = []string{"waitbuyerpay", "waitsellersend", "waitbuyerreceive"}
	received = []string{"waitbuyerpay", "waitsellersend", "waitbuyerreceive", "confirm_goods"}
)

var seedStatuses = []seedStatus{
	{"waitbuyerpay", 8, nil},
	{"waitsellersend", 12, paid[:1]},
	{"waitlogisticstakein", 3, paid},
	{"waitbuyerreceive", 15, paid},
	{"waitbuyersign", 2, shipped},
	{"signinsuccess", 5, shipped},
	{"confirm_goods", 4, shipped},
	{"confirm_goods_and_has_subsidy", 3, shipped},
	{"success", 30, received},
	{"cancel", 14, paid[:1]},
	{"terminated", 2, paid},
	{"waitselleract", 2, nil}, // seen in real data, not in the default map
}

func pickStatus(r *rand.Rand) seedStatus {
	total := 0
	for _, s := range seedStatuses {
		total += s.weight
	}
	n := r.IntN(total)
	for _, s := range seedStatuses {
		if n < s.weight {
			return s
		}
		n -= s.weight
	}
	panic("unreachable")
}

var milestoneOf = map[string]string{
	"waitsellersend":                "paid",
	"waitlogisticstakein":           "shipped",
	"waitbuyerreceive":              "shipped",
	"confirm_goods":                 "received",
	"confirm_goods_and_has_subsidy": "received",
	"success":                       "completed",
}

var topicOf = map[string]string{
	"waitbuyerpay":                  "ORDER_BUYER_VIEW_BUYER_MAKE",
	"waitsellersend":                "ORDER_BUYER_VIEW_ORDER_PAY",
	"waitlogisticstakein":           "ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS",
	"waitbuyerreceive":              "ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS",
	"waitbuyersign":                 "LOGISTICS_BUYER_VIEW_TRACE",
	"signinsuccess":                 "LOGISTICS_BUYER_VIEW_TRACE",
	"confirm_goods":                 "ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS",
	"confirm_goods_and_has_subsidy": "ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS",
	"success":                       "ORDER_BUYER_VIEW_ORDER_SUCCESS",
	"cancel":                        "ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE",
	"terminated":                    "ORDER_BUYER_VIEW_ORDER_SELLER_CLOSE",
	"waitselleract":                 "ORDER_BUYER_VIEW_BUYER_MAKE",
}

var closeReasonOf = map[string]string{"cancel": "buyerCancel", "terminated": "other"}

// logisticsStatus is a line's logisticsStatus in an order of the bucket: 1 not shipped,
// 2 shipped, 3 received; 0 unknown.
var logisticsStatus = map[string]int{
	"awaiting_payment": 1, "awaiting_shipment": 1, "in_transit": 2, "received": 3,
}

var sellers = []struct{ login, member string }{
	{"义乌市好运日用品厂", "b2b-2208837461a7c3"},
	{"广州白云区鑫达服饰", "b2b-1676547900b7bb3"},
	{"深圳市华强数码配件", "b2b-3315620874d02e1"},
	{"永康市金鼎五金制品", "b2b-2901458833f5a60"},
	{"汕头澄海乐贝玩具", "b2b-1129904377c81d4"},
	{"杭州四季青女装批发", "b2b-2563318809e4f72"},
}

var prefixes = []string{"", "2024新款 ", "厂家直销 ", "批发 ", "加厚 ", "跨境热卖 "}

var products = []struct {
	name     string
	unit     string
	priceFen int64
	skus     []string
}{
	{"304不锈钢保温杯 500ml", "个", 1850, []string{"颜色:黑色;容量:500ml", "颜色:白色;容量:500ml", "颜色:粉色;容量:350ml"}},
	{"纯棉短袖T恤 男女同款", "件", 1290, []string{"颜色:白色;尺码:L", "颜色:黑色;尺码:XL", "颜色:灰色;尺码:M"}},
	{"手机支架 桌面懒人折叠", "个", 450, []string{"颜色:银色", "颜色:黑色"}},
	{"收纳盒 塑料带盖储物箱", "个", 990, []string{"规格:大号", "规格:中号", "规格:小号"}},
	{"Type-C数据线 快充1米", "条", 320, []string{"长度:1米", "长度:2米"}},
	{"儿童益智积木 拼装玩具", "套", 3500, []string{"款式:城市系列", "款式:城堡系列"}},
	{"硅胶厨房铲 耐高温", "把", 680, []string{"颜色:绿色", "颜色:灰色"}},
	{"女士羊毛围巾 秋冬保暖", "条", 2600, []string{"颜色:驼色", "颜色:酒红"}},
	{"LED小夜灯 感应充电", "个", 760, []string{"光色:暖光", "光色:白光"}},
	{"不锈钢螺丝 M4十字沉头", "包", 150, []string{"规格:M4*10", "规格:M4*20"}},
}
