// Package app is caigou's core: the one object the screens get. It wires storage, the 1688
// clients and the services, and it has no Fyne imports, so it builds and tests without a display.
package app

import (
	"context"
	"errors"
	"strconv"
	"sync"

	"caigou/i18n"
	"caigou/storage"
)

// Setting keys kept in the settings table.
const (
	settingLanguage     = "ui.language"
	settingWindowWidth  = "ui.window.width"
	settingWindowHeight = "ui.window.height"
)

// App is the application core shared by every screen.
type App struct {
	db        *storage.DB
	dataDir   string
	secrets   *Secrets
	endpoints Endpoints
	placing   sync.Mutex // see placeLock
	version   string
	channels  channelHistory     // see ChannelHistory
	dataHome  string             // see SetDataHome
	moving    sync.Mutex         // one move of the data folder at a time
	oldData   *storage.WriteHold // the database a move left, held against writes until closed
}

// New builds the core over an open database kept in dataDir.
func New(db *storage.DB, dataDir string) *App {
	return &App{db: db, dataDir: dataDir, secrets: NewSecrets(db)}
}

// SetVersion records caigou's version, for the About box, the diagnostics file and the gateway's
// User-Agent. main sets it once, before any screen is built.
func (a *App) SetVersion(v string) { a.version = v }

// Version is caigou's version as main set it; "dev" when it did not.
func (a *App) Version() string {
	if a.version == "" {
		return "dev"
	}
	return a.version
}

// Secrets is where AppSecrets and access tokens are kept: the OS keychain, or the database.
func (a *App) Secrets() *Secrets { return a.secrets }

// DataDir is the folder that holds the database and the translators' locales.
func (a *App) DataDir() string { return a.dataDir }

// SavedLanguage is the language the user chose last, if they ever chose one.
func (a *App) SavedLanguage(ctx context.Context) (tag string, ok bool, err error) {
	return a.db.Setting(ctx, settingLanguage)
}

// SetLanguage switches every later translation to tag and remembers the choice.
func (a *App) SetLanguage(ctx context.Context, tag string) error {
	if err := i18n.SetLanguage(tag); err != nil {
		return err
	}
	return a.db.SetSetting(ctx, settingLanguage, tag)
}

// WindowSize is the main window's size when it was last closed.
func (a *App) WindowSize(ctx context.Context) (width, height float32, ok bool) {
	w, okW, errW := a.db.Setting(ctx, settingWindowWidth)
	h, okH, errH := a.db.Setting(ctx, settingWindowHeight)
	if !okW || !okH || errors.Join(errW, errH) != nil {
		return 0, 0, false
	}
	wf, errW := strconv.ParseFloat(w, 32)
	hf, errH := strconv.ParseFloat(h, 32)
	if errors.Join(errW, errH) != nil || wf < 1 || hf < 1 {
		return 0, 0, false
	}
	return float32(wf), float32(hf), true
}

// SaveWindowSize remembers the main window's size for the next start.
func (a *App) SaveWindowSize(ctx context.Context, width, height float32) error {
	return errors.Join(
		a.db.SetSetting(ctx, settingWindowWidth, strconv.FormatFloat(float64(width), 'f', 0, 32)),
		a.db.SetSetting(ctx, settingWindowHeight, strconv.FormatFloat(float64(height), 'f', 0, 32)),
	)
}

// HasKey reports whether any 1688 key has been set up, so screens can show their empty state.
func (a *App) HasKey(ctx context.Context) (bool, error) {
	n, err := a.db.CountKeys(ctx)
	return n > 0, err
}

// StartLanguage picks the language at start: the user's saved choice, else the OS locale when it
// is one caigou speaks, else English.
func (a *App) StartLanguage(ctx context.Context, osLocale string) error {
	tag, ok, err := a.SavedLanguage(ctx)
	if err != nil || !ok || i18n.SetLanguage(tag) != nil {
		return errors.Join(err, i18n.SetLanguage(i18n.Match(osLocale)))
	}
	return nil
}
