package screens

import (
	"context"
	"log"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// keysSection is the Settings part that lists the keys and changes the selected one: rename,
// make active, retire, put back in use, and re-enter its AppSecret or a token. A change that
// touches the active key calls onKeysChanged, so the shell restarts what ran on it.
type keysSection struct {
	app           *app.App
	win           fyne.Window
	onKeysChanged func()

	rows     []app.KeyOverview
	selected int64          // the selected key's id; 0 when none
	work     sync.WaitGroup // reads and live checks in flight

	view                           *fyne.Container
	none, readFailed, pick, notice *widget.Label
	list                           *widget.List
	listBox                        *fyne.Container
	actions                        *fyne.Container
	tokens                         *fyne.Container // a Re-enter token button per account

	rename, makeActive, retire, putBack, secret *widget.Button

	renameDialog *renameDialog
	reenter      *reenterDialog
	confirm      dialog.Dialog
	failed       dialog.Dialog
}

func newKeysSection(a *app.App, w fyne.Window, onKeysChanged func()) *keysSection {
	if onKeysChanged == nil {
		onKeysChanged = func() {}
	}
	return &keysSection{app: a, win: w, onKeysChanged: onKeysChanged}
}

func (s *keysSection) build() fyne.CanvasObject {
	s.none = para(i18n.T(i18n.KeysNone, nil))
	s.readFailed = &widget.Label{Text: i18n.T(i18n.KeysReadFailed, nil), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	s.pick = &widget.Label{Text: i18n.T(i18n.KeysPick, nil), Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}}
	s.notice = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.SuccessImportance}
	s.list = &widget.List{Length: func() int { return len(s.rows) }, CreateItem: keyRow, UpdateItem: s.updateRow, OnSelected: s.onSelected}
	s.listBox = container.NewStack()

	s.rename = &widget.Button{Text: i18n.T(i18n.KeyRename, nil), Icon: theme.DocumentCreateIcon(), OnTapped: s.onRename}
	s.makeActive = &widget.Button{Text: i18n.T(i18n.KeyMakeActive, nil), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: s.onMakeActive}
	s.retire = &widget.Button{Text: i18n.T(i18n.KeyRetire, nil), Icon: theme.DeleteIcon(), OnTapped: s.onRetire}
	s.putBack = &widget.Button{Text: i18n.T(i18n.KeyPutBack, nil), Icon: theme.ViewRefreshIcon(), OnTapped: s.onPutBack}
	s.secret = &widget.Button{Text: i18n.T(i18n.KeyReenterSecret, nil), Icon: theme.VisibilityOffIcon(), OnTapped: s.onReenterSecret}
	s.tokens = container.NewHBox()
	s.actions = container.NewVBox(container.NewHBox(s.rename, s.makeActive, s.retire, s.putBack, s.secret), s.tokens)

	for _, o := range []fyne.CanvasObject{s.none, s.readFailed, s.listBox, s.pick, s.actions, s.notice} {
		o.Hide()
	}
	s.view = container.NewVBox(s.none, s.readFailed, s.listBox, s.pick, s.actions, s.notice)
	return s.view
}

// load reads the keys; call it once the section is in the window.
func (s *keysSection) load() { s.reload() }

// reload reads the keys off the event goroutine and shows them, keeping the selection.
func (s *keysSection) reload() {
	inBackground(&s.work, func() keysRead {
		rows, err := s.app.KeyOverviews(context.Background())
		return keysRead{rows, err}
	}, s.show)
}

type keysRead struct {
	rows []app.KeyOverview
	err  error
}

func (s *keysSection) show(r keysRead) {
	defer s.view.Refresh() // parts were shown or hidden: lay the section out again
	if r.err != nil {
		log.Printf("settings: read the keys: %v", r.err)
		s.readFailed.Show()
		return
	}
	s.readFailed.Hide()
	s.rows = r.rows
	s.none.Hidden = len(s.rows) > 0
	s.none.Refresh()
	if len(s.rows) == 0 {
		s.listBox.Hide()
		s.pick.Hide()
		s.actions.Hide()
		return
	}
	s.listBox.Objects = []fyne.CanvasObject{allRowsShown(s.list, len(s.rows))}
	s.listBox.Show()
	s.listBox.Refresh()
	s.list.Refresh()
	for i, o := range s.rows {
		if o.Key.ID == s.selected {
			s.list.Select(i) // no call back when it is selected already, so show it here too
			s.showActions(o)
			return
		}
	}
	s.list.UnselectAll()
	s.selected = 0
	s.actions.Hide()
	s.pick.Show()
}

