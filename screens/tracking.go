package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// trackingScreen follows every order from payment to delivery.
type trackingScreen struct {
	app          *app.App
	onStartSetup func()

	startSetup *widget.Button
}

func newTrackingScreen(a *app.App, onStartSetup func()) *trackingScreen {
	return &trackingScreen{app: a, onStartSetup: onStartSetup}
}

func (s *trackingScreen) build() fyne.CanvasObject {
	s.startSetup = startSetupButton(s.onStartSetup)
	return keyGatedState(s.app, theme.ListIcon(), s.startSetup,
		emptyText{i18n.T(i18n.TrackingEmptyTitle, nil), i18n.T(i18n.TrackingNoKeyBody, nil)},
		emptyText{i18n.T(i18n.TrackingEmptyTitle, nil), i18n.T(i18n.TrackingEmptyBody, nil)})
}
