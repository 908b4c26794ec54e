package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"caigou/i18n"
	"caigou/storage"
)

// Why a move of the data folder was refused or failed. In every case the old folder stays the
// data folder and whatever the move wrote in the new one is removed.
var (
	ErrMoveSameFolder    = errors.New("data folder: the new folder is the data folder or inside it")
	ErrMoveTargetHasData = errors.New("data folder: the new folder already holds caigou's files")
	ErrMoveNotWritable   = errors.New("data folder: the new folder cannot be written")
	ErrMoveNoSpace       = errors.New("data folder: not enough free space in the new folder")
	ErrMoveCopyFailed    = errors.New("data folder: the copy could not be written")
	ErrMoveCheckFailed   = errors.New("data folder: the copy does not match the data")
	ErrMoveBusy          = errors.New("data folder: a move is already running")
)

// moveHeadroom is free space asked for beyond the copy's size, for SQLite's journal and the
// file system's own needs.
const moveHeadroom = 16 << 20

// Seams for the tests: the free space of a folder, a crash between the checked copy and the
// switch, and a write error while copying a file (dst is the file being written).
var (
	freeSpace         = folderFreeBytes
	beforeMoveSwitch  = func() error { return nil }
	moveCopyFileError = func(string) error { return nil }
)

// MoveData copies the data to the folder to while the app keeps running, checks the copy, then
// switches over: from then on ResolveDataDir starts caigou on to. The database is copied whole,
// secrets included, with the locales, backups and logo; the image cache, logs and practice
// data are not. progress, when not nil, gets the bytes copied so far and the total.
//
// Writes to the database wait from the start of the copy; after a switch they keep waiting (and
// fail), so nothing is committed to the copy being left: the caller stops its services, closes
// the database, calls ReleaseOldData and FinishMove, and opens the new folder. A refusal or a
// failure (ErrMove*) changes nothing: the old folder stays the data folder and what the move
// wrote in to is removed.
func (a *App) MoveData(ctx context.Context, to string, progress func(done, total int64)) (err error) {
	if !a.moving.TryLock() {
		return ErrMoveBusy
	}
	defer a.moving.Unlock()
	// No backup is written or pruned while the backups folder is copied: one would land in the
	// old folder, which the move deletes.
	backupFiles.Lock()
	defer backupFiles.Unlock()
	if a.oldData != nil {
		return ErrMoveBusy
	}
	if progress == nil {
		progress = func(int64, int64) {}
	}
	from, home := absPath(a.dataDir), a.DataHome()
	to, err = filepath.Abs(to)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrMoveNotWritable, err)
	}
	if _, statErr := os.Stat(to); errors.Is(statErr, fs.ErrNotExist) {
		defer func() { // the folder the move made goes with a move that failed, if it is empty
			if err != nil {
				_ = os.Remove(to)
			}
		}()
	}
	extra, err := checkMoveTarget(from, to)
	if err != nil {
		return err
	}
	if err := writeJournal(home, moveJournal{From: from, To: to, Started: time.Now().UTC()}); err != nil {
		return errors.Join(fmt.Errorf("%w: %w", ErrMoveNotWritable, err), removeJournal(home))
	}
	hold, err := a.db.HoldWrites(ctx)
	if err != nil {
		return errors.Join(fmt.Errorf("%w: %w", ErrMoveCopyFailed, err), abandonMove(home, to))
	}
	switched := false
	defer func() { // also when a test simulates a crash with a panic: a dead process holds no lock
		if !switched {
			hold.Release()
		}
	}()
	if err := a.copyAndCheck(ctx, from, to, extra, progress); err != nil {
		return errors.Join(err, abandonMove(home, to))
	}
	if err := beforeMoveSwitch(); err != nil {
		return errors.Join(err, abandonMove(home, to))
	}
	if err := writePointer(home, to); err != nil {
		// Only a pointer that did not change makes this a failure: one renamed into place whose
		// folder could not be flushed has switched, and the new copy must stay.
		if current, readErr := pointedFolder(home); readErr != nil || !samePath(current, to) {
			return errors.Join(fmt.Errorf("%w: %w", ErrMoveNotWritable, err), abandonMove(home, to))
		}
	}
	switched, a.oldData = true, hold
	return nil
}

// ReleaseOldData lets go of the database a completed MoveData left behind. Call it after closing
// that database: writers still waiting on it then fail instead of committing to it.
func (a *App) ReleaseOldData() {
	if a.oldData != nil {
		a.oldData.Release()
		a.oldData = nil
	}
}

// copyAndCheck copies the database and the extra files from to and checks the copy.
func (a *App) copyAndCheck(ctx context.Context, from, to string, extra int64, progress func(done, total int64)) error {
	tmp := filepath.Join(to, copyTempName)
	var dbTotal int64
	counts, err := a.db.CopyTo(ctx, tmp, func(done, total int64) {
		dbTotal = total
		progress(done, total+extra)
	})
	if err == nil {
		err = os.Rename(tmp, filepath.Join(to, storage.FileName))
	}
	if err == nil {
		err = syncDir(to)
	}
	if err != nil {
		return copyFailure(err)
	}
	done := dbTotal
	for _, name := range movedNames {
		if err := copyTree(filepath.Join(from, name), filepath.Join(to, name), func(n int64) {
			done += n
			progress(done, dbTotal+extra)
		}); err != nil {
			return copyFailure(err)
		}
	}
	return a.checkCopy(ctx, to, counts)
}

