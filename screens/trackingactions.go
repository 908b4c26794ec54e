package screens

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// The chosen order's actions: open it on 1688, pay it, cancel it, refresh it. Those that ask
// 1688 run in the background, one at a time, with a spinner; their errors are explained in the
// user's language under the buttons.

// statusUnpaid is the only 1688 status an order can be paid or cancelled in.
const statusUnpaid = "waitbuyerpay"

// actionFailed is why the last action failed, and for which order.
type actionFailed struct {
	order int64
	text  string
}

// actionsBar is the buttons of the order shown, the spinner, the error of its last action and
// the hint that Refresh spends the key's calls.
func (d *orderDetail) actionsBar() fyne.CanvasObject {
	d.open = &widget.Button{Text: i18n.T(i18n.TrackingOpenIn1688, nil), Icon: theme.ComputerIcon(), OnTapped: d.onOpen}
	d.pay = &widget.Button{Text: i18n.T(i18n.TrackingPay, nil), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: d.onPay}
	d.cancel = &widget.Button{Text: i18n.T(i18n.TrackingCancel, nil), Icon: theme.CancelIcon(), Importance: widget.DangerImportance, OnTapped: d.onCancel}
	d.refresh = &widget.Button{Text: i18n.T(i18n.TrackingRefresh, nil), Icon: theme.ViewRefreshIcon(), OnTapped: d.onRefresh}
	d.activity = widget.NewActivity()
	d.actionError = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	d.hint = &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	if used, limit, err := d.s.app.CallsToday(context.Background()); err == nil {
		d.hint.Text = i18n.T(i18n.TrackingRefreshHint, map[string]any{"Used": used, "Limit": limit})
	} else {
		d.hint.Hide()
	}
	unpaid := d.view.Status == statusUnpaid
	d.pay.Hidden, d.cancel.Hidden = !unpaid, !unpaid
	d.showBusy()
	// Refresh sits with the hint about what it costs; the others fit one row in every language.
	return container.NewVBox(container.NewHBox(d.open, d.pay, d.cancel), d.actionError,
		container.NewBorder(nil, nil, container.NewHBox(d.refresh, d.activity), nil, d.hint))
}

// showBusy disables the actions while one runs and shows the last failure of this order.
func (d *orderDetail) showBusy() {
	busy := d.running != 0
	numbered := d.view.AliOrderID != ""
	for _, b := range []*widget.Button{d.open, d.pay, d.cancel, d.refresh} {
		if busy || !numbered {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if d.running == d.shown && busy {
		d.activity.Show()
		d.activity.Start()
	} else {
		d.activity.Stop()
		d.activity.Hide()
	}
	d.actionError.Hidden = d.failed.order != d.shown || d.failed.text == ""
	d.actionError.Text = d.failed.text
	d.actionError.Refresh()
}

func (d *orderDetail) onOpen() {
	d.openAddress(app.OrderURL(d.view.AliOrderID))
}

func (d *orderDetail) onPay() {
	id := d.shown
	d.run(id, func(ctx context.Context) (string, error) { return d.s.app.PayURL(ctx, id) }, d.openAddress)
}

func (d *orderDetail) onRefresh() {
	id := d.shown
	d.run(id, func(ctx context.Context) (string, error) { return "", d.s.app.RefreshOrder(ctx, id) }, nil)
}

// onCancel asks before cancelling, with the reason to give 1688.
func (d *orderDetail) onCancel() {
	id, v := d.shown, d.view
	labels := make([]string, len(cancelReasons))
	for i, r := range cancelReasons {
		labels[i] = i18n.T(r.name, nil)
	}
	reasons := &widget.RadioGroup{Options: labels, Selected: labels[0], Required: true}
	body := para(i18n.T(i18n.TrackingCancelBody, map[string]any{"OrderID": v.AliOrderID, "Seller": v.SellerLoginID}))
	d.confirm = dialog.NewCustomConfirm(i18n.T(i18n.TrackingCancelTitle, nil), i18n.T(i18n.TrackingCancelConfirm, nil),
		i18n.T(i18n.TrackingCancelKeep, nil), container.NewVBox(body, reasons), func(ok bool) {
			if !ok {
				return
			}
			reason := cancelReasons[0].code
			for i, l := range labels {
				if l == reasons.Selected {
					reason = cancelReasons[i].code
				}
			}
			d.run(id, func(ctx context.Context) (string, error) { return "", d.s.app.CancelOrder(ctx, id, reason) }, nil)
		}, d.s.win)
	d.confirm.Resize(fyne.NewSize(480, d.confirm.MinSize().Height))
	d.confirm.Show()
}

// run does an action for order id in the background; then the order's row and detail are read
// again, whatever came of it, and done gets the action's result when it worked.
func (d *orderDetail) run(id int64, action func(context.Context) (string, error), done func(string)) {
	if d.running != 0 {
		return // a double click while the first is on its way
	}
	d.running = id
	d.failed = actionFailed{}
	d.showBusy()
	d.s.work.Add(1)
	go func() {
		defer d.s.work.Done()
		result, err := action(context.Background())
		fyne.Do(func() {
			d.running = 0
			if err != nil {
				log.Printf("tracking: action on order %d: %v", id, err)
				explanation, next := app.ExplainActionError(err)
				if next != "" {
					explanation += " " + next
				}
				d.failed = actionFailed{order: id, text: explanation}
			}
			d.s.onOrderChanged(id) // reloads the detail when it shows the order
			if d.open != nil {
				d.showBusy()
			}
			if err == nil && done != nil {
				done(result)
			}
		})
	}()
}

// openAddress opens address in the browser; when none starts, it offers the address to copy.
func (d *orderDetail) openAddress(address string) {
	if err := d.s.openURL(address); err == nil {
		return
	}
	d.problem = showOpenFailedDialog(d.s.win, address)
}

// cancelReasons are the reasons alibaba.trade.cancel takes, in the order the dialog offers them.
var cancelReasons = []struct {
	code string
	name *i18n.Message
}{
	{"buyerCancel", i18n.TrackingReasonBuyerCancel},
	{"sellerGoodsLack", i18n.TrackingReasonSellerGoodsLack},
	{"other", i18n.TrackingReasonOther},
}

// reasonWords is a close reason in plain words; one caigou does not know is shown as it is.
func reasonWords(code string) string {
	for _, r := range cancelReasons {
		if r.code == code {
			return i18n.T(r.name, nil)
		}
	}
	return code
}
