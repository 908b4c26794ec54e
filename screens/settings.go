package screens

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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
// notifications), Keys, Statuses, Data (folder, backups, export, diagnostics) and About.
type settingsScreen struct {
	app   *app.App
	win   fyne.Window
	hooks settingsHooks

	languages []i18n.Language
	language  *widget.RadioGroup
	tabs      *container.AppTabs
	failed    dialog.Dialog
}

func newSettingsScreen(a *app.App, w fyne.Window, hooks settingsHooks) *settingsScreen {
	if hooks.tab == nil {
		hooks.tab = new(int)
	}
	return &settingsScreen{app: a, win: w, hooks: hooks, languages: i18n.Languages()}
}

func (s *settingsScreen) build() fyne.CanvasObject {
	dataDir := s.app.DataDir()
	s.tabs = container.NewAppTabs(
		container.NewTabItem(i18n.T(i18n.SettingsTabGeneral, nil), s.page(s.buildGeneral())),
		container.NewTabItem(i18n.T(i18n.SettingsTabKeys, nil), s.page(newKeysSection(s.app, s.win, s.hooks.keysChanged).build())),
		container.NewTabItem(i18n.T(i18n.SettingsTabStatus, nil), s.page(
			heading(i18n.T(i18n.SettingsStatusMapping, nil)), newStatusMappingEditor(s.app, s.win).build())),
		container.NewTabItem(i18n.T(i18n.SettingsTabData, nil), s.page(
			newDataFolderSection(s.app, s.win, s.hooks.reopen).build(),
			newBackupSection(s.app, s.win, s.hooks.beforeRestore, func() { s.hooks.reopen(dataDir) }).build(),
			newDiagnosticsSection(s.app, s.win, filepath.Join(dataDir, "logs")).build(),
		)),
		container.NewTabItem(i18n.T(i18n.SettingsTabAbout, nil), s.page(newAboutPage(s.app).build())),
	)
	s.tabs.SelectIndex(*s.hooks.tab)
	s.tabs.OnSelected = func(*container.TabItem) { *s.hooks.tab = s.tabs.SelectedIndex() }
	return s.tabs
}

// page is one tab's content, scrolled when the window is small.
func (s *settingsScreen) page(parts ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(parts...)))
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