// checkCopy opens the copy read-only and compares it with the database at the moment it was
// copied: the integrity check, the schema version and the rows of every table.
func (a *App) checkCopy(ctx context.Context, to string, counts map[string]int64) error {
	rep, err := storage.VerifyCopy(ctx, filepath.Join(to, storage.FileName))
	if err != nil {
		return fmt.Errorf("%w: %w", ErrMoveCheckFailed, err)
	}
	version, err := a.db.Version(ctx)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrMoveCheckFailed, err)
	}
	if rep.Version != version {
		return fmt.Errorf("%w: schema version %d, the data has %d", ErrMoveCheckFailed, rep.Version, version)
	}
	if !maps.Equal(rep.Counts, counts) {
		return fmt.Errorf("%w: row counts %v, the data has %v", ErrMoveCheckFailed, rep.Counts, counts)
	}
	return nil
}

// checkMoveTarget refuses a target the data cannot move to, creating it when it is missing, and
// returns the bytes of the files copied besides the database.
func checkMoveTarget(from, to string) (extra int64, err error) {
	if rel, err := filepath.Rel(from, to); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return 0, ErrMoveSameFolder
	}
	for _, name := range moveFileNames {
		if _, err := os.Lstat(filepath.Join(to, name)); err == nil {
			return 0, fmt.Errorf("%w: %s", ErrMoveTargetHasData, name)
		}
	}
	if err := os.MkdirAll(to, 0o700); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrMoveNotWritable, err)
	}
	if fromInfo, err := os.Stat(from); err == nil {
		if toInfo, err := os.Stat(to); err == nil && os.SameFile(fromInfo, toInfo) {
			return 0, ErrMoveSameFolder
		}
	}
	probe, err := os.CreateTemp(to, ".caigou-write-check-*")
	if err != nil {
		return 0, fmt.Errorf("%w: %w", ErrMoveNotWritable, err)
	}
	if err := errors.Join(probe.Close(), os.Remove(probe.Name())); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrMoveNotWritable, err)
	}
	need := int64(0)
	for _, name := range []string{storage.FileName, storage.FileName + "-wal"} {
		if info, err := os.Stat(filepath.Join(from, name)); err == nil {
			need += info.Size()
		}
	}
	for _, name := range movedNames {
		extra += treeSize(filepath.Join(from, name))
	}
	if free, ok := freeSpace(to); ok && free < uint64(need+extra+moveHeadroom) {
		return 0, fmt.Errorf("%w: %d bytes free, %d needed", ErrMoveNoSpace, free, need+extra+moveHeadroom)
	}
	return extra, nil
}

// treeSize is the bytes of the regular files at or under path; 0 when there is nothing.
func treeSize(path string) int64 {
	var size int64
	_ = filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && !isUnfinishedBackup(d.Name()) {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	return size
}

// copyTree copies the regular files and folders at or under src to dst, flushing each file;
// missing src copies nothing. copied gets the bytes of each file copied.
func copyTree(src, dst string, copied func(int64)) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist) && path == src:
			return nil
		case err != nil:
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o700)
		case d.Type().IsRegular():
			if isUnfinishedBackup(d.Name()) {
				return nil // a backup a crash interrupted: not a backup, and it may hold secrets
			}
			n, err := copyFile(path, target)
			copied(n)
			return err
		}
		return nil
	})
}

// copyFile copies the regular file src to the new file dst with its permissions and flushes it.
func copyFile(src, dst string) (int64, error) {
	if err := moveCopyFileError(dst); err != nil {
		return 0, err
	}
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return 0, err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	return n, errors.Join(err, out.Sync(), out.Close())
}

// copyFailure is err as a move error: no space when the disk filled up, else a failed copy.
func copyFailure(err error) error {
	if errors.Is(err, storage.ErrDiskFull) || isNoSpace(err) {
		return fmt.Errorf("%w: %w", ErrMoveNoSpace, err)
	}
	return fmt.Errorf("%w: %w", ErrMoveCopyFailed, err)
}

// moveErrorTexts pairs each move error with its explanation.
var moveErrorTexts = []struct {
	err error
	msg *i18n.Message
}{
	{ErrMoveSameFolder, i18n.MoveSameFolder},
	{ErrMoveTargetHasData, i18n.MoveTargetHasData},
	{ErrMoveNotWritable, i18n.MoveNotWritable},
	{ErrMoveNoSpace, i18n.MoveNoSpace},
	{ErrMoveCheckFailed, i18n.MoveCheckFailed},
	{ErrMoveBusy, i18n.MoveBusy},
}

// ExplainMoveError says, in the user's language, why the data could not be moved and what to do;
// the data stayed where it was. A missing data folder at start is explained too. nil gives "".
func ExplainMoveError(err error) string {
	if err == nil {
		return ""
	}
	if missing, ok := errors.AsType[*DataFolderMissingError](err); ok {
		return i18n.T(i18n.DataFolderMissing, map[string]any{"Folder": missing.Path})
	}
	for _, t := range moveErrorTexts {
		if errors.Is(err, t.err) {
			return i18n.T(t.msg, nil)
		}
	}
	return i18n.T(i18n.MoveCopyFailed, nil)
}
