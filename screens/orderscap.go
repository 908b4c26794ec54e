package screens

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// At the key's product limit the cart explains that the key takes no new orders and offers to
// set up the next one; a cart bigger than what remains is caught at preview, where Place stays
// off until the user removes lines (or switches keys).

// buildCap is the cart's notice at the limit, shown while capFull.
func (c *cartPanel) buildCap() fyne.CanvasObject {
	text := &widget.Label{Text: app.ExplainUsageError(app.ErrProductCap), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	c.capBox = container.NewVBox(text, container.NewHBox(c.nextKeyButton(nil)))
	c.capBox.Hidden = !c.capFull
	return c.capBox
}

// checkCap reads, off the event goroutine, whether the active key is full, and shows or hides
// the notice: when the Orders page is shown, since the key may have changed meanwhile.
func (c *cartPanel) checkCap() {
	inBackground(&c.t.work, func() bool {
		u, err := c.t.o.app.ActiveUsage(context.Background(), time.Now())
		return err == nil && u.ProductsFull()
	}, func(full bool) {
		c.capFull = full
		c.showCap()
	})
}

// showCapIf shows the notice when err is the key's product cap, and reports whether it was.
func (c *cartPanel) showCapIf(err error) bool {
	if !errors.Is(err, app.ErrProductCap) {
		return false
	}
	c.capFull = true
	c.showCap()
	return true
}

func (c *cartPanel) showCap() {
	if c.capBox == nil {
		return
	}
	if c.capBox.Hidden == !c.capFull {
		return
	}
	c.capBox.Hidden = !c.capFull
	// The notice changes the bottom's height; its wrapped text knows its height only once it has
	// its width, so the second layout is the right one.
	c.root.Refresh()
	c.root.Refresh()
}

// overCapWarning is the preview's warning for a cart bigger than what remains on the key.
func (c *cartPanel) overCapWarning(err error) fyne.CanvasObject {
	return container.NewVBox(
		&widget.Label{Text: app.ExplainUsageError(err), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance},
		para(i18n.T(i18n.UsageCapNoPlace, nil)),
		container.NewHBox(c.nextKeyButton(func() { c.previewD.Hide() })),
		widget.NewSeparator())
}

// nextKeyButton starts the wizard for the next key, after closing (if not nil) what it sits in.
func (c *cartPanel) nextKeyButton(closeFirst func()) *widget.Button {
	return &widget.Button{Text: i18n.T(i18n.UsageSetUpNextKey, nil), Icon: theme.LoginIcon(), Importance: widget.HighImportance, OnTapped: func() {
		if closeFirst != nil {
			closeFirst()
		}
		if c.t.o.onSetUpNextKey != nil {
			c.t.o.onSetUpNextKey()
		}
	}}
}

// isOverCap reports whether err says the cart is bigger than what remains on the key.
func isOverCap(err error) bool {
	var over *app.CartOverCapError
	return errors.As(err, &over)
}
