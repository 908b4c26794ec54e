package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"caigou/app/open1688"
	"caigou/storage"
)

// newSellerCode is the business code of the new-seller refusal (新商家首单不可). 1688.md §3.1
// lists 500_001…500_009 without saying which is which; the simulator's GUESS is 500_005, and a
// message naming the first order (首单) is taken as the same refusal.
const newSellerCode = "500_005"

// NewSellerError: the buyer has never bought from this seller, and the solution's API may not
// place a first order there (1688.md §3.2). The order must be placed on the 1688 website, then
// recorded with RecordOrder.
type NewSellerError struct {
	SellerLoginID string
	OfferURL      string // the offer page to order on
	Err           error  // 1688's refusal
}

func (e *NewSellerError) Error() string {
	return fmt.Sprintf("the first order to seller %s must be placed on the 1688 website: %v", e.SellerLoginID, e.Err)
}

// Unwrap gives errors.As the *open1688.Error.
func (e *NewSellerError) Unwrap() error { return e.Err }

// ErrCartEmpty: there is nothing in the cart to preview or place.
var ErrCartEmpty = errors.New("the cart is empty")

// SellerPreview is what one seller's order would cost.
type SellerPreview struct {
	SellerMemberID string
	SellerLoginID  string
	Lines          []storage.CartLine
	GoodsFen       int64
	FreightFen     int64
	TotalFen       int64
	// Err is why this seller's part cannot be ordered: a *NewSellerError, or 1688's refusal
	// (an *open1688.Error, or a *PreviewRefusal for a part the preview marked as not orderable).
	Err error
}

// PreviewRefusal: the preview priced the cart but marked this seller's part as not orderable.
type PreviewRefusal struct {
	Code    string
	Message string // 1688's reason, often Chinese
}

func (e *PreviewRefusal) Error() string { return "preview refused: " + e.Code + ": " + e.Message }

// PreviewCart prices the cart for delivery to address addressID, one createOrder.preview per
// seller, since each seller gets an order of its own. A seller's refusal goes in that seller's
// Err; the call fails only for what stops every seller (no key, network, budget, database).
func (a *App) PreviewCart(ctx context.Context, addressID int64) ([]SellerPreview, error) {
	plan, err := a.cartToOrder(ctx, addressID)
	if err != nil {
		return nil, err
	}
	out := make([]SellerPreview, 0, len(plan.groups))
	for _, g := range plan.groups {
		p := SellerPreview{SellerMemberID: g.sellerMemberID, SellerLoginID: g.sellerLoginID, Lines: g.lines}
		res, err := plan.client.PreviewOrder(ctx, open1688.PreviewOrderRequest{Address: plan.address, Items: cartItems(g.lines)})
		switch {
		case err != nil && stopsRound(err):
			return nil, err
		case err != nil:
			p.Err = sellerRefusal(g, err)
		default:
			for _, o := range res.Orders {
				p.GoodsFen += int64(o.Goods)
				p.FreightFen += int64(o.Shipping)
				p.TotalFen += int64(o.Total)
				if !o.OK && p.Err == nil {
					p.Err = sellerRefusal(g, &PreviewRefusal{Code: o.ResultCode, Message: o.Message})
				}
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// sellerGroup is the part of the cart one seller's order holds.
type sellerGroup struct {
	sellerMemberID, sellerLoginID string
	lines                         []storage.CartLine
}

// cartPlan is what previewing or placing the cart needs.
type cartPlan struct {
	client  *open1688.Client
	key     ActiveKey
	address open1688.Address
	groups  []sellerGroup
}

// cartToOrder gathers the client, the address and the cart grouped by seller, completing lines
// that do not know their seller yet.
func (a *App) cartToOrder(ctx context.Context, addressID int64) (cartPlan, error) {
	var plan cartPlan
	var err error
	if plan.client, plan.key, err = a.Client(ctx); err != nil {
		return plan, err
	}
	addr, err := a.db.AddressByID(ctx, addressID)
	if err != nil {
		return plan, err
	}
	plan.address = orderAddress(addr)
	lines, err := a.db.CartLines(ctx)
	if err != nil {
		return plan, err
	}
	for _, l := range lines {
		if l.SellerMemberID == "" {
			if _, err := a.CompleteCart(ctx); err != nil {
				return plan, err
			}
			if lines, err = a.db.CartLines(ctx); err != nil {
				return plan, err
			}
			break
		}
	}
	if plan.groups = groupBySeller(lines); len(plan.groups) == 0 {
		return plan, ErrCartEmpty
	}
	return plan, nil
}

// groupBySeller splits the cart by seller, in the cart's order. Lines still without a seller
// (their offer could not be looked up) are left out: they cannot be ordered.
func groupBySeller(lines []storage.CartLine) []sellerGroup {
	var groups []sellerGroup
	index := map[string]int{}
	for _, l := range lines {
		if l.SellerMemberID == "" {
			continue
		}
		i, ok := index[l.SellerMemberID]
		if !ok {
			i = len(groups)
			index[l.SellerMemberID] = i
			groups = append(groups, sellerGroup{sellerMemberID: l.SellerMemberID, sellerLoginID: l.SellerLoginID})
		}
		groups[i].lines = append(groups[i].lines, l)
	}
	return groups
}

func cartItems(lines []storage.CartLine) []open1688.CartItem {
	items := make([]open1688.CartItem, len(lines))
	for i, l := range lines {
		items[i] = open1688.CartItem{OfferID: l.OfferID, SpecID: l.SpecID, Quantity: float64(l.Quantity)}
	}
	return items
}

// sellerRefusal is err, made a *NewSellerError when it is the new-seller refusal.
func sellerRefusal(g sellerGroup, err error) error {
	code, msg := "", ""
	var e *open1688.Error
	var r *PreviewRefusal
	switch {
	case errors.As(err, &e):
		code, msg = e.Code, e.Message
	case errors.As(err, &r):
		code, msg = r.Code, r.Message
	}
	if code != newSellerCode && !strings.Contains(msg, "首单") {
		return err
	}
	offerID := ""
	if len(g.lines) > 0 {
		offerID = g.lines[0].OfferID
	}
	return &NewSellerError{SellerLoginID: g.sellerLoginID, OfferURL: OfferURL(offerID), Err: err}
}
