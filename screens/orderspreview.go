package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// previewOutcome is what PreviewCart gave.
type previewOutcome struct {
	sellers []app.SellerPreview
	err     error
	fits    error // CheckCartFits: nil, or a *app.CartOverCapError shown in the preview
}

// placeOutcome is what PlaceCart or ResolvePending gave.
type placeOutcome struct {
	results []app.PlaceResult
	err     error
}

// onPreview asks 1688 for each seller's totals (completing lines a CSV brought in), then shows them.
func (c *cartPanel) onPreview() {
	if c.addressID == 0 {
		c.showProblem(i18n.T(i18n.CartNeedAddress, nil))
		return
	}
	c.problem.Hide()
	c.preview.Disable()
	c.busy.Show()
	addressID := c.addressID
	inBackground(&c.t.work, func() previewOutcome {
		ctx := context.Background()
		fits := c.t.o.app.CheckCartFits(ctx)
		if fits != nil && !isOverCap(fits) {
			return previewOutcome{err: fits} // the key is full, or its meter could not be read
		}
		p, err := c.t.o.app.PreviewCart(ctx, addressID)
		return previewOutcome{p, err, fits}
	}, func(r previewOutcome) {
		c.busy.Hide()
		c.reload()
		if c.showCapIf(r.err) {
			return
		}
		if r.err != nil {
			c.showProblem(joinSentences(app.ExplainOrderError(r.err)))
			return
		}
		c.capFull = false // the key, or its limit, changed since
		c.showCap()
		c.showPreview(r.sellers, addressID, r.fits)
	})
}

// showPreview shows each seller's goods, freight and total, or why it cannot be ordered here,
// with a Place button for the sellers that can. A cart bigger than what remains on the key
// (overCap, else nil) is not placed: the preview says so and offers the next key.
func (c *cartPanel) showPreview(sellers []app.SellerPreview, addressID int64, overCap error) {
	parts := container.NewVBox()
	if overCap != nil {
		parts.Add(c.overCapWarning(overCap))
	}
	var orderable []string
	var grand int64
	for _, s := range sellers {
		count := i18n.N(i18n.PreviewLines, len(s.Lines), map[string]any{"Count": len(s.Lines)})
		parts.Add(&widget.Label{Text: s.SellerLoginID + " · " + count, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis})
		if s.Err != nil {
			parts.Add(c.refusal(s.Err))
		} else {
			orderable = append(orderable, s.SellerMemberID)
			grand += s.TotalFen
			parts.Add(container.NewGridWithColumns(3,
				widget.NewLabel(i18n.T(i18n.PreviewGoods, map[string]any{"Amount": i18n.Yuan(s.GoodsFen)})),
				widget.NewLabel(i18n.T(i18n.PreviewFreight, map[string]any{"Amount": i18n.Yuan(s.FreightFen)})),
				&widget.Label{Text: i18n.T(i18n.PreviewTotal, map[string]any{"Amount": i18n.Yuan(s.TotalFen)}), TextStyle: fyne.TextStyle{Bold: true}}))
		}
		parts.Add(widget.NewSeparator())
	}
	if len(orderable) > 0 {
		parts.Add(&widget.Label{Text: i18n.T(i18n.PreviewGrandTotal, map[string]any{"Amount": i18n.Yuan(grand)}), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord})
	} else {
		parts.Add(para(i18n.T(i18n.PreviewNothingToPlace, nil)))
	}
	busy := widget.NewProgressBarInfinite()
	busy.Hide()
	placing := &widget.Label{Text: i18n.T(i18n.PreviewPlacing, nil), Wrapping: fyne.TextWrapWord}
	placing.Hide()
	closeB := &widget.Button{Text: i18n.T(i18n.DialogClose, nil), OnTapped: func() { c.previewD.Hide() }}
	place := &widget.Button{Text: i18n.N(i18n.PreviewPlace, len(orderable), map[string]any{"Count": len(orderable)}), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance}
	place.OnTapped = func() {
		if c.placing {
			return
		}
		c.placing = true
		place.Disable()
		closeB.Disable()
		busy.Show()
		placing.Show()
		c.place(addressID, orderable)
	}
	if len(orderable) == 0 || overCap != nil {
		place.Disable()
	}
	content := container.NewBorder(nil, container.NewVBox(placing, busy), nil, nil, container.NewVScroll(parts))
	c.previewD = dialog.NewCustomWithoutButtons(i18n.T(i18n.PreviewTitle, nil), content, c.t.o.win)
	c.previewD.SetButtons([]fyne.CanvasObject{closeB, place})
	c.previewD.Resize(fyne.NewSize(600, 540))
	c.previewD.Show()
}

