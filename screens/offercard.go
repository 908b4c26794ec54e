package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// offerImageSize is the square an offer's picture is drawn in, loaded or not.
const offerImageSize = 96

// offerCard is one looked-up offer: its picture, title, seller and price, and the choice of SKU,
// quantity and note that goes into the cart. The choice is kept here, so a rebuilt card shows it.
type offerCard struct {
	t       *orderEntryTab
	offer   app.Offer
	specID  string
	qtyText string
	note    string
	image   fyne.Resource // nil until loaded
	added   bool

	img       *canvas.Image
	sku       *widget.Select
	qty       *widget.Entry
	noteEntry *widget.Entry
	problem   *widget.Label
	addedNote *widget.Label
	add       *widget.Button
}

func newOfferCard(t *orderEntryTab, offer app.Offer) *offerCard {
	c := &offerCard{t: t, offer: offer, qtyText: strconv.Itoa(max(1, offer.MinQuantity))}
	if len(offer.SKUs) == 1 {
		c.specID = offer.SKUs[0].SpecID
	}
	return c
}

func (c *offerCard) build() fyne.CanvasObject {
	c.img = canvas.NewImageFromResource(c.image)
	if c.image == nil {
		c.img.Resource = theme.FileImageIcon()
	}
	c.img.FillMode = canvas.ImageFillContain
	c.img.SetMinSize(fyne.NewSize(offerImageSize, offerImageSize))

	title := &widget.Label{Text: c.offer.Title, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	seller := &widget.Label{Text: i18n.T(i18n.OfferSeller, map[string]any{"Seller": c.offer.SellerLoginID}), Truncation: fyne.TextTruncateEllipsis}
	price := &widget.Label{Text: i18n.T(i18n.OfferPrice, map[string]any{
		"Price": i18n.Yuan(c.offer.PriceFen), "Min": max(1, c.offer.MinQuantity),
	}), Wrapping: fyne.TextWrapWord}

	c.qty = &widget.Entry{Text: c.qtyText, OnChanged: func(s string) { c.qtyText = s }, OnSubmitted: func(string) { c.onAdd() }}
	c.noteEntry = &widget.Entry{Text: c.note, PlaceHolder: i18n.T(i18n.OfferNotePlaceholder, nil), OnChanged: func(s string) { c.note = s }}
	form := []fyne.CanvasObject{}
	if len(c.offer.SKUs) > 0 {
		c.sku = c.skuSelect()
		form = append(form, widget.NewLabel(i18n.T(i18n.OfferVariant, nil)), c.sku)
	}
	form = append(form,
		widget.NewLabel(i18n.T(i18n.OfferQuantity, nil)), c.qty,
		widget.NewLabel(i18n.T(i18n.OfferNote, nil)), c.noteEntry)

	c.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	c.problem.Hide()
	c.addedNote = &widget.Label{Text: i18n.T(i18n.OfferAdded, nil), Importance: widget.SuccessImportance}
	c.addedNote.Hidden = !c.added
	c.add = &widget.Button{Text: i18n.T(i18n.OfferAddToCart, nil), Icon: theme.ContentAddIcon(), OnTapped: c.onAdd}
	dismiss := &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: c.onDismiss}

	head := container.NewBorder(nil, nil, nil, dismiss, title)
	details := container.NewVBox(head, seller, price)
	top := container.NewBorder(nil, nil, container.NewVBox(c.img), nil, details)
	return container.NewVBox(
		top,
		container.New(layout.NewFormLayout(), form...),
		c.problem,
		container.NewHBox(c.add, c.addedNote),
		widget.NewSeparator(),
	)
}

// skuSelect offers the SKUs by their attributes and price; the choice is set before the
// handler, which SetSelected would fire.
func (c *offerCard) skuSelect() *widget.Select {
	options := make([]string, len(c.offer.SKUs))
	selected := ""
	for i, s := range c.offer.SKUs {
		options[i] = skuOption(c.offer, s)
		if s.SpecID == c.specID {
			selected = options[i]
		}
	}
	sel := &widget.Select{Options: options, Selected: selected, PlaceHolder: i18n.T(i18n.OfferChooseVariant, nil)}
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 {
			c.specID = c.offer.SKUs[i].SpecID
			c.problem.Hide()
		}
	}
	return sel
}

// skuOption is how a SKU is offered: its attributes as 1688 names them, and its price.
func skuOption(o app.Offer, s app.SKU) string {
	attrs := strings.ReplaceAll(s.Attributes, ";", ", ")
	if attrs == "" {
		attrs = s.SpecID
	}
	return attrs + " — " + i18n.Yuan(o.UnitPriceFen(s.SpecID))
}

// onAdd checks the choice and puts it in the cart.
func (c *offerCard) onAdd() {
	c.addedNote.Hide()
	if len(c.offer.SKUs) > 0 && c.specID == "" {
		c.showProblem(i18n.T(i18n.OfferChooseVariantFirst, nil))
		return
	}
	minQ := max(1, c.offer.MinQuantity)
	q, err := strconv.Atoi(strings.TrimSpace(c.qty.Text))
	if err != nil || q < minQ {
		c.showProblem(joinSentences(app.ExplainOrderError(app.ErrQuantityBelowMin{Min: minQ})))
		return
	}
	if err := c.t.o.app.AddToCart(context.Background(), c.offer, c.specID, q, strings.TrimSpace(c.note)); err != nil {
		c.showProblem(joinSentences(app.ExplainOrderError(err)))
		return
	}
	c.problem.Hide()
	c.added = true
	c.addedNote.Show()
	c.t.cart.reload()
}

func (c *offerCard) showProblem(text string) {
	c.problem.SetText(text)
	c.problem.Show()
}

// onDismiss takes the card away; what it added stays in the cart.
func (c *offerCard) onDismiss() {
	for i, other := range c.t.cards {
		if other == c {
			c.t.cards = append(c.t.cards[:i:i], c.t.cards[i+1:]...)
			break
		}
	}
	c.t.showCards()
}

// loadImage fetches the offer's picture (from the disk cache when it was seen before) and
// shows it in place of the placeholder.
func (c *offerCard) loadImage() {
	if c.offer.ImageURL == "" {
		return
	}
	url := c.offer.ImageURL
	inBackground(&c.t.work, func() []byte {
		b, err := c.t.loadImage(context.Background(), url)
		if err != nil {
			return nil // the placeholder stays: the picture is a help, not a need
		}
		return b
	}, func(b []byte) {
		if b == nil {
			return
		}
		c.image = fyne.NewStaticResource("offer-"+c.offer.ID, b)
		c.img.Resource = c.image
		c.img.Refresh()
	})
}
