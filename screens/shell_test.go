package screens

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage/storagetest"
)

// newTestShell shows a shell over a fresh database in a test window, in English.
func newTestShell(t *testing.T) (*Shell, fyne.Window, *app.App) {
	t.Helper()
	return newTestShellIn(t, t.TempDir())
}

// newTestShellIn is newTestShell with the data folder the Settings screen shows.
func newTestShellIn(t *testing.T, dataDir string) (*Shell, fyne.Window, *app.App) {
	t.Helper()
	test.NewTempApp(t)
	resetLanguage(t)
	core := app.New(storagetest.OpenTemp(t), dataDir)
	w := test.NewTempWindow(t, nil)
	shell := NewShell(core, w)
	w.SetContent(shell.Build())
	w.Resize(fyne.NewSize(1024, 700))
	return shell, w, core
}

// resetLanguage starts a test in English and puts English back when it ends.
func resetLanguage(t *testing.T) {
	t.Helper()
	require.NoError(t, i18n.SetLanguage("en"))
	t.Cleanup(func() { _ = i18n.SetLanguage("en") })
}

func TestShellNavigatesToEveryScreen(t *testing.T) {
	shell, w, _ := newTestShell(t)
	cases := []struct {
		page page
		want string
	}{
		{pageSetup, firstStepTitle()},
		{pageOrders, i18n.T(i18n.OrdersNoKeyBody, nil)},
		{pageTracking, i18n.T(i18n.TrackingNoKeyBody, nil)},
		{pageUsage, i18n.T(i18n.NoKeyTitle, nil)},
		{pageSettings, i18n.T(i18n.SettingsLanguage, nil)},
	}
	for _, c := range cases {
		shell.Navigate(c.page)
		assert.Equal(t, c.page, shell.current)
		assert.Contains(t, visibleTexts(w.Content()), c.want, "page %d", c.page)
	}
}

func TestEmptyStatesLeadToTheSetup(t *testing.T) {
	shell, w, _ := newTestShell(t)
	for _, p := range []page{pageOrders, pageTracking, pageUsage} {
		shell.Navigate(p)
		button := findButton(w.Content(), i18n.T(i18n.StartSetup, nil))
		require.NotNil(t, button, "page %d has no start-setup button", p)
		test.Tap(button)
		assert.Equal(t, pageSetup, shell.current, "the button on page %d", p)
		assert.Contains(t, visibleTexts(w.Content()), firstStepTitle())
	}
}

func TestLanguageSwitchRebuildsAtOnceAndIsSaved(t *testing.T) {
	shell, w, core := newTestShell(t)
	shell.Navigate(pageSettings)
	radio := findRadio(w.Content())
	require.NotNil(t, radio)
	assert.Equal(t, "English", radio.Selected)

	radio.SetSelected("Русский")

	assert.Equal(t, "ru", i18n.Current())
	texts := visibleTexts(w.Content())
	assert.Contains(t, texts, "Параметры", "the navigation is rebuilt in Russian")
	assert.Contains(t, texts, "Язык", "the settings screen stays shown, in Russian")
	assert.Equal(t, pageSettings, shell.current)
	saved, ok, err := core.SavedLanguage(context.Background())
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, "ru", saved)

	findRadio(w.Content()).SetSelected("中文")
	assert.Contains(t, visibleTexts(w.Content()), "语言")
}

// visibleTexts lists the text of every label, button and radio option under o.
func visibleTexts(o fyne.CanvasObject) []string {
	var texts []string
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			texts = append(texts, w.Text)
		case *widget.Button:
			texts = append(texts, w.Text)
		case *widget.Hyperlink:
			texts = append(texts, w.Text)
		case *widget.Card:
			texts = append(texts, w.Title, w.Subtitle)
		case *widget.RadioGroup:
			texts = append(texts, w.Options...)
		}
	})
	return slices.DeleteFunc(texts, func(s string) bool { return s == "" })
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

func findRadio(o fyne.CanvasObject) *widget.RadioGroup {
	var found *widget.RadioGroup
	walk(o, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && found == nil {
			found = r
		}
	})
	return found
}

// walk visits o and everything shown inside it: containers' objects and widgets' rendered children,
// including the rows a widget.List has created.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return // what is hidden is not on screen
	}
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, child := range v.Objects {
			walk(child, visit)
		}
	case *widget.Card:
		walk(v.Content, visit)
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(v).Objects() {
			walk(child, visit)
		}
	}
}

// firstStepTitle is what the Setup screen shows above the wizard's first page.
func firstStepTitle() string {
	return i18n.T(i18n.WizardStepOf, map[string]any{"N": 1, "Total": 10, "Title": i18n.T(i18n.StepTitleBefore, nil)})
}
