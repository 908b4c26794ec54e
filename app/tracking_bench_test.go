package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"caigou/app/msgchan"
	"caigou/storage/storagetest"
)

// Batches of the benchmark: what the channel group-commits (DESIGN §4).
const (
	benchBatch          = 100
	benchBatchesPerIter = 50
	benchOrders         = 3000
)

// BenchmarkApplyMessages is the apply path without the network (DESIGN §8, ≥ 20 000 messages/s):
// parse, dedupe, store and apply batches of 100 pushes, 10 % of them redeliveries, over a few
// thousand orders, in the mix a buyer sees: mostly order moves, then parcel traces, a few
// tracking number changes, batch payments, orders not known yet and unreadable messages.
func BenchmarkApplyMessages(b *testing.B) {
	ctx := context.Background()
	db := storagetest.OpenTemp(b)
	storagetest.SeedOrders(b, db, benchOrders)
	var keyID int64
	require.NoError(b, db.SQL().QueryRow("SELECT id FROM keys WHERE active = 1").Scan(&keyID))
	rows, err := db.SQL().Query("SELECT ali_order_id FROM orders WHERE ali_order_id IS NOT NULL")
	require.NoError(b, err)
	var orders []string
	for rows.Next() {
		var id string
		require.NoError(b, rows.Scan(&id))
		orders = append(orders, id)
	}
	require.NoError(b, rows.Err())
	tr := NewTracker(db, keyID)
	defer tr.Close()
	gen := &pushGenerator{rng: rand.New(rand.NewPCG(1688, 8)), orders: orders, next: 1_000_000}

	var applied int
	var spent time.Duration
	for b.Loop() {
		for range benchBatchesPerIter {
			batch := gen.batch(benchBatch)
			start := time.Now()
			if err := tr.Apply(ctx, batch); err != nil {
				b.Fatal(err)
			}
			spent += time.Since(start)
			applied += len(batch)
		}
	}
	b.ReportMetric(float64(applied)/spent.Seconds(), "msgs/s")
}

// pushGenerator makes realistic pushes; every tenth is a redelivery of an earlier one.
type pushGenerator struct {
	rng    *rand.Rand
	orders []string
	next   int64    // the next msgId
	sent   []string // recent bodies, for redeliveries
}

var benchStatuses = []string{
	"waitbuyerpay", "waitsellersend", "waitlogisticstakein", "waitbuyerreceive", "signinsuccess",
	"confirm_goods_and_has_subsidy", "success", "cancel",
}

func (g *pushGenerator) batch(n int) []msgchan.Push {
	now := time.Now()
	batch := make([]msgchan.Push, n)
	for i := range batch {
		var body string
		if i%10 == 9 && len(g.sent) > 0 {
			body = g.sent[g.rng.IntN(len(g.sent))]
		} else {
			body = g.fresh()
			if len(g.sent) < 1000 {
				g.sent = append(g.sent, body)
			} else {
				g.sent[g.rng.IntN(len(g.sent))] = body
			}
		}
		batch[i] = msgchan.Push{ID: g.next, PubTime: now.UnixMilli(), Content: body, MsgSource: msgchan.SourceReal, Received: now}
	}
	return batch
}

func (g *pushGenerator) fresh() string {
	g.next++
	id, born := g.next, 1_700_000_000_000+g.next*1000
	order := g.orders[g.rng.IntN(len(g.orders))]
	switch p := g.rng.IntN(100); {
	case p < 2: // an order caigou does not know yet: a stub
		order = fmt.Sprint(3_800_000_000_000_000_000 + id)
		fallthrough
	case p < 68:
		st := benchStatuses[g.rng.IntN(len(benchStatuses))]
		return fmt.Sprintf(`{"msgId":%d,"type":"ORDER_BUYER_VIEW_ORDER_PAY","userInfo":"b2b-2200000001",`+
			`"gmtBorn":%d,"data":{"orderId":%s,"currentStatus":%q,"msgSendTime":"2024-05-30 19:34:27",`+
			`"buyerMemberId":"b2b-2200000001","sellerMemberId":"b2b-1676547900b7bb3"}}`, id, born, order, st)
	case p < 92:
		other := g.orders[g.rng.IntN(len(g.orders))]
		return fmt.Sprintf(`{"msgId":%d,"type":"LOGISTICS_BUYER_VIEW_TRACE","userInfo":"b2b-2200000001",`+
			`"gmtBorn":%d,"data":{"OrderLogisticsTracingModel":{"logisticsId":"BX%d","cpCode":"YUNDA",`+
			`"mailNo":"43%d","statusChanged":"TRANSPORT","changeTime":"2024-06-01 10:00:00",`+
			`"orderLogsItems":[{"orderId":%s,"orderEntryId":%s1},{"orderId":%s,"orderEntryId":%s2}]}}}`,
			id, born, id%5000, id, order, order[:15], other, other[:15])
	case p < 96:
		return fmt.Sprintf(`{"msgId":%d,"type":"LOGISTICS_MAIL_NO_CHANGE","gmtBorn":%d,"data":`+
			`{"MailNoChangeModel":{"logisticsId":"BX%d","oldCpCode":"YUNDA","newCpCode":"SF",`+
			`"oldMailNo":"43%d","newMailNo":"SF%d","orderLogsItems":[{"orderId":%s}]}}}`,
			id, born, id%5000, id, id, order)
	case p < 99:
		return fmt.Sprintf(`{"msgId":%d,"type":"ORDER_BATCH_PAY","gmtBorn":%d,"data":{"batchPay":`+
			`[{"orderId":%s,"status":"successed"}]}}`, id, born, order)
	}
	return fmt.Sprintf(`{"msgId":%d,"type":"ORDER_BUYER_VIEW_ORDER_PAY","data":{"orderId`, id)
}
