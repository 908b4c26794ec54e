package screens

import (
	"context"
	"log"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// cartPanel is the cart: its lines grouped by seller, each seller's optional message, the
// delivery address, and Preview, which leads to placing.
type cartPanel struct {
	t         *orderEntryTab
	lines     []storage.CartLine
	rows      []cartRow
	messages  map[string]string // seller member id → message to the seller
	addressID int64
	addresses []app.Address
	placing   bool // PlaceCart runs: a second Place does nothing
	capFull   bool // the active key has used all its products (orderscap.go)

	list     *widget.List
	empty    *widget.Label
	address  *widget.Select
	problem  *widget.Label
	preview  *widget.Button
	busy     *widget.ProgressBarInfinite
	confirm  dialog.Dialog
	message  dialog.Dialog
	previewD *dialog.CustomDialog
	capBox   *fyne.Container
	root     *fyne.Container // laid out again when the cap notice shows or hides
	results  dialog.Dialog
}

// cartRow is a seller's heading (line < 0) or one of the cart's lines.
type cartRow struct {
	seller string // member id; "" for the lines not looked up yet
	login  string
	line   int
}

func newCartPanel(t *orderEntryTab) *cartPanel { return &cartPanel{t: t} }

func (c *cartPanel) build() fyne.CanvasObject {
	if c.messages == nil { // read when Orders is first shown, not before the first frame
		messages, err := c.t.o.app.SellerMessages(context.Background())
		if err != nil {
			log.Printf("orders: read the messages to the sellers: %v", err)
		}
		c.messages = messages
	}
	c.list = &widget.List{Length: func() int { return len(c.rows) }, CreateItem: newCartRowView, UpdateItem: c.updateRow}
	c.list.ExtendBaseWidget(c.list)
	c.empty = &widget.Label{Text: i18n.T(i18n.CartEmpty, nil), Wrapping: fyne.TextWrapWord, Alignment: fyne.TextAlignCenter}
	c.address = &widget.Select{PlaceHolder: i18n.T(i18n.CartChooseAddress, nil)}
	book := &widget.Button{Text: i18n.T(i18n.CartAddressBook, nil), Icon: theme.AccountIcon(), OnTapped: func() { c.t.book.show() }}
	c.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	c.problem.Hide()
	c.preview = &widget.Button{Text: i18n.T(i18n.CartPreview, nil), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: c.onPreview}
	c.busy = widget.NewProgressBarInfinite()
	c.busy.Hide()
	c.reload()
	c.reloadAddresses()

	deliver := container.NewBorder(nil, nil, widget.NewLabel(i18n.T(i18n.CartDeliverTo, nil)), book, c.address)
	bottom := container.NewVBox(widget.NewSeparator(), c.buildCap(), deliver, c.problem, container.NewBorder(nil, nil, nil, c.preview, c.busy))
	c.root = container.NewBorder(heading(i18n.T(i18n.CartTitle, nil)), bottom, nil, nil, container.NewStack(c.list, c.empty))
	return c.root
}

// reload reads the cart again and groups it by seller.
func (c *cartPanel) reload() {
	lines, err := c.t.o.app.Cart(context.Background())
	if err != nil {
		c.showProblem(joinSentences(app.ExplainOrderError(err)))
		return
	}
	c.lines, c.rows = lines, c.rows[:0]
	for i, l := range lines {
		if i == 0 || l.SellerMemberID != lines[i-1].SellerMemberID {
			c.rows = append(c.rows, cartRow{seller: l.SellerMemberID, login: l.SellerLoginID, line: -1})
		}
		c.rows = append(c.rows, cartRow{seller: l.SellerMemberID, login: l.SellerLoginID, line: i})
	}
	if c.list == nil {
		return
	}
	c.list.Refresh()
	c.empty.Hidden = len(lines) > 0
	c.empty.Refresh()
	if len(lines) == 0 {
		c.preview.Disable()
	} else if !c.placing {
		c.preview.Enable()
	}
}

// cartRowView is a list row: a seller's heading or a line, one of them shown.
type cartRowView struct {
	widget.BaseWidget
	seller, note     *widget.Label
	messageB         *widget.Button
	title, detail    *widget.Label
	qty              *widget.Entry
	total            *widget.Label
	remove           *widget.Button
	headBox, lineBox *fyne.Container
}

func newCartRowView() fyne.CanvasObject {
	v := &cartRowView{
		seller:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		note:     &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance},
		messageB: &widget.Button{Icon: theme.MailComposeIcon()},
		title:    &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		detail:   &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance},
		qty:      &widget.Entry{},
		total:    &widget.Label{Alignment: fyne.TextAlignTrailing},
		remove:   &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance},
	}
	v.headBox = container.NewBorder(nil, nil, nil, container.NewCenter(v.messageB), container.NewVBox(v.seller, v.note))
	qty := container.NewGridWrap(fyne.NewSize(72, v.qty.MinSize().Height), v.qty)
	right := container.NewHBox(container.NewCenter(qty), container.NewGridWrap(fyne.NewSize(96, v.total.MinSize().Height*2), container.NewVBox(layout.NewSpacer(), v.total, layout.NewSpacer())), container.NewCenter(v.remove))
	v.lineBox = container.NewBorder(nil, nil, nil, right, container.NewVBox(v.title, v.detail))
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer shows whichever of the heading and the line is not hidden.
func (v *cartRowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(v.headBox, v.lineBox))
}

