package screens

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/pkg/browser"

	"caigou/app"
	"caigou/i18n"
)

// orderEntryTab is the "New order" tab: pasted links are looked up into offer cards, whose
// SKUs go into the cart, which is previewed and placed. Its state (the paste, the cards, the
// cart's messages and address) lives here, so a language switch, which builds it afresh, keeps
// the user's work.
type orderEntryTab struct {
	o         *ordersScreen
	work      sync.WaitGroup // background work in flight; tests wait on it
	openURL   func(url string) error
	loadImage func(ctx context.Context, url string) ([]byte, error)

	pasteText    string
	cards        []*offerCard
	problems     []entryProblem
	cancelLookUp context.CancelFunc // set while a lookup runs
	lookDone     int
	lookTotal    int
	pending      int // orders waiting for 1688's answer

	cart *cartPanel
	book *addressBook

	paste        *pasteArea
	lookUp       *widget.Button
	stop         *widget.Button
	progress     *widget.ProgressBar
	problemsBox  *fyne.Container
	cardsBox     *fyne.Container
	pendingBox   *fyne.Container
	pendingLabel *widget.Label
	resolve      *widget.Button
}

// entryProblem is a pasted line that gave no offer id (Line > 0), or an offer whose lookup
// failed.
type entryProblem struct {
	Line    int
	OfferID string
	Err     error
}

func newOrderEntryTab(o *ordersScreen) *orderEntryTab {
	t := &orderEntryTab{o: o, openURL: browser.OpenURL, loadImage: o.app.OfferImage}
	t.cart = newCartPanel(t)
	t.book = newAddressBook(t)
	return t
}

func (t *orderEntryTab) build() fyne.CanvasObject {
	t.paste = newPasteArea(t.pasteText, i18n.T(i18n.EntryPastePlaceholder, nil))
	t.paste.OnChanged = func(s string) { t.pasteText = s }
	t.paste.OnSubmitted = func(string) { t.onLookUp() }
	t.lookUp = &widget.Button{Text: i18n.T(i18n.EntryLookUp, nil), Icon: theme.SearchIcon(), Importance: widget.HighImportance, OnTapped: t.onLookUp}
	t.stop = &widget.Button{Text: i18n.T(i18n.EntryStop, nil), Icon: theme.CancelIcon(), OnTapped: t.onStop}
	t.progress = &widget.ProgressBar{}
	t.problemsBox = container.NewVBox()
	t.cardsBox = container.NewVBox()
	t.pendingLabel = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	t.resolve = &widget.Button{Text: i18n.T(i18n.EntryPendingLookUp, nil), Icon: theme.ViewRefreshIcon(), OnTapped: t.onResolvePending}
	t.pendingBox = container.NewBorder(nil, nil, nil, t.resolve, t.pendingLabel)
	t.showLookUpState()
	t.showProblems()
	t.showCards()
	t.refreshPending()

	hint := &widget.Label{Text: i18n.T(i18n.EntryPasteHint, nil), Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	buttons := container.NewBorder(nil, nil, container.NewHBox(t.lookUp, t.stop), nil, t.progress)
	top := container.NewVBox(t.pendingBox, t.paste, hint, buttons)
	left := container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(t.problemsBox, t.cardsBox)))
	split := container.NewHSplit(left, t.cart.build())
	split.Offset = 0.48
	return split
}

