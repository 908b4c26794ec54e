package screens

import (
	"context"
	"image/color"
	"log"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// The status mapping: how each 1688 order status is shown as one of the user's own statuses.
// Orders keep only their 1688 status and read the own status through status_map, so a change
// here applies to every order at once, the old ones too.

// statusNames are the 1688 statuses of status_map in plain words.
var statusNames = map[string]*i18n.Message{
	"waitbuyerpay":                  i18n.OrderStatusWaitBuyerPay,
	"waitsellersend":                i18n.OrderStatusWaitSellerSend,
	"waitlogisticstakein":           i18n.OrderStatusWaitLogisticsTakeIn,
	"waitbuyerreceive":              i18n.OrderStatusWaitBuyerReceive,
	"waitbuyersign":                 i18n.OrderStatusWaitBuyerSign,
	"signinsuccess":                 i18n.OrderStatusSignInSuccess,
	"confirm_goods":                 i18n.OrderStatusConfirmGoods,
	"confirm_goods_and_has_subsidy": i18n.OrderStatusConfirmGoodsSubsidy,
	"confirm_goods_but_not_fund":    i18n.OrderStatusConfirmGoodsNotFund,
	"success":                       i18n.OrderStatusSuccess,
	"cancel":                        i18n.OrderStatusCancel,
	"terminated":                    i18n.OrderStatusTerminated,
}

// ownStatusNames are the own statuses of storage.OwnStatuses.
var ownStatusNames = map[string]*i18n.Message{
	"paid":              i18n.OwnStatusPaid,
	"ordered":           i18n.OwnStatusOrdered,
	"received":          i18n.OwnStatusReceived,
	"unable_to_deliver": i18n.OwnStatusUnableToDeliver,
}

func statusName(status string) string {
	if m, ok := statusNames[status]; ok {
		return i18n.T(m, nil)
	}
	return i18n.T(i18n.OrderStatusUnknown, nil)
}

// ownStatusName is the own status in the user's language; an id caigou has no name for is shown
// as it is stored.
func ownStatusName(own string) string {
	if m, ok := ownStatusNames[own]; ok {
		return i18n.T(m, nil)
	}
	return own
}

// longestStatus is the longest code in status_map: it sets the width of the code column.
const longestStatus = "confirm_goods_and_has_subsidy"

// statusMappingRow is the template of a row: the code, its plain name and the own status, which
// is a Select where it can be changed and a Label where it is only shown. The edges are as wide
// as their longest text, so the columns line up.
func statusMappingRow(own fyne.CanvasObject) *fyne.Container {
	code := &widget.Label{Text: longestStatus, TextStyle: fyne.TextStyle{Monospace: true}}
	// NewLabel, not a literal: a literal resized before it is first measured never lays out its
	// text, so the ellipsis would not be drawn.
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, fixedWidth(code), fixedWidth(own), name)
}

// fixedWidth keeps o at the width it has now, whatever text it shows later.
func fixedWidth(o fyne.CanvasObject) *fyne.Container {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(o.MinSize().Width, 0))
	return container.NewStack(space, o)
}

// statusRowParts are the widgets of a row made by statusMappingRow. A Border container keeps
// the centre first, then the edges in the order given; each edge is a fixedWidth stack.
func statusRowParts(o fyne.CanvasObject) (code, name *widget.Label, own fyne.CanvasObject) {
	objs := o.(*fyne.Container).Objects
	return objs[1].(*fyne.Container).Objects[1].(*widget.Label), objs[0].(*widget.Label), objs[2].(*fyne.Container).Objects[1]
}

// longestOwnStatus is the longest own status in the user's language.
func longestOwnStatus() string {
	longest := ""
	for _, own := range storage.OwnStatuses() {
		if n := ownStatusName(own); len([]rune(n)) > len([]rune(longest)) {
			longest = n
		}
	}
	return longest
}

