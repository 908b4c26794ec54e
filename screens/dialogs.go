package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"caigou/i18n"
)

// showOpenFailedDialog offers address to copy when no browser could be started to open it.
func showOpenFailedDialog(w fyne.Window, address string) dialog.Dialog {
	shown := &widget.Label{Text: address, Selectable: true, Wrapping: fyne.TextWrapBreak}
	content := container.NewVBox(para(i18n.T(i18n.BrowserFailed, nil)), shown, container.NewHBox(copyButton(i18n.CopyAddress, address)))
	d := dialog.NewCustom(i18n.T(i18n.BrowserFailedTitle, nil), i18n.T(i18n.DialogClose, nil), content, w)
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Show()
	return d
}

// showProblemDialog shows a translated problem with our own Close label (Fyne's own buttons
// follow the OS locale, not the user's choice) and returns the dialog for the caller to keep.
func showProblemDialog(w fyne.Window, title, body *goi18n.Message) dialog.Dialog {
	d := dialog.NewCustom(i18n.T(title, nil), i18n.T(i18n.DialogClose, nil), para(i18n.T(body, nil)), w)
	d.Show()
	return d
}

// labelFileDialog gives a file or folder dialog our title and button labels: Fyne's own follow the
// OS locale, not the language chosen in caigou.
func labelFileDialog(d *dialog.FileDialog, title, confirm *goi18n.Message) {
	d.SetTitleText(i18n.T(title, nil))
	d.SetConfirmText(i18n.T(confirm, nil))
	d.SetDismissText(i18n.T(i18n.DialogCancel, nil))
}
