package screens

import (
	"context"
	"errors"
	"image/color"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"caigou/app"
	"caigou/i18n"
	cstorage "caigou/storage"
)

// backupFilter lets the file dialogs show only backups.
var backupFilter = storage.NewExtensionFileFilter([]string{app.BackupExt})

// backupListRows is how many backups the list shows at most before it scrolls: a week of daily ones.
const backupListRows = 7

// backupKindTexts name each kind of backup in the list.
var backupKindTexts = map[app.BackupKind]*goi18n.Message{
	app.BackupManual:        i18n.BackupKindManual,
	app.BackupAuto:          i18n.BackupKindAuto,
	app.BackupBeforeRestore: i18n.BackupKindBeforeRestore,
}

// backupSection is the Settings part that backs up, lists the backups, restores one and exports
// a backup or every order. A restore is checked first, confirmed with what the file holds, and
// run behind a progress dialog between beforeRestore (the shell stops writing) and afterRestore
// (the shell rebuilds every screen over the restored data).
type backupSection struct {
	app                         *app.App
	win                         fyne.Window
	beforeRestore, afterRestore func()
	work                        sync.WaitGroup // backups, listings, checks and restores in flight

	busy    *goi18n.Message // what is running (a backup, a check, a restore); nil when nothing is
	outcome *backupOutcome  // the last backup's or export's; nil before the first
	backups []app.BackupFile
	orders  *ordersExport

	backupButton, restoreButton, exportButton, ordersButton *widget.Button
	activity, ordersActivity                                *widget.Activity
	working, result, ordersResult, empty                    *widget.Label
	list                                                    *widget.List
	listBox                                                 fyne.CanvasObject // the list, hidden while there is no backup
	listSpace                                               *canvas.Rectangle // as tall as the rows to show
	box                                                     fyne.CanvasObject // the section, laid out again when the list shows

	openDialog, saveDialog *dialog.FileDialog
	confirm                *dialog.ConfirmDialog
	progress, done, failed dialog.Dialog
}

// backupOutcome is what Back up now or Export a backup gave.
type backupOutcome struct {
	file     app.BackupFile
	exported bool // written where the user chose, not in the backups folder
	err      error
}

// inspected is what checking a backup before a restore found.
type inspected struct {
	path string
	info cstorage.BackupInfo
	err  error
}

func newBackupSection(a *app.App, w fyne.Window, beforeRestore, afterRestore func()) *backupSection {
	s := &backupSection{app: a, win: w, beforeRestore: beforeRestore, afterRestore: afterRestore}
	s.orders = &ordersExport{app: a, win: w, work: &s.work, changed: s.show}
	return s
}

func (s *backupSection) build() fyne.CanvasObject {
	s.backupButton = &widget.Button{Text: i18n.T(i18n.BackupNow, nil), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.onBackupNow}
	s.restoreButton = &widget.Button{Text: i18n.T(i18n.BackupRestoreFile, nil), Icon: theme.FolderOpenIcon(), OnTapped: s.onRestoreFile}
	s.exportButton = &widget.Button{Text: i18n.T(i18n.BackupExport, nil), Icon: theme.UploadIcon(), OnTapped: s.onExportBackup}
	s.ordersButton = &widget.Button{Text: i18n.T(i18n.BackupExportOrders, nil), Icon: theme.DocumentIcon(), OnTapped: s.orders.ask}
	s.activity, s.ordersActivity = widget.NewActivity(), widget.NewActivity()
	s.working = &widget.Label{}
	s.result = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.ordersResult = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.empty = &widget.Label{Text: i18n.T(i18n.BackupListEmpty, nil), TextStyle: fyne.TextStyle{Italic: true}}
	s.list = &widget.List{Length: func() int { return len(s.backups) }, CreateItem: newBackupRow, UpdateItem: s.updateRow}
	s.listSpace = canvas.NewRectangle(color.Transparent)
	s.listBox = container.NewStack(s.listSpace, s.list)
	s.box = section(i18n.T(i18n.BackupTitle, nil),
		para(i18n.T(i18n.BackupAutoNote, nil)),
		container.NewHBox(s.backupButton, s.activity, s.working),
		s.result,
		s.empty, s.listBox,
		container.NewHBox(s.restoreButton, s.exportButton),
		container.NewHBox(s.ordersButton, s.ordersActivity),
		s.ordersResult,
	)
	s.show()
	return s.box
}

// load reads the list of backups; call it once the section is in the window.
func (s *backupSection) load() { s.loadBackups() }

// newBackupRow is a row of the list: when, kind and size, and its Restore… button.
func newBackupRow() fyne.CanvasObject {
	restore := &widget.Button{Text: i18n.T(i18n.BackupRestoreRow, nil), Icon: theme.HistoryIcon()}
	// Equal columns line the rows up whatever their texts' widths.
	return container.NewBorder(nil, nil, nil, restore, container.NewGridWithColumns(3, &widget.Label{}, &widget.Label{}, &widget.Label{}))
}

func (s *backupSection) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	labels := row.Objects[0].(*fyne.Container).Objects
	restore := row.Objects[1].(*widget.Button)
	if id >= len(s.backups) {
		return
	}
	f := s.backups[id]
	labels[0].(*widget.Label).SetText(f.At.Local().Format(dateTimeFormat))
	labels[1].(*widget.Label).SetText(i18n.T(backupKindTexts[f.Kind], nil))
	labels[2].(*widget.Label).SetText(backupSize(f.Size))
	restore.OnTapped = func() { s.checkRestore(f.Path) }
}

