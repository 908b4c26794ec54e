package storage

import (
	"errors"
	"os"
	"runtime"
)

// SyncFile flushes the file at path to the disk. The file is opened for writing: Windows
// flushes only through a handle that may write.
func SyncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// SyncDir flushes a folder's entries, so a new name, a rename or a removal in it survives a power
// cut. Windows cannot open a folder for flushing, and keeps its entries itself (NTFS journals
// them), so there it does nothing.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}
