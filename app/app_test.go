package app

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
	"caigou/storage/storagetest"
)

func TestStartLanguageFollowsTheSavedChoiceThenTheOS(t *testing.T) {
	ctx := context.Background()
	t.Cleanup(func() { _ = i18n.SetLanguage("en") })
	cases := []struct {
		name, saved, osLocale, want string
	}{
		{"first start on a Russian system", "", "ru-RU", "ru"},
		{"first start on a Chinese system", "", "zh-Hans-CN", "zh"},
		{"first start on a German system falls back to English", "", "de-DE", "en"},
		{"the saved choice wins over the OS", "zh", "ru-RU", "zh"},
		{"a saved language that no longer exists falls back to the OS", "xx", "ru-RU", "ru"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := storagetest.OpenTemp(t)
			if c.saved != "" {
				require.NoError(t, db.SetSetting(ctx, settingLanguage, c.saved))
			}
			require.NoError(t, New(db, t.TempDir()).StartLanguage(ctx, c.osLocale))
			assert.Equal(t, c.want, i18n.Current())
		})
	}
}

func TestSetLanguageIsSavedForTheNextStart(t *testing.T) {
	ctx := context.Background()
	t.Cleanup(func() { _ = i18n.SetLanguage("en") })
	db := storagetest.OpenTemp(t)
	require.NoError(t, New(db, t.TempDir()).SetLanguage(ctx, "ru"))
	require.NoError(t, i18n.SetLanguage("en"))

	require.NoError(t, New(db, t.TempDir()).StartLanguage(ctx, "en-US"))
	assert.Equal(t, "ru", i18n.Current())
}

func TestSetLanguageRejectsAnUnknownLanguage(t *testing.T) {
	db := storagetest.OpenTemp(t)
	a := New(db, t.TempDir())
	require.Error(t, a.SetLanguage(context.Background(), "klingon"))
	_, ok, err := a.SavedLanguage(context.Background())
	require.NoError(t, err)
	assert.False(t, ok, "nothing is saved for a language that cannot be shown")
}

func TestWindowSizeSurvivesARestart(t *testing.T) {
	ctx := context.Background()
	db := storagetest.OpenTemp(t)
	_, _, ok := New(db, t.TempDir()).WindowSize(ctx)
	assert.False(t, ok, "no size before the first close")

	require.NoError(t, New(db, t.TempDir()).SaveWindowSize(ctx, 1200, 800))
	w, h, ok := New(db, t.TempDir()).WindowSize(ctx)
	assert.True(t, ok)
	assert.Equal(t, float32(1200), w)
	assert.Equal(t, float32(800), h)
}

func TestHasKeyIsFalseOnAFreshDatabase(t *testing.T) {
	has, err := New(storagetest.OpenTemp(t), t.TempDir()).HasKey(context.Background())
	require.NoError(t, err)
	assert.False(t, has)
}
