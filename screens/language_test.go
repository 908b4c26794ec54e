package screens

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
)

// Words that stay as they are in every language: the product's name, and the names the 1688
// console itself shows in Latin letters.
var untranslatedWords = regexp.MustCompile(`caigou|AppKey|AppSecret|WebSocket|API|token|\.toml`)

var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// TestNoEnglishOnRussianAndChineseScreens walks every screen in ru and zh and fails on any Latin
// word that is not a name, so a string that skipped i18n shows up here.
func TestNoEnglishOnRussianAndChineseScreens(t *testing.T) {
	for _, lang := range []string{"ru", "zh"} {
		shell, w, core := newTestShell(t)
		require.NoError(t, i18n.SetLanguage(lang))
		shell.Rebuild()
		// A language picker names each language in that language, so "English" stays English.
		endonyms := map[string]bool{}
		for _, l := range i18n.Languages() {
			endonyms[l.Name] = true
		}
		for p := range navEntries {
			shell.Navigate(page(p))
			for _, text := range visibleTexts(w.Content()) {
				if endonyms[text] {
					continue
				}
				text = strings.ReplaceAll(text, filepath.Join(core.DataDir(), "locales"), "")
				text = strings.ReplaceAll(text, core.DataDir(), "")
				text = untranslatedWords.ReplaceAllString(text, "")
				assert.Empty(t, latinWord.FindAllString(text, -1), "%s, page %d: %q", lang, p, text)
			}
		}
	}
}
