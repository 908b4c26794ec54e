// Package i18n translates caigou's user-visible text into English, Russian and Chinese, and into
// any language a translator drops into the data folder as a TOML file.
//
// The catalog in messages.go is the single source of the English text: `goi18n extract` turns it
// into locales/active.en.toml, and the other active.*.toml files hold the translations. All of
// them are embedded, so the binary needs no files at run time. English is the fallback for
// every message a translation lacks, so a half-finished translation is still usable.
//
// T and N may run on any goroutine while the language changes: the bundle and the localizer
// are never modified after they are published, and a language switch swaps one pointer.
package i18n

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/active.*.toml
var builtinFiles embed.FS

// ErrUnknownLanguage is returned by SetLanguage for a tag that is neither built in nor loaded
// from the data folder.
var ErrUnknownLanguage = errors.New("unknown language")

// defaultTag is the source language of the catalog and the fallback for missing translations.
const defaultTag = "en"

// builtinOrder is the order of the built-in languages in the language picker.
var builtinOrder = []string{"en", "ru", "zh"}

// Language is one entry of the language picker.
type Language struct {
	Tag     string // BCP 47 tag, as given to SetLanguage: "en", "ru", "zh", "de"
	Name    string // the LanguageName message in that language: "English", "Русский", "中文"
	Builtin bool   // embedded in the binary rather than loaded from the data folder
}

// locale is one language's messages as read from one file.
type locale struct {
	tag      language.Tag
	messages []*goi18n.Message
}

// state is a snapshot of everything T and N read. It is never modified after it is stored in
// active, so readers need no lock.
type state struct {
	bundle    *goi18n.Bundle
	languages []Language
	current   string
	localizer *goi18n.Localizer
	logf      func(format string, args ...any)
}

var (
	active  atomic.Pointer[state]
	writeMu sync.Mutex // serialises SetLanguage and LoadUserLocales, which read and replace active

	// builtins holds the embedded locales, English first, parsed once.
	builtins = sync.OnceValue(parseBuiltins)

	// reported remembers which broken translations were already logged, so a message that is
	// redrawn many times does not flood the log.
	reported sync.Map
)

// loaded is closed once the embedded locales are parsed. Parsing them takes some 15 ms, so it
// runs on its own goroutine from init, beside the rest of the program's start (opening the
// database, creating the window), and the first translation waits for it.
var loaded = make(chan struct{})

func init() {
	go func() {
		active.Store(newState(builtins(), nil, defaultTag, log.Printf))
		close(loaded)
	}()
}

// load is the active state, once the embedded locales are parsed.
func load() *state {
	<-loaded
	return active.Load()
}

