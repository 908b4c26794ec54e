package screens

import (
	"context"
	"log"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// orderDetail is the right side of Tracking: the chosen order's header, products, parcels and
// history, with its actions (trackingactions.go).
type orderDetail struct {
	s     *trackingScreen
	shown int64 // the order shown; 0 for none
	view  app.OrderView

	box    *fyne.Container
	scroll *container.Scroll

	running int64        // the order an action runs for; 0 for none
	failed  actionFailed // the last action's failure, shown with its order

	open, pay, cancel, refresh *widget.Button
	activity                   *widget.Activity
	hint, actionError          *widget.Label
	problem, confirm           dialog.Dialog
}

func (d *orderDetail) build() fyne.CanvasObject {
	d.box = container.NewStack()
	d.shown = 0
	if d.s.selected != 0 {
		d.load(d.s.selected)
	} else {
		d.set(container.NewCenter(&widget.Label{Text: i18n.T(i18n.TrackingPickOrder, nil)}))
	}
	return d.box
}

func (d *orderDetail) set(o fyne.CanvasObject) {
	d.box.Objects = []fyne.CanvasObject{o}
	d.box.Refresh()
}

// load reads order id and shows it; the same order shown again keeps its scroll position, so a
// pushed message does not move what the user reads.
func (d *orderDetail) load(id int64) {
	if d.box == nil {
		return
	}
	v, err := d.s.app.Order(context.Background(), id)
	if err != nil {
		log.Printf("tracking: read order %d: %v", id, err)
		d.shown = id
		d.set(container.NewCenter(&widget.Label{Text: i18n.T(i18n.TrackingReadFailed, nil), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}))
		return
	}
	var offset fyne.Position
	if d.shown == id && d.scroll != nil {
		offset = d.scroll.Offset
	}
	d.shown, d.view = id, v
	d.scroll = container.NewVScroll(d.content())
	d.set(d.scroll)
	d.scroll.ScrollToOffset(offset)
}

func (d *orderDetail) content() fyne.CanvasObject {
	v := d.view
	title := &widget.Label{Text: orderTitle(v.Title, v.AliOrderID), Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	return container.NewVBox(title, d.fields(), d.actionsBar(),
		section(i18n.T(i18n.TrackingLinesTitle, nil), linesList(v.Lines)),
		section(i18n.T(i18n.TrackingLogisticsTitle, nil), parcelsView(v.Parcels)...),
		section(i18n.T(i18n.TrackingTimelineTitle, nil), timelineList(v.Timeline)),
	)
}

// fields are the order's header as name and value pairs; what 1688 did not report is left out.
func (d *orderDetail) fields() fyne.CanvasObject {
	v := d.view
	form := container.New(layout.NewFormLayout())
	add := func(name *i18n.Message, value fyne.CanvasObject) {
		form.Add(&widget.Label{Text: i18n.T(name, nil), TextStyle: fyne.TextStyle{Bold: true}})
		form.Add(value)
	}
	text := func(name *i18n.Message, value string) {
		add(name, &widget.Label{Text: value, Wrapping: fyne.TextWrapWord})
	}
	at := func(name *i18n.Message, t time.Time) {
		if !t.IsZero() {
			text(name, t.Local().Format(dateTimeFormat))
		}
	}
	text(i18n.TrackingSeller, v.SellerLoginID)
	number := &widget.Label{Text: orderNumber(v.AliOrderID), Selectable: v.AliOrderID != "", TextStyle: fyne.TextStyle{Monospace: true}}
	if v.AliOrderID == "" {
		add(i18n.TrackingOrderNumber, number)
	} else {
		add(i18n.TrackingOrderNumber, container.NewHBox(number, copyButton(i18n.Copy, v.AliOrderID)))
	}
	if v.OwnStatus != "" {
		text(i18n.TrackingOwnStatus, ownStatusName(v.OwnStatus))
	}
	text(i18n.TrackingAliStatus, statusName(v.Status))
	text(i18n.TrackingTotal, i18n.Yuan(v.TotalFen))
	if v.ShippingFen > 0 {
		text(i18n.TrackingShipping, i18n.Yuan(v.ShippingFen))
	}
	if v.RefundFen > 0 {
		text(i18n.TrackingRefund, i18n.Yuan(v.RefundFen))
	}
	at(i18n.TrackingPlacedAt, v.CreatedAt)
	at(i18n.TrackingPaidAt, v.PaidAt)
	at(i18n.TrackingShippedAt, v.ShippedAt)
	at(i18n.TrackingReceivedAt, v.ReceivedAt)
	at(i18n.TrackingCompletedAt, v.CompletedAt)
	if v.CloseReason != "" {
		text(i18n.TrackingClosedWhy, reasonWords(v.CloseReason))
	}
	at(i18n.TrackingSyncedAt, v.SyncedAt)
	return form
}

// copyButton copies value when tapped.
func copyButton(label *i18n.Message, value string) *widget.Button {
	return &widget.Button{Text: i18n.T(label, nil), Icon: theme.ContentCopyIcon(), OnTapped: func() {
		fyne.CurrentApp().Clipboard().SetContent(value)
	}}
}

// truncatedLabel is a one-line label that ends in an ellipsis where it does not fit.
func truncatedLabel(style fyne.TextStyle) *widget.Label {
	l := widget.NewLabel("") // see newOrderRowItem
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle = style
	return l
}

// twoLineRow is a list row: a fixed-width left part, two truncated lines and a right part.
func twoLineRow(left, right fyne.CanvasObject) fyne.CanvasObject {
	lines := container.New(tightLines(), truncatedLabel(fyne.TextStyle{}), truncatedLabel(fyne.TextStyle{Italic: true}))
	return container.NewBorder(nil, nil, left, right, lines)
}

// twoLineParts are the labels of a twoLineRow: its two lines, and its left and right labels.
func twoLineParts(o fyne.CanvasObject) (first, second, left, right *widget.Label) {
	objs := o.(*fyne.Container).Objects
	lines := objs[0].(*fyne.Container).Objects
	first, second = lines[0].(*widget.Label), lines[1].(*widget.Label)
	for _, edge := range objs[1:] {
		l := edge.(*widget.Label)
		if l.Alignment == fyne.TextAlignTrailing {
			right = l
		} else {
			left = l
		}
	}
	return first, second, left, right
}

// linesList shows the order's products: title, offer and SKU, quantity times price.
func linesList(lines []storage.OrderLine) fyne.CanvasObject {
	list := &widget.List{
		Length: func() int { return len(lines) },
		CreateItem: func() fyne.CanvasObject {
			return twoLineRow(nil, &widget.Label{Alignment: fyne.TextAlignTrailing})
		},
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			l := lines[i]
			title, offer, _, amount := twoLineParts(o)
			title.SetText(l.Title)
			what := i18n.T(i18n.TrackingLineOffer, map[string]any{"OfferID": l.OfferID})
			if l.SkuText != "" {
				what += " · " + l.SkuText
			}
			offer.SetText(what)
			amount.SetText(i18n.T(i18n.TrackingLineAmount, map[string]any{
				"Quantity": strconv.FormatFloat(l.Quantity, 'f', -1, 64) + l.Unit,
				"Price":    i18n.Yuan(l.UnitPriceFen), "Amount": i18n.Yuan(l.AmountFen),
			}))
		},
	}
	return allRowsShown(list, len(lines))
}

// parcelsView shows each parcel: carrier and tracking number with Copy, then its trace.
func parcelsView(parcels []storage.ParcelDetail) []fyne.CanvasObject {
	if len(parcels) == 0 {
		return []fyne.CanvasObject{para(i18n.T(i18n.TrackingNoParcels, nil))}
	}
	var parts []fyne.CanvasObject
	for _, p := range parcels {
		carrier := p.Company
		if carrier == "" {
			carrier = i18n.T(i18n.TrackingCarrierUnknown, nil)
		}
		name := &widget.Label{Text: i18n.T(i18n.TrackingParcel, map[string]any{"Carrier": carrier, "BillNo": p.BillNo}), Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
		var copyBill fyne.CanvasObject
		if p.BillNo != "" {
			copyBill = copyButton(i18n.TrackingCopyBillNo, p.BillNo)
		}
		parts = append(parts, container.NewBorder(nil, nil, nil, copyBill, name))
		if len(p.Trace) == 0 {
			parts = append(parts, para(i18n.T(i18n.TrackingNoTrace, nil)))
			continue
		}
		steps := slices.Clone(p.Trace)
		slices.Reverse(steps) // newest first
		parts = append(parts, timedList(len(steps), false, func(i int) (time.Time, string, string) {
			return steps[i].At, steps[i].Remark, ""
		}))
	}
	return parts
}

// timelineList shows the order's history, newest first, each event in plain words.
func timelineList(events []storage.OrderEvent) fyne.CanvasObject {
	events = slices.Clone(events)
	slices.Reverse(events)
	return timedList(len(events), true, func(i int) (time.Time, string, string) {
		e := events[i]
		status := ""
		if e.Status != "" {
			status = i18n.T(i18n.TrackingEventStatus, map[string]any{"Status": statusName(e.Status)})
		}
		return e.At, eventWords(e), status
	})
}

// timedList is a list of n entries, each a time beside one line of text, or two when more.
func timedList(n int, more bool, entry func(i int) (at time.Time, text, more string)) fyne.CanvasObject {
	when := func() *widget.Label {
		return &widget.Label{Text: dateTimeFormat, TextStyle: fyne.TextStyle{Monospace: true}}
	}
	list := &widget.List{
		Length: func() int { return n },
		CreateItem: func() fyne.CanvasObject {
			if more {
				return twoLineRow(when(), nil)
			}
			return container.NewBorder(nil, nil, when(), nil, truncatedLabel(fyne.TextStyle{}))
		},
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			at, text, second := entry(i)
			if !more {
				objs := o.(*fyne.Container).Objects
				objs[0].(*widget.Label).SetText(text)
				objs[1].(*widget.Label).SetText(at.Local().Format(dateTimeFormat))
				return
			}
			first, below, stamp, _ := twoLineParts(o)
			stamp.SetText(at.Local().Format(dateTimeFormat))
			first.SetText(text)
			below.SetText(second)
		},
	}
	return allRowsShown(list, n)
}

// userActions are the timeline's user events in plain words, by their detail.
var userActions = map[string]*i18n.Message{
	app.ActionRefresh: i18n.TrackingEventRefresh,
	app.ActionPay:     i18n.TrackingEventPay,
	app.ActionCancel:  i18n.TrackingEventCancel,
	"recorded":        i18n.TrackingEventRecorded,
	"placed":          i18n.TrackingEventPlaced,
}

// eventWords says what a timeline event was: the message's topic, a sync, or the user's action.
func eventWords(e storage.OrderEvent) string {
	switch e.Kind {
	case "message":
		return i18n.T(i18n.TrackingEventMessage, map[string]any{"Topic": app.TopicText(e.Detail)})
	case "sync":
		return i18n.T(i18n.TrackingEventSync, nil)
	}
	if m, ok := userActions[e.Detail]; ok {
		return i18n.T(m, nil)
	}
	return i18n.T(i18n.TrackingEventOther, map[string]any{"Action": e.Detail})
}
