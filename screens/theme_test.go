package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/storage"
	"caigou/storage/storagetest"
)

// backgroundIn is the window background the app's current theme draws when asked for variant.
func backgroundIn(variant fyne.ThemeVariant) any {
	return fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameBackground, variant)
}

func TestThemeChoiceAppliesAtOnceAndPersists(t *testing.T) {
	test.NewTempApp(t)
	resetLanguage(t)
	core := app.New(storagetest.OpenTemp(t), t.TempDir())
	w := test.NewTempWindow(t, nil)
	tc := newThemeChoice(core, w)
	w.SetContent(tc.build())
	assert.Equal(t, "System", tc.radio.Selected)
	assert.Equal(t, []string{"System", "Light", "Dark"}, tc.radio.Options)

	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	require.NotEqual(t, dark, light)

	tc.radio.SetSelected("Dark")
	assert.Equal(t, dark, backgroundIn(theme.VariantLight), "dark even where the OS is light")
	assert.Equal(t, app.ThemeDark, core.Theme(context.Background()))
	assert.Nil(t, tc.failed)

	again := newThemeChoice(core, w)
	again.build()
	assert.Equal(t, "Dark", again.radio.Selected, "shown as saved")

	tc.radio.SetSelected("Light")
	assert.Equal(t, light, backgroundIn(theme.VariantDark), "light even where the OS is dark")
	assert.Equal(t, app.ThemeLight, core.Theme(context.Background()))

	tc.radio.SetSelected("System")
	assert.Equal(t, dark, backgroundIn(theme.VariantDark), "the system's choice is followed")
	assert.Equal(t, light, backgroundIn(theme.VariantLight))
	assert.Equal(t, app.ThemeSystem, core.Theme(context.Background()))
}

func TestApplyThemeKeepsFontsAndSizes(t *testing.T) {
	test.NewTempApp(t)
	ApplyTheme(fyne.CurrentApp(), app.ThemeDark)
	th := fyne.CurrentApp().Settings().Theme()
	assert.Equal(t, theme.DefaultTheme().Size(theme.SizeNameText), th.Size(theme.SizeNameText))
	assert.Equal(t, theme.DefaultTheme().Font(fyne.TextStyle{Bold: true}), th.Font(fyne.TextStyle{Bold: true}))
}

func TestThemeChoiceThatCannotBeSavedStillAppliesAndSaysSo(t *testing.T) {
	test.NewTempApp(t)
	resetLanguage(t)
	db, err := storage.Open(t.TempDir()) // closed below, under the screen
	require.NoError(t, err)
	core := app.New(db, t.TempDir())
	w := test.NewTempWindow(t, nil)
	tc := newThemeChoice(core, w)
	w.SetContent(tc.build())
	w.Resize(fyne.NewSize(600, 400))
	require.NoError(t, db.Close())

	tc.radio.SetSelected("Dark")
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	assert.Equal(t, dark, backgroundIn(theme.VariantLight), "it applies for this run")
	require.NotNil(t, tc.failed)
	top := w.Canvas().Overlays().Top()
	require.NotNil(t, top)
	assert.Contains(t, visibleTexts(top), "It applies now but will be lost at the next start. Check that the disk is not full.")
}
