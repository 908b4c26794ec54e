package screens

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/i18n"
)

// Words that stay as they are in every language: the product's name, and the names the 1688
// console itself shows in Latin letters.
var untranslatedWords = regexp.MustCompile(`caigou|AppKey|AppSecret|APPKEY|WebSocket|websocket|UTF-8|MOCK|API|token|PNG|CSV|Excel|specId|L2|\.toml|\bms\b`)

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
		codes := consoleCodes(t, core)
		check := func(where string) {
			for _, text := range visibleTexts(w.Content()) {
				if endonyms[text] || codes[text] {
					continue
				}
				text = strings.ReplaceAll(text, filepath.Join(core.DataDir(), "locales"), "")
				text = strings.ReplaceAll(text, core.DataDir(), "")
				text = untranslatedWords.ReplaceAllString(text, "")
				assert.Empty(t, latinWord.FindAllString(text, -1), "%s, %s: %q", lang, where, text)
			}
		}
		for p := range navEntries {
			shell.Navigate(page(p))
			check(fmt.Sprintf("page %d", p))
		}
		wizardSteps(t, shell, w, check)
		shell.setup.goTo(app.StepBefore)
		test.Tap(findButton(w.Content(), i18n.T(i18n.PracticeStart, nil)))
		shell.setup.work.Wait()
		require.NotNil(t, shell.setup.target.practice)
		demo, _ := shell.setup.demo() // values to copy, not words
		for _, v := range []string{demo.AppKey, demo.AppSecret, app.Mask(demo.AppSecret), demo.Token, app.Mask(demo.Token), demo.LoginID} {
			codes[v] = true
		}
		wizardSteps(t, shell, w, func(name string) { check("practice " + name) })
		shell.setup.close()
	}
}

// consoleCodes are the codes 1688 itself uses, shown as they are beside their plain words: the
// order statuses and the message topics.
func consoleCodes(t *testing.T, core *app.App) map[string]bool {
	codes := map[string]bool{}
	mapping, err := core.StatusMapping(context.Background())
	require.NoError(t, err)
	for _, m := range mapping {
		codes[m.Status] = true
	}
	for _, topic := range app.TopicsUsed {
		codes[topic] = true
	}
	return codes
}
