package screens

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/pkg/browser"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// searchDelay is how long typing pauses before the search runs: a search per keystroke would
// count the orders again for every letter.
const searchDelay = 250 * time.Millisecond

// trackingScreen follows every order from payment to delivery: a virtualised list of orders
// with status filters, search and sort, and the chosen order's detail with its actions. The
// shell keeps it while the window lives; build makes fresh widgets from the filter and the
// chosen order it holds, and pushed messages update the rows in place.
type trackingScreen struct {
	app          *app.App
	win          fyne.Window
	listen       func(func(app.Event)) (remove func())
	onStartSetup func()
	openURL      func(string) error // browser.OpenURL; tests replace it

	work       sync.WaitGroup // order actions in flight; tests wait on it
	orders     *app.OrderList
	filter     storage.OrderFilter
	selected   int64 // the local id of the order chosen; 0 for none
	shownIndex int   // the row the list marks as selected; -1 for none
	// pendingScroll is the row to scroll to once the list has a size; -1 for none
	pendingScroll int
	unlisten      func()

	searchTimer *time.Timer
	searchGen   int // bumped by every keystroke, so a late timer does nothing

	root      *fyne.Container // the empty states or the list and the detail
	listed    bool            // root shows the list, not an empty state
	chips     map[string]*widget.Button
	chipRow   *fyne.Container
	search    *widget.Entry
	sortPick  *widget.Select
	rows      *widget.List
	noMatch   *widget.Label
	listError *widget.Label
	detail    *orderDetail
}

// bucketNames are the filter chips in the order shown; "" is every order.
var bucketNames = []struct {
	bucket string
	name   *i18n.Message
}{
	{"", i18n.TrackingBucketAll},
	{storage.BucketAwaitingPayment, i18n.TrackingBucketAwaitingPayment},
	{storage.BucketAwaitingShipment, i18n.TrackingBucketAwaitingShipment},
	{storage.BucketInTransit, i18n.TrackingBucketInTransit},
	{storage.BucketReceived, i18n.TrackingBucketReceived},
	{storage.BucketClosed, i18n.TrackingBucketClosed},
	{storage.BucketOther, i18n.TrackingBucketOther},
}

// sortNames are the sort choices, by storage.OrderSort.
var sortNames = []*i18n.Message{
	storage.NewestFirst:     i18n.TrackingSortNewest,
	storage.OldestFirst:     i18n.TrackingSortOldest,
	storage.AmountHighFirst: i18n.TrackingSortAmountHigh,
	storage.AmountLowFirst:  i18n.TrackingSortAmountLow,
}

func newTrackingScreen(a *app.App, w fyne.Window, listen func(func(app.Event)) func(), onStartSetup func()) *trackingScreen {
	s := &trackingScreen{app: a, win: w, listen: listen, onStartSetup: onStartSetup, openURL: browser.OpenURL}
	s.orders = a.NewOrderList()
	s.detail = &orderDetail{s: s}
	return s
}

func (s *trackingScreen) build() fyne.CanvasObject {
	if s.unlisten != nil {
		s.unlisten()
	}
	s.unlisten = s.listen(s.onEvent)
	s.root = container.NewStack()
	s.listed = false
	s.showState()
	return s.root
}

// showState shows the empty state that fits, or the list once there are orders to list.
func (s *trackingScreen) showState() {
	ctx := context.Background()
	if _, err := s.app.ActiveKey(ctx); err != nil {
		if !errors.Is(err, app.ErrNoActiveKey) {
			s.setRoot(readFailedState(), false)
			return
		}
		s.setRoot(emptyState(theme.ListIcon(), i18n.T(i18n.TrackingEmptyTitle, nil), i18n.T(i18n.TrackingNoKeyBody, nil),
			startSetupButton(s.onStartSetup)), false)
		return
	}
	if err := s.orders.SetFilter(ctx, s.filter); err != nil {
		log.Printf("tracking: read the orders: %v", err)
		s.setRoot(readFailedState(), false)
		return
	}
	if s.filter.Search == "" && total(s.orders.Counts()) == 0 {
		s.setRoot(emptyState(theme.ListIcon(), i18n.T(i18n.TrackingEmptyTitle, nil), i18n.T(i18n.TrackingEmptyBody, nil), nil), false)
		return
	}
	if !s.listed {
		s.setRoot(s.buildListed(), true)
	}
	s.listChanged()
}

func (s *trackingScreen) setRoot(o fyne.CanvasObject, listed bool) {
	s.root.Objects = []fyne.CanvasObject{o}
	s.listed = listed
	s.root.Refresh()
}

func readFailedState() fyne.CanvasObject {
	return emptyState(theme.ErrorIcon(), i18n.T(i18n.ReadFailedTitle, nil), i18n.T(i18n.ReadFailedBody, nil), nil)
}

