package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caigou/app/open1688"
	"caigou/storage"
)

// ErrUnknownSKU: the SKU is not one of the offer's (or the offer has none and one was named).
var ErrUnknownSKU = errors.New("the offer has no such SKU")

// ErrQuantityBelowMin: a quantity under the seller's minimum order quantity, or under 1.
type ErrQuantityBelowMin struct {
	Min int // the smallest quantity allowed
}

func (e ErrQuantityBelowMin) Error() string {
	return fmt.Sprintf("the quantity must be a whole number of at least %d", e.Min)
}

// AddToCart puts quantity of the offer's SKU specID in the cart ("" for an offer without
// SKUs). The same offer and SKU again adds to the line's quantity. note is the user's own.
func (a *App) AddToCart(ctx context.Context, offer Offer, specID string, quantity int, note string) error {
	minQ := max(1, offer.MinQuantity)
	if quantity < minQ {
		return ErrQuantityBelowMin{Min: minQ}
	}
	sku, ok := offer.SKU(specID)
	if (len(offer.SKUs) > 0 && !ok) || (len(offer.SKUs) == 0 && specID != "") {
		return fmt.Errorf("offer %s, SKU %q: %w", offer.ID, specID, ErrUnknownSKU)
	}
	return a.db.AddCartLines(ctx, []storage.CartLine{{
		OfferID: offer.ID, SpecID: specID, SKUText: sku.Attributes, Title: offer.Title,
		ImageURL: offer.ImageURL, SellerMemberID: offer.SellerMemberID, SellerLoginID: offer.SellerLoginID,
		UnitPriceFen: offer.UnitPriceFen(specID), MinQuantity: minQ, Quantity: quantity, Note: note,
	}}, time.Now())
}

// Cart is the cart's lines, grouped by seller.
func (a *App) Cart(ctx context.Context) ([]storage.CartLine, error) {
	return a.db.CartLines(ctx)
}

// SetCartQuantity changes a line's quantity, within the seller's minimum.
func (a *App) SetCartQuantity(ctx context.Context, lineID int64, quantity int) error {
	line, err := a.cartLine(ctx, lineID)
	if err != nil {
		return err
	}
	if minQ := max(1, line.MinQuantity); quantity < minQ {
		return ErrQuantityBelowMin{Min: minQ}
	}
	line.Quantity = quantity
	return a.db.UpdateCartLine(ctx, line)
}

// RemoveFromCart takes lines out of the cart.
func (a *App) RemoveFromCart(ctx context.Context, ids ...int64) error {
	return a.db.RemoveCartLines(ctx, ids...)
}

func (a *App) cartLine(ctx context.Context, id int64) (storage.CartLine, error) {
	lines, err := a.db.CartLines(ctx)
	if err != nil {
		return storage.CartLine{}, err
	}
	for _, l := range lines {
		if l.ID == id {
			return l, nil
		}
	}
	return storage.CartLine{}, fmt.Errorf("cart line %d: %w", id, storage.ErrNoCartLine)
}

// CompleteReport is what CompleteCart did.
type CompleteReport struct {
	Offers    int           // offers looked up: one call each
	Completed int           // lines filled in
	Problems  []CartProblem // lines that could not be completed, or break the offer's rules
}

// CartProblem is a cart line CompleteCart could not make orderable; Err is ErrUnknownSKU,
// ErrQuantityBelowMin or the lookup's *open1688.Error (e.g. an offer that no longer exists).
type CartProblem struct {
	LineID  int64
	OfferID string
	Err     error
}

// CompleteCart fills in the lines that know only their offer (a CSV import's): title, image,
// seller, price, SKU text and minimum. Each offer is looked up once, however many lines name
// it. A refusal that would stop every lookup (budget, network, key) ends it with that error and
// the lines completed so far kept.
func (a *App) CompleteCart(ctx context.Context) (CompleteReport, error) {
	var rep CompleteReport
	lines, err := a.db.CartLines(ctx)
	if err != nil {
		return rep, err
	}
	var c *open1688.Client
	offers := map[string]*Offer{}
	lookupErrs := map[string]error{}
	for _, l := range lines {
		if l.SellerMemberID != "" {
			continue
		}
		if c == nil {
			if c, _, err = a.Client(ctx); err != nil {
				return rep, err
			}
		}
		o, seen := offers[l.OfferID]
		if !seen && lookupErrs[l.OfferID] == nil {
			found, err := lookUpOffer(ctx, c, l.OfferID)
			rep.Offers++
			if err != nil {
				if stopsRound(err) {
					return rep, err
				}
				lookupErrs[l.OfferID] = err
			} else {
				o = &found
				offers[l.OfferID] = o
			}
		}
		if o == nil {
			rep.Problems = append(rep.Problems, CartProblem{LineID: l.ID, OfferID: l.OfferID, Err: lookupErrs[l.OfferID]})
			continue
		}
		if err := a.completeLine(ctx, l, *o, &rep); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// completeLine stores what offer o says about line l, or notes why l cannot be ordered.
func (a *App) completeLine(ctx context.Context, l storage.CartLine, o Offer, rep *CompleteReport) error {
	sku, ok := o.SKU(l.SpecID)
	if (len(o.SKUs) > 0 && !ok) || (len(o.SKUs) == 0 && l.SpecID != "") {
		rep.Problems = append(rep.Problems, CartProblem{LineID: l.ID, OfferID: l.OfferID, Err: ErrUnknownSKU})
		return nil
	}
	l.Title, l.ImageURL, l.SKUText = o.Title, o.ImageURL, sku.Attributes
	l.SellerMemberID, l.SellerLoginID = o.SellerMemberID, o.SellerLoginID
	l.UnitPriceFen, l.MinQuantity = o.UnitPriceFen(l.SpecID), max(1, o.MinQuantity)
	if err := a.db.UpdateCartLine(ctx, l); err != nil {
		return err
	}
	rep.Completed++
	if l.Quantity < l.MinQuantity {
		rep.Problems = append(rep.Problems, CartProblem{LineID: l.ID, OfferID: l.OfferID, Err: ErrQuantityBelowMin{Min: l.MinQuantity}})
	}
	return nil
}
