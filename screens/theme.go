package screens

import (
	"context"
	"image/color"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// ApplyTheme makes c the look of fa. ThemeSystem is Fyne's default theme, which follows the OS's
// light or dark mode; ThemeLight and ThemeDark force that variant whatever the OS says.
func ApplyTheme(fa fyne.App, c app.ThemeChoice) {
	// Setting a theme empties Fyne's font and text caches, which the start-up has just filled:
	// a theme already in effect is left alone.
	forced, isForced := fa.Settings().Theme().(forcedVariant)
	switch {
	case c == app.ThemeSystem && !isForced,
		c == app.ThemeLight && isForced && forced.variant == theme.VariantLight,
		c == app.ThemeDark && isForced && forced.variant == theme.VariantDark:
		return
	}
	switch c {
	case app.ThemeLight:
		fa.Settings().SetTheme(forcedVariant{Theme: theme.DefaultTheme(), variant: theme.VariantLight})
	case app.ThemeDark:
		fa.Settings().SetTheme(forcedVariant{Theme: theme.DefaultTheme(), variant: theme.VariantDark})
	default:
		fa.Settings().SetTheme(theme.DefaultTheme())
	}
}

// forcedVariant is a theme whose colours are always those of one variant; fonts, icons and
// sizes are its base's.
type forcedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color is the base theme's colour in the forced variant.
func (t forcedVariant) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(name, t.variant)
}

// themeNames are the theme choices in words.
var themeNames = map[app.ThemeChoice]*i18n.Message{
	app.ThemeSystem: i18n.ThemeSystem,
	app.ThemeLight:  i18n.ThemeLight,
	app.ThemeDark:   i18n.ThemeDark,
}

// themeChoice is the Settings part that picks the theme: a change applies at once and is saved.
type themeChoice struct {
	app *app.App
	win fyne.Window

	radio  *widget.RadioGroup
	failed dialog.Dialog
}

func newThemeChoice(a *app.App, w fyne.Window) *themeChoice {
	return &themeChoice{app: a, win: w}
}

func (t *themeChoice) build() fyne.CanvasObject {
	names := make([]string, len(app.ThemeChoices))
	for i, c := range app.ThemeChoices {
		names[i] = i18n.T(themeNames[c], nil)
	}
	// Selected is set before OnChanged, so showing the screen does not count as a change.
	t.radio = &widget.RadioGroup{
		Options: names, Selected: i18n.T(themeNames[t.app.Theme(context.Background())], nil),
		Required: true, Horizontal: true,
	}
	t.radio.OnChanged = t.onSelected
	note := &widget.Label{Text: i18n.T(i18n.ThemeSystemNote, nil), Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}}
	return container.NewVBox(t.radio, note)
}

func (t *themeChoice) onSelected(name string) {
	for _, c := range app.ThemeChoices {
		if i18n.T(themeNames[c], nil) != name {
			continue
		}
		ApplyTheme(fyne.CurrentApp(), c)
		if err := t.app.SetTheme(context.Background(), c); err != nil {
			log.Printf("settings: save the theme: %v", err)
			t.failed = showProblemDialog(t.win, i18n.SaveFailedTitle, i18n.SaveFailedBody)
		}
		return
	}
}