// buildListed is the screen with orders: the filter row above, the list left, the detail right.
func (s *trackingScreen) buildListed() fyne.CanvasObject {
	s.chips = map[string]*widget.Button{}
	s.chipRow = container.NewHBox()
	for _, b := range bucketNames {
		chip := &widget.Button{Importance: widget.LowImportance, OnTapped: func() { s.onBucket(b.bucket) }}
		s.chips[b.bucket] = chip
		s.chipRow.Add(chip)
	}
	s.search = &widget.Entry{Text: s.filter.Search, PlaceHolder: i18n.T(i18n.TrackingSearchPlaceholder, nil)}
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = s.onSearchTyped
	s.search.OnSubmitted = func(string) { s.onSearchNow() }
	sorts := translated(sortNames)
	// A Select is as wide as its placeholder: the longest choice is never cut.
	s.sortPick = &widget.Select{Options: sorts, Selected: i18n.T(sortNames[s.filter.Sort], nil), PlaceHolder: longest(sorts)}
	s.sortPick.OnChanged = s.onSort
	s.noMatch = &widget.Label{Text: i18n.T(i18n.TrackingNoMatch, nil), Alignment: fyne.TextAlignCenter}
	s.listError = &widget.Label{Text: i18n.T(i18n.TrackingReadFailed, nil), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	s.listError.Hide()
	s.rows = s.newOrderRows()
	s.shownIndex, s.pendingScroll = -1, -1

	top := container.NewVBox(
		container.NewHScroll(s.chipRow),
		container.NewBorder(nil, nil, nil, s.sortPick, s.search),
	)
	left := container.NewBorder(nil, s.listError, nil, nil, container.NewStack(container.New(listFill{s}, s.rows), container.NewCenter(s.noMatch)))
	split := container.NewHSplit(left, s.detail.build())
	split.SetOffset(0.42)
	return container.NewBorder(top, nil, nil, nil, split)
}

func translated(msgs []*i18n.Message) []string {
	texts := make([]string, len(msgs))
	for i, m := range msgs {
		texts[i] = i18n.T(m, nil)
	}
	return texts
}

func longest(texts []string) string {
	l := ""
	for _, t := range texts {
		if len([]rune(t)) > len([]rune(l)) {
			l = t
		}
	}
	return l
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// listChanged shows a list read afresh: the chips' counts, the rows, and the chosen order
// selected again where it now is.
func (s *trackingScreen) listChanged() {
	s.updateChips()
	s.noMatch.Hidden = s.orders.Len() > 0
	s.noMatch.Refresh()
	s.rows.Refresh()
	s.selectShown()
}

// updateChips writes each chip's count and marks the chosen one; Other shows only when it
// holds orders.
func (s *trackingScreen) updateChips() {
	counts := s.orders.Counts()
	for _, b := range bucketNames {
		n := counts[b.bucket]
		if b.bucket == "" {
			n = total(counts)
		}
		chip := s.chips[b.bucket]
		chip.Text = i18n.T(i18n.TrackingChip, map[string]any{"Name": i18n.T(b.name, nil), "Count": n})
		chip.Importance = widget.LowImportance
		if b.bucket == s.filter.Bucket {
			chip.Importance = widget.HighImportance
		}
		chip.Hidden = b.bucket == storage.BucketOther && n == 0 && s.filter.Bucket != b.bucket
		chip.Refresh()
	}
	s.chipRow.Refresh()
}

func (s *trackingScreen) onBucket(bucket string) {
	s.filter.Bucket = bucket
	s.applyFilter()
}

func (s *trackingScreen) onSort(label string) {
	for i, m := range sortNames {
		if i18n.T(m, nil) == label && storage.OrderSort(i) != s.filter.Sort {
			s.filter.Sort = storage.OrderSort(i)
			s.applyFilter()
			return
		}
	}
}

// onSearchTyped runs the search once typing pauses for searchDelay.
func (s *trackingScreen) onSearchTyped(text string) {
	s.filter.Search = text
	s.searchGen++
	gen := s.searchGen
	if s.searchTimer != nil {
		s.searchTimer.Stop()
	}
	s.searchTimer = time.AfterFunc(searchDelay, func() {
		fyne.Do(func() {
			if gen == s.searchGen {
				s.applyFilter()
			}
		})
	})
}

// onSearchNow runs the search at once, on Enter.
func (s *trackingScreen) onSearchNow() {
	s.searchGen++
	if s.searchTimer != nil {
		s.searchTimer.Stop()
	}
	s.applyFilter()
}

// applyFilter reads the list for the filter afresh, from its top. The counts and the first
// page take a few milliseconds even over 100 000 orders, so they are read here, not in the
// background.
func (s *trackingScreen) applyFilter() {
	if err := s.orders.SetFilter(context.Background(), s.filter); err != nil {
		log.Printf("tracking: filter the orders: %v", err)
		s.listError.Show()
		return
	}
	s.listError.Hide()
	s.rows.ScrollToTop()
	s.listChanged()
}

// onEvent takes in what tracking says: nil when it started, and a change to an order.
func (s *trackingScreen) onEvent(ev app.Event) {
	if s.root == nil {
		return
	}
	switch ev := ev.(type) {
	case nil:
		s.showState() // a key may have become active, and the counts may have moved
	case app.OrderChanged:
		s.onOrderChanged(ev.OrderID)
	}
}
