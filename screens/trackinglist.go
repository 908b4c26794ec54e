package screens

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// The Tracking list: a widget.List over app.OrderList, which reads the rows a page at a time as
// the list scrolls, so 100 000 orders never load at once.

// dateFormat writes dates and times the same in every language: Fyne's month and weekday names
// follow the OS, not caigou's language.
const (
	dateFormat     = "2006-01-02"
	dateTimeFormat = "2006-01-02 15:04"
)

// orderRowItem is one reused row of the list: title and total, seller and 1688 number with the
// date, the own status and the 1688 status.
type orderRowItem struct {
	widget.BaseWidget
	title, total, seller, date, status *widget.Label
}

func newOrderRowItem() *orderRowItem {
	truncated := func(style fyne.TextStyle) *widget.Label {
		// NewLabel, not a literal: a literal resized before it is first measured never lays
		// out its text, so the ellipsis would not be drawn.
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.TextStyle = style
		return l
	}
	r := &orderRowItem{
		title:  truncated(fyne.TextStyle{Bold: true}),
		total:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignTrailing},
		seller: truncated(fyne.TextStyle{}),
		date:   &widget.Label{Text: dateFormat, Alignment: fyne.TextAlignTrailing},
		status: truncated(fyne.TextStyle{Italic: true}),
	}
	r.ExtendBaseWidget(r)
	return r
}

func (r *orderRowItem) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(tightLines(),
		container.NewBorder(nil, nil, nil, r.total, r.title),
		container.NewBorder(nil, nil, nil, r.date, r.seller),
		r.status,
	))
}

// tightLines stacks the lines of a row closer than separate labels would be, so more rows fit.
func tightLines() fyne.Layout {
	return layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
}

// show fills every field from row; the zero row blanks it.
func (r *orderRowItem) show(row storage.OrderRow, ok bool) {
	if !ok {
		for _, l := range []*widget.Label{r.title, r.total, r.seller, r.date, r.status} {
			l.SetText("")
		}
		return
	}
	r.title.SetText(orderTitle(row.Title, row.AliOrderID))
	r.total.SetText(i18n.Yuan(row.TotalFen))
	r.seller.SetText(row.SellerLoginID + " · " + orderNumber(row.AliOrderID))
	r.date.SetText(row.CreatedAt.Local().Format(dateFormat))
	r.status.SetText(statusWords(row.OwnStatus, row.Status))
}

// orderTitle names an order by its products' title, or by its number when it has none yet.
func orderTitle(title, aliOrderID string) string {
	if title != "" {
		return title
	}
	return i18n.T(i18n.NotifyOrderNumber, map[string]any{"OrderID": orderNumber(aliOrderID)})
}

// orderNumber is the 1688 order number, or words that say there is none yet.
func orderNumber(aliOrderID string) string {
	if aliOrderID == "" {
		return i18n.T(i18n.TrackingNotNumbered, nil)
	}
	return aliOrderID
}

// statusWords are the own status and the 1688 status in plain words.
func statusWords(own, status string) string {
	if own == "" {
		return statusName(status)
	}
	return ownStatusName(own) + " · " + statusName(status)
}

func (s *trackingScreen) newOrderRows() *widget.List {
	l := &widget.List{
		Length:     s.orders.Len,
		CreateItem: func() fyne.CanvasObject { return newOrderRowItem() },
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) { o.(*orderRowItem).show(s.orders.Row(i)) },
	}
	l.OnSelected = s.onRowSelected
	l.OnUnselected = func(i widget.ListItemID) {
		if i == s.shownIndex {
			s.shownIndex = -1
		}
	}
	return l
}

func (s *trackingScreen) onRowSelected(i widget.ListItemID) {
	s.shownIndex = i
	row, ok := s.orders.Row(i)
	if !ok || (row.ID == s.selected && s.detail.shown == row.ID) {
		return // the row was selected again where it moved, or is gone
	}
	s.selected = row.ID
	s.detail.load(row.ID)
}

// indexOf is the row of order id, looked for where it is likely and already read: at the row
// selected now, on the first page, and around the row selected before.
func (s *trackingScreen) indexOf(id int64) (int, bool) {
	at := func(i int) bool {
		row, ok := s.orders.Row(i)
		return ok && row.ID == id
	}
	near := s.shownIndex
	if near >= 0 && at(near) {
		return near, true
	}
	n := s.orders.Len()
	for i := range min(n, app.OrderListPage) {
		if at(i) {
			return i, true
		}
	}
	if near >= 0 {
		for i := max(near-app.OrderListPage, app.OrderListPage); i < min(n, near+app.OrderListPage); i++ {
			if at(i) {
				return i, true
			}
		}
	}
	return -1, false
}

// selectShown marks the chosen order's row, where the list shows it now, without reloading the
// detail; when the filter hides it, no row is marked and the detail stays.
func (s *trackingScreen) selectShown() {
	i, ok := -1, false
	if s.selected != 0 {
		i, ok = s.indexOf(s.selected)
	}
	if !ok {
		s.rows.UnselectAll()
		s.shownIndex = -1
		return
	}
	s.shownIndex = i
	s.rows.Select(i) // onRowSelected sees the order already shown
	if s.rows.Size().Height < s.rows.MinSize().Height {
		s.pendingScroll = i // a list not laid out yet scrolls past the row
	}
}

// listFill lays the list out at its full size and, once it has one, scrolls to the row chosen
// before it had.
type listFill struct{ s *trackingScreen }

func (l listFill) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

func (l listFill) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if i := l.s.pendingScroll; i >= 0 && size.Height >= l.s.rows.MinSize().Height {
		l.s.pendingScroll = -1
		l.s.rows.ScrollTo(i)
	}
}

// onOrderChanged refreshes the row of an order a message changed, in place when it stayed
// where it was, and its detail when it is the one shown.
func (s *trackingScreen) onOrderChanged(id int64) {
	if !s.listed {
		s.showState() // the first order: the list replaces the empty state
		return
	}
	index, all, err := s.orders.Invalidate(context.Background(), id)
	if err != nil {
		log.Printf("tracking: refresh order %d: %v", id, err)
		return
	}
	if all {
		s.listChanged()
	} else {
		s.updateChips()
		if index >= 0 {
			s.rows.RefreshItem(index)
		}
	}
	if id == s.detail.shown {
		s.detail.load(id)
	}
}

// showOrder selects the order in the list and shows its detail. When the list's filter hides
// it, the filter becomes every order with a search for its 1688 number.
func (s *trackingScreen) showOrder(orderID int64) {
	s.selected = orderID
	if s.root == nil {
		return // build shows it
	}
	if !s.listed {
		s.showState()
		if !s.listed {
			return
		}
	}
	if _, ok := s.indexOf(orderID); !ok {
		if v, err := s.app.Order(context.Background(), orderID); err == nil && v.AliOrderID != "" {
			s.filter = storage.OrderFilter{Search: v.AliOrderID, Sort: s.filter.Sort}
			s.search.Text = v.AliOrderID
			s.search.Refresh()
			s.applyFilter()
		}
	}
	s.selectShown()
	s.detail.load(orderID)
}
