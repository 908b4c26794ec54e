package i18n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// linesContaining returns the log lines that contain every one of words.
func linesContaining(lines []string, words ...string) []string {
	var found []string
	for _, line := range lines {
		all := true
		for _, w := range words {
			all = all && strings.Contains(line, w)
		}
		if all {
			found = append(found, line)
		}
	}
	return found
}

func TestLoadUserLocales(t *testing.T) {
	resetState(t)
	dir := t.TempDir()
	writeLocale(t, dir, "de.toml", "[LanguageName]\ndescription = \"Name der Sprache\"\nother = \"Deutsch\"\n")
	writeLocale(t, dir, "fr.toml", "[LanguageName\nother = \"Français\"\n")
	writeLocale(t, dir, "notalanguage.toml", "LanguageName = \"?\"\n")
	writeLocale(t, dir, "tlh.toml", "LanguageName = \"tlhIngan Hol\"\n")
	writeLocale(t, dir, "notes.txt", "not a locale")
	require.NoError(t, os.Mkdir(filepath.Join(dir, "old.toml"), 0o700))
	logs := &logLines{}

	require.NoError(t, LoadUserLocales(dir, logs.logf))

	assert.Equal(t, []Language{
		{"en", "English", true}, {"ru", "Русский", true}, {"zh", "中文", true}, {"de", "Deutsch", false},
	}, Languages())
	require.NoError(t, SetLanguage("de"))
	assert.Equal(t, "Deutsch", T(LanguageName, nil))
	assert.Equal(t, "2 products", N(ProductCount, 2, nil), "a message missing in de shows in English")

	lines := logs.all()
	missing := linesContaining(lines, "locale de: missing")
	require.Len(t, missing, 1, "one line per file: %q", lines)
	assert.Contains(t, missing[0], "ProductCount")
	assert.Contains(t, missing[0], "English is shown instead")
	assert.NotContains(t, missing[0], "LanguageName")
	for _, skipped := range []string{"fr.toml", "notalanguage.toml", "tlh.toml"} {
		assert.Len(t, linesContaining(lines, skipped, "skipped"), 1, "%s: %q", skipped, lines)
	}
	assert.Len(t, lines, 4, "nothing else is logged: %q", lines)
}

func TestLoadUserLocalesSortsByTag(t *testing.T) {
	resetState(t)
	dir := t.TempDir()
	writeLocale(t, dir, "pt-BR.toml", "LanguageName = \"Português (Brasil)\"\n")
	writeLocale(t, dir, "active.de.toml", "LanguageName = \"Deutsch\"\n")
	writeLocale(t, dir, "es.toml", "ProductCount = \"{{.Count}} productos\"\n")
	require.NoError(t, LoadUserLocales(dir, nil))

	assert.Equal(t, []Language{
		{"en", "English", true},
		{"ru", "Русский", true},
		{"zh", "中文", true},
		{"de", "Deutsch", false},
		{"es", "es", false},
		{"pt-BR", "Português (Brasil)", false},
	}, Languages(), "a language without LanguageName is listed by its tag, not as English")
}

func TestLoadUserLocalesOverridesBuiltin(t *testing.T) {
	resetState(t)
	dir := t.TempDir()
	writeLocale(t, dir, "ru.toml", "[ProductCount]\none = \"{{.Count}} позиция\"\nfew = \"{{.Count}} позиции\"\nmany = \"{{.Count}} позиций\"\nother = \"{{.Count}} позиции\"\n")
	logs := &logLines{}
	require.NoError(t, LoadUserLocales(dir, logs.logf))

	assert.Len(t, Languages(), 3, "ru stays one language")
	require.NoError(t, SetLanguage("ru"))
	assert.Equal(t, "5 позиций", N(ProductCount, 5, nil))
	assert.Equal(t, "Русский", T(LanguageName, nil), "the rest comes from the built-in translation")
	assert.Equal(t, []string{"locale ru: the file replaces 1 built-in translation"}, logs.all())
}

func TestLoadUserLocalesBrokenTemplate(t *testing.T) {
	logs := resetState(t)
	dir := t.TempDir()
	writeLocale(t, dir, "de.toml", "LanguageName = \"Deutsch\"\n[ProductCount]\none = \"{{.Count} Produkt\"\nother = \"{{.Count}} Produkte\"\n")
	require.NoError(t, LoadUserLocales(dir, logs.logf))
	require.NoError(t, SetLanguage("de"))

	assert.Equal(t, "1 product", N(ProductCount, 1, nil), "English, not a half-rendered German form")
	assert.Equal(t, "1 product", N(ProductCount, 1, nil))
	assert.Equal(t, "3 Produkte", N(ProductCount, 3, nil))
	assert.Len(t, linesContaining(logs.all(), "ProductCount", "de"), 1, "logged once: %q", logs.all())
}

func TestLoadUserLocalesDirectory(t *testing.T) {
	resetState(t)
	assert.NoError(t, LoadUserLocales(filepath.Join(t.TempDir(), "locales"), nil), "a missing folder is normal")
	assert.Len(t, Languages(), 3)

	notADir := writeLocale(t, t.TempDir(), "locales", "")
	assert.Error(t, LoadUserLocales(notADir, nil))
}

func TestLoadUserLocalesAgain(t *testing.T) {
	resetState(t)
	withGerman := t.TempDir()
	writeLocale(t, withGerman, "de.toml", "LanguageName = \"Deutsch\"\n")
	require.NoError(t, LoadUserLocales(withGerman, nil))
	require.NoError(t, SetLanguage("de"))

	require.NoError(t, LoadUserLocales(withGerman, nil))
	assert.Equal(t, "de", Current(), "the language survives a reload that still has it")

	require.NoError(t, LoadUserLocales(t.TempDir(), nil))
	assert.Equal(t, "en", Current(), "a language that is gone falls back to English")
	assert.Len(t, Languages(), 3)
}
