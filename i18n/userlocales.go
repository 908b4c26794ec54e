package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// LoadUserLocales adds every *.toml file in dir (for example <data>/locales/de.toml or
// active.de.toml) to the languages, so that a translator can try a translation without
// building caigou. A file for a built-in language overrides the built-in messages it contains.
//
// A missing dir is not an error, and a file that cannot be used is skipped with a line in
// logf: a bad translation must never stop the program. For each file, the messages it lacks
// are logged in one line, since they are shown in English. Calling it again replaces the
// languages loaded before. logf may be nil; otherwise it also receives the messages that fail
// to render later.
func LoadUserLocales(dir string, logf func(format string, args ...any)) error {
	quiet := logf == nil
	if quiet {
		logf = func(string, ...any) {}
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reading the locales folder: %w", err)
	}
	var user []locale
	for _, entry := range entries {
		if entry.IsDir() || !strings.EqualFold(filepath.Ext(entry.Name()), ".toml") {
			continue
		}
		file := filepath.Join(dir, entry.Name())
		loc, err := readUserLocale(file)
		if err != nil {
			logf("locale file %s skipped: %v", file, err)
			continue
		}
		logGaps(loc, logf)
		user = append(user, loc)
	}

	writeMu.Lock()
	defer writeMu.Unlock()
	prev := load()
	runtimeLog := logf
	if quiet {
		runtimeLog = prev.logf
	}
	next := newState(builtins(), user, defaultTag, runtimeLog)
	if next.has(prev.current) {
		next = newState(builtins(), user, prev.current, runtimeLog)
	}
	active.Store(next)
	return nil
}

func readUserLocale(file string) (locale, error) {
	buf, err := os.ReadFile(file)
	if err != nil {
		return locale{}, err
	}
	// go-i18n takes the format from the extension, so DE.TOML must look like de.toml to it.
	name := filepath.Base(file)
	loc, err := parseLocale(buf, strings.TrimSuffix(name, filepath.Ext(name))+".toml")
	if err != nil {
		return locale{}, err
	}
	if err := goi18n.NewBundle(language.English).AddMessages(loc.tag); err != nil {
		return locale{}, fmt.Errorf("caigou does not know the plural rules of %s: %w", loc.tag, err)
	}
	return loc, nil
}

// logGaps says which messages of a user's locale will show in English.
func logGaps(loc locale, logf func(string, ...any)) {
	tag := loc.tag.String()
	if slices.ContainsFunc(builtins(), func(b locale) bool { return b.tag == loc.tag }) {
		// The rest comes from the built-in translation, not from English.
		logf("locale %s: the file replaces %s", tag, countNoun(len(translated(loc)), "built-in translation"))
		return
	}
	missing := missingIDs(loc)
	if len(missing) == 0 {
		return
	}
	logf("locale %s: missing %s, English is shown instead: %s", tag, countNoun(len(missing), "message"), strings.Join(missing, ", "))
}

// countNoun writes "1 message" or "3 messages". These lines are for translators and developers,
// so they are in English.
func countNoun(n int, singular string) string {
	if n == 1 {
		return "1 " + singular
	}
	return fmt.Sprintf("%d %ss", n, singular)
}

// englishMessages is the reference every translation is compared with: the embedded English.
// Callers must not modify it.
var englishMessages = sync.OnceValue(func() map[string]*goi18n.Message {
	return translated(builtins()[0])
})

// translated maps the IDs of loc's messages that have any text to those messages.
func translated(loc locale) map[string]*goi18n.Message {
	byID := make(map[string]*goi18n.Message, len(loc.messages))
	for _, m := range loc.messages {
		if len(forms(m)) > 0 {
			byID[m.ID] = m
		}
	}
	return byID
}

// missingIDs lists, sorted, the English messages loc has no text for.
func missingIDs(loc locale) []string {
	have := translated(loc)
	var missing []string
	for id := range englishMessages() {
		if have[id] == nil {
			missing = append(missing, id)
		}
	}
	slices.Sort(missing)
	return missing
}

// pluralFormNames lists the CLDR plural categories in their canonical order.
var pluralFormNames = []string{"zero", "one", "two", "few", "many", "other"}

// forms maps the plural forms m has text for to that text.
func forms(m *goi18n.Message) map[string]string {
	all := map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other}
	for form, text := range all {
		if text == "" {
			delete(all, form)
		}
	}
	return all
}
