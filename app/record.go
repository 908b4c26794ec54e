package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"caigou/app/open1688"
	"caigou/storage"
)

// ErrOrderIDInvalid: a 1688 order id is 17 to 19 digits.
var ErrOrderIDInvalid = errors.New("a 1688 order id is 17 to 19 digits")

// ErrImportStopped: the import stopped because today's calls are used up (the budget's
// background share or the gateway's quota); the orders imported before it are kept. It wraps
// the *open1688.Error, which ExplainAPIError explains.
var ErrImportStopped = errors.New("the import stopped: no calls left today")

// ImportPageSize is how many orders one getBuyerOrderList page asks for: the simulator's and
// (GUESS, 1688.md §3.4) the platform's largest page.
const ImportPageSize = 50

// ImportReport is what ImportRecentOrders did.
type ImportReport struct {
	Pages  int // pages read: one call each
	Orders int // orders stored
	New    int // of those, orders caigou did not know
}

// RecordOrder stores an order placed on the 1688 website, read by its id (get.buyerView), and
// notes "recorded" in its timeline. Recording it again only refreshes it.
func (a *App) RecordOrder(ctx context.Context, aliOrderID string) (storage.OrderState, error) {
	id := strings.TrimSpace(aliOrderID)
	if len(id) < 17 || len(id) > 19 || !digitsOnly(id) {
		return storage.OrderState{}, fmt.Errorf("order id %q: %w", aliOrderID, ErrOrderIDInvalid)
	}
	c, ak, err := a.Client(ctx)
	if err != nil {
		return storage.OrderState{}, err
	}
	res, err := c.OrderDetail(ctx, open1688.OrderDetailRequest{OrderID: id})
	if err != nil {
		return storage.OrderState{}, err
	}
	if res.Order.ID != id {
		return storage.OrderState{}, fmt.Errorf("asked for order %s, 1688 answered with %q", id, res.Order.ID)
	}
	now := time.Now()
	applied, err := a.db.ApplyOrderDetail(ctx, ak.Key.ID, orderSnapshot(id, res.Order, now), DefaultSyncInterval)
	if err != nil {
		return storage.OrderState{}, err
	}
	if err := a.db.AddUserEvent(ctx, applied.OrderID, now, applied.Status, "recorded"); err != nil {
		return storage.OrderState{}, err
	}
	state, _, err := a.db.OrderByAliID(ctx, id)
	return state, err
}

// ImportRecentOrders stores the account's orders created since since, page by page
// (getBuyerOrderList, whose rows carry the lines, so no order is read twice). Its calls are
// background calls, which leave the reserve of the daily budget for the user's own actions.
// progress, when not nil, hears the orders done and the total after every page.
//
// It stops early, keeping what it stored: when ctx ends (the error is ctx's), and when the
// day's calls are used up (ErrImportStopped wrapping the gateway's or the budget's refusal).
func (a *App) ImportRecentOrders(ctx context.Context, since time.Time, progress func(done, total int)) (ImportReport, error) {
	var rep ImportReport
	c, ak, err := a.Client(ctx)
	if err != nil {
		return rep, err
	}
	bg := open1688.Background(ctx)
	for page := 1; ; page++ {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		list, err := c.BuyerOrderList(bg, open1688.BuyerOrderListRequest{Page: page, PageSize: ImportPageSize, CreatedFrom: since})
		if err != nil {
			if ctx.Err() != nil {
				return rep, ctx.Err()
			}
			if k := open1688.KindOf(err); k == open1688.KindBudget || k == open1688.KindQuota {
				return rep, fmt.Errorf("%w: %w", ErrImportStopped, err)
			}
			return rep, err
		}
		rep.Pages++
		now := time.Now()
		for _, o := range list.Orders {
			applied, err := a.db.ApplyOrderDetail(context.WithoutCancel(ctx), ak.Key.ID, orderSnapshot(o.ID, o, now), DefaultSyncInterval)
			if err != nil {
				return rep, err
			}
			rep.Orders++
			if applied.Created {
				rep.New++
			}
		}
		if progress != nil {
			progress(rep.Orders, int(max(list.TotalRecord, int64(rep.Orders))))
		}
		if len(list.Orders) == 0 || int64(page*ImportPageSize) >= list.TotalRecord {
			return rep, nil
		}
	}
}
