package screens

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// writeWhole writes a file a save dialog made, closes it, and deletes it when the write or the
// close failed, so a half file is never taken for the whole. A failed close is passed through
// closeFailed, which says what it means to the caller.
func writeWhole(w fyne.URIWriteCloser, write func(io.Writer) error, closeFailed func(error) error) error {
	err := write(w)
	if closeErr := w.Close(); closeErr != nil && err == nil {
		err = closeFailed(closeErr)
	}
	if err != nil {
		_ = storage.Delete(w.URI())
	}
	return err
}

// shownPath is where a file is, as the user knows it: its path, or the URI of a file that is
// not on the disk.
func shownPath(u fyne.URI) string {
	if u.Scheme() == "file" {
		return u.Path()
	}
	return u.String()
}
