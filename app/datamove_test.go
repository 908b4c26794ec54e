package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
	"caigou/storage"
	"caigou/storage/storagetest"
)

const movedSecret = "s3cr3t-AppSecret-kept-by-a-move"

// moveFixture is a data folder in home with orders, settings, a secret kept in the database,
// files a move copies, files it leaves, and a file of the user's own.
type moveFixture struct {
	home   string
	db     *storage.DB
	app    *App
	counts map[string]int64
	closed bool
}

func newMoveFixture(t *testing.T) *moveFixture {
	t.Helper()
	ctx := context.Background()
	f := &moveFixture{home: t.TempDir()}
	f.open(t, f.home)
	storagetest.SeedOrders(t, f.db, 300)
	require.NoError(t, f.db.SetSetting(ctx, settingLanguage, "ru"))
	keys, err := f.db.Keys(ctx)
	require.NoError(t, err)
	require.NoError(t, f.db.SetKeySecret(ctx, keys[0].ID, movedSecret))
	for name, text := range map[string]string{
		"locales/active.de.toml":                "[Hello]\nother = \"Hallo\"\n",
		"backups/caigou-1.db":                   "a backup",
		"backups/.caigou-2.caigou-backup.7.tmp": "a backup a crash interrupted",
		"logo.png":                              "png",
		"images/ab.jpg":                         "cached",
		"logs/caigou.log":                       "log line",
		"practice/caigou.db":                    "practice",
		"notes.txt":                             "the user's own",
	} {
		writeTestFile(t, filepath.Join(f.home, name), text)
	}
	f.counts = tableCountsOf(t, f.home)
	return f
}

// open opens the database in dir as caigou would at start, with home where it was resolved from.
func (f *moveFixture) open(t *testing.T, dir string) {
	t.Helper()
	db, err := storage.Open(dir)
	require.NoError(t, err)
	f.db, f.closed = db, false
	f.app = New(db, dir)
	f.app.SetDataHome(f.home)
	t.Cleanup(func() { f.close(t) })
}

// close does what main does after a move, or what a crash does: the old database is closed.
func (f *moveFixture) close(t *testing.T) {
	t.Helper()
	if !f.closed {
		f.closed = true
		require.NoError(t, f.db.Close())
		f.app.ReleaseOldData()
	}
}

func writeTestFile(t *testing.T, path, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
}

