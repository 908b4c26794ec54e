package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestScreensRenderAsRecorded compares each screen's widget tree with the markup recorded in
// testdata/markup, so a change to layout or text shows up in review. After an intended change,
// copy the new file from testdata/failed/markup over the old one.
func TestScreensRenderAsRecorded(t *testing.T) {
	shell, w, _ := newTestShellIn(t, screenshotDataDir)
	for p, name := range screenshotNames {
		if page(p) == pageSetup {
			continue // the wizard's pages follow
		}
		if page(p) == pageSettings {
			settingsTabs(shell, w, func(name string) {
				test.AssertRendersToMarkup(t, "markup/"+name+".xml", w.Canvas())
			})
			continue
		}
		shell.Navigate(page(p))
		w.Content().Refresh()
		test.AssertRendersToMarkup(t, "markup/"+name+".xml", w.Canvas())
	}
	wizardSteps(t, shell, w, func(name string) {
		test.AssertRendersToMarkup(t, "markup/"+name+".xml", w.Canvas())
	})
}
