package screens

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// aboutPage is Settings' About tab: what caigou is, its version and the system, which a support
// request needs first.
type aboutPage struct {
	app  *app.App
	copy *widget.Button
}

func newAboutPage(a *app.App) *aboutPage { return &aboutPage{app: a} }

// versionLine is what "Copy version" puts on the clipboard: the version and the system.
func (p *aboutPage) versionLine() string {
	return "caigou " + p.app.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH
}

func (p *aboutPage) build() fyne.CanvasObject {
	p.copy = widget.NewButtonWithIcon(i18n.T(i18n.AboutCopyVersion, nil), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(p.versionLine())
	})
	return container.NewVBox(
		heading(i18n.T(i18n.AboutTitle, nil)),
		para(i18n.T(i18n.AboutWhat, nil)),
		&widget.Label{Text: i18n.T(i18n.AboutVersion, map[string]any{"Version": p.app.Version()}), Selectable: true},
		widget.NewLabel(i18n.T(i18n.AboutSystem, map[string]any{"System": runtime.GOOS + "/" + runtime.GOARCH})),
		container.NewHBox(p.copy),
		para(i18n.T(i18n.AboutSupport, nil)),
	)
}
