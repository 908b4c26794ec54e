package screens

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app"
	"caigou/i18n"
	cstorage "caigou/storage"
	"caigou/storage/storagetest"
)

// backupHarness is the backup section over a database with orders; calls records the shell's
// hooks in the order they ran, each with the number of orders the database held at that moment.
type backupHarness struct {
	db      *cstorage.DB
	app     *app.App
	win     fyne.Window
	section *backupSection
	calls   []string
}

func newBackupHarness(t *testing.T, orders int) *backupHarness {
	t.Helper()
	test.NewTempApp(t)
	resetLanguage(t)
	keyring.MockInit()
	h := &backupHarness{db: storagetest.OpenTemp(t), win: test.NewTempWindow(t, nil)}
	storagetest.SeedOrders(t, h.db, orders)
	h.app = app.New(h.db, t.TempDir())
	hook := func(name string) func() {
		return func() { h.calls = append(h.calls, fmt.Sprintf("%s: %d orders", name, h.orders(t))) }
	}
	h.section = newBackupSection(h.app, h.win, hook("before"), hook("after"))
	content := h.section.build()
	h.section.load()
	h.section.work.Wait() // the listing, which Fyne's test driver applies on its own goroutine
	h.win.SetContent(content)
	h.win.Resize(fyne.NewSize(900, 700))
	return h
}

func (h *backupHarness) orders(t *testing.T) int {
	t.Helper()
	n, err := h.db.CountOrders(context.Background())
	require.NoError(t, err)
	return n
}

// tapInDialog taps the button labelled text in the dialog on top, and waits for what it started.
func (h *backupHarness) tapInDialog(t *testing.T, text string) {
	t.Helper()
	top := h.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "a dialog is shown")
	b := findButton(top, text)
	require.NotNil(t, b, "the dialog has a %q button", text)
	test.Tap(b)
	h.section.work.Wait()
}

func (h *backupHarness) topTexts() []string {
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		return visibleTexts(top)
	}
	return nil
}

func TestBackupNowShowsTheSavedFileInTheList(t *testing.T) {
	h := newBackupHarness(t, 5)
	texts := visibleTexts(h.win.Content())
	assert.Contains(t, texts, i18n.T(i18n.BackupAutoNote, nil))
	assert.Contains(t, texts, i18n.T(i18n.BackupListEmpty, nil))

	test.Tap(h.section.backupButton)
	h.section.work.Wait()

	require.Len(t, h.section.backups, 1)
	f := h.section.backups[0]
	assert.Equal(t, i18n.T(i18n.BackupSaved, map[string]any{"Name": f.Name, "Folder": h.app.BackupsDir()}), h.section.result.Text)
	texts = visibleTexts(h.win.Content())
	assert.Contains(t, texts, h.section.result.Text)
	assert.Contains(t, texts, f.At.Format(dateTimeFormat), "the row shows when")
	assert.Contains(t, texts, i18n.T(i18n.BackupKindManual, nil), "and the kind")
	assert.Contains(t, texts, i18n.T(i18n.BackupRestoreRow, nil))
	assert.NotContains(t, texts, i18n.T(i18n.BackupListEmpty, nil))
	assert.False(t, h.section.backupButton.Disabled(), "ready for the next")
}

func TestRestoreFromTheListAsksThenRestoresBetweenTheShellHooks(t *testing.T) {
	ctx := context.Background()
	h := newBackupHarness(t, 5)
	test.Tap(h.section.backupButton)
	h.section.work.Wait()
	saved := h.section.backups[0]
	storagetest.SeedOrders(t, h.db, 3) // the data moves on after the backup

	test.Tap(findButton(h.section.list, i18n.T(i18n.BackupRestoreRow, nil)))
	h.section.work.Wait()
	require.NotNil(t, h.section.confirm, "the backup is checked, then the user is asked")
	texts := h.topTexts()
	assert.Contains(t, texts, i18n.N(i18n.BackupConfirmKeys, 1, nil)+" · "+i18n.N(i18n.BackupConfirmOrders, 5, nil), "what the file holds")
	assert.Contains(t, texts, i18n.T(i18n.BackupConfirmKeep, nil), "the current data is kept first")
	assert.True(t, slicesHasPrefix(texts, "Orders from "), "the date range: %v", texts)

	h.tapInDialog(t, i18n.T(i18n.DialogCancel, nil))
	assert.Empty(t, h.calls, "cancel stops nothing")
	assert.Equal(t, 8, h.orders(t), "and changes nothing")
	list, err := h.app.Backups(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 1, "no before-restore backup was made")

	test.Tap(findButton(h.section.list, i18n.T(i18n.BackupRestoreRow, nil)))
	h.section.work.Wait()
	h.tapInDialog(t, i18n.T(i18n.BackupConfirmButton, nil))

	assert.Equal(t, []string{"before: 8 orders", "after: 5 orders"}, h.calls, "the shell stops writing before and rebuilds after")
	require.NotNil(t, h.section.done)
	list, err = h.app.Backups(ctx)
	require.NoError(t, err)
	kept := list[0]
	assert.Equal(t, app.BackupBeforeRestore, kept.Kind)
	assert.Contains(t, h.topTexts(), i18n.T(i18n.BackupRestored, map[string]any{"Name": kept.Name}), "the done dialog names the kept backup")
	info, err := h.app.InspectBackup(ctx, kept.Path)
	require.NoError(t, err)
	assert.Equal(t, 8, info.Orders, "the data as it was is in the kept backup")
	assert.NotEqual(t, saved.Path, kept.Path)
}

