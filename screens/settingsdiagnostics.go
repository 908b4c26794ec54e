package screens

import (
	"context"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// zipFilter lets the save dialog show only zip files.
var zipFilter = storage.NewExtensionFileFilter([]string{".zip"})

// diagnosticsSection is Settings' diagnostics part: it says what the file holds and that it
// holds no secret, asks where to save it, writes it in the background and says where it is.
type diagnosticsSection struct {
	app    *app.App
	win    fyne.Window
	logDir string
	now    func() time.Time

	writing bool
	work    sync.WaitGroup // the write in flight, for tests

	create     *widget.Button
	activity   *widget.Activity
	working    *widget.Label
	saveDialog *dialog.FileDialog
	done       dialog.Dialog // shown once the file is written
	failed     dialog.Dialog // shown when it could not be
}

// diagnosticsOutcome is what a write of the file did.
type diagnosticsOutcome struct {
	path string
	err  error
}

// newDiagnosticsSection builds the section; logDir is the folder of the rotating log, whose last
// lines go into the file.
func newDiagnosticsSection(a *app.App, w fyne.Window, logDir string) *diagnosticsSection {
	return &diagnosticsSection{app: a, win: w, logDir: logDir, now: time.Now}
}

// build is the section's content, under a title the settings screen gives it.
func (s *diagnosticsSection) build() fyne.CanvasObject {
	s.create = &widget.Button{Text: i18n.T(i18n.DiagnosticsCreate, nil), Icon: theme.DocumentSaveIcon(), OnTapped: s.onCreate}
	s.activity = widget.NewActivity()
	s.working = &widget.Label{Text: i18n.T(i18n.DiagnosticsWriting, nil)}
	s.show()
	return container.NewVBox(para(i18n.T(i18n.DiagnosticsHint, nil)), container.NewHBox(s.create),
		container.NewHBox(s.activity, s.working))
}

// diagnosticsFileName is the file's suggested name, e.g. caigou-diagnostics-20260302-0930.zip.
func diagnosticsFileName(now time.Time) string {
	return "caigou-diagnostics-" + now.Format("20060102-1504") + ".zip"
}

// onCreate asks where to save the file.
func (s *diagnosticsSection) onCreate() {
	s.saveDialog = dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		switch {
		case err != nil:
			log.Printf("settings: choose where to save the diagnostics file: %v", err)
			s.showFailed()
		case w != nil:
			s.writeTo(w)
		}
	}, s.win)
	s.saveDialog.SetFilter(zipFilter)
	s.saveDialog.SetFileName(diagnosticsFileName(s.now()))
	labelFileDialog(s.saveDialog, i18n.DiagnosticsSaveTitle, i18n.DiagnosticsSaveConfirm)
	s.saveDialog.Show()
}

// writeTo writes the diagnostics file to w in the background and closes w. A file that could not
// be written whole is deleted, so no half file is sent. It is what the save dialog calls.
func (s *diagnosticsSection) writeTo(w fyne.URIWriteCloser) {
	if s.writing {
		_ = w.Close()
		return
	}
	s.writing = true
	s.show()
	a, logDir, now := s.app, s.logDir, s.now()
	inBackground(&s.work, func() diagnosticsOutcome {
		err := writeWhole(w, func(out io.Writer) error {
			return a.WriteDiagnostics(context.Background(), out, logDir, now)
		}, func(closeErr error) error { return fmt.Errorf("diagnostics: close the file: %w", closeErr) })
		if err != nil {
			log.Printf("settings: write the diagnostics file: %v", err)
		}
		return diagnosticsOutcome{path: shownPath(w.URI()), err: err}
	}, s.onWritten)
}

func (s *diagnosticsSection) onWritten(out diagnosticsOutcome) {
	s.writing = false
	s.show()
	if out.err != nil {
		s.showFailed()
		return
	}
	path := &widget.Label{Text: out.path, Selectable: true, Wrapping: fyne.TextWrapBreak}
	content := container.NewVBox(para(i18n.T(i18n.DiagnosticsDoneBody, nil)), path)
	s.done = dialog.NewCustom(i18n.T(i18n.DiagnosticsDoneTitle, nil), i18n.T(i18n.DialogClose, nil), content, s.win)
	s.done.Resize(fyne.NewSize(480, s.done.MinSize().Height))
	s.done.Show()
}

func (s *diagnosticsSection) showFailed() {
	s.failed = showProblemDialog(s.win, i18n.DiagnosticsFailedTitle, i18n.DiagnosticsFailedBody)
}

// show sets the button and the spinner from the state.
func (s *diagnosticsSection) show() {
	busyButton(s.create, s.activity, s.writing)
	s.working.Hidden = !s.writing
	s.working.Refresh()
}
