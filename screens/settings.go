package screens

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"caigou/app"
	"caigou/i18n"
)

// The tabs of Settings, in order.
const (
	settingsTabGeneral = iota
	settingsTabKeys
	settingsTabStatus
	settingsTabData
	settingsTabAbout
)

// settingsHooks are what Settings asks of the shell: changes that reach beyond the screen.
type settingsHooks struct {
	languageChanged func()               // rebuild the window content in the new language
	keysChanged     func()               // the active key may differ: restart the message channel
	beforeRestore   func()               // stop writing to the database
	reopen          func(dataDir string) // open caigou afresh on dataDir (after a restore or a move)
	tab             *int                 // the tab shown last, kept while the window lives
}

// settingsScreen holds the user's preferences in tabs: General (language, theme,
// notifications), Keys, Statuses, Data (folder, backups, export, diagnostics) and About. A tab is
// built when it is first shown, and what it reads in the background starts once it is in the
// window (see shown).
type settingsScreen struct {
	app   *app.App
	win   fyne.Window
	hooks settingsHooks

	languages []i18n.Language
	language  *widget.RadioGroup
	tabs      *container.AppTabs
	pages     [settingsTabAbout + 1]*fyne.Container // each tab's content, empty until first shown
	loads     [settingsTabAbout + 1][]func()        // each built tab's background reads, not yet started
	keys      *keysSection                          // the sections that read in the background, once built
	folder    *dataFolderSection
	backups   *backupSection
	failed    dialog.Dialog
}

func newSettingsScreen(a *app.App, w fyne.Window, hooks settingsHooks) *settingsScreen {
	if hooks.tab == nil {
		hooks.tab = new(int)
	}
	return &settingsScreen{app: a, win: w, hooks: hooks, languages: i18n.Languages()}
}

func (s *settingsScreen) build() fyne.CanvasObject {
	titles := [...]*goi18n.Message{
		settingsTabGeneral: i18n.SettingsTabGeneral, settingsTabKeys: i18n.SettingsTabKeys,
		settingsTabStatus: i18n.SettingsTabStatus, settingsTabData: i18n.SettingsTabData, settingsTabAbout: i18n.SettingsTabAbout,
	}
	s.tabs = container.NewAppTabs()
	for i, title := range titles {
		s.pages[i] = container.NewStack()
		s.tabs.Append(container.NewTabItem(i18n.T(title, nil), s.pages[i]))
	}
	s.fill(*s.hooks.tab)
	s.tabs.SelectIndex(*s.hooks.tab)
	s.tabs.OnSelected = func(*container.TabItem) {
		*s.hooks.tab = s.tabs.SelectedIndex()
		s.fill(*s.hooks.tab)
		s.shown()
	}
	return s.tabs
}

// shown starts the shown tab's background reads, once it is in the window: Fyne's test driver
// applies their results on their own goroutines, so nothing may lay the tab out meanwhile.
func (s *settingsScreen) shown() {
	tab := s.tabs.SelectedIndex()
	for _, load := range s.loads[tab] {
		load()
	}
	s.loads[tab] = nil
}

// fill builds a tab's content the first time it is shown.
func (s *settingsScreen) fill(tab int) {
	page := s.pages[tab]
	if len(page.Objects) > 0 {
		return
	}
	var parts []fyne.CanvasObject
	switch tab {
	case settingsTabGeneral:
		parts = []fyne.CanvasObject{s.buildGeneral()}
	case settingsTabKeys:
		s.keys = newKeysSection(s.app, s.win, s.hooks.keysChanged)
		parts, s.loads[tab] = []fyne.CanvasObject{s.keys.build()}, []func(){s.keys.load}
	case settingsTabStatus:
		parts = []fyne.CanvasObject{heading(i18n.T(i18n.SettingsStatusMapping, nil)), newStatusMappingEditor(s.app, s.win).build()}
	case settingsTabData:
		dataDir := s.app.DataDir()
		s.folder = newDataFolderSection(s.app, s.win, s.hooks.reopen)
		s.backups = newBackupSection(s.app, s.win, s.hooks.beforeRestore, func() { s.hooks.reopen(dataDir) })
		parts = []fyne.CanvasObject{
			s.folder.build(), s.backups.build(),
			section(i18n.T(i18n.DiagnosticsTitle, nil), newDiagnosticsSection(s.app, s.win, app.LogDir(dataDir)).build()),
		}
		s.loads[tab] = []func(){s.folder.load, s.backups.load}
	case settingsTabAbout:
		parts = []fyne.CanvasObject{newAboutPage(s.app).build()}
	}
	page.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(container.NewVBox(parts...)))}
	page.Refresh()
}

func (s *settingsScreen) buildGeneral() fyne.CanvasObject {
	names := make([]string, len(s.languages))
	selected := ""
	for i, l := range s.languages {
		names[i] = l.Name
		if l.Tag == i18n.Current() {
			selected = l.Name
		}
	}
	// Selected is set before OnChanged, so showing the screen does not count as a change.
	s.language = &widget.RadioGroup{Options: names, Selected: selected, Required: true}
	s.language.OnChanged = s.onLanguageSelected
	addLanguage := &widget.Label{
		Text:     i18n.T(i18n.SettingsAddLanguage, map[string]any{"Folder": filepath.Join(s.app.DataDir(), "locales")}),
		Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true},
	}
	return container.NewVBox(
		heading(i18n.T(i18n.SettingsTitle, nil)),
		section(i18n.T(i18n.SettingsLanguage, nil), s.language, addLanguage),
		section(i18n.T(i18n.SettingsTheme, nil), newThemeChoice(s.app, s.win).build()),
		section(i18n.T(i18n.SettingsNotifications, nil), newNotificationSwitches(s.app, s.win).build()),
	)
}

func (s *settingsScreen) onLanguageSelected(name string) {
	for _, l := range s.languages {
		if l.Name != name || l.Tag == i18n.Current() {
			continue
		}
		if err := s.app.SetLanguage(context.Background(), l.Tag); err != nil {
			s.failed = showProblemDialog(s.win, i18n.SaveFailedTitle, i18n.SaveFailedBody)
		}
		s.hooks.languageChanged()
		return
	}
}
