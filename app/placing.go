package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"caigou/app/open1688"
	"caigou/storage"
)

// PlaceState is how placing one seller's order ended.
type PlaceState int

// The states of a PlaceResult.
const (
	// PlacePlaced: 1688 has the order; PlaceResult.AliOrderID names it.
	PlacePlaced PlaceState = iota + 1
	// PlaceRefused: 1688 refused it clearly; nothing was ordered and the lines are back in the cart.
	PlaceRefused
	// PlaceUnclear: no clear answer came and the order could not be found yet. It stays pending,
	// with its outOrderId, until ResolvePending finds it or the user returns it to the cart.
	PlaceUnclear
	// PlaceReturned: the pending order was not found and its lines went back to the cart.
	PlaceReturned
)

// PendingReturnAfter is how long a pending order must have been absent from 1688 before
// ReturnPendingToCart gives its lines back: an order 1688 made but lists late must not be
// ordered a second time.
const PendingReturnAfter = 10 * time.Minute

// lookupSlack widens the creation window of a lookup, for clocks that disagree.
const lookupSlack = time.Minute

// Errors of the pending orders.
var (
	// ErrNotPending: the order is not a placed order waiting for its 1688 id.
	ErrNotPending = storage.ErrNotPending
	// ErrPendingTooRecent: the pending order is younger than PendingReturnAfter.
	ErrPendingTooRecent = errors.New("the order was sent less than 10 minutes ago")
	// ErrPlaceUnclear is the Err of a PlaceUnclear result: no clear answer came and the order
	// could not be found yet. It wraps the lookup's error when the lookup failed.
	ErrPlaceUnclear = errors.New("no clear answer from 1688, and the order was not found yet")
	// ErrPendingOtherKey: the pending order was placed with a key that is not active now, whose
	// account alone can look it up.
	ErrPendingOtherKey = errors.New("the order was placed with another key")
)

// PlaceResult is how placing one seller's order ended.
type PlaceResult struct {
	SellerMemberID string
	SellerLoginID  string
	OrderID        int64  // the local order
	AliOrderID     string // set when PlacePlaced
	State          PlaceState
	AttemptedAt    time.Time // when fastCreateOrder was called
	// Err is why it was refused (PlaceRefused: a *NewSellerError or an *open1688.Error), or
	// ErrPlaceUnclear (PlaceUnclear), wrapping what the lookup met when it failed.
	Err error
}

// placeLock is the App's placing lock: PlaceCart, ResolvePending and ReturnPendingToCart wait
// for each other, so a double click cannot run two of them at once.
func (a *App) placeLock() *sync.Mutex { return &a.placing }

// PlaceCart orders the cart, one fastCreateOrder per seller, delivered to address addressID.
// messages holds an optional message per seller member id.
//
// Nothing can be ordered twice: before each call the order is stored with a fresh outOrderId
// and the seller's lines leave the cart in the same transaction, so a second PlaceCart finds
// nothing to place. A clear refusal puts the lines back. An unclear answer (network, timeout,
// lost response) is never sent again: the order is looked up by its outOrderId, and when it
// cannot be found it stays pending (PlaceUnclear) for ResolvePending.
//
// A key that has used all its products places nothing: ErrProductCap.
func (a *App) PlaceCart(ctx context.Context, addressID int64, messages map[string]string) ([]PlaceResult, error) {
	return a.placeCart(ctx, addressID, messages, nil)
}

// PlaceCartSellers is PlaceCart for the sellers named in sellerMemberIDs only: those the preview
// found orderable. The other sellers' lines stay in the cart.
func (a *App) PlaceCartSellers(ctx context.Context, addressID int64, messages map[string]string, sellerMemberIDs []string) ([]PlaceResult, error) {
	only := make(map[string]bool, len(sellerMemberIDs))
	for _, id := range sellerMemberIDs {
		only[id] = true
	}
	return a.placeCart(ctx, addressID, messages, only)
}