func (s *keysSection) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	name, state, details, accounts := keyRowParts(o)
	if id >= len(s.rows) {
		return
	}
	k := s.rows[id]
	name.SetText(listedKeyName(k))
	text, importance := listedKeyState(k)
	state.Importance = importance
	state.SetText(text)
	details.SetText(keyDetails(k))
	accounts.SetText(keyAccounts(k.Accounts))
	o.(*fyne.Container).Objects[0].Refresh() // the state follows the name, whose width changed
}

func (s *keysSection) onSelected(id widget.ListItemID) {
	if id >= len(s.rows) {
		return
	}
	s.selected = s.rows[id].Key.ID
	s.notice.Hide()
	s.showActions(s.rows[id])
}

// showActions shows the actions that apply to key k: making active needs a finished key in use,
// re-entering needs an AppKey, and a token needs its account.
func (s *keysSection) showActions(k app.KeyOverview) {
	usable := k.Key.AppKey != "" && len(k.Accounts) > 0
	s.makeActive.Hidden = k.Key.Active || k.Key.Retired || !usable
	s.retire.Hidden = k.Key.Retired
	s.putBack.Hidden = !k.Key.Retired
	s.secret.Hidden = k.Key.AppKey == ""
	buttons := make([]fyne.CanvasObject, 0, len(k.Accounts))
	if k.Key.AppKey != "" {
		for _, acc := range k.Accounts {
			login := acc.LoginID
			buttons = append(buttons, &widget.Button{
				Text: i18n.T(i18n.KeyReenterToken, map[string]any{"Login": login}), Icon: theme.VisibilityOffIcon(),
				OnTapped: func() { s.onReenterToken(login) },
			})
		}
	}
	s.tokens.Objects = buttons
	s.tokens.Refresh()
	s.pick.Hide()
	s.actions.Show()
	s.actions.Refresh()
	s.view.Refresh()
}

// current is the selected key's row; ok is false when none is selected.
func (s *keysSection) current() (app.KeyOverview, bool) {
	for _, o := range s.rows {
		if o.Key.ID == s.selected {
			return o, true
		}
	}
	return app.KeyOverview{}, false
}

func (s *keysSection) onMakeActive() {
	k, ok := s.current()
	if !ok {
		return
	}
	name := map[string]any{"Name": listedKeyName(k)}
	s.confirm = dialog.NewCustomConfirm(i18n.T(i18n.KeyMakeActiveTitle, name), i18n.T(i18n.KeyMakeActive, nil), i18n.T(i18n.DialogCancel, nil),
		para(i18n.T(i18n.KeyMakeActiveBody, nil)), func(yes bool) {
			if yes {
				s.changed(k, s.app.MakeKeyActive(context.Background(), k.Key.ID), true)
			}
		}, s.win)
	s.confirm.Show()
}

func (s *keysSection) onRetire() {
	k, ok := s.current()
	if !ok {
		return
	}
	body := container.NewVBox(para(i18n.T(i18n.KeyRetireBody, nil)))
	if k.Key.Active {
		body.Add(&widget.Label{Text: i18n.T(i18n.KeyRetireActive, nil), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
	s.confirm = dialog.NewCustomConfirm(i18n.T(i18n.KeyRetireTitle, map[string]any{"Name": listedKeyName(k)}), i18n.T(i18n.KeyRetireConfirm, nil),
		i18n.T(i18n.DialogCancel, nil), body, func(yes bool) {
			if yes {
				s.changed(k, s.app.RetireKey(context.Background(), k.Key.ID), k.Key.Active)
			}
		}, s.win)
	s.confirm.Resize(fyne.NewSize(480, s.confirm.MinSize().Height))
	s.confirm.Show()
}

func (s *keysSection) onPutBack() {
	if k, ok := s.current(); ok {
		s.changed(k, s.app.ReturnKey(context.Background(), k.Key.ID), false)
	}
}

// changed ends a change of key k: a refusal or failure is explained, anything else read again,
// and the shell told when the active key is touched.
func (s *keysSection) changed(k app.KeyOverview, err error, touchesActive bool) {
	if err != nil {
		s.showProblem(err)
		return
	}
	s.reload()
	if touchesActive {
		s.onKeysChanged()
	}
}

// showProblem explains why a key change was refused or failed, in words with what to do next.
func (s *keysSection) showProblem(err error) {
	text := app.ExplainKeyError(err)
	if text == "" {
		log.Printf("settings: change a key: %v", err)
		text = i18n.T(i18n.KeyChangeFailedBody, nil)
	}
	s.failed = dialog.NewCustom(i18n.T(i18n.KeyChangeFailedTitle, nil), i18n.T(i18n.DialogClose, nil), para(text), s.win)
	s.failed.Resize(fyne.NewSize(440, s.failed.MinSize().Height))
	s.failed.Show()
}
