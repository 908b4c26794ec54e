package app

import (
	"context"
	"errors"
	"fmt"
)

// settingTheme is where the user's theme choice is kept.
const settingTheme = "ui.theme"

// ThemeChoice is the look the user picked in Settings.
type ThemeChoice string

// The theme choices. ThemeSystem follows the OS's light or dark mode.
const (
	ThemeSystem ThemeChoice = "system"
	ThemeLight  ThemeChoice = "light"
	ThemeDark   ThemeChoice = "dark"
)

// ThemeChoices are the choices in the order Settings offers them.
var ThemeChoices = []ThemeChoice{ThemeSystem, ThemeLight, ThemeDark}

// ErrUnknownTheme is returned for a theme choice that is none of ThemeChoices.
var ErrUnknownTheme = errors.New("unknown theme choice")

func (c ThemeChoice) valid() bool {
	return c == ThemeSystem || c == ThemeLight || c == ThemeDark
}

// Theme is the saved theme choice; ThemeSystem when none was saved, when the saved value is not
// one caigou knows, or when the setting cannot be read (the look is not worth refusing to start).
func (a *App) Theme(ctx context.Context) ThemeChoice {
	v, ok, err := a.db.Setting(ctx, settingTheme)
	if c := ThemeChoice(v); err == nil && ok && c.valid() {
		return c
	}
	return ThemeSystem
}

// SetTheme remembers the theme choice c for the next start.
func (a *App) SetTheme(ctx context.Context, c ThemeChoice) error {
	if !c.valid() {
		return fmt.Errorf("%q: %w", c, ErrUnknownTheme)
	}
	return a.db.SetSetting(ctx, settingTheme, string(c))
}
