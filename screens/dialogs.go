package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"caigou/i18n"
)

// showProblemDialog shows a translated problem with our own Close label (Fyne's own buttons
// follow the OS locale, not the user's choice) and returns the dialog for the caller to keep.
func showProblemDialog(w fyne.Window, title, body *goi18n.Message) dialog.Dialog {
	d := dialog.NewCustom(i18n.T(title, nil), i18n.T(i18n.DialogClose, nil), para(i18n.T(body, nil)), w)
	d.Show()
	return d
}
