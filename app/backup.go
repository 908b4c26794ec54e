package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"caigou/i18n"
	"caigou/storage"
)

// BackupExt ends the name of every backup file.
const BackupExt = ".caigou-backup"

// BackupKind says why a backup was made.
type BackupKind string

// The kinds of backup, each with its own file name prefix.
const (
	BackupManual        BackupKind = "manual"         // Back up now, or a file from elsewhere
	BackupAuto          BackupKind = "auto"           // the daily one
	BackupBeforeRestore BackupKind = "before-restore" // the data as it was before a restore
)

// backupPrefixes name each kind's files, longest first so "caigou-" matches last.
var backupPrefixes = []struct {
	prefix string
	kind   BackupKind
}{
	{"caigou-before-restore-", BackupBeforeRestore},
	{"caigou-auto-", BackupAuto},
	{"caigou-", BackupManual},
}

// backupTimeLayout is the local time in a backup's name.
const backupTimeLayout = "20060102-150405"

// AutoBackupEvery is how old the newest automatic backup may grow before another is made, and
// AutoBackupsKept how many automatic ones are kept.
const (
	AutoBackupEvery = 24 * time.Hour
	AutoBackupsKept = 7
)

// ErrBackupWrite and ErrRestoreFailed wrap what went wrong while writing a backup or copying one
// in; the live data is unchanged after either.
var (
	ErrBackupWrite   = errors.New("the backup could not be written")
	ErrRestoreFailed = errors.New("the restore did not finish")
)

// backupFiles lets one backup, restore or pruning at a time touch the backups folder, so two
// backups made in the same second get different names.
var backupFiles sync.Mutex

// BackupFile is one backup in the backups folder, or one just written elsewhere.
type BackupFile struct {
	Path string
	Name string // the file name
	Kind BackupKind
	At   time.Time // when it was made, from its name; the file's time for a name of another form
	Size int64
}

// BackupsDir is the folder of backups inside the data folder.
func (a *App) BackupsDir() string { return filepath.Join(a.dataDir, "backups") }

// Backup writes a backup of the database to dest, or to a new file in the backups folder when
// dest is "". The backup never holds a secret. A failure wraps ErrBackupWrite (and
// storage.ErrDiskFull when the disk is full); dest is then as it was.
func (a *App) Backup(ctx context.Context, dest string) (BackupFile, error) {
	backupFiles.Lock()
	defer backupFiles.Unlock()
	if dest == "" {
		return a.backupInFolder(ctx, BackupManual, time.Now())
	}
	return a.backupTo(ctx, dest)
}

// backupInFolder writes a backup of kind, made at now, into the backups folder.
func (a *App) backupInFolder(ctx context.Context, kind BackupKind, now time.Time) (BackupFile, error) {
	if err := os.MkdirAll(a.BackupsDir(), 0o700); err != nil {
		return BackupFile{}, backupWriteError(err)
	}
	return a.backupTo(ctx, a.newBackupPath(kind, now))
}

func (a *App) backupTo(ctx context.Context, path string) (BackupFile, error) {
	if err := a.db.BackupTo(ctx, path); err != nil {
		return BackupFile{}, backupWriteError(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return BackupFile{}, backupWriteError(err)
	}
	return backupFile(path, st), nil
}

func backupWriteError(err error) error { return fmt.Errorf("%w: %w", ErrBackupWrite, err) }

// newBackupPath is a name for a new backup of kind made at now that no file has yet.
func (a *App) newBackupPath(kind BackupKind, now time.Time) string {
	prefix := ""
	for _, p := range backupPrefixes {
		if p.kind == kind {
			prefix = p.prefix
		}
	}
	base := filepath.Join(a.BackupsDir(), prefix+now.Local().Format(backupTimeLayout))
	path := base + BackupExt
	for n := 2; fileExists(path); n++ {
		path = base + "-" + strconv.Itoa(n) + BackupExt
	}
	return path
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// backupFile describes the backup at path from its name and st.
func backupFile(path string, st os.FileInfo) BackupFile {
	f := BackupFile{Path: path, Name: filepath.Base(path), Kind: BackupManual, At: st.ModTime(), Size: st.Size()}
	stem := strings.TrimSuffix(f.Name, BackupExt)
	for _, p := range backupPrefixes {
		rest, ok := strings.CutPrefix(stem, p.prefix)
		if !ok || len(rest) < len(backupTimeLayout) {
			continue
		}
		f.Kind = p.kind
		if at, err := time.ParseInLocation(backupTimeLayout, rest[:len(backupTimeLayout)], time.Local); err == nil {
			f.At = at
		}
		break
	}
	return f
}

// Backups lists the backups in the backups folder, newest first. A missing folder is an empty
// list.
func (a *App) Backups(context.Context) ([]BackupFile, error) {
	entries, err := os.ReadDir(a.BackupsDir())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("app: list the backups: %w", err)
	}
	var files []BackupFile
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), BackupExt) || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		st, err := e.Info()
		if err != nil {
			continue // removed since the folder was read
		}
		files = append(files, backupFile(filepath.Join(a.BackupsDir(), e.Name()), st))
	}
	slices.SortStableFunc(files, func(x, y BackupFile) int {
		if c := y.At.Compare(x.At); c != 0 {
			return c
		}
		return strings.Compare(y.Name, x.Name)
	})
	return files, nil
}

