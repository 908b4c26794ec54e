//go:build unix

package app

import (
	"errors"
	"syscall"

	"golang.org/x/sys/unix"
)

// folderFreeBytes is the space in dir's file system that caigou may write to; ok is false when
// the system does not say.
func folderFreeBytes(dir string) (free uint64, ok bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true // the field types differ between systems
}

// isNoSpace reports whether err says the disk is full.
func isNoSpace(err error) bool { return errors.Is(err, syscall.ENOSPC) }
