package main

import (
	"context"
	"io"
	"log"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/storage"
)

// TestReopenAfterAMoveUsesTheNewFolder moves the data as Settings does, then hands the window
// over as the shell's OnReopen does: the new core works on the new folder with the data that
// was there, the log follows the data, and the old copy is gone.
func TestReopenAfterAMoveUsesTheNewFolder(t *testing.T) {
	home, to := t.TempDir(), filepath.Join(t.TempDir(), "moved")
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	db, err := storage.Open(home)
	require.NoError(t, err)
	m := &mainWindow{fyneApp: test.NewTempApp(t), opts: options{dataDir: home, lang: "en"}, logs: &logFile{mirror: io.Discard}}
	m.logs.openIn(home)
	t.Cleanup(m.logs.close)
	m.use(db, home)
	m.win = test.NewTempWindow(t, nil)
	m.shell = m.newShell()
	m.win.SetContent(m.shell.Build())
	ctx := context.Background()
	require.NoError(t, m.core.SaveWindowSize(ctx, 800, 600))

	require.NoError(t, m.core.MoveData(ctx, to, func(int64, int64) {}))
	m.reopen(to)
	t.Cleanup(m.closeData)

	assert.Equal(t, to, m.core.DataDir())
	width, height, ok := m.core.WindowSize(ctx)
	assert.True(t, ok, "the settings came along")
	assert.Equal(t, [2]float32{800, 600}, [2]float32{width, height})
	require.NoError(t, m.core.SaveWindowSize(ctx, 900, 650), "the new database takes writes")
	assert.NoFileExists(t, filepath.Join(home, "caigou.db"), "no second live copy is left behind")
	assert.NoDirExists(t, filepath.Join(home, "logs"))

	log.Printf("written after the move")
	logged, err := os.ReadFile(filepath.Join(to, "logs", "caigou.log"))
	require.NoError(t, err)
	assert.Contains(t, string(logged), "written after the move", "the log follows the data")

	resolved, err := app.ResolveDataDir(home, t.Logf)
	require.NoError(t, err)
	assert.Equal(t, to, resolved, "the next start opens the new folder")
}
