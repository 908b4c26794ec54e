package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
	"caigou/storage"
	"caigou/storage/storagetest"
)

// newBackupApp is an App over a fresh database with n seeded orders, its data folder a temp dir.
func newBackupApp(t *testing.T, orders int) *App {
	t.Helper()
	db := storagetest.OpenTemp(t)
	storagetest.SeedOrders(t, db, orders)
	return New(db, t.TempDir())
}

// backupsOfKind are the files of kind, in their order.
func backupsOfKind(files []BackupFile, kind BackupKind) []BackupFile {
	var out []BackupFile
	for _, f := range files {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

func TestBackupNowWritesANamedFileInTheBackupsFolder(t *testing.T) {
	ctx := context.Background()
	a := newBackupApp(t, 10)
	f, err := a.Backup(ctx, "")
	require.NoError(t, err)
	assert.Equal(t, a.BackupsDir(), filepath.Dir(f.Path))
	assert.Regexp(t, `^caigou-\d{8}-\d{6}\.caigou-backup$`, f.Name)
	assert.Equal(t, BackupManual, f.Kind)
	assert.WithinDuration(t, time.Now(), f.At, 2*time.Second)
	st, err := os.Stat(f.Path)
	require.NoError(t, err)
	assert.Equal(t, st.Size(), f.Size)

	again, err := a.Backup(ctx, "")
	require.NoError(t, err)
	assert.NotEqual(t, f.Path, again.Path, "a second backup in the same second gets its own name")
	list, err := a.Backups(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 2)

	info, err := a.InspectBackup(ctx, f.Path)
	require.NoError(t, err)
	assert.Equal(t, 10, info.Orders)

	dest := filepath.Join(t.TempDir(), "elsewhere.caigou-backup")
	out, err := a.Backup(ctx, dest)
	require.NoError(t, err)
	assert.Equal(t, dest, out.Path, "an export goes where the user chose")
	assert.FileExists(t, dest)
}

func TestAutoBackupMakesOneADayAndKeepsSeven(t *testing.T) {
	ctx := context.Background()
	a := newBackupApp(t, 5)
	manual, err := a.Backup(ctx, "")
	require.NoError(t, err)
	day0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local)

	made, err := a.AutoBackup(ctx, day0)
	require.NoError(t, err)
	assert.True(t, made, "the first one is made at once")
	made, err = a.AutoBackup(ctx, day0.Add(23*time.Hour))
	require.NoError(t, err)
	assert.False(t, made, "not again within 24 h")

	for d := 1; d <= 9; d++ {
		made, err = a.AutoBackup(ctx, day0.Add(time.Duration(d)*24*time.Hour))
		require.NoError(t, err)
		assert.True(t, made, "day %d", d)
	}
	list, err := a.Backups(ctx)
	require.NoError(t, err)
	autos := backupsOfKind(list, BackupAuto)
	require.Len(t, autos, AutoBackupsKept, "older automatic backups are deleted")
	assert.Equal(t, day0.Add(9*24*time.Hour), autos[0].At, "the newest first")
	assert.Equal(t, day0.Add(3*24*time.Hour), autos[6].At, "the last seven days are kept")
	assert.Equal(t, "caigou-auto-20250310-090000.caigou-backup", autos[0].Name)
	assert.FileExists(t, manual.Path, "a manual backup is never pruned")
	assert.Len(t, backupsOfKind(list, BackupManual), 1)
}

func TestAutoBackupRecoversFromACrashAndAWrongClock(t *testing.T) {
	ctx := context.Background()
	a := newBackupApp(t, 5)
	require.NoError(t, os.MkdirAll(a.BackupsDir(), 0o700))
	unfinished := filepath.Join(a.BackupsDir(), ".caigou-auto-20250301-090000.caigou-backup.123.tmp")
	require.NoError(t, os.WriteFile(unfinished, []byte("a backup a crash interrupted"), 0o600))
	day0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local)

	_, err := a.AutoBackup(ctx, day0.Add(365*24*time.Hour)) // made while the clock was a year ahead
	require.NoError(t, err)
	assert.NoFileExists(t, unfinished, "what a crash left is removed")
	made, err := a.AutoBackup(ctx, day0)
	require.NoError(t, err)
	assert.True(t, made, "a backup dated in the future does not stop today's")
}

