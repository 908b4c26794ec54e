package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/sim"
	"caigou/i18n"
)

func TestShippedOrderNotifiesUnlessSwitchedOffInSettings(t *testing.T) {
	h := newTrackingHarness(t, 0)
	ids := h.record()
	v, err := h.app.Order(context.Background(), ids[sim.StatusWaitSellerSend])
	require.NoError(t, err)
	n, ok := h.app.NotificationFor(context.Background(), app.OrderChanged{})
	require.False(t, ok, "no order, no notification: %v", n)

	shipped := &fyne.Notification{Title: "Order shipped", Content: v.Title + " from " + v.SellerLoginID}
	test.AssertNotificationSent(t, shipped, func() {
		h.moveOrder(ids[sim.StatusWaitSellerSend], sim.StatusWaitBuyerReceive)
	})

	h.shell.Navigate(pageSettings)
	var ships *widget.Check
	walk(h.win.Content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, i18n.T(i18n.NotifyShippedSwitch, nil)) {
			ships = c
		}
	})
	require.NotNil(t, ships, "Settings has the switch")
	require.True(t, ships.Checked, "on by default")
	test.Tap(ships)
	assert.False(t, h.app.NotificationsEnabled(context.Background(), app.NotifyShipped), "the switch is saved")

	test.AssertNotificationSent(t, nil, func() {
		h.moveOrder(ids[sim.StatusWaitBuyerPay], sim.StatusWaitBuyerReceive)
	})
}
