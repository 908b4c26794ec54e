package app

import (
	"context"

	"caigou/i18n"
	"caigou/storage"
)

// NotificationKind is a kind of desktop notification, each of which Settings can switch off.
type NotificationKind string

// The notification kinds, in the order Settings lists them.
const (
	NotifyShipped NotificationKind = "shipped" // an order left the seller
	NotifyClosed  NotificationKind = "closed"  // an order was closed or cancelled
	NotifyRefund  NotificationKind = "refund"  // a refund of an order moved
)

// NotificationKinds are the kinds in the order Settings lists them.
var NotificationKinds = []NotificationKind{NotifyShipped, NotifyClosed, NotifyRefund}

// settingNotify is the settings key of a kind's switch: "1" on, "0" off; missing means on.
func settingNotify(kind NotificationKind) string { return "notify." + string(kind) }

// NotificationsEnabled reports whether notifications of kind are on. They are until the user
// switches them off; a setting that cannot be read counts as on, since a missed shipment is
// worse than one notification too many.
func (a *App) NotificationsEnabled(ctx context.Context, kind NotificationKind) bool {
	v, ok, err := a.db.Setting(ctx, settingNotify(kind))
	return err != nil || !ok || v != "0"
}

// SetNotificationsEnabled switches notifications of kind on or off.
func (a *App) SetNotificationsEnabled(ctx context.Context, kind NotificationKind, on bool) error {
	v := "0"
	if on {
		v = "1"
	}
	return a.db.SetSetting(ctx, settingNotify(kind), v)
}

// Notification is a desktop notification's text, in the user's language.
type Notification struct {
	Title string
	Body  string
}

// NotificationFor decides whether ev deserves a desktop notification: the order shipped (it
// moved into the in-transit bucket for the first time), was closed, or a refund message
// arrived about it, and that kind is switched on. The text names the order by its title (its
// 1688 number when it has none yet) and seller.
//
// A refund is seen in the order's newest timeline event, which the message that sent ev wrote.
// If a refund message and a later one about the same order arrive in one batch, only the later
// one is seen.
func (a *App) NotificationFor(ctx context.Context, ev OrderChanged) (Notification, bool) {
	kind, ok, err := a.notificationKind(ctx, ev)
	if err != nil || !ok || !a.NotificationsEnabled(ctx, kind) {
		return Notification{}, false
	}
	h, err := a.db.OrderHeader(ctx, ev.OrderID)
	if err != nil {
		return Notification{}, false
	}
	name := h.Title
	if name == "" {
		name = i18n.T(i18n.NotifyOrderNumber, map[string]any{"OrderID": h.AliOrderID})
	}
	body := name
	if h.SellerLoginID != "" {
		body = i18n.T(i18n.NotifyBody, map[string]any{"Order": name, "Seller": h.SellerLoginID})
	}
	titles := map[NotificationKind]*i18n.Message{
		NotifyShipped: i18n.NotifyShippedTitle, NotifyClosed: i18n.NotifyClosedTitle, NotifyRefund: i18n.NotifyRefundTitle,
	}
	return Notification{Title: i18n.T(titles[kind], nil), Body: body}, true
}

// notificationKind is the kind of notification ev calls for; ok is false when none.
func (a *App) notificationKind(ctx context.Context, ev OrderChanged) (NotificationKind, bool, error) {
	detail, err := a.db.LatestEventDetail(ctx, ev.OrderID)
	if err != nil {
		return "", false, err
	}
	switch {
	case isRefundTopic(detail):
		return NotifyRefund, true, nil
	case !ev.Moved:
		return "", false, nil
	case ev.Bucket == storage.BucketClosed:
		return NotifyClosed, true, nil
	case ev.Bucket != storage.BucketInTransit:
		return "", false, nil
	}
	// waitlogisticstakein and waitbuyerreceive are both in transit: only the first is news.
	inTransit, err := a.db.EventsInBucket(ctx, ev.OrderID, storage.BucketInTransit)
	if err != nil {
		return "", false, err
	}
	return NotifyShipped, inTransit <= 1, nil
}
