package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app/msgchan"
	"caigou/storage"
	"caigou/storage/storagetest"
)

const bigID = "3717426277620540788" // needs all 63 bits: float64 would round it

type trackerEnv struct {
	t  *testing.T
	db *storage.DB
	tr *Tracker
}

func newTrackerEnv(t *testing.T) *trackerEnv {
	t.Helper()
	db := storagetest.OpenTemp(t)
	res, err := db.SQL().Exec(`INSERT INTO keys (app_key, product_limit, daily_call_limit, created_at)
		VALUES ('8610001', 1000, 5000, 0)`)
	require.NoError(t, err)
	keyID, err := res.LastInsertId()
	require.NoError(t, err)
	tr := NewTracker(db, keyID)
	t.Cleanup(tr.Close)
	return &trackerEnv{t: t, db: db, tr: tr}
}

func orderBody(msgID, msgType, orderID, status string, born int64) string {
	return fmt.Sprintf(`{"msgId":%s,"type":%q,"userInfo":"b2b-1","gmtBorn":%d,"data":{"orderId":%s,`+
		`"currentStatus":%q,"msgSendTime":"2024-05-30 19:34:27","buyerMemberId":"b2b-1",`+
		`"sellerMemberId":"b2b-seller"}}`, msgID, msgType, born, orderID, status)
}

func traceBody(msgID, logisticsID, status, changeTime, mailNo string, orders ...string) string {
	items := ""
	for i, o := range orders {
		if i > 0 {
			items += ","
		}
		items += fmt.Sprintf(`{"orderId":%s,"orderEntryId":%s%d}`, o, o[:10], i)
	}
	return fmt.Sprintf(`{"msgId":%s,"type":"LOGISTICS_BUYER_VIEW_TRACE","gmtBorn":1700000000000,`+
		`"data":{"OrderLogisticsTracingModel":{"logisticsId":%q,"cpCode":"YUNDA","mailNo":%q,`+
		`"statusChanged":%q,"changeTime":%q,"orderLogsItems":[%s]}}}`,
		msgID, logisticsID, mailNo, status, changeTime, items)
}

func push(body string) msgchan.Push {
	return msgchan.Push{ID: 1, Content: body, MsgSource: msgchan.SourceReal, Received: time.UnixMilli(1_800_000_000_000)}
}

// apply applies bodies as one batch and requires success.
func (e *trackerEnv) apply(bodies ...string) {
	e.t.Helper()
	batch := make([]msgchan.Push, len(bodies))
	for i, b := range bodies {
		batch[i] = push(b)
	}
	require.NoError(e.t, e.tr.Apply(context.Background(), batch))
}

func (e *trackerEnv) order(aliID string) storage.OrderState {
	e.t.Helper()
	o, ok, err := e.db.OrderByAliID(context.Background(), aliID)
	require.NoError(e.t, err)
	require.True(e.t, ok, "order %s", aliID)
	return o
}

func (e *trackerEnv) eventStatuses(orderID int64) []string {
	e.t.Helper()
	events, err := e.db.OrderEvents(context.Background(), orderID)
	require.NoError(e.t, err)
	var statuses []string
	for _, ev := range events {
		assert.Equal(e.t, "message", ev.Kind)
		assert.NotEmpty(e.t, ev.MsgID)
		statuses = append(statuses, ev.Status)
	}
	return statuses
}

func (e *trackerEnv) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	require.NoError(e.t, e.db.SQL().QueryRow(query, args...).Scan(&n))
	return n
}

func TestApplyDuplicateIsNoOp(t *testing.T) {
	e := newTrackerEnv(t)
	pay := orderBody("1", msgchan.TypeOrderPay, bigID, "waitsellersend", 1_700_000_000_000)
	e.apply(pay, pay) // a redelivery inside one batch
	e.apply(pay)      // and in a later one
	assert.Equal(t, 1, e.count("SELECT count(*) FROM messages"))
	o := e.order(bigID)
	assert.Equal(t, []string{"waitsellersend"}, e.eventStatuses(o.ID))
}

func TestApplyBigIDsRoundTrip(t *testing.T) {
	e := newTrackerEnv(t)
	e.apply(orderBody(bigID, msgchan.TypeOrderBuyerMake, bigID, "waitbuyerpay", 1))
	var msgID, aliOrderID string
	require.NoError(t, e.db.SQL().QueryRow("SELECT msg_id, ali_order_id FROM messages").Scan(&msgID, &aliOrderID))
	assert.Equal(t, bigID, msgID)
	assert.Equal(t, bigID, aliOrderID)
	assert.Equal(t, bigID, e.order(bigID).AliOrderID)
}

