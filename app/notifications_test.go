package app

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
)

const notifyAliID = "3717426277620540788"

// notifyApp is an App with one order, paid and waiting to ship, as a sync left it.
func notifyApp(t *testing.T, title string) *App {
	t.Helper()
	a := newTestApp(t)
	_, err := a.db.ApplyOrderDetail(context.Background(), 0, storage.OrderSnapshot{
		AliOrderID: notifyAliID, Status: "waitsellersend", SellerLoginID: "义乌小商品厂",
		Lines: []storage.SnapshotLine{{OfferID: "624281887788", Title: title, Quantity: 2}},
	}, time.Hour)
	require.NoError(t, err)
	return a
}

// pushNotifyMessage applies a message about the order and returns the event the Tracker sends.
func pushNotifyMessage(t *testing.T, a *App, n int, msgType, status string) OrderChanged {
	t.Helper()
	out, err := a.db.ApplyMessages(context.Background(), []storage.InboxMessage{{
		MsgID: "notify-" + strconv.Itoa(n), Type: msgType, Source: "REAL", ReceivedAt: time.Now().UnixMilli(),
		Body: "{}", Orders: []storage.OrderReport{{AliOrderID: notifyAliID, Status: status, Detail: msgType}},
	}})
	require.NoError(t, err)
	require.Len(t, out, 1)
	require.Len(t, out[0].Orders, 1)
	c := out[0].Orders[0]
	return OrderChanged{OrderID: c.OrderID, AliOrderID: c.AliOrderID, Status: c.Status, Bucket: c.Bucket, Moved: c.Moved}
}

func TestNotificationForDecidesByWhatHappened(t *testing.T) {
	ctx := context.Background()
	a := notifyApp(t, "加厚保温杯 500ml")
	steps := []struct {
		name, msgType, status string
		want                  string // the title, "" for no notification
	}{
		{"carrier to pick up: shipped", "ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS", "waitlogisticstakein", "Order shipped"},
		{"on its way: already told", "LOGISTICS_BUYER_VIEW_TRACE", "waitbuyerreceive", ""},
		{"the same status again", "ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS", "waitbuyerreceive", ""},
		{"a refund step", "ORDER_BUYER_VIEW_ORDER_BUYER_REFUND_IN_SALES", "waitbuyerreceive", "Refund update"},
		{"closed", "ORDER_BUYER_VIEW_ORDER_SELLER_CLOSE", "cancel", "Order closed"},
	}
	for i, s := range steps {
		n, ok := a.NotificationFor(ctx, pushNotifyMessage(t, a, i, s.msgType, s.status))
		assert.Equal(t, s.want != "", ok, s.name)
		assert.Equal(t, s.want, n.Title, s.name)
		if ok {
			assert.Equal(t, "加厚保温杯 500ml from 义乌小商品厂", n.Body, s.name)
		}
	}
}

func TestNotificationsCanBeSwitchedOffPerKind(t *testing.T) {
	ctx := context.Background()
	a := notifyApp(t, "")
	for _, k := range NotificationKinds {
		assert.True(t, a.NotificationsEnabled(ctx, k), "%s is on by default", k)
	}
	require.NoError(t, a.SetNotificationsEnabled(ctx, NotifyShipped, false))
	assert.False(t, a.NotificationsEnabled(ctx, NotifyShipped))
	assert.True(t, a.NotificationsEnabled(ctx, NotifyClosed), "the other kinds stay on")

	shipped := pushNotifyMessage(t, a, 1, "ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS", "waitbuyerreceive")
	_, ok := a.NotificationFor(ctx, shipped)
	assert.False(t, ok, "shipping notifications are off")

	require.NoError(t, a.SetNotificationsEnabled(ctx, NotifyShipped, true))
	n, ok := a.NotificationFor(ctx, shipped)
	require.True(t, ok)
	assert.Equal(t, "Order "+notifyAliID+" from 义乌小商品厂", n.Body, "an order without a title is named by its number")
}
