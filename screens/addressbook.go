package screens

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// addressBook is the dialog where addresses are chosen, added, edited and deleted; the chosen
// one is where the cart is delivered.
type addressBook struct {
	t         *orderEntryTab
	addresses []app.Address
	selected  int // index in addresses; -1 for none

	list    *widget.List
	empty   *widget.Label
	problem *widget.Label
	edit    *widget.Button
	remove  *widget.Button
	use     *widget.Button
	dlg     *dialog.CustomDialog
	form    *addressForm
	confirm dialog.Dialog
}

func newAddressBook(t *orderEntryTab) *addressBook { return &addressBook{t: t, selected: -1} }

// show opens the address book, with the cart's address selected.
func (b *addressBook) show() {
	b.list = &widget.List{Length: func() int { return len(b.addresses) }, CreateItem: newAddressRow, UpdateItem: b.updateRow}
	b.list.ExtendBaseWidget(b.list)
	b.list.OnSelected = func(id widget.ListItemID) { b.selected = id; b.showButtons() }
	b.empty = &widget.Label{Text: i18n.T(i18n.AddrBookEmpty, nil), Wrapping: fyne.TextWrapWord, Alignment: fyne.TextAlignCenter}
	b.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	b.problem.Hide()
	add := &widget.Button{Text: i18n.T(i18n.AddrAdd, nil), Icon: theme.ContentAddIcon(), OnTapped: func() { b.openForm(app.Address{}) }}
	b.edit = &widget.Button{Text: i18n.T(i18n.AddrEdit, nil), Icon: theme.DocumentCreateIcon(), OnTapped: func() { b.openForm(b.addresses[b.selected]) }}
	b.remove = &widget.Button{Text: i18n.T(i18n.AddrDelete, nil), Icon: theme.DeleteIcon(), OnTapped: b.onDelete}
	b.use = &widget.Button{Text: i18n.T(i18n.AddrUse, nil), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: b.onUse}
	closeB := &widget.Button{Text: i18n.T(i18n.DialogClose, nil), OnTapped: func() { b.dlg.Hide() }}
	b.reload(b.t.cart.addressID)

	buttons := container.NewHBox(add, b.edit, b.remove)
	content := container.NewBorder(nil, container.NewVBox(b.problem, buttons), nil, nil, container.NewStack(b.list, b.empty))
	b.dlg = dialog.NewCustomWithoutButtons(i18n.T(i18n.AddrBookTitle, nil), content, b.t.o.win)
	b.dlg.SetButtons([]fyne.CanvasObject{closeB, b.use})
	b.dlg.SetOnClosed(b.t.cart.reloadAddresses)
	b.dlg.Resize(fyne.NewSize(620, 460))
	b.dlg.Show()
}

// reload reads the address book and selects the address with id selectID.
func (b *addressBook) reload(selectID int64) {
	addrs, err := b.t.o.app.Addresses(context.Background())
	if err != nil {
		b.showProblem(err)
		return
	}
	b.addresses, b.selected = addrs, -1
	b.list.UnselectAll()
	b.list.Refresh()
	for i, a := range addrs {
		if a.ID == selectID {
			b.list.Select(i)
		}
	}
	b.empty.Hidden = len(addrs) > 0
	b.empty.Refresh()
	b.showButtons()
}

func (b *addressBook) showButtons() {
	for _, btn := range []*widget.Button{b.edit, b.remove, b.use} {
		if b.selected >= 0 && b.selected < len(b.addresses) {
			btn.Enable()
		} else {
			btn.Disable()
		}
	}
}

func newAddressRow() fyne.CanvasObject {
	name := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	where := &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance}
	return container.NewVBox(name, where)
}

// updateRow sets every field of a reused row.
func (b *addressBook) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	a := b.addresses[id]
	rows := o.(*fyne.Container).Objects
	name := strings.TrimSpace(a.Label + "  " + a.FullName + "  " + a.Mobile + " " + a.Phone)
	if a.Default {
		name += "  · " + i18n.T(i18n.AddrDefault, nil)
	}
	rows[0].(*widget.Label).SetText(name)
	rows[1].(*widget.Label).SetText(addressPlace(a))
}