func TestApplyStatusOnlyMovesForward(t *testing.T) {
	e := newTrackerEnv(t)
	const id = "1000000000000000001"
	e.apply(orderBody("1", msgchan.TypeOrderBuyerMake, id, "waitbuyerpay", 1000))
	e.apply(orderBody("3", msgchan.TypeOrderSendGoods, id, "waitbuyerreceive", 3000))
	e.apply(orderBody("2", msgchan.TypeOrderPay, id, "waitsellersend", 2000)) // late
	o := e.order(id)
	assert.Equal(t, "waitbuyerreceive", o.Status)
	assert.Equal(t, "in_transit", o.Bucket)
	assert.Equal(t, 40, o.Rank)
	assert.Equal(t, []string{"waitbuyerpay", "waitsellersend", "waitbuyerreceive"}, e.eventStatuses(o.ID),
		"the late message is in the timeline, at its own time")

	e.apply(orderBody("4", msgchan.TypeOrderSuccess, id, "success", 4000))
	e.apply(orderBody("5", msgchan.TypeOrderSellerClose, id, "cancel", 5000))
	o = e.order(id)
	assert.Equal(t, "cancel", o.Status, "a refund closes even a successful trade")
	assert.Equal(t, 90, o.Rank)
	assert.Equal(t, "closed", o.Bucket)

	e.apply(
		orderBody("6", msgchan.TypeOrderSuccess, id, "success", 6000),
		orderBody("7", "ORDER_BUYER_VIEW_X", id, "terminated", 7000),
		orderBody("8", msgchan.TypeOrderPay, id, "waitsellersend", 8000),
	)
	o = e.order(id)
	assert.Equal(t, "cancel", o.Status, "nothing moves after cancel, terminated included")
	assert.Len(t, e.eventStatuses(o.ID), 8)
}

func TestApplyUnknownStatusDoesNotMove(t *testing.T) {
	e := newTrackerEnv(t)
	const id = "1000000000000000002"
	e.apply(orderBody("1", msgchan.TypeOrderPay, id, "waitsellersend", 1000))
	require.NoError(t, setSyncDue(e.db, id, nil))
	e.apply(orderBody("2", "ORDER_BUYER_VIEW_NEW_THING", id, "waitsomethingnew", 2000))
	o := e.order(id)
	assert.Equal(t, "waitsellersend", o.Status)
	assert.Equal(t, []string{"waitsellersend", "waitsomethingnew"}, e.eventStatuses(o.ID))
	assert.False(t, o.SyncDueAt.IsZero(), "an order a message could not place is synced")
}

func setSyncDue(db *storage.DB, aliID string, due any) error {
	_, err := db.SQL().Exec("UPDATE orders SET sync_due_at = ? WHERE ali_order_id = ?", due, aliID)
	return err
}

func TestApplyStubOrderForUnknownOrder(t *testing.T) {
	e := newTrackerEnv(t)
	const id = "1000000000000000003"
	e.apply(orderBody("1", msgchan.TypeOrderPay, id, "waitsellersend", 1000))
	o := e.order(id)
	assert.Equal(t, "message", o.Origin)
	assert.Equal(t, e.tr.keyID, o.KeyID)
	assert.Equal(t, "waitsellersend", o.Status)
	assert.Equal(t, "awaiting_shipment", o.Bucket)
	assert.False(t, o.SyncDueAt.IsZero(), "the next sync fills the stub in")
	var seller string
	require.NoError(t, e.db.SQL().QueryRow("SELECT seller_member_id FROM orders WHERE id = ?", o.ID).Scan(&seller))
	assert.Equal(t, "b2b-seller", seller)

	e.apply(orderBody("2", msgchan.TypeOrderSendGoods, id, "waitbuyerreceive", 2000))
	assert.Equal(t, 1, e.count("SELECT count(*) FROM orders"), "later messages attach to the stub")
	assert.Equal(t, []string{"waitsellersend", "waitbuyerreceive"}, e.eventStatuses(o.ID))
	assert.Equal(t, "waitbuyerreceive", e.order(id).Status)
}

