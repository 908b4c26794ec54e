package app

import (
	"context"
	"sync"
	"time"

	"caigou/app/open1688"
	"caigou/storage"
)

// OrderListPage is how many rows OrderList reads at a time: a screenful many times over, read
// in about a millisecond.
const OrderListPage = 200

// OrderList is the data source of the Tracking screen's widget.List over every order that the
// filter keeps. It knows the list's length and reads rows a page at a time as the list asks for
// them, so 100 000 orders never load at once. It is safe for concurrent use.
type OrderList struct {
	db *storage.DB

	mu     sync.Mutex
	filter storage.OrderFilter
	counts map[string]int // the filter chips', for filter.Search
	n      int
	pages  map[int][]storage.OrderRow // by page number
	err    error
}

// NewOrderList is a list of every order, newest first. Call SetFilter before showing it.
func (a *App) NewOrderList() *OrderList {
	return &OrderList{db: a.db, pages: map[int][]storage.OrderRow{}}
}

// SetFilter shows the orders f keeps: it counts the chips and the list afresh and reads the
// first page. On error the list keeps its previous state.
func (l *OrderList) SetFilter(ctx context.Context, f storage.OrderFilter) error {
	counts, n, err := l.count(ctx, f)
	if err != nil {
		return err
	}
	first, err := l.db.OrderPage(ctx, f, 0, OrderListPage)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.filter, l.counts, l.n, l.err = f, counts, n, nil
	l.pages = map[int][]storage.OrderRow{0: first}
	return nil
}

// count is the chips' counts for f's search and the list's length, which follows from them.
func (l *OrderList) count(ctx context.Context, f storage.OrderFilter) (map[string]int, int, error) {
	counts, err := l.db.BucketCounts(ctx, f.Search)
	if err != nil {
		return nil, 0, err
	}
	if f.Bucket != "" {
		if _, ok := counts[f.Bucket]; !ok {
			// OrderCount refuses the unknown bucket with its typed error.
			_, err := l.db.OrderCount(ctx, f)
			return nil, 0, err
		}
		return counts, counts[f.Bucket], nil
	}
	n := 0
	for _, c := range counts {
		n += c
	}
	return counts, n, nil
}

// Filter is what the list shows.
func (l *OrderList) Filter() storage.OrderFilter {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.filter
}

// Counts are the numbers of the filter chips: the orders in each bucket that the search keeps.
func (l *OrderList) Counts() map[string]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	counts := make(map[string]int, len(l.counts))
	for b, n := range l.counts {
		counts[b] = n
	}
	return counts
}

// Len is the number of rows.
func (l *OrderList) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n
}

// Row is row i, read with its page when the list first asks for it. ok is false for an index
// out of range, or when the page could not be read (Err says why).
func (l *OrderList) Row(i int) (storage.OrderRow, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i < 0 || i >= l.n {
		return storage.OrderRow{}, false
	}
	page, ok := l.pages[i/OrderListPage]
	if !ok {
		var err error
		// The list asks from the event goroutine, which the read holds up for about a
		// millisecond: no worse than laying out the row.
		page, err = l.db.OrderPage(context.Background(), l.filter, i/OrderListPage*OrderListPage, OrderListPage)
		if err != nil {
			l.err = err
			return storage.OrderRow{}, false
		}
		l.pages[i/OrderListPage] = page
	}
	if i%OrderListPage >= len(page) {
		return storage.OrderRow{}, false // the list shrank since it was counted
	}
	return page[i%OrderListPage], true
}

// Err is the last failure to read a page, nil when the last read worked.
func (l *OrderList) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// Invalidate takes in a change to order orderID, such as a pushed message (OrderChanged). It
// counts again and, when the order is on a page already read, reads that page again. index is
// the row to refresh (RefreshItem), -1 when no row on screen showed it. all says the list
// changed shape: the order joined or left the filter, or moved in the sort. Then the pages read
// are dropped and the whole list needs a Refresh.
func (l *OrderList) Invalidate(ctx context.Context, orderID int64) (index int, all bool, err error) {
	f := l.Filter()
	counts, n, err := l.count(ctx, f)
	if err != nil {
		return -1, false, err
	}
	l.mu.Lock()
	pageNo, at, cached := l.find(orderID)
	l.mu.Unlock()
	var page []storage.OrderRow
	if cached {
		if page, err = l.db.OrderPage(ctx, f, pageNo*OrderListPage, OrderListPage); err != nil {
			return -1, false, err
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.filter != f {
		return -1, true, nil // SetFilter ran meanwhile and read everything afresh
	}
	l.counts = counts
	if n != l.n || (cached && (at >= len(page) || page[at].ID != orderID)) {
		l.n = n
		l.pages = map[int][]storage.OrderRow{}
		return -1, true, nil
	}
	if !cached {
		return -1, false, nil
	}
	l.pages[pageNo] = page
	return pageNo*OrderListPage + at, false, nil
}

// find is where order orderID is among the pages read. l.mu is held.
func (l *OrderList) find(orderID int64) (pageNo, at int, ok bool) {
	for no, page := range l.pages {
		for i, r := range page {
			if r.ID == orderID {
				return no, i, true
			}
		}
	}
	return 0, 0, false
}

// CallsToday is the status line's meter: the gateway calls the active key made today (the China
// day, UTC+8), failed ones included, and its daily limit. ErrNoActiveKey when there is none.
func (a *App) CallsToday(ctx context.Context) (used, limit int, err error) {
	ak, err := a.ActiveKey(ctx)
	if err != nil {
		return 0, 0, err
	}
	used, err = a.db.CallsOn(ctx, ak.Key.AppKey, open1688.ChinaDay(time.Now()))
	return used, ak.Key.DailyCallLimit, err
}
