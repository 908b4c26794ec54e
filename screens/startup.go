package screens

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// StartupError is the window content shown when caigou cannot open its data: what happened, that
// nothing was changed, and what to do next, with a button that quits.
func StartupError(err error, onQuit func()) fyne.CanvasObject {
	quit := &widget.Button{Text: i18n.T(i18n.Quit, nil), Icon: theme.CancelIcon(), OnTapped: onQuit}
	return emptyState(theme.ErrorIcon(), i18n.T(i18n.StartupFailedTitle, nil), DescribeOpenError(err), quit)
}

// DescribeOpenError explains in the user's language why the database could not be opened.
// It never shows the raw error: that goes to the log.
func DescribeOpenError(err error) string {
	var open *storage.OpenError
	data := map[string]any{"Path": ""}
	if errors.As(err, &open) {
		data = map[string]any{"Path": open.Path, "Found": open.Found, "Supported": open.Supported}
	}
	var missing *app.DataFolderMissingError
	switch {
	case errors.As(err, &missing):
		return app.ExplainMoveError(err)
	case errors.Is(err, storage.ErrNewerDatabase):
		return i18n.T(i18n.ErrNewerDatabase, data)
	case errors.Is(err, storage.ErrNotDatabase):
		return i18n.T(i18n.ErrNotDatabase, data)
	case errors.Is(err, storage.ErrDiskFull):
		return i18n.T(i18n.ErrDiskFull, data)
	case errors.Is(err, storage.ErrFolderNotWritable):
		return i18n.T(i18n.ErrFolderNotWritable, data)
	default:
		return i18n.T(i18n.ErrOpenFailed, data)
	}
}

// StartupErrorWindowSize fits the explanation without scrolling.
var StartupErrorWindowSize = fyne.NewSize(640, 420)