func tableCountsOf(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	rep, err := storage.VerifyCopy(context.Background(), filepath.Join(dir, storage.FileName))
	require.NoError(t, err)
	return rep.Counts
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// assertDataIn checks that caigou, started on dir, finds every row, the setting and the secret.
func assertDataIn(t *testing.T, dir string, want map[string]int64) {
	t.Helper()
	ctx := context.Background()
	assert.Equal(t, want, tableCountsOf(t, dir))
	db, err := storage.Open(dir)
	require.NoError(t, err)
	defer func() { assert.NoError(t, db.Close()) }()
	lang, _, err := db.Setting(ctx, settingLanguage)
	require.NoError(t, err)
	assert.Equal(t, "ru", lang)
	keys, err := db.Keys(ctx)
	require.NoError(t, err)
	secret, _, err := db.KeySecret(ctx, keys[0].ID)
	require.NoError(t, err)
	assert.Equal(t, movedSecret, secret, "a move keeps the secrets the database holds")
}

func TestMoveDataCopiesChecksSwitchesAndDeletesOnlyTheOldCopy(t *testing.T) {
	f := newMoveFixture(t)
	to := filepath.Join(t.TempDir(), "new data")
	var reports, last, total int64
	require.NoError(t, f.app.MoveData(context.Background(), to, func(done, all int64) { reports, last, total = reports+1, done, all }))
	assert.Positive(t, reports)
	assert.Equal(t, total, last, "the last report is the whole copy")

	pointer, err := os.ReadFile(filepath.Join(f.home, dataPointerFile))
	require.NoError(t, err)
	assert.Equal(t, to+"\n", string(pointer))
	assert.FileExists(t, filepath.Join(f.home, storage.FileName), "the old copy stays until the old database is closed")

	f.close(t)
	require.NoError(t, FinishMove(f.home))
	assert.ElementsMatch(t, []string{dataPointerFile, "practice", "notes.txt"}, names(t, f.home),
		"caigou's files are gone from the old folder, the user's are not")
	assert.ElementsMatch(t, []string{storage.FileName, "locales", "backups", "logo.png"}, names(t, to),
		"the cache and the logs are not copied")
	got, err := os.ReadFile(filepath.Join(to, "locales", "active.de.toml"))
	require.NoError(t, err)
	assert.Equal(t, "[Hello]\nother = \"Hallo\"\n", string(got))
	got, err = os.ReadFile(filepath.Join(to, "backups", "caigou-1.db"))
	require.NoError(t, err)
	assert.Equal(t, "a backup", string(got))
	assert.NoFileExists(t, filepath.Join(to, "backups", ".caigou-2.caigou-backup.7.tmp"), "an unfinished backup is not a backup")

	dir, err := ResolveDataDir(f.home, t.Logf)
	require.NoError(t, err)
	assert.Equal(t, to, dir)
	assertDataIn(t, to, f.counts)
}

func TestMoveDataSurvivesACrashBetweenTheCopyAndTheSwitch(t *testing.T) {
	f := newMoveFixture(t)
	to := filepath.Join(t.TempDir(), "new")
	beforeMoveSwitch = func() error { panic("crash") }
	t.Cleanup(func() { beforeMoveSwitch = func() error { return nil } })
	func() {
		defer func() { assert.Equal(t, "crash", recover()) }()
		_ = f.app.MoveData(context.Background(), to, nil)
	}()
	require.FileExists(t, filepath.Join(f.home, moveJournalFile), "the crash came mid-move")
	require.FileExists(t, filepath.Join(to, storage.FileName), "the checked copy was written")
	f.close(t)

	var logged []string
	dir, err := ResolveDataDir(f.home, func(format string, args ...any) { logged = append(logged, fmt.Sprintf(format, args...)) })
	require.NoError(t, err)
	assert.Equal(t, f.home, dir, "the old folder stays the data folder")
	assert.NotEmpty(t, logged, "the start says what it settled")
	assert.NoFileExists(t, filepath.Join(f.home, moveJournalFile))
	assert.NoFileExists(t, filepath.Join(f.home, dataPointerFile))
	assert.Empty(t, names(t, to), "the partial copy is removed")
	assertDataIn(t, f.home, f.counts)

	beforeMoveSwitch = func() error { return nil }
	f.open(t, f.home)
	require.NoError(t, f.app.MoveData(context.Background(), to, nil), "a second move to the same folder succeeds")
	f.close(t)
	require.NoError(t, FinishMove(f.home))
	assertDataIn(t, to, f.counts)
}

func TestMoveDataCrashAfterTheSwitchIsFinishedAtStart(t *testing.T) {
	f := newMoveFixture(t)
	to := filepath.Join(t.TempDir(), "new")
	require.NoError(t, f.app.MoveData(context.Background(), to, nil))
	f.close(t) // and caigou dies before FinishMove

	dir, err := ResolveDataDir(f.home, t.Logf)
	require.NoError(t, err)
	assert.Equal(t, to, dir)
	assert.NoFileExists(t, filepath.Join(f.home, moveJournalFile))
	assert.NoFileExists(t, filepath.Join(f.home, storage.FileName), "the old copy is deleted")
	assert.NoDirExists(t, filepath.Join(f.home, "locales"))
	assert.FileExists(t, filepath.Join(f.home, "notes.txt"))
	assertDataIn(t, to, f.counts)
}

func TestMoveDataBackHomeRemovesThePointer(t *testing.T) {
	f := newMoveFixture(t)
	away := filepath.Join(t.TempDir(), "away")
	require.NoError(t, f.app.MoveData(context.Background(), away, nil))
	f.close(t)
	require.NoError(t, FinishMove(f.home))

	f.open(t, away)
	require.NoError(t, f.app.MoveData(context.Background(), f.home, nil))
	f.close(t)
	require.NoError(t, FinishMove(f.home))
	assert.NoFileExists(t, filepath.Join(f.home, dataPointerFile))
	assert.Empty(t, names(t, away), "the copy away is deleted; the folder was the user's choice and stays")
	dir, err := ResolveDataDir(f.home, t.Logf)
	require.NoError(t, err)
	assert.Equal(t, f.home, dir)
	assertDataIn(t, f.home, f.counts)
}

func TestMoveDataRefusesAndChangesNothing(t *testing.T) {
	cases := []struct {
		name   string
		target func(t *testing.T, home string) string
		setup  func(t *testing.T)
		want   error
		text   *i18n.Message
	}{
		{
			name: "the data folder itself", want: ErrMoveSameFolder, text: i18n.MoveSameFolder,
			target: func(_ *testing.T, home string) string { return home },
		},
		{
			name: "a folder inside the data folder", want: ErrMoveSameFolder, text: i18n.MoveSameFolder,
			target: func(_ *testing.T, home string) string { return filepath.Join(home, "sub") },
		},
		{
			name: "a folder that holds a caigou.db", want: ErrMoveTargetHasData, text: i18n.MoveTargetHasData,
			target: func(t *testing.T, _ string) string {
				dir := t.TempDir()
				writeTestFile(t, filepath.Join(dir, storage.FileName), "someone's database")
				return dir
			},
		},
		{
			name: "a folder that holds a backups folder", want: ErrMoveTargetHasData, text: i18n.MoveTargetHasData,
			target: func(t *testing.T, _ string) string {
				dir := t.TempDir()
				writeTestFile(t, filepath.Join(dir, "backups", "mine.zip"), "the user's backups")
				return dir
			},
		},
		{
			name: "a folder that cannot be made", want: ErrMoveNotWritable, text: i18n.MoveNotWritable,
			target: func(t *testing.T, _ string) string {
				file := filepath.Join(t.TempDir(), "a file")
				writeTestFile(t, file, "not a folder")
				return filepath.Join(file, "data")
			},
		},
		{
			name: "too little free space", want: ErrMoveNoSpace, text: i18n.MoveNoSpace,
			target: func(t *testing.T, _ string) string { return filepath.Join(t.TempDir(), "new") },
			setup: func(t *testing.T) {
				freeSpace = func(string) (uint64, bool) { return 4096, true }
				t.Cleanup(func() { freeSpace = folderFreeBytes })
			},
		},
		{
			name: "the disk fills up during the copy", want: ErrMoveNoSpace, text: i18n.MoveNoSpace,
			target: func(t *testing.T, _ string) string { return filepath.Join(t.TempDir(), "new") },
			setup: func(t *testing.T) {
				moveCopyFileError = func(dst string) error {
					if filepath.Base(dst) == "caigou-1.db" {
						return &os.PathError{Op: "write", Path: dst, Err: syscall.ENOSPC}
					}
					return nil
				}
				t.Cleanup(func() { moveCopyFileError = func(string) error { return nil } })
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newMoveFixture(t)
			to := c.target(t, f.home)
			beforeHome, beforeTarget := snapshotTree(t, f.home), snapshotTree(t, filepath.Dir(to))
			if c.setup != nil {
				c.setup(t)
			}
			err := f.app.MoveData(context.Background(), to, nil)
			require.ErrorIs(t, err, c.want)
			assert.Equal(t, i18n.T(c.text, nil), ExplainMoveError(err))

			assert.Equal(t, beforeTarget, snapshotTree(t, filepath.Dir(to)), "what the move wrote in the target is removed")
			assert.Equal(t, beforeHome, snapshotTree(t, f.home), "the data folder is untouched")
			assert.NoFileExists(t, filepath.Join(f.home, moveJournalFile))
			assert.NoFileExists(t, filepath.Join(f.home, dataPointerFile))
			require.NoError(t, f.db.SetSetting(context.Background(), "still", "writable"), "the old database stays live")
			f.counts["settings"]++
			f.close(t)
			require.NoError(t, FinishMove(f.home))
			dir, err := ResolveDataDir(f.home, t.Logf)
			require.NoError(t, err)
			assert.Equal(t, f.home, dir)
			assertDataIn(t, f.home, f.counts)
		})
	}
}

// snapshotTree is every file and folder under dir with the content of each file.
func snapshotTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			tree[rel] = "/"
			return nil
		}
		if filepath.Ext(rel) == ".db-wal" || filepath.Ext(rel) == ".db-shm" {
			return nil // the live database's own files change with every write
		}
		b, err := os.ReadFile(path)
		tree[rel] = string(b)
		return err
	}))
	return tree
}

