package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"caigou/app"
	"caigou/i18n"
)

// notificationSwitches are the Settings tick boxes that turn each kind of desktop notification
// on or off.
type notificationSwitches struct {
	app    *app.App
	win    fyne.Window
	checks []*widget.Check
	failed dialog.Dialog
}

var notificationLabels = map[app.NotificationKind]*goi18n.Message{
	app.NotifyShipped: i18n.NotifyShippedSwitch,
	app.NotifyClosed:  i18n.NotifyClosedSwitch,
	app.NotifyRefund:  i18n.NotifyRefundSwitch,
}

func newNotificationSwitches(a *app.App, w fyne.Window) *notificationSwitches {
	return &notificationSwitches{app: a, win: w}
}

func (n *notificationSwitches) build() fyne.CanvasObject {
	box := container.NewVBox()
	ctx := context.Background()
	for _, kind := range app.NotificationKinds {
		// Checked is set before OnChanged, so showing the screen does not count as a change.
		c := &widget.Check{Text: i18n.T(notificationLabels[kind], nil), Checked: n.app.NotificationsEnabled(ctx, kind)}
		c.OnChanged = func(on bool) { n.onChanged(c, kind, on) }
		n.checks = append(n.checks, c)
		box.Add(c)
	}
	return box
}

// onChanged saves a switch; a failed save puts the tick back and says so.
func (n *notificationSwitches) onChanged(c *widget.Check, kind app.NotificationKind, on bool) {
	if err := n.app.SetNotificationsEnabled(context.Background(), kind, on); err != nil {
		c.Checked = !on
		c.Refresh()
		n.failed = showProblemDialog(n.win, i18n.SaveFailedTitle, i18n.NotificationSaveFailed)
	}
}
