package screens

import (
	"context"
	"errors"
	"os"
	"path/filepath"
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

// dataFolderHarness is the data folder section over a database with orders in home.
type dataFolderHarness struct {
	home    string
	db      *cstorage.DB
	app     *app.App
	win     fyne.Window
	section *dataFolderSection
	moved   []string
	opened  []string
}

func newDataFolderHarness(t *testing.T) *dataFolderHarness {
	t.Helper()
	test.NewTempApp(t)
	resetLanguage(t)
	keyring.MockInit()
	h := &dataFolderHarness{home: t.TempDir()}
	db, err := cstorage.Open(h.home)
	require.NoError(t, err)
	h.db = db
	t.Cleanup(func() { _ = db.Close(); h.app.ReleaseOldData() })
	storagetest.SeedOrders(t, db, 200)
	h.app = app.New(db, h.home)
	h.app.SetDataHome(h.home)
	h.win = test.NewTempWindow(t, nil)
	h.section = newDataFolderSection(h.app, h.win, func(dir string) { h.moved = append(h.moved, dir) })
	h.section.openURL = func(u string) error { h.opened = append(h.opened, u); return nil }
	content := h.section.build()
	h.section.load()
	h.section.work.Wait() // the test driver applies the probe on its goroutine: before layout
	h.win.SetContent(content)
	h.win.Resize(fyne.NewSize(900, 600))
	return h
}

// chooseFolder answers the folder dialog that Move data… opened with dir.
func (h *dataFolderHarness) chooseFolder(t *testing.T, dir string) {
	t.Helper()
	test.Tap(h.section.moveButton)
	require.NotNil(t, h.section.chooser, "Move data… asks for a folder")
	h.section.chooser.Hide()
	lister, err := storage.ListerForURI(storage.NewFileURI(dir))
	require.NoError(t, err)
	h.section.onFolderChosen(lister, nil)
}

// tapInDialog taps the button labelled text in the dialog on top.
func (h *dataFolderHarness) tapInDialog(t *testing.T, text string) {
	t.Helper()
	top := h.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "a dialog is shown")
	b := findButton(top, text)
	require.NotNil(t, b, "the dialog has a %q button", text)
	test.Tap(b)
}

func (h *dataFolderHarness) topTexts() []string {
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		return visibleTexts(top)
	}
	return nil
}

func TestDataFolderShowsTheFolderAndWhereSecretsAreKept(t *testing.T) {
	h := newDataFolderHarness(t)
	texts := visibleTexts(h.win.Content())
	assert.Contains(t, texts, h.home)
	assert.Contains(t, texts, i18n.T(i18n.DataFolderSecretsKeychain, nil))

	test.Tap(h.section.openButton)
	assert.Equal(t, []string{folderURL(h.home)}, h.opened, "Open folder opens the data folder in the file manager")

	h.section.openURL = func(string) error { return errors.New("no file manager") }
	test.Tap(h.section.openButton)
	require.NotNil(t, h.section.openFailed)
	assert.Contains(t, h.topTexts(), folderURL(h.home), "the address is offered to copy")
}

func TestDataFolderMovesAfterConfirmation(t *testing.T) {
	h := newDataFolderHarness(t)
	to := t.TempDir()
	h.chooseFolder(t, to)
	assert.Contains(t, h.topTexts(), i18n.T(i18n.DataFolderConfirmBody, map[string]any{"Folder": to}))
	h.tapInDialog(t, i18n.T(i18n.DataFolderConfirmMove, nil))
	h.section.work.Wait()

	assert.Equal(t, []string{to}, h.moved, "the shell is told to reopen caigou on the new folder")
	assert.InDelta(t, 1.0, h.section.bar.Value, 1e-9, "the progress reached the end")
	assert.Nil(t, h.win.Canvas().Overlays().Top(), "the progress dialog is gone")

	require.NoError(t, h.db.Close())
	h.app.ReleaseOldData()
	require.NoError(t, app.FinishMove(h.home))
	dir, err := app.ResolveDataDir(h.home, t.Logf)
	require.NoError(t, err)
	assert.Equal(t, to, dir)
	assert.NoFileExists(t, filepath.Join(h.home, cstorage.FileName))
	moved, err := cstorage.Open(to)
	require.NoError(t, err)
	defer moved.Close()
	n, err := moved.CountOrders(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 200, n)
}

func TestDataFolderCancelledMoveChangesNothing(t *testing.T) {
	h := newDataFolderHarness(t)
	to := t.TempDir()
	h.chooseFolder(t, to)
	h.tapInDialog(t, i18n.T(i18n.DialogCancel, nil))
	h.section.work.Wait()
	assert.Empty(t, h.moved)
	entries, err := os.ReadDir(to)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing was copied")

	h.section.confirm = nil
	h.section.onFolderChosen(nil, nil) // the folder dialog itself cancelled
	assert.Nil(t, h.section.confirm, "no question without a folder")
}

func TestDataFolderRefusedMoveExplainsAndChangesNothing(t *testing.T) {
	h := newDataFolderHarness(t)
	occupied := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(occupied, cstorage.FileName), []byte("another caigou"), 0o600))
	h.chooseFolder(t, occupied)
	h.tapInDialog(t, i18n.T(i18n.DataFolderConfirmMove, nil))
	h.section.work.Wait()

	assert.Empty(t, h.moved)
	require.NotNil(t, h.section.failed)
	texts := h.topTexts()
	assert.Contains(t, texts, i18n.T(i18n.MoveTargetHasData, nil))
	assert.Contains(t, texts, i18n.T(i18n.DataFolderNothingChanged, nil))
	got, err := os.ReadFile(filepath.Join(occupied, cstorage.FileName))
	require.NoError(t, err)
	assert.Equal(t, "another caigou", string(got))
	assert.False(t, h.section.moveButton.Disabled(), "a new attempt can start")
	dir, err := app.ResolveDataDir(h.home, t.Logf)
	require.NoError(t, err)
	assert.Equal(t, h.home, dir)
}