// updateRow sets every field of a reused row.
func (c *cartPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	v := o.(*cartRowView)
	r := c.rows[id]
	v.headBox.Hidden, v.lineBox.Hidden = r.line >= 0, r.line < 0
	if r.line < 0 {
		c.updateHeading(v, r)
		return
	}
	l := c.lines[r.line]
	v.qty.OnChanged = nil
	v.qty.SetText(strconv.Itoa(l.Quantity))
	v.remove.OnTapped = func() { c.onRemove(l) }
	if l.SellerMemberID == "" {
		v.title.SetText(i18n.T(i18n.CartOfferID, map[string]any{"Offer": l.OfferID}))
		v.detail.SetText(i18n.T(i18n.CartNotLoaded, nil))
		v.total.SetText("—")
	} else {
		v.title.SetText(l.Title)
		v.detail.SetText(lineDetail(l))
		v.total.SetText(i18n.Yuan(l.UnitPriceFen * int64(l.Quantity)))
	}
	v.qty.OnChanged = func(s string) { c.onQuantity(l, s, v.total) }
	v.headBox.Refresh()
	v.lineBox.Refresh()
}

func (c *cartPanel) updateHeading(v *cartRowView, r cartRow) {
	v.qty.OnChanged = nil
	if r.seller == "" {
		v.seller.SetText(i18n.T(i18n.CartNotLoadedTitle, nil))
		v.note.SetText(i18n.T(i18n.CartNotLoadedHint, nil))
		v.messageB.Hide()
	} else {
		v.seller.SetText(r.login)
		if m := c.messages[r.seller]; m != "" {
			v.note.SetText(i18n.T(i18n.CartMessageShown, map[string]any{"Message": strings.ReplaceAll(m, "\n", " ")}))
		} else {
			v.note.SetText(i18n.T(i18n.CartNoMessage, nil))
		}
		v.messageB.OnTapped = func() { c.onMessage(r.seller, r.login) }
		v.messageB.Show()
	}
	v.headBox.Refresh()
	v.lineBox.Refresh()
}

// lineDetail is a line's SKU and unit price.
func lineDetail(l storage.CartLine) string {
	each := i18n.T(i18n.CartUnitPrice, map[string]any{"Price": i18n.Yuan(l.UnitPriceFen)})
	if l.SKUText == "" {
		return each
	}
	return strings.ReplaceAll(l.SKUText, ";", ", ") + " · " + each
}

