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
	"github.com/pkg/browser"

	"caigou/app"
	"caigou/i18n"
)

// dataFolderSection shows where the data is and where the secrets are, opens the folder in the
// file manager, and moves the data to another folder: choose it, confirm, copy and check with a
// progress dialog, then onMoved(the new folder) for the shell to reopen caigou there.
type dataFolderSection struct {
	app     *app.App
	win     fyne.Window
	onMoved func(newDir string)
	openURL func(string) error // browser.OpenURL; tests replace it
	work    sync.WaitGroup     // the move and the keychain probe in flight

	secrets    *widget.Label
	openButton *widget.Button
	moveButton *widget.Button

	chooser    *dialog.FileDialog
	confirm    *dialog.ConfirmDialog
	progress   dialog.Dialog
	bar        *widget.ProgressBar
	failed     dialog.Dialog
	openFailed dialog.Dialog
}

func newDataFolderSection(a *app.App, w fyne.Window, onMoved func(newDir string)) *dataFolderSection {
	return &dataFolderSection{app: a, win: w, onMoved: onMoved, openURL: browser.OpenURL}
}

func (s *dataFolderSection) build() fyne.CanvasObject {
	path := &widget.Label{Text: s.app.DataDir(), Selectable: true, Wrapping: fyne.TextWrapBreak}
	s.secrets = &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}}
	s.openButton = &widget.Button{Text: i18n.T(i18n.DataFolderOpen, nil), Icon: theme.FolderOpenIcon(), OnTapped: s.onOpen}
	s.moveButton = &widget.Button{Text: i18n.T(i18n.DataFolderMove, nil), Icon: theme.MailForwardIcon(), OnTapped: s.onMove}
	return section(i18n.T(i18n.SettingsDataFolder, nil), path, s.secrets, container.NewHBox(s.openButton, s.moveButton))
}

// load says where the secrets are kept; call it once the section is in the window. Probing the
// keychain can wait on D-Bus, so it runs off the event goroutine.
func (s *dataFolderSection) load() {
	inBackground(&s.work, s.app.Secrets().InKeychain, s.showSecrets)
}

func (s *dataFolderSection) showSecrets(inKeychain bool) {
	if inKeychain {
		s.secrets.SetText(i18n.T(i18n.DataFolderSecretsKeychain, nil))
		return
	}
	s.secrets.SetText(i18n.T(i18n.DataFolderSecretsDatabase, nil))
}

// onOpen shows the data folder in the file manager; when none starts, its address to copy.
func (s *dataFolderSection) onOpen() {
	address := folderURL(s.app.DataDir())
	if err := s.openURL(address); err != nil {
		log.Printf("settings: open the data folder: %v", err)
		s.openFailed = showOpenFailedDialog(s.win, address)
	}
}

// onMove asks for the folder to move the data to.
func (s *dataFolderSection) onMove() {
	s.chooser = dialog.NewFolderOpen(s.onFolderChosen, s.win)
	labelFileDialog(s.chooser, i18n.DataFolderChooseTitle, i18n.DataFolderChooseConfirm)
	s.chooser.Show()
}

// onFolderChosen is the folder dialog's answer: nil when the user cancelled.
func (s *dataFolderSection) onFolderChosen(dir fyne.ListableURI, err error) {
	switch {
	case err != nil:
		log.Printf("settings: choose a data folder: %v", err)
		s.showFailure(app.ErrMoveNotWritable)
	case dir != nil:
		s.confirmMove(shownPath(dir))
	}
}

// confirmMove says what a move does before it starts.
func (s *dataFolderSection) confirmMove(to string) {
	body := para(i18n.T(i18n.DataFolderConfirmBody, map[string]any{"Folder": to}))
	s.confirm = dialog.NewCustomConfirm(i18n.T(i18n.DataFolderConfirmTitle, nil),
		i18n.T(i18n.DataFolderConfirmMove, nil), i18n.T(i18n.DialogCancel, nil), body,
		func(ok bool) {
			if ok {
				s.startMove(to)
			}
		}, s.win)
	s.confirm.Resize(fyne.NewSize(520, s.confirm.MinSize().Height))
	s.confirm.Show()
}

// startMove copies, checks and switches in the background behind a progress dialog.
func (s *dataFolderSection) startMove(to string) {
	s.bar = widget.NewProgressBar()
	body := container.NewVBox(para(i18n.T(i18n.DataFolderMovingBody, map[string]any{"Folder": to})), s.bar)
	s.progress = dialog.NewCustomWithoutButtons(i18n.T(i18n.DataFolderMovingTitle, nil), body, s.win)
	s.progress.Resize(fyne.NewSize(480, s.progress.MinSize().Height))
	s.progress.Show()
	s.moveButton.Disable()
	bar := s.bar
	a := s.app
	inBackground(&s.work, func() error {
		err := a.MoveData(context.Background(), to, func(done, total int64) {
			if total > 0 {
				fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
			}
		})
		if err != nil {
			log.Printf("settings: move the data to %s: %v", to, err)
		}
		return err
	}, func(err error) {
		s.progress.Hide()
		s.moveButton.Enable()
		if err != nil {
			s.showFailure(err)
			return
		}
		s.onMoved(to)
	})
}

// showFailure explains why the data was not moved; nothing changed.
func (s *dataFolderSection) showFailure(err error) {
	body := container.NewVBox(para(app.ExplainMoveError(err)), para(i18n.T(i18n.DataFolderNothingChanged, nil)))
	s.failed = dialog.NewCustom(i18n.T(i18n.DataFolderMoveFailedTitle, nil), i18n.T(i18n.DialogClose, nil), body, s.win)
	s.failed.Resize(fyne.NewSize(480, s.failed.MinSize().Height))
	s.failed.Show()
}