func TestResolveDataDirRefusesAMissingDataFolder(t *testing.T) {
	home := t.TempDir()
	gone := filepath.Join(t.TempDir(), "unplugged")
	writeTestFile(t, filepath.Join(home, dataPointerFile), gone+"\n")

	_, err := ResolveDataDir(home, t.Logf)
	var missing *DataFolderMissingError
	require.ErrorAs(t, err, &missing)
	assert.Equal(t, gone, missing.Path)
	assert.Contains(t, ExplainMoveError(err), gone)
	assert.NoFileExists(t, filepath.Join(home, storage.FileName), "no fresh database is made in its place")
}

func TestResolveDataDirKeepsTheOldCopyWhileTheNewOneIsMissing(t *testing.T) {
	f := newMoveFixture(t)
	to := filepath.Join(t.TempDir(), "usb")
	require.NoError(t, f.app.MoveData(context.Background(), to, nil))
	f.close(t)
	require.NoError(t, os.Rename(to, to+"-unplugged"))

	_, err := ResolveDataDir(f.home, t.Logf)
	var missing *DataFolderMissingError
	require.ErrorAs(t, err, &missing)
	assert.FileExists(t, filepath.Join(f.home, storage.FileName), "the old copy is kept")
	assert.FileExists(t, filepath.Join(f.home, moveJournalFile), "the move is finished once the drive is back")

	require.NoError(t, os.Rename(to+"-unplugged", to))
	dir, err := ResolveDataDir(f.home, t.Logf)
	require.NoError(t, err)
	assert.Equal(t, to, dir)
	assert.NoFileExists(t, filepath.Join(f.home, storage.FileName))
}