// onQuantity saves a line's new quantity as the user types it, once it is valid.
func (c *cartPanel) onQuantity(l storage.CartLine, text string, total *widget.Label) {
	minQ := max(1, l.MinQuantity)
	q, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || q < minQ {
		c.showProblem(i18n.T(i18n.CartLineProblem, map[string]any{
			"Title": lineName(l), "Reason": joinSentences(app.ExplainOrderError(app.ErrQuantityBelowMin{Min: minQ})),
		}))
		return
	}
	if err := c.t.o.app.SetCartQuantity(context.Background(), l.ID, q); err != nil {
		c.showProblem(joinSentences(app.ExplainOrderError(err)))
		return
	}
	c.problem.Hide()
	for i := range c.lines {
		if c.lines[i].ID == l.ID {
			c.lines[i].Quantity = q
		}
	}
	if l.SellerMemberID != "" {
		total.SetText(i18n.Yuan(l.UnitPriceFen * int64(q)))
	}
}

// lineName names a line in a message: its title, or its offer id before it was looked up.
func lineName(l storage.CartLine) string {
	if l.Title != "" {
		return l.Title
	}
	return l.OfferID
}

// onRemove takes a line out of the cart once the user confirms.
func (c *cartPanel) onRemove(l storage.CartLine) {
	body := para(i18n.T(i18n.CartRemoveBody, map[string]any{"Title": lineName(l)}))
	c.confirm = dialog.NewCustomConfirm(i18n.T(i18n.CartRemoveTitle, nil), i18n.T(i18n.CartRemove, nil),
		i18n.T(i18n.DialogCancel, nil), body, func(ok bool) {
			if !ok {
				return
			}
			if err := c.t.o.app.RemoveFromCart(context.Background(), l.ID); err != nil {
				c.showProblem(joinSentences(app.ExplainOrderError(err)))
			}
			c.reload()
		}, c.t.o.win)
	c.confirm.Show()
}

// onMessage edits the optional message to one seller, sent with that seller's order.
func (c *cartPanel) onMessage(seller, login string) {
	entry := newTextArea(c.messages[seller], i18n.T(i18n.CartMessagePlaceholder, nil), 4)
	c.message = dialog.NewCustomConfirm(i18n.T(i18n.CartMessageTitle, map[string]any{"Seller": login}),
		i18n.T(i18n.EntrySave, nil), i18n.T(i18n.DialogCancel, nil), entry, func(ok bool) {
			if ok {
				c.setMessage(seller, entry.Text)
				c.list.Refresh()
			}
		}, c.t.o.win)
	c.message.Resize(fyne.NewSize(480, 260))
	c.message.Show()
}

// setMessage keeps a message to a seller, in the database too, so a restart does not lose it.
func (c *cartPanel) setMessage(seller, text string) {
	text = strings.TrimSpace(text)
	if err := c.t.o.app.SetSellerMessage(context.Background(), seller, text); err != nil {
		c.showProblem(joinSentences(app.ExplainOrderError(err)))
	}
	if text == "" {
		delete(c.messages, seller)
		return
	}
	c.messages[seller] = text
}

// reloadAddresses fills the address choice, keeping the chosen one, else the default.
func (c *cartPanel) reloadAddresses() {
	addrs, err := c.t.o.app.Addresses(context.Background())
	if err != nil {
		c.showProblem(joinSentences(app.ExplainOrderError(err)))
		return
	}
	c.addresses = addrs
	options := make([]string, len(addrs))
	chosen := -1
	for i, a := range addrs {
		options[i] = addressSummary(a)
		if a.ID == c.addressID {
			chosen = i
		}
	}
	if chosen < 0 && len(addrs) > 0 {
		chosen, c.addressID = 0, addrs[0].ID // the default comes first
	}
	if chosen < 0 {
		c.addressID = 0
	}
	if c.address == nil {
		return
	}
	c.address.OnChanged = nil
	c.address.Options = options
	c.address.ClearSelected()
	if chosen >= 0 {
		c.address.SetSelectedIndex(chosen)
	}
	c.address.OnChanged = func(string) {
		if i := c.address.SelectedIndex(); i >= 0 && i < len(c.addresses) {
			c.addressID = c.addresses[i].ID
		}
	}
}

func (c *cartPanel) showProblem(text string) {
	if c.problem == nil {
		return
	}
	c.problem.SetText(text)
	c.problem.Show()
}