func TestRestoreKeepsTheCurrentDataAsABackupFirst(t *testing.T) {
	ctx := context.Background()
	other := newBackupApp(t, 40)
	backup, err := other.Backup(ctx, "")
	require.NoError(t, err)

	a := newBackupApp(t, 7)
	kept, err := a.Restore(ctx, backup.Path)
	require.NoError(t, err)
	assert.Equal(t, BackupBeforeRestore, kept.Kind)
	assert.True(t, strings.HasPrefix(kept.Name, "caigou-before-restore-"), kept.Name)
	n, err := a.db.CountOrders(ctx)
	require.NoError(t, err)
	assert.Equal(t, 40, n, "the backup's data is in")
	info, err := a.InspectBackup(ctx, kept.Path)
	require.NoError(t, err)
	assert.Equal(t, 7, info.Orders, "the data as it was is kept")
	list, err := a.Backups(ctx)
	require.NoError(t, err)
	assert.Equal(t, []BackupFile{kept}, list)

	_, err = a.Restore(ctx, kept.Path)
	require.NoError(t, err)
	n, err = a.db.CountOrders(ctx)
	require.NoError(t, err)
	assert.Equal(t, 7, n, "and can be restored to go back")
}

func TestRestoreRefusesABadFileWithoutKeepingAnything(t *testing.T) {
	ctx := context.Background()
	a := newBackupApp(t, 3)
	bad := filepath.Join(t.TempDir(), "notes.caigou-backup")
	require.NoError(t, os.WriteFile(bad, []byte("not a database"), 0o600))
	_, err := a.Restore(ctx, bad)
	require.ErrorIs(t, err, storage.ErrNotBackup)
	list, err := a.Backups(ctx)
	require.NoError(t, err)
	assert.Empty(t, list, "nothing is made for a refused file")
	n, err := a.db.CountOrders(ctx)
	require.NoError(t, err)
	assert.Equal(t, 3, n)
}

func TestExplainBackupErrorSaysWhatToDo(t *testing.T) {
	t.Cleanup(func() { _ = i18n.SetLanguage("en") })
	cases := []struct {
		err               error
		explanation, next *i18n.Message
	}{
		{storage.ErrNotBackup, i18n.BackupErrNotBackup, i18n.BackupErrNotBackupNext},
		{storage.ErrBackupCorrupt, i18n.BackupErrCorrupt, i18n.BackupErrCorruptNext},
		{storage.ErrBackupNewer, i18n.BackupErrNewer, i18n.BackupErrNewerNext},
		{backupWriteError(storage.ErrDiskFull), i18n.BackupErrDiskFull, i18n.BackupErrDiskFullNext},
		{backupWriteError(os.ErrPermission), i18n.BackupErrWrite, i18n.BackupErrWriteNext},
		{ErrRestoreFailed, i18n.BackupErrRestore, i18n.BackupErrRestoreNext},
	}
	for _, lang := range []string{"en", "ru", "zh"} {
		require.NoError(t, i18n.SetLanguage(lang))
		for _, c := range cases {
			explanation, next := ExplainBackupError(c.err)
			assert.Equal(t, i18n.T(c.explanation, nil), explanation, "%s %v", lang, c.err)
			assert.Equal(t, i18n.T(c.next, nil), next, "%s %v", lang, c.err)
		}
	}
	explanation, _ := ExplainBackupError(storage.ErrBackupNewer)
	assert.NotEqual(t, i18n.BackupErrNewer.Other, explanation, "translated")
}

func TestRunAutoBackupsBacksUpAtOnceAndLogsFailures(t *testing.T) {
	a := newBackupApp(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.RunAutoBackups(ctx, time.Hour, func(string, ...any) { t.Error("no failure to log") })
	}()
	require.Eventually(t, func() bool { // the first run happens at once
		list, err := a.Backups(context.Background())
		return err == nil && len(list) == 1
	}, 10*time.Second, 5*time.Millisecond)
	cancel()
	<-done

	broken := newBackupApp(t, 1)
	require.NoError(t, os.WriteFile(broken.BackupsDir(), nil, 0o600)) // a file where the folder goes
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	logged := make(chan string)
	done = make(chan struct{})
	go func() {
		defer close(done)
		broken.RunAutoBackups(ctx, time.Millisecond, func(format string, _ ...any) {
			select {
			case logged <- format:
			case <-ctx.Done():
			}
		})
	}()
	assert.Equal(t, "backup: the automatic backup failed: %v", <-logged)
	assert.Equal(t, "backup: the automatic backup failed: %v", <-logged, "and tried again on the next tick")
	cancel()
	<-done
}