// backupSize is a file size as the user reads it: kilobytes below a megabyte, else megabytes
// with one decimal in the language's own decimal mark.
func backupSize(n int64) string {
	if n < 1<<20 {
		return i18n.T(i18n.BackupSizeKB, map[string]any{"Size": (n + 1023) / 1024})
	}
	mb := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	if i18n.DecimalComma() {
		mb = strings.Replace(mb, ".", ",", 1)
	}
	return i18n.T(i18n.BackupSizeMB, map[string]any{"Size": mb})
}

// loadBackups reads the backups folder in the background and shows its files.
func (s *backupSection) loadBackups() {
	a := s.app
	inBackground(&s.work, func() []app.BackupFile {
		files, err := a.Backups(context.Background())
		if err != nil {
			log.Printf("settings: list the backups: %v", err)
		}
		return files
	}, func(files []app.BackupFile) {
		s.backups = files
		s.list.Refresh()
		s.show()
	})
}

// onBackupNow writes a backup into the backups folder.
func (s *backupSection) onBackupNow() {
	s.runBackup("", false)
}

// runBackup writes a backup to dest ("" for the backups folder) in the background.
func (s *backupSection) runBackup(dest string, exported bool) {
	if s.busy != nil {
		return
	}
	s.busy = i18n.BackupWorking
	s.show()
	a := s.app
	inBackground(&s.work, func() backupOutcome {
		f, err := a.Backup(context.Background(), dest)
		if err != nil {
			log.Printf("settings: back up: %v", err)
			removeIfEmpty(dest)
		}
		return backupOutcome{file: f, exported: exported, err: err}
	}, func(out backupOutcome) {
		s.busy, s.outcome = nil, &out
		s.show()
		s.loadBackups()
	})
}

// onExportBackup asks where to write a backup.
func (s *backupSection) onExportBackup() {
	s.saveDialog = dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		switch {
		case err != nil:
			s.outcome = &backupOutcome{exported: true, err: errors.Join(app.ErrBackupWrite, err)}
			s.show()
		case w != nil:
			s.exportBackupTo(w)
		}
	}, s.win)
	s.saveDialog.SetFilter(backupFilter)
	s.saveDialog.SetFileName("caigou-" + time.Now().Format("20060102-150405") + app.BackupExt)
	labelFileDialog(s.saveDialog, i18n.BackupSaveTitle, i18n.BackupSaveConfirm)
	s.saveDialog.Show()
}

// exportBackupTo writes a backup where the save dialog's w points. The dialog has created the
// file empty; the backup replaces it whole, and a failed one leaves no empty file behind.
func (s *backupSection) exportBackupTo(w fyne.URIWriteCloser) {
	_ = w.Close()
	if w.URI().Scheme() != "file" { // desktop dialogs give files; a backup is renamed into place
		s.outcome = &backupOutcome{exported: true, err: app.ErrBackupWrite}
		s.show()
		return
	}
	path := w.URI().Path()
	if !strings.EqualFold(filepath.Ext(path), app.BackupExt) {
		// Restore from a file… lists backups by their extension: one typed without it is
		// written with it, and the empty file the dialog made goes.
		removeIfEmpty(path)
		path += app.BackupExt
	}
	s.runBackup(path, true)
}

// removeIfEmpty removes the file at path if it is empty: what a save dialog made for a backup
// that then failed. The backups folder ("") is left alone.
func removeIfEmpty(path string) {
	if st, err := os.Stat(path); path != "" && err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		_ = os.Remove(path)
	}
}

// showFailure explains err, a refusal or a failure, under title; nothing has changed.
func (s *backupSection) showFailure(title *goi18n.Message, err error) {
	explanation, next := app.ExplainBackupError(err)
	s.failed = dialog.NewCustom(i18n.T(title, nil), i18n.T(i18n.DialogClose, nil),
		container.NewVBox(para(explanation), para(next)), s.win)
	s.failed.Resize(fyne.NewSize(480, s.failed.MinSize().Height))
	s.failed.Show()
}

// show sets the section's widgets from the state.
func (s *backupSection) show() {
	if s.backupButton == nil {
		return
	}
	busy := s.busy != nil
	for _, b := range []*widget.Button{s.restoreButton, s.exportButton} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	busyButton(s.backupButton, s.activity, busy)
	s.working.Hide()
	if busy {
		s.working.SetText(i18n.T(s.busy, nil))
		s.working.Show()
	}
	busyButton(s.ordersButton, s.ordersActivity, s.orders.exporting)
	s.orders.showResult(s.ordersResult)
	s.empty.Hidden = len(s.backups) > 0
	s.empty.Refresh()
	if len(s.backups) == 0 {
		s.listBox.Hide()
	} else {
		s.listSpace.SetMinSize(fyne.NewSize(0, rowsHeight(s.list, min(len(s.backups), backupListRows))))
		s.listBox.Show()
		s.box.Refresh() // the list's height follows the number of backups
	}
	s.showOutcome()
}

func (s *backupSection) showOutcome() {
	out := s.outcome
	switch {
	case out == nil:
		s.result.Hide()
	case out.err != nil:
		explanation, next := app.ExplainBackupError(out.err)
		showOutcome(s.result, explanation+" "+next, widget.DangerImportance)
	case out.exported:
		showOutcome(s.result, i18n.T(i18n.BackupExported, map[string]any{"Path": out.file.Path}), widget.SuccessImportance)
	default:
		showOutcome(s.result, i18n.T(i18n.BackupSaved, map[string]any{"Name": out.file.Name, "Folder": s.app.BackupsDir()}), widget.SuccessImportance)
	}
}

// fileName is the last element of path, whichever separator it uses.
func fileName(path string) string {
	return path[strings.LastIndexAny(path, `/\`)+1:]
}