func TestApplyLogisticsTrace(t *testing.T) {
	e := newTrackerEnv(t)
	const a, b = "1000000000000000004", "1000000000000000005"
	e.apply(orderBody("1", msgchan.TypeOrderSendGoods, a, "waitbuyerreceive", 1000))
	e.apply(traceBody("2", "BX1", "TRANSPORT", "2024-01-02 10:00:00", "4300", a, b))
	e.apply(traceBody("3", "BX1", "ACCEPT", "2024-01-02 09:00:00", "4299", a)) // older, late

	ctx := context.Background()
	parcels, err := e.db.Parcels(ctx, e.order(a).ID)
	require.NoError(t, err)
	want := time.Date(2024, 1, 2, 2, 0, 0, 0, time.UTC) // 10:00 China time
	require.Len(t, parcels, 1)
	assert.Equal(t, "TRANSPORT", parcels[0].Status, "a late trace does not undo a newer one")
	assert.Equal(t, "4300", parcels[0].BillNo)
	assert.Equal(t, "YUNDA", parcels[0].CompanyCode)
	assert.True(t, want.Equal(parcels[0].StatusAt), parcels[0].StatusAt)
	assert.Equal(t, []string{a[:10] + "0"}, parcels[0].EntryIDs)

	stub := e.order(b)
	assert.Equal(t, "message", stub.Origin, "the parcel's unknown order is stubbed")
	parcels, err = e.db.Parcels(ctx, stub.ID)
	require.NoError(t, err)
	require.Len(t, parcels, 1)
	assert.Equal(t, "BX1", parcels[0].LogisticsID)
	assert.Equal(t, []string{b[:10] + "1"}, parcels[0].EntryIDs)

	e.apply(traceBody("4", "BX1", "SIGN", "2024-01-03 10:00:00", "4300", a))
	e.apply(`{"msgId":5,"type":"LOGISTICS_MAIL_NO_CHANGE","data":{"MailNoChangeModel":{"logisticsId":"BX1",` +
		`"oldCpCode":"YUNDA","newCpCode":"SF","oldMailNo":"4300","newMailNo":"SF77",` +
		`"orderLogsItems":[{"orderId":` + a + `}]}}}`)
	parcels, err = e.db.Parcels(ctx, e.order(a).ID)
	require.NoError(t, err)
	require.Len(t, parcels, 1)
	assert.Equal(t, "SIGN", parcels[0].Status)
	assert.Equal(t, "SF77", parcels[0].BillNo)
	assert.Equal(t, "SF", parcels[0].CompanyCode)
	assert.Equal(t, "waitbuyerreceive", e.order(a).Status, "a parcel status is not an order status")
	assert.Equal(t, []string{"waitbuyerreceive", "", "", "", ""}, e.eventStatuses(e.order(a).ID))
}

func TestApplyMockNeverChangesOrders(t *testing.T) {
	e := newTrackerEnv(t)
	events := e.tr.Events()
	const known, unknown = "1000000000000000006", "1000000000000000007"
	e.apply(orderBody("1", msgchan.TypeOrderBuyerMake, known, "waitbuyerpay", 1000))
	<-events

	mock := func(body string) msgchan.Push {
		p := push(body)
		p.MsgSource = msgchan.SourceMock
		return p
	}
	require.NoError(t, e.tr.Apply(context.Background(), []msgchan.Push{
		mock(orderBody("2", msgchan.TypeOrderBuyerClose, known, "cancel", 2000)),
		mock(orderBody("3", msgchan.TypeOrderPay, unknown, "waitsellersend", 3000)),
		mock(traceBody("4", "BX9", "SIGN", "2024-01-03 10:00:00", "1", known)),
	}))
	assert.Equal(t, "waitbuyerpay", e.order(known).Status)
	assert.Equal(t, 1, e.count("SELECT count(*) FROM orders"), "no stub for a MOCK message")
	assert.Equal(t, 1, e.count("SELECT count(*) FROM order_events"))
	assert.Zero(t, e.count("SELECT count(*) FROM logistics"))
	assert.Equal(t, 3, e.count("SELECT count(*) FROM messages WHERE msg_source = 'MOCK' AND error IS NULL"))
	assert.Equal(t, MockReceived{MsgID: "2", Type: msgchan.TypeOrderBuyerClose}, <-events)
	assert.Equal(t, MockReceived{MsgID: "3", Type: msgchan.TypeOrderPay}, <-events)
	assert.Equal(t, MockReceived{MsgID: "4", Type: msgchan.TypeLogisticsTrace}, <-events)
}

