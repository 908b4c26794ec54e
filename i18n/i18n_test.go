package i18n

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// logLines collects what the package logs, for assertions.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logLines) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

// resetState gives a test the built-in languages in English, as at start-up, and restores that
// afterwards, so tests do not depend on each other's SetLanguage and LoadUserLocales.
func resetState(t testing.TB) *logLines {
	t.Helper()
	logs := &logLines{}
	store := func(logf func(string, ...any)) {
		writeMu.Lock()
		defer writeMu.Unlock()
		active.Store(newState(builtins(), nil, defaultTag, logf))
		reported.Clear()
	}
	store(logs.logf)
	t.Cleanup(func() { store(log.Printf) })
	return logs
}

// writeLocale writes a locale file into dir and returns its path.
func writeLocale(t testing.TB, dir, name, content string) string {
	t.Helper()
	file := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(file, []byte(content), 0o600))
	return file
}

func TestRussianPlurals(t *testing.T) {
	resetState(t)
	require.NoError(t, SetLanguage("ru"))
	for count, want := range map[int]string{
		0: "0 товаров", 1: "1 товар", 2: "2 товара", 4: "4 товара", 5: "5 товаров", 11: "11 товаров",
		12: "12 товаров", 21: "21 товар", 22: "22 товара", 25: "25 товаров", 101: "101 товар", 111: "111 товаров",
	} {
		assert.Equal(t, want, N(ProductCount, count, nil), "count %d", count)
	}
}

func TestPluralsInEnglishAndChinese(t *testing.T) {
	resetState(t)
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 0, "0 products"},
		{"en", 1, "1 product"},
		{"en", 2, "2 products"},
		{"en", 21, "21 products"},
		{"zh", 1, "1 件商品"},
		{"zh", 5, "5 件商品"},
	}
	for _, tt := range tests {
		require.NoError(t, SetLanguage(tt.lang))
		assert.Equal(t, tt.want, N(ProductCount, tt.count, nil), "%s, count %d", tt.lang, tt.count)
	}
}

func TestNKeepsCallerData(t *testing.T) {
	resetState(t)
	msg := &goi18n.Message{ID: "TestShelf", One: "{{.Count}} item on {{.Shelf}}", Other: "{{.Count}} items on {{.Shelf}}"}
	data := map[string]any{"Shelf": "A3"}
	assert.Equal(t, "3 items on A3", N(msg, 3, data))
	assert.Equal(t, map[string]any{"Shelf": "A3"}, data, "N must not write Count into the caller's map")
}

func TestTFallsBackToEnglish(t *testing.T) {
	logs := resetState(t)
	require.NoError(t, SetLanguage("ru"))
	onlyInCode := &goi18n.Message{ID: "TestNotTranslated", Other: "Hello, {{.Name}}"}
	assert.Equal(t, "Hello, Ann", T(onlyInCode, map[string]any{"Name": "Ann"}))
	assert.Equal(t, "Русский", T(LanguageName, nil))
	assert.Empty(t, logs.all(), "a missing translation is normal and not logged")
}

func TestTNeverPanics(t *testing.T) {
	logs := resetState(t)
	require.NoError(t, SetLanguage("zh"))
	broken := &goi18n.Message{ID: "TestBroken", Other: "{{.Count"}
	assert.Equal(t, "{{.Count", T(broken, nil), "a broken template shows its raw text")
	assert.Equal(t, "{{.Count", N(broken, 2, nil))
	assert.Equal(t, "", T(nil, nil))
	assert.Len(t, logs.all(), 1, "a broken message is logged once per language")
}

func TestSetLanguage(t *testing.T) {
	resetState(t)
	assert.Equal(t, "en", Current())
	for _, tag := range []string{"ru", "zh", "en"} {
		require.NoError(t, SetLanguage(tag))
		assert.Equal(t, tag, Current())
	}
	require.NoError(t, SetLanguage("ru"))
	for _, tag := range []string{"de", "xx", "", "ru_RU.UTF-8!"} {
		err := SetLanguage(tag)
		require.ErrorIs(t, err, ErrUnknownLanguage, "tag %q", tag)
		assert.Contains(t, err.Error(), "en, ru, zh", "the error lists the choices")
	}
	assert.Equal(t, "ru", Current(), "a failed SetLanguage keeps the language")
}

func TestLanguages(t *testing.T) {
	resetState(t)
	want := []Language{{"en", "English", true}, {"ru", "Русский", true}, {"zh", "中文", true}}
	assert.Equal(t, want, Languages())
	require.NoError(t, SetLanguage("zh"))
	assert.Equal(t, want, Languages(), "names do not depend on the current language")

	Languages()[0].Name = "changed"
	assert.Equal(t, want, Languages(), "callers get a copy")
}

func TestMatch(t *testing.T) {
	resetState(t)
	tests := []struct{ osLocale, want string }{
		{"ru_RU.UTF-8", "ru"},
		{"ru", "ru"},
		{"ru-UA", "ru"},
		{"zh-Hans-CN", "zh"},
		{"zh_TW", "zh"},
		{"zh_CN.GB18030", "zh"},
		{"zh-Hant-HK", "zh"},
		{"en-GB", "en"},
		{"en_US.UTF-8", "en"},
		{"de-DE", "en"},
		{"", "en"},
		{"C", "en"},
		{"C.UTF-8", "en"},
		{"POSIX", "en"},
		{"sr_RS@latin", "en"},
		{"not a locale", "en"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Match(tt.osLocale), "Match(%q)", tt.osLocale)
	}
}

func TestMatchUserLanguages(t *testing.T) {
	resetState(t)
	dir := t.TempDir()
	writeLocale(t, dir, "de.toml", "LanguageName = \"Deutsch\"\n")
	writeLocale(t, dir, "zh-Hant.toml", "LanguageName = \"繁體中文\"\n")
	require.NoError(t, LoadUserLocales(dir, nil))
	tests := []struct{ osLocale, want string }{
		{"de_DE.UTF-8", "de"},
		{"de-AT", "de"},
		{"zh_TW.UTF-8", "zh-Hant"},
		{"zh-Hant", "zh-Hant"},
		{"zh_CN.UTF-8", "zh"},
		{"zh", "zh"},
		{"fr_FR", "en"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Match(tt.osLocale), "Match(%q)", tt.osLocale)
	}
}

// TestConcurrentUse is for `go test -race`: screens translate on several goroutines while the
// user switches language.
func TestConcurrentUse(t *testing.T) {
	resetState(t)
	dir := t.TempDir()
	writeLocale(t, dir, "de.toml", "LanguageName = \"Deutsch\"\n")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for count := 0; ; count++ {
				select {
				case <-stop:
					return
				default:
				}
				if T(LanguageName, nil) == "" || !strings.Contains(N(ProductCount, count, nil), fmt.Sprint(count)) {
					t.Error("empty or wrong translation during a language switch")
					return
				}
				_ = Languages()
				_ = Current()
			}
		})
	}
	for i := range 300 {
		if i%100 == 0 {
			assert.NoError(t, LoadUserLocales(dir, nil))
		}
		tag := []string{"en", "ru", "zh", "de"}[i%4]
		assert.NoError(t, SetLanguage(tag))
	}
	close(stop)
	wg.Wait()
}
