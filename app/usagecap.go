package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caigou/i18n"
)

// ErrProductCap: the active key has used all its products and takes no new orders; the user
// sets up the next key.
var ErrProductCap = errors.New("the key has used all its products")

// CartOverCapError: the cart has more products (lines) than remain on the active key. The user
// splits the cart or switches keys first.
type CartOverCapError struct {
	CartProducts int
	Remaining    int
}

func (e *CartOverCapError) Error() string {
	return fmt.Sprintf("this cart has %d products; %d remain on this key", e.CartProducts, e.Remaining)
}

// CheckCartFits tells, at preview time, whether the cart can be ordered with the active key: nil
// when it fits or is empty, ErrProductCap when the key is full, a *CartOverCapError when the
// cart's lines are more than what remains. Each cart line is one product (DESIGN §1).
func (a *App) CheckCartFits(ctx context.Context) error {
	lines, err := a.db.CartLines(ctx)
	if err != nil || len(lines) == 0 {
		return err
	}
	u, err := a.ActiveUsage(ctx, time.Now())
	if err != nil {
		return err
	}
	switch {
	case u.ProductsFull():
		return fmt.Errorf("key %s: %w", keyName(u.Key), ErrProductCap)
	case len(lines) > u.ProductsRemaining():
		return &CartOverCapError{CartProducts: len(lines), Remaining: u.ProductsRemaining()}
	}
	return nil
}

// refuseAtCap is ErrProductCap when key keyID has used all its products.
func (a *App) refuseAtCap(ctx context.Context, keyID int64) error {
	u, err := a.Usage(ctx, keyID, time.Now())
	if err != nil {
		return err
	}
	if u.ProductsFull() {
		return fmt.Errorf("key %s: %w", keyName(u.Key), ErrProductCap)
	}
	return nil
}

// ExplainUsageError says, in the user's language, why an action was refused at a key's limit or
// why a typed limit was refused, and what to do next; "" for any other error.
func ExplainUsageError(err error) string {
	var over *CartOverCapError
	switch {
	case errors.As(err, &over):
		return i18n.T(i18n.UsageCartOverCap, map[string]any{
			"Cart":   i18n.N(i18n.UsageCartProducts, over.CartProducts, nil),
			"Remain": i18n.N(i18n.UsageProductsRemain, over.Remaining, nil),
		})
	case errors.Is(err, ErrProductCap):
		return i18n.T(i18n.UsageProductCap, nil)
	case errors.Is(err, ErrLimitOutOfRange):
		return i18n.T(i18n.UsageLimitOutOfRange, map[string]any{"Min": MinLimit, "Max": MaxLimit})
	}
	return ""
}
