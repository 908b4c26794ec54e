package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"caigou/storage"
)

// The data folder is home (--data, CAIGOU_DATA or the user's config folder) unless home holds a
// pointer written by a completed move. A move in progress is recorded in a journal in home, so a
// start after a crash can tell whether the move switched over and finish or undo it.
const (
	dataPointerFile = "data-folder.txt"
	moveJournalFile = "move-journal.json"
)

// ErrMoveNotSwitched is returned by FinishMove when the move in the journal never switched over:
// the old folder is still the data folder, and nothing is deleted.
var ErrMoveNotSwitched = errors.New("data folder: the move did not switch to the new folder")

// DataFolderMissingError is returned by ResolveDataDir when the data folder a move switched to is
// gone or holds no database, as when its drive is unplugged. caigou must not start on a fresh,
// empty database elsewhere: the user plugs the drive back in, or moves the data themselves.
type DataFolderMissingError struct{ Path string }

func (e *DataFolderMissingError) Error() string {
	return fmt.Sprintf("data folder: %s holds no caigou database (is its drive unplugged?)", e.Path)
}

// moveJournal records a move from the start of the copy until the old copy is deleted.
type moveJournal struct {
	From    string    `json:"from"`
	To      string    `json:"to"`
	Started time.Time `json:"started"`
}

// The files and folders of a data folder that a move copies, and the ones it deletes from the old
// folder when it finishes; nothing else in either folder is ever touched.
var (
	movedNames    = []string{"locales", "backups", "logo.png"}
	oldCopyNames  = []string{storage.FileName, storage.FileName + "-wal", storage.FileName + "-shm", storage.FileName + "-journal", "locales", "backups", "logo.png", "images", logsFolder}
	copyTempName  = storage.FileName + ".moving"
	moveFileNames = append([]string{storage.FileName, copyTempName, copyTempName + "-journal", storage.FileName + "-wal", storage.FileName + "-shm", storage.FileName + "-journal"}, movedNames...)
)

// SetDataHome records home, the folder the data folder was resolved from, where a move writes
// its pointer and journal. main sets it once, before any screen is built.
func (a *App) SetDataHome(home string) { a.dataHome = home }

// DataHome is the folder the data folder was resolved from; the data folder itself when main set
// none.
func (a *App) DataHome() string {
	if a.dataHome == "" {
		return a.dataDir
	}
	return a.dataHome
}

// ResolveDataDir is the data folder to open at start: home, or the folder a completed move
// pointed to. A move that a crash interrupted is settled first: one that switched over is
// finished (the old copy is deleted), one that did not is undone (its partial copy is deleted).
// logf tells what was settled. A pointed-to folder without a database is a
// *DataFolderMissingError.
func ResolveDataDir(home string, logf func(string, ...any)) (string, error) {
	current, err := pointedFolder(home)
	if err != nil {
		return "", err
	}
	j, ok, err := readJournal(home)
	if err != nil {
		return "", err
	}
	switch {
	case ok && samePath(j.To, current):
		if !hasDatabase(j.To) {
			return "", &DataFolderMissingError{Path: j.To}
		}
		if err := finishMove(home, j); err != nil {
			logf("data folder: finishing the move from %s to %s: %v", j.From, j.To, err)
		} else {
			logf("data folder: finished the move from %s to %s", j.From, j.To)
		}
		return j.To, nil
	case ok:
		if err := abandonMove(home, j.To); err != nil {
			return "", err
		}
		logf("data folder: the move to %s did not finish; its partial copy is removed and %s stays the data folder", j.To, current)
	}
	if !samePath(current, home) && !hasDatabase(current) {
		return "", &DataFolderMissingError{Path: current}
	}
	return current, nil
}

// FinishMove deletes the old copy of a move that switched over, and its journal. main calls it
// once the old database is closed. Without a journal it does nothing.
func FinishMove(home string) error {
	j, ok, err := readJournal(home)
	if err != nil || !ok {
		return err
	}
	current, err := pointedFolder(home)
	if err != nil {
		return err
	}
	if !samePath(j.To, current) {
		return ErrMoveNotSwitched
	}
	return finishMove(home, j)
}

