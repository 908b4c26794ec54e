package screens

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"caigou/app"
	"caigou/i18n"
)

// page names one entry of the navigation.
type page int

const (
	pageSetup page = iota
	pageOrders
	pageTracking
	pageUsage
	pageSettings
)

// navEntry is what the navigation shows for a page. The icon is named, not loaded: a package
// variable is set before the Fyne app exists.
type navEntry struct {
	title *goi18n.Message
	icon  fyne.ThemeIconName
}

var navEntries = [...]navEntry{
	pageSetup:    {i18n.NavSetup, theme.IconNameLogin},
	pageOrders:   {i18n.NavOrders, theme.IconNameContentAdd},
	pageTracking: {i18n.NavTracking, theme.IconNameList},
	pageUsage:    {i18n.NavUsage, theme.IconNameInfo},
	pageSettings: {i18n.NavSettings, theme.IconNameSettings},
}

// Shell is the main window's content: the navigation on the left and the current screen.
type Shell struct {
	app     *app.App
	win     fyne.Window
	current page

	// The screens that hold work in progress are kept while the window lives and built once
	// per language; the others are built afresh each time they are shown.
	setup  *wizardScreen // the step and practice mode
	orders *ordersScreen
	track  *trackingScreen
	built  map[page]fyne.CanvasObject // orders and tracking, in the current language

	trackingMu     sync.Mutex           // for Fyne's test driver, which runs fyne.Do on any goroutine
	tracking       *app.TrackingService // nil while no key is active
	trackingGen    int                  // bumped by every start and stop, so a late start is dropped
	trackingStarts sync.WaitGroup
	listenersMu    sync.Mutex
	listeners      map[int]func(app.Event)
	nextListener   int

	// OnReopen opens caigou afresh on a data folder: after a restore replaced the database, or a
	// move put it elsewhere. main sets it; it closes this shell and builds a new one.
	OnReopen    func(dataDir string)
	settingsTab int             // the Settings tab shown last
	settings    *settingsScreen // while Settings is the page shown

	status     *statusLine
	banners    []usageBanner // usage alerts not closed yet, newest last
	nextBanner int
	bannerBox  *fyne.Container
	root       *fyne.Container // banners, status line, navigation and page
	nav        *widget.List
	content    *fyne.Container
}

// NewShell builds nothing yet; Build makes the widgets in the current language.
func NewShell(a *app.App, w fyne.Window) *Shell {
	s := &Shell{app: a, win: w, current: pageSetup}
	s.setup = newWizardScreen(a, w, func() { s.openSettings(settingsTabStatus) })
	s.setup.onKeyActivated = s.StartTracking
	s.orders = newOrdersScreen(a, w, s.onStartSetup, s.showOrder)
	s.orders.onSetUpNextKey, s.orders.onPlaced = s.SetUpNextKey, s.usageChanged
	s.track = newTrackingScreen(a, w, s.listen, s.onStartSetup)
	s.status = newStatusLine(s)
	s.listen(s.notify)
	return s
}

// Place is where the user is in the window: the page, and the tab when it is Settings.
type Place struct {
	page        page
	settingsTab int
}

// Place is where the user is now, for a new shell to open at the same place.
func (s *Shell) Place() Place { return Place{s.current, s.settingsTab} }

// SetPlace makes the shell open at p; call it before Build.
func (s *Shell) SetPlace(p Place) { s.current, s.settingsTab = p.page, p.settingsTab }

// Close stops what the screens run in the background and ends practice mode, deleting its data;
// call it when the window closes.
func (s *Shell) Close() {
	s.setup.close()
	s.stopTracking()
	s.trackingStarts.Wait()
}

// Build makes the window content in the current language, showing the current page.
func (s *Shell) Build() fyne.CanvasObject {
	// The first page goes in before anything is measured: a container refreshed before it has a
	// size lays its text out for nothing, and that first layout is most of a screen's cost.
	s.content = container.NewStack(s.buildPage(s.current))
	s.nav = &widget.List{
		Length:     func() int { return len(navEntries) },
		CreateItem: s.createNavItem,
		UpdateItem: s.updateNavItem,
	}
	s.nav.Select(int(s.current)) // before OnSelected, which would build the page a second time
	s.nav.OnSelected = func(id widget.ListItemID) { s.show(page(id)) }
	side := container.NewBorder(nil, nil, nil, widget.NewSeparator(), s.nav)
	s.bannerBox = container.NewVBox()
	s.root = container.NewBorder(s.bannerBox, s.status.build(), side, nil, s.content)
	s.showBanners()
	return s.root
}

