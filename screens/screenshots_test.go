package screens

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// screenshotNames names the PNG of each page: docs/screenshots/<screen>-<lang>.png. The start-up
// error window is startup-error-<lang>.png.
var screenshotNames = [...]string{
	pageSetup:    "setup",
	pageOrders:   "orders",
	pageTracking: "tracking",
	pageUsage:    "usage",
	pageSettings: "settings",
}

// screenshotDataDir is the data folder the Settings screenshot shows: a typical one, rather
// than the test's temporary folder.
const screenshotDataDir = "/home/buyer/.config/caigou"

// TestScreenshots renders every screen in every language with the real theme. It runs only
// through `make screenshots`, which sets CAIGOU_SCREENSHOTS to the output folder.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("CAIGOU_SCREENSHOTS")
	if dir == "" {
		t.Skip("set CAIGOU_SCREENSHOTS=DIR (make screenshots) to render the screens")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for _, lang := range []string{"en", "ru", "zh"} {
		shell, w, _ := newTestShellIn(t, screenshotDataDir)
		fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
		require.NoError(t, i18n.SetLanguage(lang))
		shell.Rebuild()
		for p, name := range screenshotNames {
			if page(p) == pageSetup {
				continue // the wizard's pages follow
			}
			if page(p) == pageSettings {
				continue // settingsScreens follows
			}
			shell.Navigate(page(p))
			// The desktop driver lays a new screen out a second time once wrapped labels know
			// their width; the test driver needs to be asked.
			w.Content().Refresh()
			writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, lang)), w)
		}
		wizardSteps(t, shell, w, func(name string) {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, lang)), w)
		})
		practiceChecked(t, lang, func(name string, w fyne.Window) {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, lang)), w)
		})
		ordersAndTracking(t, lang, func(name string, w fyne.Window) {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, lang)), w)
		})
		usageScreens(t, lang, func(name string, w fyne.Window) {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, lang)), w)
		})
		settingsScreens(t, lang, func(name string, w fyne.Window) {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, lang)), w)
		})
		bannerScreen(t, lang, func(name string, w fyne.Window) {
			writePNG(t, filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, lang)), w)
		})
		startupError(t, dir, lang)
	}
}

// practiceChecked walks practice mode to a verified demo key, then shows the pages of the live
// checks as they stand afterwards, for capture as setup-practice-NN-<step>.
func practiceChecked(t *testing.T, lang string, capture func(name string, w fyne.Window)) {
	h := newWizardHarness(t)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	replayWalk(t, h) // in English: the walk names the buttons
	require.NoError(t, i18n.SetLanguage(lang))
	h.shell.Rebuild()
	for i, step := range app.WizardSteps {
		if step.Live || step.ID == app.StepFinish {
			h.s.goTo(step.ID)
			h.win.Content().Refresh()
			capture(fmt.Sprintf("setup-practice-%02d-%s", i+1, step.ID), h.win)
		}
	}
}

// wizardSteps shows each page of the key setup wizard in turn, for a new key, and calls capture
// with the page's name: setup-NN-<step>.
func wizardSteps(t *testing.T, shell *Shell, w fyne.Window, capture func(name string)) {
	t.Helper()
	shell.Navigate(pageSetup)
	require.True(t, shell.setup.ensureKey())
	for i, step := range app.WizardSteps {
		shell.setup.goTo(step.ID)
		w.Content().Refresh()
		capture(fmt.Sprintf("setup-%02d-%s", i+1, step.ID))
	}
}

// startupError renders the window caigou shows instead of the shell when its database was made
// by a newer caigou.
func startupError(t *testing.T, dir, lang string) {
	w := test.NewTempWindow(t, StartupError(&storage.OpenError{
		Path: filepath.Join(screenshotDataDir, storage.FileName), Found: storage.SchemaVersion + 1, Supported: storage.SchemaVersion,
		Kind: storage.ErrNewerDatabase,
	}, func() {}))
	w.Resize(StartupErrorWindowSize)
	writePNG(t, filepath.Join(dir, "startup-error-"+lang+".png"), w)
}

func writePNG(t *testing.T, path string, w fyne.Window) {
	t.Helper()
	file, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, png.Encode(file, w.Canvas().Capture()))
	require.NoError(t, file.Close())
}