// unfinishedBackup matches the temporary file of a backup being written (storage.BackupTo); one
// is left behind only by a crash, and it may hold secrets not yet emptied.
const unfinishedBackup = ".*.tmp"

// isUnfinishedBackup reports whether a file name is that of a backup still being written.
func isUnfinishedBackup(name string) bool {
	unfinished, _ := filepath.Match(unfinishedBackup, name)
	return unfinished
}

// removeUnfinishedBackups deletes what backups a crash interrupted left in the backups folder.
// The caller holds backupFiles, so no backup of this caigou is being written.
func (a *App) removeUnfinishedBackups() {
	left, _ := filepath.Glob(filepath.Join(a.BackupsDir(), unfinishedBackup))
	for _, f := range left {
		_ = os.Remove(f)
	}
}

// AutoBackup makes an automatic backup when the newest one is AutoBackupEvery old or older (or
// there is none), then deletes all automatic backups but the newest AutoBackupsKept. Manual and
// before-restore backups are never deleted. now is the time it runs.
func (a *App) AutoBackup(ctx context.Context, now time.Time) (made bool, err error) {
	backupFiles.Lock()
	defer backupFiles.Unlock()
	a.removeUnfinishedBackups()
	autos, err := a.autoBackups(ctx)
	if err != nil {
		return false, err
	}
	// A newest backup dated after now was made while the clock was wrong: it does not count.
	if len(autos) == 0 || now.Sub(autos[0].At) >= AutoBackupEvery || autos[0].At.After(now) {
		f, err := a.backupInFolder(ctx, BackupAuto, now)
		if err != nil {
			return false, err
		}
		autos, made = append([]BackupFile{f}, autos...), true
	}
	var pruneErr error
	for _, old := range autos[min(len(autos), AutoBackupsKept):] {
		if err := os.Remove(old.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			pruneErr = errors.Join(pruneErr, fmt.Errorf("app: delete an old automatic backup: %w", err))
		}
	}
	return made, pruneErr
}

// autoBackups are the automatic backups, newest first.
func (a *App) autoBackups(ctx context.Context) ([]BackupFile, error) {
	all, err := a.Backups(ctx)
	return slices.DeleteFunc(all, func(f BackupFile) bool { return f.Kind != BackupAuto }), err
}

// RunAutoBackups calls AutoBackup at once and then every every, until ctx is done. It logs
// failures through logf; their text names files and causes, never a secret.
func (a *App) RunAutoBackups(ctx context.Context, every time.Duration, logf func(string, ...any)) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if _, err := a.AutoBackup(ctx, time.Now()); err != nil && ctx.Err() == nil {
			logf("backup: the automatic backup failed: %v", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// InspectBackup says what the backup at path holds, without changing it, or refuses it as
// storage.InspectBackup does.
func (a *App) InspectBackup(ctx context.Context, path string) (storage.BackupInfo, error) {
	return storage.InspectBackup(ctx, path)
}

// Restore replaces caigou's data with the backup at path. It refuses a file InspectBackup
// refuses, keeps the current data as a before-restore backup, then copies the backup in; kept
// is that before-restore backup. On any failure the data is as it was. The caller stops the
// message channel first and rebuilds its screens after.
func (a *App) Restore(ctx context.Context, path string) (kept BackupFile, err error) {
	backupFiles.Lock()
	defer backupFiles.Unlock()
	if _, err := storage.InspectBackup(ctx, path); err != nil {
		return BackupFile{}, err
	}
	kept, err = a.backupInFolder(ctx, BackupBeforeRestore, time.Now())
	if err != nil {
		return BackupFile{}, err
	}
	if err := a.db.RestoreFrom(ctx, path); err != nil {
		if refusedBackup(err) {
			return kept, err
		}
		return kept, fmt.Errorf("%w: %w", ErrRestoreFailed, err)
	}
	return kept, nil
}

// refusedBackup reports whether err is one of the reasons a backup file is refused.
func refusedBackup(err error) bool {
	return errors.Is(err, storage.ErrNotBackup) || errors.Is(err, storage.ErrBackupCorrupt) || errors.Is(err, storage.ErrBackupNewer)
}

// backupErrorTexts pairs the errors of backups and restores with their explanation and next
// step, the more particular first.
var backupErrorTexts = []struct {
	err               error
	explanation, next *i18n.Message
}{
	{storage.ErrNotBackup, i18n.BackupErrNotBackup, i18n.BackupErrNotBackupNext},
	{storage.ErrBackupCorrupt, i18n.BackupErrCorrupt, i18n.BackupErrCorruptNext},
	{storage.ErrBackupNewer, i18n.BackupErrNewer, i18n.BackupErrNewerNext},
	{storage.ErrDiskFull, i18n.BackupErrDiskFull, i18n.BackupErrDiskFullNext},
	{ErrRestoreFailed, i18n.BackupErrRestore, i18n.BackupErrRestoreNext},
	{ErrBackupWrite, i18n.BackupErrWrite, i18n.BackupErrWriteNext},
}

// ExplainBackupError says, in the user's language, why a backup or a restore failed and what to
// do next. Any other error is explained as a backup that could not be written.
func ExplainBackupError(err error) (explanation, next string) {
	for _, t := range backupErrorTexts {
		if errors.Is(err, t.err) {
			return i18n.T(t.explanation, nil), i18n.T(t.next, nil)
		}
	}
	return i18n.T(i18n.BackupErrWrite, nil), i18n.T(i18n.BackupErrWriteNext, nil)
}
