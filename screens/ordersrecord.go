package screens

import (
	"context"
	"errors"
	"log"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// recordTab is the Orders screen's "Record and import" tab: an order placed on the 1688 website
// is recorded by its number, the account's recent orders are imported, and CSV files go into the
// cart or out of caigou. Its state outlives its widgets: build makes them afresh (once per
// language) from what the struct holds, so work in progress shows again after a rebuild.
type recordTab struct {
	o    *ordersScreen
	work sync.WaitGroup // background work in flight; tests wait on it

	recordID  string         // what the id field holds
	recording bool           // a RecordOrder call is in flight
	recorded  *recordOutcome // the last one's outcome; nil before the first

	idEntry      *widget.Entry
	recordButton *widget.Button
	activity     *widget.Activity
	outcome      *widget.Label
	next         *widget.Label
	showButton   *widget.Button

	imports *orderImportPanel
	csv     *orderCSVPanel
}

// recordOutcome is what recording an order gave: the order, or why not.
type recordOutcome struct {
	orderID               int64 // local id, for Tracking
	aliOrderID            string
	title, seller, status string
	detailed              bool // title, seller and status were read
	err                   error
}

func newRecordTab(o *ordersScreen) *recordTab {
	t := &recordTab{o: o}
	t.imports = &orderImportPanel{t: t, period: defaultImportPeriod}
	t.csv = &orderCSVPanel{t: t}
	return t
}

func (t *recordTab) build() fyne.CanvasObject {
	t.idEntry = &widget.Entry{Text: t.recordID, PlaceHolder: i18n.T(i18n.RecordPlaceholder, nil)}
	t.idEntry.OnChanged = func(s string) { t.recordID = s }
	t.idEntry.OnSubmitted = func(string) { t.onRecord() }
	t.recordButton = &widget.Button{Text: i18n.T(i18n.RecordButton, nil), Icon: theme.DownloadIcon(), Importance: widget.HighImportance, OnTapped: t.onRecord}
	t.activity = widget.NewActivity()
	t.outcome = &widget.Label{Wrapping: fyne.TextWrapWord}
	t.next = &widget.Label{Wrapping: fyne.TextWrapWord}
	t.showButton = &widget.Button{Text: i18n.T(i18n.RecordShowInTracking, nil), Icon: theme.NavigateNextIcon(), OnTapped: t.onShowRecorded}
	t.showRecord()

	record := section(i18n.T(i18n.RecordTitle, nil),
		para(i18n.T(i18n.RecordIntro, nil)),
		container.NewBorder(nil, nil, nil, container.NewHBox(t.activity, t.recordButton), t.idEntry),
		t.outcome, t.next, container.NewHBox(t.showButton))
	left := container.NewVScroll(container.NewVBox(record, t.imports.build()))
	return container.NewGridWithColumns(2, left, t.csv.build())
}

// onRecord reads the order with the typed number from 1688 and keeps it.
func (t *recordTab) onRecord() {
	if t.recording {
		return // a double click or Enter while the first is still on its way
	}
	t.recording, t.recorded = true, nil
	t.showRecord()
	a, id := t.o.app, t.recordID
	inBackground(&t.work, func() recordOutcome { return recordOrder(a, id) }, func(out recordOutcome) {
		t.recording, t.recorded = false, &out
		t.showRecord()
		if out.err == nil {
			t.o.suppliers.reload(&t.work) // counted here, so a test's Wait covers it
		}
	})
}

// recordOrder records order aliOrderID and reads what the success line shows; off the event
// goroutine.
func recordOrder(a *app.App, aliOrderID string) recordOutcome {
	ctx := context.Background()
	st, err := a.RecordOrder(ctx, aliOrderID)
	if err != nil {
		if !errors.Is(err, app.ErrOrderIDInvalid) {
			log.Printf("orders: record an order: %v", err)
		}
		return recordOutcome{err: err}
	}
	out := recordOutcome{orderID: st.ID, aliOrderID: st.AliOrderID}
	if v, err := a.Order(ctx, st.ID); err == nil {
		out.title, out.seller, out.status, out.detailed = v.Title, v.SellerLoginID, v.Status, true
	} else {
		log.Printf("orders: read the recorded order: %v", err)
	}
	return out
}

// showRecord sets the record part's widgets from the state.
func (t *recordTab) showRecord() {
	if t.recordButton == nil {
		return // not built yet
	}
	busyButton(t.recordButton, t.activity, t.recording)
	t.next.Hide()
	t.showButton.Hide()
	out := t.recorded
	if out == nil {
		t.outcome.Hide()
		return
	}
	if out.err != nil {
		explanation, next := app.ExplainOrderError(out.err)
		showOutcome(t.outcome, explanation, widget.DangerImportance)
		if next != "" {
			t.next.SetText(next)
			t.next.Show()
		}
		return
	}
	text := i18n.T(i18n.RecordDoneShort, map[string]any{"ID": out.aliOrderID})
	if out.detailed {
		text = i18n.T(i18n.RecordDone, map[string]any{
			"ID": out.aliOrderID, "Title": out.title, "Seller": out.seller, "Status": statusName(out.status),
		})
	}
	showOutcome(t.outcome, text, widget.SuccessImportance)
	t.showButton.Show()
}

func (t *recordTab) onShowRecorded() {
	if t.recorded != nil && t.recorded.err == nil && t.o.onShowOrder != nil {
		t.o.onShowOrder(t.recorded.orderID)
	}
}

// busyButton disables the button that started some work, and spins the activity beside it,
// while busy.
func busyButton(b *widget.Button, activity *widget.Activity, busy bool) {
	if busy {
		b.Disable()
		activity.Show()
		activity.Start()
		return
	}
	b.Enable()
	activity.Stop()
	activity.Hide()
}

// showOutcome shows text in l with the importance that colours it.
func showOutcome(l *widget.Label, text string, importance widget.Importance) {
	l.Importance = importance
	l.SetText(text)
	l.Show()
}