// allRowsShown gives list the height of its n rows: inside a scrolled screen a list would
// otherwise shrink to one row.
func allRowsShown(list *widget.List, n int) fyne.CanvasObject {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, rowsHeight(list, n)))
	return container.NewStack(space, list)
}

// rowsHeight is the height of n rows of list, one row at least.
func rowsHeight(list *widget.List, n int) float32 {
	row := list.CreateItem().MinSize().Height
	pad := theme.Padding()
	return max(float32(n)*(row+pad)-pad, row)
}

// statusMappingList shows the mapping without changing it, as the wizard's summary does.
func statusMappingList(rows []storage.StatusMapping) fyne.CanvasObject {
	list := &widget.List{
		Length: func() int { return len(rows) },
		CreateItem: func() fyne.CanvasObject {
			return statusMappingRow(&widget.Label{Text: longestOwnStatus(), TextStyle: fyne.TextStyle{Bold: true}})
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			code, name, own := statusRowParts(o)
			code.SetText(rows[id].Status)
			name.SetText(statusName(rows[id].Status))
			own.(*widget.Label).SetText(ownStatusName(rows[id].OwnStatus))
		},
	}
	return allRowsShown(list, len(rows))
}

// statusMappingEditor is the Settings section that edits the mapping, one Select per status.
type statusMappingEditor struct {
	app *app.App
	win fyne.Window

	rows   []storage.StatusMapping
	owns   []string // storage.OwnStatuses, in the order the Selects offer them
	list   *widget.List
	failed dialog.Dialog
}

func newStatusMappingEditor(a *app.App, w fyne.Window) *statusMappingEditor {
	return &statusMappingEditor{app: a, win: w, owns: storage.OwnStatuses()}
}

func (e *statusMappingEditor) build() fyne.CanvasObject {
	rows, err := e.app.StatusMapping(context.Background())
	if err != nil {
		log.Printf("settings: read the status mapping: %v", err)
		return &widget.Label{Text: i18n.T(i18n.StatusMappingReadFailed, nil), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	}
	e.rows = rows
	e.list = &widget.List{
		Length:     func() int { return len(e.rows) },
		CreateItem: e.createRow,
		UpdateItem: e.updateRow,
	}
	return container.NewVBox(
		para(i18n.T(i18n.StatusMappingIntro, nil)),
		allRowsShown(e.list, len(e.rows)),
		&widget.Label{Text: i18n.T(i18n.StatusMappingAppliesToAll, nil), Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}},
	)
}

func (e *statusMappingEditor) ownLabels() []string {
	labels := make([]string, len(e.owns))
	for i, own := range e.owns {
		labels[i] = ownStatusName(own)
	}
	return labels
}

func (e *statusMappingEditor) createRow() fyne.CanvasObject {
	// A Select is as wide as its placeholder: the longest option makes every row's as wide.
	return statusMappingRow(&widget.Select{Options: e.ownLabels(), PlaceHolder: longestOwnStatus()})
}

func (e *statusMappingEditor) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	code, name, own := statusRowParts(o)
	code.SetText(e.rows[id].Status)
	name.SetText(statusName(e.rows[id].Status))
	sel := own.(*widget.Select)
	// The row may have shown another status: showing this one's value is not a change.
	sel.OnChanged = nil
	sel.SetSelected(ownStatusName(e.rows[id].OwnStatus))
	sel.OnChanged = func(label string) { e.onOwnChanged(id, label) }
}

func (e *statusMappingEditor) onOwnChanged(id widget.ListItemID, label string) {
	i := slices.Index(e.ownLabels(), label)
	if i < 0 || e.owns[i] == e.rows[id].OwnStatus {
		return
	}
	if err := e.app.SetOwnStatus(context.Background(), e.rows[id].Status, e.owns[i]); err != nil {
		log.Printf("settings: change the status mapping: %v", err)
		e.list.RefreshItem(id) // puts the saved value back
		e.failed = showProblemDialog(e.win, i18n.SaveFailedTitle, i18n.StatusMappingSaveFailed)
		return
	}
	e.rows[id].OwnStatus = e.owns[i]
}