// onLookUp reads the paste and looks its offers up one at a time, each card shown as it comes.
func (t *orderEntryTab) onLookUp() {
	if t.cancelLookUp != nil {
		return // a lookup is running
	}
	ids, bad := app.ParseOfferLinks(t.paste.Text)
	t.cards, t.problems = nil, nil
	for _, p := range bad {
		t.problems = append(t.problems, entryProblem{Line: p.Line, Err: p.Err})
	}
	if len(ids) == 0 && len(bad) == 0 {
		t.problems = []entryProblem{{Err: app.ErrLinkEmpty}}
	}
	t.showProblems()
	t.showCards()
	if len(ids) == 0 {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.cancelLookUp, t.lookDone, t.lookTotal = cancel, 0, len(ids)
	t.showLookUpState()
	t.work.Add(1)
	go func() {
		defer t.work.Done()
		for _, id := range ids {
			if ctx.Err() != nil {
				break
			}
			offer, err := t.o.app.LookUpOffer(ctx, id)
			fyne.Do(func() { t.lookedUp(ctx, id, offer, err) })
		}
		fyne.Do(func() {
			cancel()
			t.cancelLookUp = nil
			t.showLookUpState()
		})
	}()
}

// lookedUp shows one offer's card, or why it could not be looked up.
func (t *orderEntryTab) lookedUp(ctx context.Context, id string, offer app.Offer, err error) {
	t.lookDone++
	t.showLookUpState()
	switch {
	case ctx.Err() != nil:
		return // the user stopped the lookup
	case err != nil:
		t.problems = append(t.problems, entryProblem{OfferID: id, Err: err})
		t.showProblems()
	default:
		c := newOfferCard(t, offer)
		t.cards = append(t.cards, c)
		t.cardsBox.Add(c.build())
		c.loadImage()
	}
}

func (t *orderEntryTab) onStop() {
	if t.cancelLookUp != nil {
		t.cancelLookUp()
	}
}

// showLookUpState enables Look up, or shows the progress of the running lookup.
func (t *orderEntryTab) showLookUpState() {
	if t.lookUp == nil {
		return
	}
	if t.cancelLookUp == nil {
		t.lookUp.Enable()
		t.stop.Hide()
		t.progress.Hide()
		return
	}
	t.lookUp.Disable()
	t.stop.Show()
	t.progress.Max = float64(t.lookTotal)
	t.progress.SetValue(float64(t.lookDone))
	t.progress.Show()
}

// showProblems lists the bad lines and the failed lookups, translated.
func (t *orderEntryTab) showProblems() {
	if t.problemsBox == nil {
		return
	}
	t.problemsBox.RemoveAll()
	for _, p := range t.problems {
		t.problemsBox.Add(&widget.Label{Text: p.text(), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance})
	}
}

func (p entryProblem) text() string {
	switch {
	case p.Line > 0:
		return i18n.T(i18n.EntryLinkProblem, map[string]any{"Line": p.Line, "Reason": app.ExplainLinkError(p.Err)})
	case p.OfferID == "":
		return app.ExplainLinkError(p.Err)
	}
	explanation, next := app.ExplainOrderError(p.Err)
	return i18n.T(i18n.EntryOfferProblem, map[string]any{"Offer": p.OfferID, "Reason": joinSentences(explanation, next)})
}

// joinSentences puts an explanation and its next step (which may be "") in one text.
func joinSentences(explanation, next string) string {
	if next == "" {
		return explanation
	}
	return explanation + " " + next
}

// showCards builds the offer cards afresh from their state.
func (t *orderEntryTab) showCards() {
	if t.cardsBox == nil {
		return
	}
	t.cardsBox.RemoveAll()
	for _, c := range t.cards {
		t.cardsBox.Add(c.build())
	}
}

// refreshPending counts the orders still waiting for 1688's answer, to offer looking them up.
// The query takes microseconds even with 100 000 orders, so it runs here, not in the background.
func (t *orderEntryTab) refreshPending() {
	p, err := t.o.app.PendingOrders(context.Background())
	if err != nil {
		return // the offer to look up is a convenience; the cart still works
	}
	t.pending = len(p)
	t.showPending()
}

func (t *orderEntryTab) showPending() {
	if t.pendingBox == nil {
		return
	}
	if t.pending == 0 {
		t.pendingBox.Hide()
		return
	}
	t.pendingLabel.SetText(i18n.N(i18n.EntryPendingNotice, t.pending, map[string]any{"Count": t.pending}))
	t.pendingBox.Show()
}

// onResolvePending looks the pending orders up again and shows what became of them.
func (t *orderEntryTab) onResolvePending() {
	t.resolve.Disable()
	t.cart.resolvePending(func() { t.resolve.Enable() })
}