// addressPlace is where an address is: province, city, district, town and street.
func addressPlace(a app.Address) string {
	var parts []string
	for _, p := range []string{a.Province, a.City, a.Area, a.Town, a.Street, a.PostCode} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// addressSummary is an address as the delivery choice shows it.
func addressSummary(a app.Address) string {
	who := a.FullName
	if a.Label != "" {
		who = a.Label + " — " + a.FullName
	}
	return who + ", " + addressPlace(a)
}

func (b *addressBook) onUse() {
	if b.selected < 0 {
		return
	}
	b.t.cart.addressID = b.addresses[b.selected].ID
	b.dlg.Hide()
}

// onDelete removes the selected address once the user confirms.
func (b *addressBook) onDelete() {
	if b.selected < 0 {
		return
	}
	a := b.addresses[b.selected]
	body := para(i18n.T(i18n.AddrDeleteBody, map[string]any{"Address": addressSummary(a)}))
	b.confirm = dialog.NewCustomConfirm(i18n.T(i18n.AddrDeleteTitle, nil), i18n.T(i18n.AddrDelete, nil),
		i18n.T(i18n.DialogCancel, nil), body, func(ok bool) {
			if !ok {
				return
			}
			if err := b.t.o.app.DeleteAddress(context.Background(), a.ID); err != nil {
				b.showProblem(err)
				return
			}
			b.reload(0)
		}, b.t.o.win)
	b.confirm.Show()
}

func (b *addressBook) showProblem(err error) {
	b.problem.SetText(joinSentences(app.ExplainOrderError(err)))
	b.problem.Show()
}

// addressForm adds or edits one address; a refusal keeps it open with the reason.
type addressForm struct {
	addr                                             app.Address
	label, name, mobile, phone, province, city, area *widget.Entry
	street, postCode                                 *widget.Entry
	problem                                          *widget.Label
	dlg                                              *dialog.CustomDialog
}

func (b *addressBook) openForm(addr app.Address) {
	f := &addressForm{addr: addr}
	entry := func(text string) *widget.Entry { return &widget.Entry{Text: text} }
	f.label, f.name, f.mobile, f.phone = entry(addr.Label), entry(addr.FullName), entry(addr.Mobile), entry(addr.Phone)
	f.province, f.city, f.area = entry(addr.Province), entry(addr.City), entry(addr.Area)
	f.street, f.postCode = entry(addr.Street), entry(addr.PostCode)
	f.label.PlaceHolder = i18n.T(i18n.AddrLabelHint, nil)
	f.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	f.problem.Hide()
	field := func(m *i18n.Message) *widget.Label { return widget.NewLabel(i18n.T(m, nil)) }
	form := container.New(layout.NewFormLayout(),
		field(i18n.AddrLabel), f.label, field(i18n.AddrFullName), f.name,
		field(i18n.AddrMobile), f.mobile, field(i18n.AddrPhone), f.phone,
		field(i18n.AddrProvince), f.province, field(i18n.AddrCity), f.city, field(i18n.AddrArea), f.area,
		field(i18n.AddrStreet), f.street, field(i18n.AddrPostCode), f.postCode)
	title := i18n.AddrNewTitle
	if addr.ID != 0 {
		title = i18n.AddrEditTitle
	}
	cancel := &widget.Button{Text: i18n.T(i18n.DialogCancel, nil), OnTapped: func() { f.dlg.Hide() }}
	save := &widget.Button{Text: i18n.T(i18n.EntrySave, nil), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: func() { b.onSave(f) }}
	f.dlg = dialog.NewCustomWithoutButtons(i18n.T(title, nil), container.NewVBox(form, f.problem), b.t.o.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	f.dlg.Resize(fyne.NewSize(560, 0))
	b.form = f
	f.dlg.Show()
}

// onSave checks and stores the form's address, then selects it.
func (b *addressBook) onSave(f *addressForm) {
	a := f.addr
	a.Label, a.FullName, a.Mobile, a.Phone = f.label.Text, f.name.Text, f.mobile.Text, f.phone.Text
	a.Province, a.City, a.Area, a.Street, a.PostCode = f.province.Text, f.city.Text, f.area.Text, f.street.Text, f.postCode.Text
	id, err := b.t.o.app.SaveAddress(context.Background(), a)
	if err != nil {
		f.problem.SetText(joinSentences(app.ExplainOrderError(err)))
		f.problem.Show()
		return
	}
	f.dlg.Hide()
	b.reload(id)
}