// parseBuiltins panics on a broken embedded file: that is a build defect the tests catch, and
// the program cannot show any text without it.
func parseBuiltins() []locale {
	names, err := fs.Glob(builtinFiles, "locales/active.*.toml")
	if err != nil {
		panic(err)
	}
	// One goroutine a file: they are parsed side by side.
	locales := make([]locale, len(names))
	problems := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			buf, err := builtinFiles.ReadFile(name)
			if err == nil {
				locales[i], err = parseLocale(withoutNotes(buf), path.Base(name))
			}
			if err != nil {
				problems[i] = fmt.Errorf("i18n: embedded %s: %w", name, err)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(problems...); err != nil {
		panic(err)
	}
	slices.SortStableFunc(locales, func(a, b locale) int {
		return builtinRank(a.tag.String()) - builtinRank(b.tag.String())
	})
	if len(locales) == 0 || locales[0].tag.String() != defaultTag {
		panic("i18n: locales/active.en.toml is not embedded")
	}
	return locales
}

// withoutNotes drops the translators' notes (description) and goi18n's hashes from an embedded
// locale file: the program needs neither, and parsing them would be half the work of the
// start-up's slowest step.
func withoutNotes(buf []byte) []byte {
	out := make([]byte, 0, len(buf))
	for line := range bytes.Lines(buf) {
		if !bytes.HasPrefix(line, []byte("description = ")) && !bytes.HasPrefix(line, []byte("hash = ")) {
			out = append(out, line...)
		}
	}
	return out
}

// builtinRank orders en, ru, zh first; any other embedded language comes after them.
func builtinRank(tag string) int {
	if i := slices.Index(builtinOrder, tag); i >= 0 {
		return i
	}
	return len(builtinOrder)
}

// parseLocale reads a TOML locale file whose name carries the language tag, as go-i18n names
// them: "de.toml" or "active.de.toml".
func parseLocale(buf []byte, fileName string) (locale, error) {
	tag, err := tagFromFileName(fileName)
	if err != nil {
		return locale{}, err
	}
	messages, err := goi18n.ParseMessageBytes(buf, toml.Unmarshal)
	if err != nil {
		return locale{}, fmt.Errorf("not a valid locale file: %w", err)
	}
	return locale{tag: tag, messages: messages}, nil
}

func tagFromFileName(fileName string) (language.Tag, error) {
	name := strings.TrimSuffix(fileName, path.Ext(fileName))
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	tag, err := language.Parse(name)
	if err != nil || tag == language.Und {
		return language.Und, fmt.Errorf("file name %q does not name a language; call it after a language tag, like de.toml or pt-BR.toml", fileName)
	}
	return tag, nil
}

// newState builds a bundle from the built-in and user locales (later ones override earlier
// ones message by message) and a localizer for current, which must be one of them.
func newState(builtin, user []locale, current string, logf func(string, ...any)) *state {
	bundle := goi18n.NewBundle(language.English)
	var languages []Language
	seen := map[string]bool{}
	for i, loc := range slices.Concat(builtin, user) {
		if err := bundle.AddMessages(loc.tag, loc.messages...); err != nil {
			continue // no plural rules for the language; LoadUserLocales has logged it
		}
		tag := loc.tag.String()
		if !seen[tag] {
			seen[tag] = true
			languages = append(languages, Language{Tag: tag, Builtin: i < len(builtin)})
		}
	}
	// Built-in languages keep their order; the user's follow, sorted by tag.
	slices.SortStableFunc(languages, func(a, b Language) int {
		switch {
		case a.Builtin && b.Builtin:
			return 0
		case a.Builtin:
			return -1
		case b.Builtin:
			return 1
		}
		return strings.Compare(a.Tag, b.Tag)
	})
	for i := range languages {
		languages[i].Name = languageName(bundle, languages[i].Tag)
	}
	return &state{
		bundle:    bundle,
		languages: languages,
		current:   current,
		localizer: goi18n.NewLocalizer(bundle, current, defaultTag),
		logf:      logf,
	}
}

// languageName is the language's own name, or its tag when a translator has not named it:
// showing "English" for German would be worse than showing "de".
func languageName(bundle *goi18n.Bundle, tag string) string {
	name, err := goi18n.NewLocalizer(bundle, tag).Localize(&goi18n.LocalizeConfig{DefaultMessage: LanguageName})
	if err != nil && tag != defaultTag || name == "" {
		return tag
	}
	return name
}

func (s *state) has(tag string) bool {
	return slices.ContainsFunc(s.languages, func(l Language) bool { return l.Tag == tag })
}

// T translates msg into the current language, filling its {{.Name}} placeholders from data
// (which may be nil). It never returns an empty string: a message the translation lacks, or
// cannot render, comes out in English.
func T(msg *goi18n.Message, data map[string]any) string {
	return load().localize(msg, nil, data)
}

// N translates a message with plural forms for count, choosing the form the current language's
// CLDR rules give (Russian: 1 товар, 2 товара, 5 товаров). data["Count"] is set to count.
func N(msg *goi18n.Message, count int, data map[string]any) string {
	withCount := make(map[string]any, len(data)+1)
	maps.Copy(withCount, data)
	withCount["Count"] = count
	return load().localize(msg, count, withCount)
}

func (s *state) localize(msg *goi18n.Message, count any, data map[string]any) string {
	if msg == nil {
		return ""
	}
	text, err := s.localizer.Localize(&goi18n.LocalizeConfig{DefaultMessage: msg, TemplateData: data, PluralCount: count})
	var notFound *goi18n.MessageNotFoundErr
	if text != "" && (err == nil || errors.As(err, &notFound)) {
		// A MessageNotFoundErr with text means go-i18n already fell back to English.
		return text
	}
	if _, seen := reported.LoadOrStore(s.current+"\x00"+msg.ID, true); !seen && s.logf != nil {
		s.logf("i18n: %s in %s cannot be shown (%v); English is shown instead", msg.ID, s.current, err)
	}
	return english(msg, count, data)
}

// english renders the catalog's own text, outside the bundle, so that a broken translation file
// cannot affect it.
func english(msg *goi18n.Message, count any, data map[string]any) string {
	text, err := goi18n.NewLocalizer(goi18n.NewBundle(language.English), defaultTag).
		Localize(&goi18n.LocalizeConfig{DefaultMessage: msg, TemplateData: data, PluralCount: count})
	if err == nil && text != "" {
		return text
	}
	for _, raw := range []string{msg.Other, msg.One} {
		if raw != "" {
			return raw
		}
	}
	return msg.ID
}

// SetLanguage makes tag the language of T and N. The tag must be one of Languages(); main
// usually gets it from a saved preference or from Match.
func SetLanguage(tag string) error {
	writeMu.Lock()
	defer writeMu.Unlock()
	s := load()
	parsed, err := language.Parse(tag)
	if err != nil || !s.has(parsed.String()) {
		return fmt.Errorf("%w %q: choose one of %s", ErrUnknownLanguage, tag, strings.Join(s.tags(), ", "))
	}
	next := *s
	next.current = parsed.String()
	next.localizer = goi18n.NewLocalizer(s.bundle, next.current, defaultTag)
	active.Store(&next)
	return nil
}

func (s *state) tags() []string {
	tags := make([]string, len(s.languages))
	for i, l := range s.languages {
		tags[i] = l.Tag
	}
	return tags
}

// Current returns the tag of the language T and N use.
func Current() string {
	return load().current
}

// Languages lists the languages the user can choose: English, Russian and Chinese, then the
// ones loaded from the data folder, sorted by tag.
func Languages() []Language {
	return slices.Clone(load().languages)
}

// Match picks the available language closest to an operating-system locale such as
// "ru_RU.UTF-8", "zh-Hans-CN" or "en-GB". A locale with no language of ours gives "en".
func Match(osLocale string) string {
	s := load()
	name, _, _ := strings.Cut(strings.TrimSpace(osLocale), ".") // ru_RU.UTF-8
	name, _, _ = strings.Cut(name, "@")                         // sr_RS@latin
	want, err := language.Parse(strings.ReplaceAll(name, "_", "-"))
	if err != nil || want == language.Und {
		return defaultTag
	}
	if s.has(want.String()) {
		return want.String()
	}
	base, _ := want.Base()
	var sameBase []language.Tag
	for _, l := range s.languages {
		if b, _ := language.Make(l.Tag).Base(); b == base {
			sameBase = append(sameBase, language.Make(l.Tag))
		}
	}
	switch len(sameBase) {
	case 0:
		return defaultTag
	case 1:
		return sameBase[0].String()
	}
	// Several variants of one language, e.g. zh and a user's zh-Hant: let CLDR pick the closest.
	_, i, _ := language.NewMatcher(sameBase).Match(want)
	return sameBase[i].String()
}