// refusal explains why a seller's part cannot be ordered through the API; a new seller gets
// the way round: order on the website, then record that order.
func (c *cartPanel) refusal(err error) fyne.CanvasObject {
	explanation, next := app.ExplainOrderError(err)
	box := container.NewVBox(&widget.Label{Text: explanation, Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
	if next != "" {
		box.Add(para(next))
	}
	if ns, ok := asNewSeller(err); ok {
		open := &widget.Button{Text: i18n.T(i18n.PreviewOpenOffer, nil), Icon: theme.ComputerIcon(), OnTapped: func() {
			if c.t.openURL(ns.OfferURL) != nil {
				c.showProblem(i18n.T(i18n.BrowserFailed, nil) + " " + ns.OfferURL)
			}
		}}
		record := &widget.Button{Text: i18n.T(i18n.PreviewRecordAfter, nil), Icon: theme.DownloadIcon(), OnTapped: func() {
			c.previewD.Hide()
			if c.t.o.tabs != nil {
				c.t.o.tabs.SelectIndex(1)
			}
		}}
		box.Add(container.NewHBox(open, record))
	}
	return box
}

// place orders the sellers the preview found orderable, then shows what became of each.
func (c *cartPanel) place(addressID int64, sellers []string) {
	messages := make(map[string]string, len(c.messages))
	for k, v := range c.messages {
		messages[k] = v
	}
	inBackground(&c.t.work, func() placeOutcome {
		r, err := c.t.o.app.PlaceCartSellers(context.Background(), addressID, messages, sellers)
		return placeOutcome{r, err}
	}, func(r placeOutcome) {
		c.placing = false
		c.previewD.Hide()
		for _, res := range r.results {
			if res.State == app.PlacePlaced {
				c.setMessage(res.SellerMemberID, "") // sent with its order
			}
		}
		c.reload()
		c.t.refreshPending()
		c.showCapIf(r.err)
		c.showResults(r)
		if c.t.o.onPlaced != nil {
			c.t.o.onPlaced()
		}
	})
}

// resolvePending looks the pending orders up again and shows what became of them; done runs
// when it is over.
func (c *cartPanel) resolvePending(done func()) {
	inBackground(&c.t.work, func() placeOutcome {
		r, err := c.t.o.app.ResolvePending(context.Background())
		return placeOutcome{r, err}
	}, func(r placeOutcome) {
		done()
		c.reload()
		c.t.refreshPending()
		c.showResults(r)
	})
}

// showResults says, per seller, whether the order was placed (with its 1688 number), refused,
// or is unclear and will be looked up, never sent again.
func (c *cartPanel) showResults(r placeOutcome) {
	parts := container.NewVBox()
	if r.err != nil {
		parts.Add(&widget.Label{Text: joinSentences(app.ExplainOrderError(r.err)), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
		if errors.Is(r.err, app.ErrProductCap) {
			parts.Add(container.NewHBox(c.nextKeyButton(func() { c.results.Hide() })))
		}
	}
	if len(r.results) == 0 && r.err == nil {
		parts.Add(para(i18n.T(i18n.ResultNothing, nil)))
	}
	for _, res := range r.results {
		parts.Add(&widget.Label{Text: res.SellerLoginID, TextStyle: fyne.TextStyle{Bold: true}})
		parts.Add(c.resultBody(res))
		parts.Add(widget.NewSeparator())
	}
	c.results = dialog.NewCustom(i18n.T(i18n.ResultTitle, nil), i18n.T(i18n.DialogClose, nil), container.NewVScroll(parts), c.t.o.win)
	c.results.Resize(fyne.NewSize(560, 420))
	c.results.Show()
}

func (c *cartPanel) resultBody(res app.PlaceResult) fyne.CanvasObject {
	switch res.State {
	case app.PlacePlaced:
		show := &widget.Button{Text: i18n.T(i18n.ResultShowInTracking, nil), Icon: theme.ListIcon(), OnTapped: func() {
			c.results.Hide()
			if c.t.o.onShowOrder != nil {
				c.t.o.onShowOrder(res.OrderID)
			}
		}}
		placed := &widget.Label{Text: i18n.T(i18n.ResultPlaced, map[string]any{"ID": res.AliOrderID}), Wrapping: fyne.TextWrapWord, Importance: widget.SuccessImportance}
		return container.NewVBox(placed, container.NewHBox(show))
	case app.PlaceUnclear:
		var again *widget.Button
		again = &widget.Button{Text: i18n.T(i18n.ResultLookUpAgain, nil), Icon: theme.ViewRefreshIcon(), OnTapped: func() {
			again.Disable()
			c.results.Hide()
			c.resolvePending(func() {})
		}}
		box := container.NewVBox(&widget.Label{Text: i18n.T(i18n.ResultUnclear, nil), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
		if res.Err != nil && !errors.Is(res.Err, app.ErrPlaceUnclear) { // e.g. placed with another key
			box.Add(para(joinSentences(app.ExplainOrderError(res.Err))))
		}
		box.Add(container.NewHBox(again))
		return box
	case app.PlaceReturned:
		return para(i18n.T(i18n.ResultReturned, nil))
	}
	return &widget.Label{Text: joinSentences(app.ExplainOrderError(res.Err)), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
}

// asNewSeller is the new-seller refusal in err, if that is what err is.
func asNewSeller(err error) (*app.NewSellerError, bool) {
	var ns *app.NewSellerError
	ok := errors.As(err, &ns)
	return ns, ok
}