// finishMove deletes what caigou made in the old folder and then the journal; the journal stays
// when a deletion fails, so the next start tries again.
func finishMove(home string, j moveJournal) error {
	if samePath(j.From, j.To) {
		return removeJournal(home)
	}
	if err := removeNames(j.From, oldCopyNames); err != nil {
		return err
	}
	return removeJournal(home)
}

// abandonMove deletes what a move wrote in to, then its journal.
func abandonMove(home, to string) error {
	if err := removeNames(to, moveFileNames); err != nil {
		return err
	}
	return removeJournal(home)
}

// removeNames deletes the named files and folders inside dir, and nothing else.
func removeNames(dir string, names []string) error {
	var errs []error
	for _, name := range names {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("data folder: delete caigou's files in %s: %w", dir, err)
	}
	return nil
}

// pointedFolder is the folder home's pointer names, or home without one.
func pointedFolder(home string) (string, error) {
	b, err := os.ReadFile(filepath.Join(home, dataPointerFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return home, nil
	case err != nil:
		return "", fmt.Errorf("data folder: read %s: %w", dataPointerFile, err)
	}
	dir := strings.TrimSpace(string(b))
	if !filepath.IsAbs(dir) {
		return "", fmt.Errorf("data folder: %s in %s does not hold an absolute folder path", dataPointerFile, home)
	}
	return filepath.Clean(dir), nil
}

// writePointer makes dir the data folder: the commit point of a move. Pointing at home itself
// removes the pointer.
func writePointer(home, dir string) error {
	path := filepath.Join(home, dataPointerFile)
	if samePath(dir, home) {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("data folder: remove %s: %w", dataPointerFile, err)
		}
		return syncDir(home)
	}
	return writeFileDurably(path, []byte(dir+"\n"))
}

func readJournal(home string) (moveJournal, bool, error) {
	var j moveJournal
	b, err := os.ReadFile(filepath.Join(home, moveJournalFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return j, false, nil
	case err != nil:
		return j, false, fmt.Errorf("data folder: read %s: %w", moveJournalFile, err)
	}
	if err := json.Unmarshal(b, &j); err != nil || !filepath.IsAbs(j.From) || !filepath.IsAbs(j.To) {
		return j, false, fmt.Errorf("data folder: %s in %s is damaged: %v", moveJournalFile, home, err)
	}
	return j, true, nil
}

func writeJournal(home string, j moveJournal) error {
	b, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	return writeFileDurably(filepath.Join(home, moveJournalFile), b)
}

func removeJournal(home string) error {
	if err := os.Remove(filepath.Join(home, moveJournalFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("data folder: remove %s: %w", moveJournalFile, err)
	}
	return syncDir(home)
}

// writeFileDurably replaces path with data so that a crash leaves either the old file or the new
// one, whole and on the disk.
func writeFileDurably(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("data folder: write %s: %w", filepath.Base(path), err)
	}
	_, err = tmp.Write(data)
	if err = errors.Join(err, tmp.Sync(), tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return fmt.Errorf("data folder: write %s: %w", filepath.Base(path), err)
	}
	return syncDir(filepath.Dir(path))
}

// syncDir flushes a folder's entries (storage.SyncDir), saying which folder failed.
func syncDir(dir string) error {
	if err := storage.SyncDir(dir); err != nil {
		return fmt.Errorf("data folder: flush %s: %w", dir, err)
	}
	return nil
}

// hasDatabase reports whether dir holds a caigou database file.
func hasDatabase(dir string) bool {
	info, err := os.Stat(filepath.Join(dir, storage.FileName))
	return err == nil && info.Mode().IsRegular()
}

// samePath reports whether a and b name the same folder, spelled alike once made absolute (in
// any case on Windows, whose file names ignore it).
func samePath(a, b string) bool {
	if runtime.GOOS == "windows" {
		return strings.EqualFold(absPath(a), absPath(b))
	}
	return absPath(a) == absPath(b)
}

// absPath is p made absolute and clean; p itself when it cannot be.
func absPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return abs
}
