package screens

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/require"

	"caigou/app/apptest"
	"caigou/i18n"
)

// settingsTabNames names each Settings tab's markup and screenshot.
var settingsTabNames = [...]string{
	settingsTabGeneral: "settings",
	settingsTabKeys:    "settings-keys",
	settingsTabStatus:  "settings-statuses",
	settingsTabData:    "settings-data",
	settingsTabAbout:   "settings-about",
}

// settingsTabs shows each tab of Settings in turn and hands it to capture by name, once what the
// tab reads in the background has been read.
func settingsTabs(shell *Shell, w fyne.Window, capture func(name string)) {
	for tab, name := range settingsTabNames {
		shell.openSettings(tab)
		settleSettings(shell.settings)
		w.Content().Refresh()
		capture(name)
	}
}

// settleSettings waits for the Settings sections' background work.
func settleSettings(s *settingsScreen) {
	if s.keys != nil {
		s.keys.work.Wait()
	}
	if s.folder != nil {
		s.folder.work.Wait()
	}
	if s.backups != nil {
		s.backups.work.Wait()
	}
}

// settingsScreens shows every Settings tab with a key set up and a backup made, for capture.
func settingsScreens(t *testing.T, lang string, capture func(name string, w fyne.Window)) {
	// A folder with a name that does not change, as the Data tab shows it.
	dataDir := filepath.Join(os.TempDir(), "caigou-screenshots", "caigou")
	require.NoError(t, os.RemoveAll(dataDir))
	t.Cleanup(func() { _ = os.RemoveAll(filepath.Dir(dataDir)) })
	shell, w, core := newTestShellIn(t, dataDir)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	keyID := apptest.ActivateDemoKey(t, core)
	ctx := context.Background()
	require.NoError(t, core.RenameKey(ctx, keyID, "Shop 1"))
	_, err := core.Backup(ctx, "")
	require.NoError(t, err)
	require.NoError(t, i18n.SetLanguage(lang))
	shell.Rebuild()
	settingsTabs(shell, w, func(name string) { capture(name, w) })
	shell.openSettings(settingsTabKeys)
	settleSettings(shell.settings)
	shell.settings.keys.list.Select(0) // the key's actions show
	w.Content().Refresh()
	capture("settings-keys-selected", w)
}