func TestApplyBadMessagesAreStoredWithTheirError(t *testing.T) {
	e := newTrackerEnv(t)
	events := e.tr.Events()
	bodies := []struct {
		body    string
		kind    error
		errText string
	}{
		{`{"msgId":1,"type":"ORDER_BUYER_VIEW_ORDER_PAY","data":{"orderI`, msgchan.ErrNotJSON, "not a JSON object"},
		{`{"msgId":2,"type":"BRAND_NEW_TOPIC","data":{}}`, msgchan.ErrUnknownType, "type is unknown"},
		{`{"msgId":3,"type":"ORDER_BUYER_VIEW_ORDER_PAY","data":{"currentStatus":"cancel"}}`, msgchan.ErrNoOrderID, "no orderId"},
		{`{"type":"ORDER_BUYER_VIEW_ORDER_PAY","data":{"orderId":1}}`, msgchan.ErrNoMsgID, "no msgId"},
	}
	for range 2 { // a redelivered bad message is stored once
		batch := make([]msgchan.Push, len(bodies))
		for i, b := range bodies {
			batch[i] = push(b.body)
		}
		require.NoError(t, e.tr.Apply(context.Background(), batch), "a bad message never fails the batch")
	}
	assert.Zero(t, e.count("SELECT count(*) FROM orders"))
	failed, err := e.tr.FailedMessages(context.Background(), 10)
	require.NoError(t, err)
	require.Len(t, failed, len(bodies))
	byBody := map[string]storage.StoredMessage{}
	for _, m := range failed {
		byBody[m.Body] = m
		assert.True(t, m.AppliedAt.IsZero())
	}
	for _, b := range bodies {
		m, ok := byBody[b.body]
		require.True(t, ok, b.body)
		assert.Contains(t, m.Err, b.errText)
		ev := <-events
		require.IsType(t, MessageFailed{}, ev)
		assert.Equal(t, m.MsgID, ev.(MessageFailed).MsgID)
		assert.ErrorIs(t, ev.(MessageFailed).Err, b.kind)
	}
	assert.Equal(t, msgchan.BodyKey([]byte(bodies[0].body)), byBody[bodies[0].body].MsgID,
		"a body without a readable msgId is keyed by its content")
	assert.Equal(t, "2", byBody[bodies[1].body].MsgID)
}

func TestApplyFailsWhenTheDatabaseFails(t *testing.T) {
	db, err := storage.Open(t.TempDir())
	require.NoError(t, err)
	tr := NewTracker(db, 0)
	defer tr.Close()
	events := tr.Events()
	require.NoError(t, db.Close())
	err = tr.Apply(context.Background(), []msgchan.Push{
		push(orderBody("1", msgchan.TypeOrderPay, bigID, "waitsellersend", 1)),
	})
	require.Error(t, err, "nothing committed, so nothing may be confirmed")
	select {
	case ev := <-events:
		t.Fatalf("event for an uncommitted message: %#v", ev)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestApplyFailsWhenTheKeyIsUnknown(t *testing.T) {
	db := storagetest.OpenTemp(t)
	tr := NewTracker(db, 999) // the foreign key refuses the batch: a fault of ours, not of 1688
	defer tr.Close()
	err := tr.Apply(context.Background(), []msgchan.Push{
		push(orderBody("1", msgchan.TypeOrderPay, bigID, "waitsellersend", 1)),
	})
	require.Error(t, err)
	n, err := db.CountOrders(context.Background())
	require.NoError(t, err)
	assert.Zero(t, n, "the batch rolled back as a whole")
}

func TestEventsComeAfterTheCommit(t *testing.T) {
	e := newTrackerEnv(t)
	events := e.tr.Events()
	const id = "1000000000000000008"
	e.apply(
		orderBody("1", msgchan.TypeOrderPay, id, "waitsellersend", 1000),
		orderBody("2", msgchan.TypeOrderBuyerMake, id, "waitbuyerpay", 900),
	)
	first := (<-events).(OrderChanged)
	// The listener reads the database as soon as it hears: the whole batch is there.
	o := e.order(first.AliOrderID)
	assert.Equal(t, OrderChanged{OrderID: o.ID, AliOrderID: id, Status: "waitsellersend", Bucket: "awaiting_shipment", Moved: true}, first)
	assert.Len(t, e.eventStatuses(o.ID), 2)
	assert.Equal(t, OrderChanged{OrderID: o.ID, AliOrderID: id, Status: "waitsellersend", Bucket: "awaiting_shipment"},
		<-events, "a late message changes nothing, and says so")
}

func TestSlowListenerDoesNotStallApply(t *testing.T) {
	e := newTrackerEnv(t)
	events := e.tr.Events() // never read until the end
	e.tr.events.max = 5
	for i := range 20 {
		e.apply(orderBody(fmt.Sprint(i+1), msgchan.TypeOrderPay, fmt.Sprint(1000+i), "waitsellersend", 1))
	}
	// The newest five were kept, after the one the delivery may already hold: at most six arrive,
	// the last is the newest, and none was lost between the kept ones.
	var got []string
	for len(got) == 0 || got[len(got)-1] != "1019" {
		got = append(got, (<-events).(OrderChanged).AliOrderID)
		require.LessOrEqual(t, len(got), 6, got)
	}
	tail := got[max(len(got)-5, 1):]
	for i := range tail {
		assert.Equal(t, fmt.Sprint(1020-len(tail)+i), tail[i], got)
	}
}
