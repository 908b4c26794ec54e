package screens

import (
	"context"
	"log"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// suppliersTab is the Orders screen's "Suppliers" tab: the sellers already bought from, the only
// ones the API may order from, with their order counts, spending and last order. The list is
// read in the background when the tab is shown or refreshed, and after an order was recorded or
// imported.
type suppliersTab struct {
	o    *ordersScreen
	work sync.WaitGroup // reads the tab itself asked for; tests wait on it

	rows    []app.Supplier
	loaded  bool // rows were read at least once
	err     error
	loading bool
	waiting []*sync.WaitGroup // requests a read in flight started too early to serve

	refresh  *widget.Button
	activity *widget.Activity
	list     *widget.List
	table    fyne.CanvasObject // the header and the list
	body     *fyne.Container   // the table, or an empty or failed state
}

func newSuppliersTab(o *ordersScreen) *suppliersTab { return &suppliersTab{o: o} }

func (t *suppliersTab) build() fyne.CanvasObject {
	t.refresh = &widget.Button{Text: i18n.T(i18n.SuppliersRefresh, nil), Icon: theme.ViewRefreshIcon(), OnTapped: t.shown}
	t.activity = widget.NewActivity()
	t.list = widget.NewList(func() int { return len(t.rows) }, t.createRow, t.updateRow)
	header := supplierRow(
		&widget.Label{Text: i18n.T(i18n.SuppliersColSeller, nil), TextStyle: fyne.TextStyle{Bold: true}},
		&widget.Label{Text: i18n.T(i18n.SuppliersColOrders, nil), TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignTrailing},
		&widget.Label{Text: i18n.T(i18n.SuppliersColSpent, nil), TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignTrailing},
		&widget.Label{Text: i18n.T(i18n.SuppliersColLast, nil), TextStyle: fyne.TextStyle{Bold: true}},
	)
	t.table = container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, t.list)
	t.body = container.NewStack()
	t.showBusy()
	t.showRows()
	buttons := container.NewVBox(container.NewHBox(t.activity, t.refresh)) // its own height, not the paragraph's
	top := container.NewBorder(nil, nil, nil, buttons, para(i18n.T(i18n.SuppliersIntro, nil)))
	return container.NewBorder(top, nil, nil, nil, t.body)
}

// shown reads the suppliers again when the tab comes into view: the Orders screen calls it when
// its Suppliers tab is selected. Reading at build time instead would run the query, 40 ms with
// 100 000 orders, for a tab the user may never open.
func (t *suppliersTab) shown() { t.reload(&t.work) }

// reload reads the suppliers again in the background. work counts the request until a read
// that started after it has shown its rows, so a caller's tests can wait for them; a request
// made while a read is in flight is served by one more read after it.
func (t *suppliersTab) reload(work *sync.WaitGroup) {
	work.Add(1)
	t.waiting = append(t.waiting, work)
	if !t.loading {
		t.startReading()
	}
}

func (t *suppliersTab) startReading() {
	waiting := t.waiting
	t.waiting, t.loading = nil, true
	t.showBusy()
	a := t.o.app
	go func() {
		rows, err := a.Suppliers(context.Background())
		if err != nil {
			log.Printf("orders: read the suppliers: %v", err)
		}
		fyne.Do(func() {
			t.loading, t.err = false, err
			if err == nil {
				t.rows, t.loaded = rows, true
			}
			t.showBusy()
			t.showRows()
			if len(t.waiting) > 0 {
				t.startReading() // before the Done below, so a waiter never sees a gap
			}
			for _, w := range waiting {
				w.Done()
			}
		})
	}()
}

func (t *suppliersTab) showBusy() {
	if t.refresh != nil {
		busyButton(t.refresh, t.activity, t.loading)
	}
}

// showRows shows the table, or why there is none.
func (t *suppliersTab) showRows() {
	if t.body == nil {
		return
	}
	var shown fyne.CanvasObject
	switch {
	case t.err != nil:
		shown = emptyState(theme.ErrorIcon(), i18n.T(i18n.ReadFailedTitle, nil), i18n.T(i18n.ReadFailedBody, nil), nil)
	case !t.loaded:
		shown = widget.NewLabel("") // the first read is on its way: the activity spins
	case len(t.rows) == 0:
		shown = emptyState(theme.AccountIcon(), i18n.T(i18n.SuppliersEmptyTitle, nil), i18n.T(i18n.SuppliersEmptyBody, nil), nil)
	default:
		shown = t.table
	}
	t.body.Objects = []fyne.CanvasObject{shown}
	t.body.Refresh()
	t.list.Refresh()
}

func (t *suppliersTab) createRow() fyne.CanvasObject {
	// The numbers sit right in their cells by a spacer: a trailing-aligned label inside a list
	// row draws its text one cell width too far left.
	return supplierRow(
		&widget.Label{Truncation: fyne.TextTruncateEllipsis},
		container.NewHBox(layout.NewSpacer(), &widget.Label{}),
		container.NewHBox(layout.NewSpacer(), &widget.Label{}),
		&widget.Label{},
	)
}

func (t *suppliersTab) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	cells := o.(*fyne.Container).Objects
	var s app.Supplier
	if id < len(t.rows) {
		s = t.rows[id]
	}
	seller := s.SellerLoginID
	if seller == "" {
		seller = s.SellerMemberID // an order read before 1688 named the seller
	}
	last := ""
	if !s.LastOrderAt.IsZero() {
		last = s.LastOrderAt.Local().Format("2006-01-02")
	}
	cells[0].(*widget.Label).SetText(seller)
	trailingLabel(cells[1]).SetText(strconv.Itoa(s.Orders))
	trailingLabel(cells[2]).SetText(i18n.Yuan(s.SpentFen))
	cells[3].(*widget.Label).SetText(last)
	o.Refresh() // the numbers' widths changed: lay the spacers out again
}

// trailingLabel is the label of a cell made by createRow for a number.
func trailingLabel(cell fyne.CanvasObject) *widget.Label {
	return cell.(*fyne.Container).Objects[1].(*widget.Label)
}

// supplierRow lays the four cells of a row, or of the header, in the columns' shares of the
// width.
func supplierRow(seller, orders, spent, last fyne.CanvasObject) *fyne.Container {
	return container.New(&shareColumns{shares: []float32{0.4, 0.15, 0.2, 0.25}}, seller, orders, spent, last)
}

// shareColumns gives each object its share of the width, side by side, so a header and the
// rows under it line up at any window size.
type shareColumns struct{ shares []float32 }

func (l *shareColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (l *shareColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		w := size.Width * l.shares[i]
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w
	}
}
