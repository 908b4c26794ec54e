package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// ordersScreen is where purchase orders are entered. Orders need a key, so without one it leads
// the user to the setup.
type ordersScreen struct {
	app          *app.App
	onStartSetup func()

	startSetup *widget.Button
}

func newOrdersScreen(a *app.App, onStartSetup func()) *ordersScreen {
	return &ordersScreen{app: a, onStartSetup: onStartSetup}
}

func (s *ordersScreen) build() fyne.CanvasObject {
	s.startSetup = startSetupButton(s.onStartSetup)
	return keyGatedState(s.app, theme.ContentAddIcon(), s.startSetup,
		emptyText{i18n.T(i18n.NoKeyTitle, nil), i18n.T(i18n.OrdersNoKeyBody, nil)},
		emptyText{i18n.T(i18n.OrdersEmptyTitle, nil), i18n.T(i18n.OrdersEmptyBody, nil)})
}
