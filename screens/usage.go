package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// usageScreen meters each key: products bought, API calls today, days left.
type usageScreen struct {
	app            *app.App
	win            fyne.Window
	onStartSetup   func()
	onSetUpNextKey func() // starts the wizard for a new key; the old one keeps its history

	startSetup *widget.Button
}

func newUsageScreen(a *app.App, w fyne.Window, onStartSetup, onSetUpNextKey func()) *usageScreen {
	return &usageScreen{app: a, win: w, onStartSetup: onStartSetup, onSetUpNextKey: onSetUpNextKey}
}

func (s *usageScreen) build() fyne.CanvasObject {
	limits := i18n.T(i18n.UsageLimits, map[string]any{
		"Products": i18n.N(i18n.ProductCount, app.DefaultProductLimit, nil),
		"Calls":    i18n.N(i18n.APICallCount, app.DefaultDailyCallLimit, nil),
	})
	s.startSetup = startSetupButton(s.onStartSetup)
	return keyGatedState(s.app, theme.InfoIcon(), s.startSetup,
		emptyText{i18n.T(i18n.NoKeyTitle, nil), limits},
		emptyText{i18n.T(i18n.UsageNoDataTitle, nil), limits})
}
