package screens

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app"
	"caigou/storage/storagetest"
)

// diagnosticsHarness is the diagnostics section alone in a test window over a temp database.
func diagnosticsHarness(t *testing.T) (*diagnosticsSection, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	resetLanguage(t)
	keyring.MockInit()
	core := app.New(storagetest.OpenTemp(t), t.TempDir())
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(800, 600))
	s := newDiagnosticsSection(core, w, t.TempDir())
	s.now = func() time.Time { return time.Date(2026, 3, 2, 9, 30, 0, 0, time.Local) }
	w.SetContent(s.build())
	return s, w
}

// fileWriter is a URIWriteCloser onto a real file that can hold its first write until released
// and fail every write after failAfter bytes, as a full disk does.
type fileWriter struct {
	fyne.URIWriteCloser
	hold      chan struct{} // nil: no hold
	failAfter int           // -1: never fail
	written   int
}

func newFileWriter(t *testing.T, path string) *fileWriter {
	t.Helper()
	w, err := storage.Writer(storage.NewFileURI(path))
	require.NoError(t, err)
	return &fileWriter{URIWriteCloser: w, failAfter: -1}
}

func (w *fileWriter) Write(p []byte) (int, error) {
	if w.hold != nil {
		<-w.hold
		w.hold = nil
	}
	if w.failAfter >= 0 && w.written+len(p) > w.failAfter {
		return 0, errors.New("no space left on device")
	}
	w.written += len(p)
	return w.URIWriteCloser.Write(p)
}

func TestDiagnosticsSectionSavesTheFileAndSaysWhere(t *testing.T) {
	s, w := diagnosticsHarness(t)
	assert.Contains(t, visibleTexts(w.Content()), "Create diagnostics file…")
	assert.Contains(t, visibleTexts(w.Content())[0], "It never contains the AppSecret, tokens or passwords.")
	assert.NotContains(t, visibleTexts(w.Content()), "Writing the diagnostics file…")

	test.Tap(s.create)
	require.NotNil(t, s.saveDialog, "the button asks where to save")
	assert.Equal(t, "caigou-diagnostics-20260302-0930.zip", diagnosticsFileName(s.now()))
	s.saveDialog.Hide()

	path := filepath.Join(t.TempDir(), diagnosticsFileName(s.now()))
	fw := newFileWriter(t, path)
	fw.hold = make(chan struct{})
	s.writeTo(fw)
	assert.True(t, s.create.Disabled(), "one file at a time")
	assert.Contains(t, visibleTexts(w.Content()), "Writing the diagnostics file…")
	close(fw.hold)
	s.work.Wait()

	assert.False(t, s.create.Disabled())
	assert.NotContains(t, visibleTexts(w.Content()), "Writing the diagnostics file…")
	require.NotNil(t, s.done, "the done dialog shows")
	assert.Nil(t, s.failed)
	texts := visibleTexts(w.Canvas().Overlays().Top())
	assert.Contains(t, texts, "Diagnostics file created")
	assert.Contains(t, texts, path, "it says where the file is")
	assert.Contains(t, texts, "Close")

	zr, err := zip.OpenReader(path)
	require.NoError(t, err, "a whole zip was written")
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	assert.Contains(t, names, "about.txt")
	assert.Contains(t, names, "counts.txt")
}

func TestDiagnosticsSectionDeletesAPartialFile(t *testing.T) {
	s, w := diagnosticsHarness(t)
	path := filepath.Join(t.TempDir(), "partial.zip")
	fw := newFileWriter(t, path)
	fw.failAfter = 0
	s.writeTo(fw)
	s.work.Wait()

	require.NotNil(t, s.failed, "a translated problem dialog shows")
	assert.Nil(t, s.done)
	texts := visibleTexts(w.Canvas().Overlays().Top())
	assert.Contains(t, texts, "Diagnostics file not created")
	assert.Contains(t, texts, "The diagnostics file could not be written. Check that the disk has free space and that you may save to the folder you chose, then try again.")
	_, err := os.Stat(path)
	assert.ErrorIs(t, err, os.ErrNotExist, "no half file is left to be sent")
	assert.False(t, s.create.Disabled(), "the user can try again")
}