func slicesHasPrefix(texts []string, prefix string) bool {
	for _, s := range texts {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func TestRestoreRefusesAFileThatIsNotABackup(t *testing.T) {
	h := newBackupHarness(t, 4)
	bad := filepath.Join(t.TempDir(), "notes.caigou-backup")
	require.NoError(t, os.WriteFile(bad, []byte("shopping list"), 0o600))

	test.Tap(h.section.restoreButton)
	require.NotNil(t, h.section.openDialog, "Restore from a file… asks for the file")
	h.section.openDialog.Hide()
	r, err := storage.Reader(storage.NewFileURI(bad))
	require.NoError(t, err)
	h.section.onFileChosen(r, nil)
	h.section.work.Wait()

	require.NotNil(t, h.section.failed, "a problem dialog")
	assert.Nil(t, h.section.confirm, "no confirmation for a refused file")
	explanation, next := app.ExplainBackupError(cstorage.ErrNotBackup)
	texts := h.topTexts()
	assert.Contains(t, texts, i18n.T(i18n.BackupRestoreRefusedTitle, nil))
	assert.Contains(t, texts, explanation)
	assert.Contains(t, texts, next)
	assert.Empty(t, h.calls, "the shell was not stopped")
	assert.Equal(t, 4, h.orders(t))
	h.tapInDialog(t, i18n.T(i18n.DialogClose, nil))
	assert.Nil(t, h.win.Canvas().Overlays().Top())
}

func TestExportABackupWritesWhereTheUserChose(t *testing.T) {
	h := newBackupHarness(t, 6)
	test.Tap(h.section.exportButton)
	require.NotNil(t, h.section.saveDialog, "Export a backup… asks where")
	h.section.saveDialog.Hide()
	path := filepath.Join(t.TempDir(), "for-the-reseller.caigou-backup")
	w, err := storage.Writer(storage.NewFileURI(path)) // as the save dialog hands it over
	require.NoError(t, err)
	h.section.exportBackupTo(w)
	h.section.work.Wait()

	assert.Equal(t, i18n.T(i18n.BackupExported, map[string]any{"Path": path}), h.section.result.Text)
	info, err := h.app.InspectBackup(context.Background(), path)
	require.NoError(t, err)
	assert.Equal(t, 6, info.Orders)

	typed := filepath.Join(t.TempDir(), "no-extension")
	w, err = storage.Writer(storage.NewFileURI(typed))
	require.NoError(t, err)
	h.section.exportBackupTo(w)
	h.section.work.Wait()
	assert.FileExists(t, typed+".caigou-backup", "Restore from a file… finds backups by their extension")
	assert.NoFileExists(t, typed, "the empty file the dialog made is gone")

	gone := filepath.Join(t.TempDir(), "gone")
	require.NoError(t, os.Mkdir(gone, 0o700))
	w, err = storage.Writer(storage.NewFileURI(filepath.Join(gone, "b.caigou-backup")))
	require.NoError(t, err)
	require.NoError(t, os.RemoveAll(gone)) // a USB stick pulled out after choosing the file
	h.section.exportBackupTo(w)
	h.section.work.Wait()
	explanation, _ := app.ExplainBackupError(app.ErrBackupWrite)
	assert.True(t, strings.HasPrefix(h.section.result.Text, explanation), h.section.result.Text)
}

func TestExportAllOrdersFromSettingsWritesTheCSV(t *testing.T) {
	h := newBackupHarness(t, 3)
	test.Tap(h.section.ordersButton)
	require.NotNil(t, h.section.orders.saveDialog, "Export all orders to CSV… asks where")
	h.section.orders.saveDialog.Hide()
	path := filepath.Join(t.TempDir(), "orders.csv")
	w, err := storage.Writer(storage.NewFileURI(path))
	require.NoError(t, err)
	h.section.orders.exportTo(w)
	h.section.work.Wait()

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "\xEF\xBB\xBF"), "the issue 6 format: a BOM for Excel")
	assert.Contains(t, h.section.ordersResult.Text, path)
	assert.True(t, h.section.ordersResult.Visible())
}