// placeCart places the cart's sellers, all of them when only is nil.
func (a *App) placeCart(ctx context.Context, addressID int64, messages map[string]string, only map[string]bool) ([]PlaceResult, error) {
	mu := a.placeLock()
	mu.Lock()
	defer mu.Unlock()
	plan, err := a.cartToOrder(ctx, addressID)
	if err != nil {
		return nil, err
	}
	ak := plan.key
	if err := a.refuseAtCap(ctx, ak.Key.ID); err != nil {
		return nil, err
	}
	var out []PlaceResult
	for _, g := range plan.groups {
		if only != nil && !only[g.sellerMemberID] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return out, err
		}
		pending := storage.PendingOrder{
			KeyID: ak.Key.ID, OutOrderID: newOutOrderID(), SellerMemberID: g.sellerMemberID,
			SellerLoginID: g.sellerLoginID, BuyerLoginID: ak.Account.LoginID, AddressID: addressID,
			SellerMessage: messages[g.sellerMemberID], CreatedAt: time.Now(),
		}
		res, err := a.placeSeller(ctx, plan.client, pending, plan.address, g)
		if errors.Is(err, storage.ErrNothingToPlace) {
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

// placeSeller stores the pending order, calls fastCreateOrder once and records the outcome.
// Only a database failure is returned as an error.
func (a *App) placeSeller(ctx context.Context, c *open1688.Client, p storage.PendingOrder, addr open1688.Address, g sellerGroup) (PlaceResult, error) {
	ids := make([]int64, len(g.lines))
	for i, l := range g.lines {
		ids[i] = l.ID
	}
	orderID, lines, err := a.db.BeginPlacing(ctx, p, ids)
	if err != nil {
		return PlaceResult{}, err
	}
	res := PlaceResult{SellerMemberID: p.SellerMemberID, SellerLoginID: p.SellerLoginID, OrderID: orderID, AttemptedAt: p.CreatedAt}
	created, err := c.CreateOrder(ctx, open1688.CreateOrderRequest{
		OutOrderID: p.OutOrderID, Address: addr, Items: cartItems(lines), Message: p.SellerMessage,
	})
	// What happened must be stored even when the user gave up waiting.
	store := context.WithoutCancel(ctx)
	switch {
	case err == nil:
		res.State, res.AliOrderID = PlacePlaced, created.OrderIDs[0]
		return res, a.db.RecordPlaced(store, orderID, storage.Placed{
			AliOrderID: res.AliOrderID, Status: string(open1688.StatusWaitBuyerPay),
			TotalFen: int64(created.Total), ShippingFen: int64(created.PostFee), At: time.Now(), Detail: "placed",
		})
	case unclearOutcome(err):
		p.ID = orderID
		return a.lookUpPending(store, c, p)
	default:
		res.State, res.Err = PlaceRefused, sellerRefusal(g, err)
		return res, a.db.ReturnPendingToCart(store, orderID, lines, time.Now())
	}
}

// unclearOutcome reports whether a failed fastCreateOrder may still have made the order: no
// usable answer came (network, timeout, a cancelled wait, an answer that could not be read).
func unclearOutcome(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return true
	}
	switch open1688.KindOf(err) {
	case open1688.KindNetwork, open1688.KindUnknown:
		return true
	}
	return false
}

// lookUpPending looks pending order p up by its outOrderId and records it when 1688 has it.
// A failed lookup leaves it pending, with the error in the result.
func (a *App) lookUpPending(ctx context.Context, c *open1688.Client, p storage.PendingOrder) (PlaceResult, error) {
	res := PlaceResult{SellerMemberID: p.SellerMemberID, SellerLoginID: p.SellerLoginID, OrderID: p.ID, AttemptedAt: p.CreatedAt, State: PlaceUnclear}
	lookCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	o, found, err := c.FindOrderByOutOrderID(lookCtx, p.OutOrderID, p.CreatedAt.Add(-lookupSlack))
	if err != nil {
		res.Err = fmt.Errorf("%w: %w", ErrPlaceUnclear, err)
		return res, nil
	}
	if !found {
		res.Err = ErrPlaceUnclear
		return res, nil
	}
	now := time.Now()
	err = a.db.RecordPlaced(ctx, p.ID, storage.Placed{
		AliOrderID: o.ID, Status: string(o.Status), TotalFen: int64(o.Total),
		ShippingFen: int64(o.ShippingFee), At: now, Detail: "placed",
	})
	if err != nil {
		return res, err
	}
	// The list row carries the whole order: its lines replace the cart's copies.
	if _, err := a.db.ApplyOrderDetail(ctx, p.KeyID, orderSnapshot(o.ID, o, now), DefaultSyncInterval); err != nil {
		return res, err
	}
	res.State, res.AliOrderID = PlacePlaced, o.ID
	return res, nil
}

// ResolvePending looks every pending order up again (at start, and from a button) and records
// those 1688 has. The others stay pending. A refusal that stops every lookup (budget, network,
// key) ends it with that error and the results so far.
func (a *App) ResolvePending(ctx context.Context) ([]PlaceResult, error) {
	mu := a.placeLock()
	mu.Lock()
	defer mu.Unlock()
	pending, err := a.db.PendingOrders(ctx)
	if err != nil || len(pending) == 0 {
		return nil, err
	}
	c, ak, err := a.Client(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]PlaceResult, 0, len(pending))
	for _, p := range pending {
		if p.KeyID != 0 && p.KeyID != ak.Key.ID {
			out = append(out, PlaceResult{
				SellerMemberID: p.SellerMemberID, SellerLoginID: p.SellerLoginID, OrderID: p.ID,
				AttemptedAt: p.CreatedAt, State: PlaceUnclear, Err: ErrPendingOtherKey,
			})
			continue
		}
		res, err := a.lookUpPending(ctx, c, p)
		if err != nil {
			return out, err
		}
		out = append(out, res)
		if res.State == PlaceUnclear && stopsRound(res.Err) {
			return out, res.Err
		}
	}
	return out, nil
}