// Rebuild replaces the window content, so a language switch shows at once, with no restart.
func (s *Shell) Rebuild() {
	s.built = nil
	s.win.SetContent(s.Build())
	s.Shown()
}

// Shown starts what the page shown reads in the background; call it once the shell's content is
// in the window.
func (s *Shell) Shown() {
	if s.current == pageSettings && s.settings != nil {
		s.settings.shown()
	}
}

// Navigate shows p and selects it in the navigation, as if the user had picked it.
func (s *Shell) Navigate(p page) {
	s.nav.Select(int(p))
}

func (s *Shell) show(p page) {
	s.current = p
	s.content.Objects = []fyne.CanvasObject{s.buildPage(p)}
	s.content.Refresh()
	s.Shown()
	if p == pageOrders && s.orders.entry.cart.capBox != nil {
		s.orders.entry.cart.checkCap() // the key may have filled up or changed
	}
}

func (s *Shell) buildPage(p page) fyne.CanvasObject {
	s.settings = nil
	switch p {
	case pageOrders:
		return s.keptPage(p, s.orders.build)
	case pageTracking:
		return s.keptPage(p, s.track.build)
	case pageUsage:
		return newUsageScreen(s.app, s.win, s.onStartSetup, s.SetUpNextKey).build()
	case pageSettings:
		s.settings = newSettingsScreen(s.app, s.win, settingsHooks{
			languageChanged: s.Rebuild, keysChanged: s.StartTracking, beforeRestore: s.stopTracking,
			reopen: s.reopen, tab: &s.settingsTab,
		})
		return s.settings.build()
	default:
		return s.setup.build()
	}
}

func (s *Shell) onStartSetup() { s.Navigate(pageSetup) }

// openSettings shows Settings at one of its tabs.
func (s *Shell) openSettings(tab int) {
	s.settingsTab = tab
	if s.current == pageSettings {
		s.show(pageSettings)
		return
	}
	s.Navigate(pageSettings)
}

// reopen hands the window to a new shell on dataDir, through OnReopen; without one (in tests)
// it rebuilds this shell's content over the data it has.
func (s *Shell) reopen(dataDir string) {
	if s.OnReopen != nil {
		s.OnReopen(dataDir)
		return
	}
	s.Rebuild()
}

// SetUpNextKey opens the wizard for a new key, for a key that is full or ending; the old key
// and its order history stay.
func (s *Shell) SetUpNextKey() {
	s.Navigate(pageSetup) // builds the wizard's widgets first
	s.setup.startAnotherKey()
}

// keptPage is the page built once per language; a language switch rebuilds it.
func (s *Shell) keptPage(p page, build func() fyne.CanvasObject) fyne.CanvasObject {
	if o, ok := s.built[p]; ok {
		return o
	}
	if s.built == nil {
		s.built = map[page]fyne.CanvasObject{}
	}
	s.built[p] = build()
	return s.built[p]
}

// showOrder shows an order in Tracking, from Orders.
func (s *Shell) showOrder(orderID int64) {
	s.Navigate(pageTracking)
	s.track.showOrder(orderID)
}

// createNavItem sizes the template for the longest title, so no title is clipped in any language.
func (s *Shell) createNavItem() fyne.CanvasObject {
	longest := ""
	for _, e := range navEntries {
		if t := i18n.T(e.title, nil); len([]rune(t)) > len([]rune(longest)) {
			longest = t
		}
	}
	return container.NewHBox(widget.NewIcon(theme.InfoIcon()), widget.NewLabel(longest))
}

func (s *Shell) updateNavItem(id widget.ListItemID, item fyne.CanvasObject) {
	row := item.(*fyne.Container)
	row.Objects[0].(*widget.Icon).SetResource(theme.Icon(navEntries[id].icon))
	row.Objects[1].(*widget.Label).SetText(i18n.T(navEntries[id].title, nil))
}
