package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"caigou/app"
	"caigou/i18n"
)

// ordersScreen is where purchase orders are entered: pasted links become a cart that is
// previewed and placed; orders placed on the website are recorded or imported; the suppliers
// already bought from are listed. Orders need an active key, so without one it leads the user
// to the setup. The shell keeps it while the window lives, so work in progress survives a trip
// to another screen.
type ordersScreen struct {
	app          *app.App
	win          fyne.Window
	onStartSetup func()
	onShowOrder  func(orderID int64) // shows a placed or recorded order in Tracking
	// onSetUpNextKey starts the wizard for a new key when this one is full; onPlaced says orders
	// were placed, so the key's meters are read again. Either may be nil.
	onSetUpNextKey func()
	onPlaced       func()

	tabs      *container.AppTabs
	entry     *orderEntryTab
	record    *recordTab
	suppliers *suppliersTab
}

func newOrdersScreen(a *app.App, w fyne.Window, onStartSetup func(), onShowOrder func(int64)) *ordersScreen {
	s := &ordersScreen{app: a, win: w, onStartSetup: onStartSetup, onShowOrder: onShowOrder}
	s.entry, s.record, s.suppliers = newOrderEntryTab(s), newRecordTab(s), newSuppliersTab(s)
	return s
}

func (s *ordersScreen) build() fyne.CanvasObject {
	if _, err := s.app.ActiveKey(context.Background()); err != nil {
		if !errors.Is(err, app.ErrNoActiveKey) {
			return emptyState(theme.ErrorIcon(), i18n.T(i18n.ReadFailedTitle, nil), i18n.T(i18n.ReadFailedBody, nil), nil)
		}
		return emptyState(theme.ContentAddIcon(), i18n.T(i18n.NoKeyTitle, nil), i18n.T(i18n.OrdersNoKeyBody, nil),
			startSetupButton(s.onStartSetup))
	}
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(i18n.T(i18n.OrdersTabNew, nil), theme.ContentAddIcon(), s.entry.build()),
		container.NewTabItemWithIcon(i18n.T(i18n.OrdersTabRecord, nil), theme.DownloadIcon(), s.record.build()),
		container.NewTabItemWithIcon(i18n.T(i18n.OrdersTabSuppliers, nil), theme.AccountIcon(), s.suppliers.build()),
	)
	// Set after the tabs are built: a tab's data is read when the user turns to it, so a CSV
	// imported on the second tab shows in the cart of the first, and the suppliers are current.
	s.tabs.OnSelected = func(item *container.TabItem) {
		switch item {
		case s.tabs.Items[0]:
			s.entry.cart.reload()
		case s.tabs.Items[2]:
			s.suppliers.shown()
		}
	}
	return s.tabs
}
