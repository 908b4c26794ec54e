package app

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestThemeChoiceIsSavedAndDefaultsToSystem(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	assert.Equal(t, ThemeSystem, a.Theme(ctx), "nothing saved yet")

	require.NoError(t, a.SetTheme(ctx, ThemeDark))
	assert.Equal(t, ThemeDark, a.Theme(ctx))
	require.NoError(t, a.SetTheme(ctx, ThemeLight))
	assert.Equal(t, ThemeLight, a.Theme(ctx))

	require.ErrorIs(t, a.SetTheme(ctx, "purple"), ErrUnknownTheme)
	assert.Equal(t, ThemeLight, a.Theme(ctx), "a refused choice changes nothing")

	require.NoError(t, a.db.SetSetting(ctx, settingTheme, "neon"))
	assert.Equal(t, ThemeSystem, a.Theme(ctx), "a value from a newer caigou falls back to the system's")
}
