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

// settingsScreen holds the user's preferences. A language change takes effect at once: the
// shell rebuilds the window content through onLanguageChanged.
type settingsScreen struct {
	app               *app.App
	win               fyne.Window
	onLanguageChanged func()

	languages []i18n.Language
	language  *widget.RadioGroup
	failed    dialog.Dialog
}

func newSettingsScreen(a *app.App, w fyne.Window, onLanguageChanged func()) *settingsScreen {
	return &settingsScreen{app: a, win: w, onLanguageChanged: onLanguageChanged, languages: i18n.Languages()}
}

func (s *settingsScreen) build() fyne.CanvasObject {
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

	dataDir := &widget.Label{Text: s.app.DataDir(), Selectable: true, Wrapping: fyne.TextWrapBreak}
	addLanguage := &widget.Label{
		Text:     i18n.T(i18n.SettingsAddLanguage, map[string]any{"Folder": filepath.Join(s.app.DataDir(), "locales")}),
		Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true},
	}
	form := container.NewVBox(
		heading(i18n.T(i18n.SettingsTitle, nil)),
		section(i18n.T(i18n.SettingsLanguage, nil), s.language, addLanguage),
		section(i18n.T(i18n.SettingsStatusMapping, nil), newStatusMappingEditor(s.app, s.win).build()),
		section(i18n.T(i18n.SettingsNotifications, nil), newNotificationSwitches(s.app, s.win).build()),
		section(i18n.T(i18n.SettingsDataFolder, nil), dataDir),
	)
	return container.NewVScroll(container.NewPadded(form))
}

func (s *settingsScreen) onLanguageSelected(name string) {
	for _, l := range s.languages {
		if l.Name != name || l.Tag == i18n.Current() {
			continue
		}
		if err := s.app.SetLanguage(context.Background(), l.Tag); err != nil {
			s.failed = showProblemDialog(s.win, i18n.SaveFailedTitle, i18n.SaveFailedBody)
		}
		s.onLanguageChanged()
		return
	}
}