// ReturnPendingToCart gives a pending order's lines back to the cart, once it has been absent
// from 1688 for PendingReturnAfter: the user's explicit decision, never automatic. It looks the
// order up one last time; when 1688 has it after all, it is recorded (PlacePlaced) instead.
// A lookup that fails returns the error and changes nothing.
func (a *App) ReturnPendingToCart(ctx context.Context, orderID int64) (PlaceResult, error) {
	mu := a.placeLock()
	mu.Lock()
	defer mu.Unlock()
	pending, err := a.db.PendingOrders(ctx)
	if err != nil {
		return PlaceResult{}, err
	}
	for _, p := range pending {
		if p.ID != orderID {
			continue
		}
		if time.Since(p.CreatedAt) < PendingReturnAfter {
			return PlaceResult{}, ErrPendingTooRecent
		}
		c, ak, err := a.Client(ctx)
		if err != nil {
			return PlaceResult{}, err
		}
		if p.KeyID != 0 && p.KeyID != ak.Key.ID {
			return PlaceResult{}, ErrPendingOtherKey
		}
		res, err := a.lookUpPending(ctx, c, p)
		if err != nil || res.State == PlacePlaced {
			return res, err
		}
		if res.Err != ErrPlaceUnclear { //nolint:errorlint // only the bare sentinel means "not found"
			// The lookup failed: whether 1688 has the order is unknown, so nothing changes.
			return PlaceResult{}, res.Err
		}
		if err := a.db.ReturnPendingToCart(ctx, orderID, nil, time.Now()); err != nil {
			return PlaceResult{}, err
		}
		res.State = PlaceReturned
		return res, nil
	}
	return PlaceResult{}, ErrNotPending
}

// newOutOrderID is a fresh outOrderId: "cg" and 24 random hex digits.
func newOutOrderID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return "cg" + hex.EncodeToString(b[:])
}
