package applog

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Redacted is what a secret is replaced with.
const Redacted = "[redacted]"

// minSecretRunes is the shortest value AddSecret takes: shorter ones would blank out common
// words, and real AppSecrets and tokens are far longer.
const minSecretRunes = 6

// secretField matches a field that holds a secret, with what separates it from its value, in the
// forms logs and answers use: query strings (access_token=…, also URL-escaped as %3D), JSON
// ("access_token":"…") and "key: value". Group 1 is the name and separator, group 2 a quoted
// JSON value, group 3 a bare one.
var secretField = regexp.MustCompile(`(?i)((?:access_?token|refresh_?token|_aop_signature|client_?secret|app_?secret|password|passwd)` +
	`"?\s*(?:=|%3D|:)\s*)(?:"((?:[^"\\]|\\.)*)"|([^\s"'&,;}\]\[][^\s"'&,;}\]]*))`)

// redactor replaces registered secrets and secret-looking fields. The zero value is ready.
type redactor struct {
	mu      sync.RWMutex
	secrets []string // longest first, so a secret that holds another is replaced whole; add replaces it, never changes it
}

// defaultRedactor is the one the log, the gateway error record and the diagnostics file share.
var defaultRedactor redactor

// AddSecret registers s, an AppSecret, token or password, so that Redact replaces it wherever it
// appears, also URL- or JSON-escaped. Values shorter than 6 characters are ignored. It is safe
// for concurrent use.
func AddSecret(s string) { defaultRedactor.add(s) }

// Redact is s with every registered secret and every value of a secret field (access_token,
// refresh_token, _aop_signature, client_secret, appSecret, password) replaced by Redacted.
func Redact(s string) string { return defaultRedactor.redact(s) }

func (r *redactor) add(s string) {
	if utf8.RuneCountInString(strings.TrimSpace(s)) < minSecretRunes {
		return
	}
	forms := []string{s, url.QueryEscape(s), url.PathEscape(s), jsonEscaped(s)}
	r.mu.Lock()
	defer r.mu.Unlock()
	// Copy on write: redact walks the slice it read without the lock, so the one it may hold is
	// never changed; a new one takes its place.
	var next []string
	for _, f := range forms {
		if slices.Contains(r.secrets, f) || slices.Contains(next, f) {
			continue
		}
		if next == nil {
			next = slices.Clone(r.secrets)
		}
		next = append(next, f)
	}
	if next == nil {
		return
	}
	slices.SortStableFunc(next, func(a, b string) int { return len(b) - len(a) })
	r.secrets = next
}

func (r *redactor) redact(s string) string {
	r.mu.RLock()
	secrets := r.secrets // never changed once set: add replaces it
	r.mu.RUnlock()
	// Secrets go last: replacing them is what guarantees that none is left.
	return replaceSecrets(redactFields(s), secrets)
}

// replaceSecrets replaces every secret in s. A replacement can join text around it into a
// secret again (a secret that overlaps the marker, say); then the marker is tried a few times
// more, and if that is not enough, secrets are cut out until none is left, which ends because s
// gets shorter each time.
func replaceSecrets(s string, secrets []string) string {
	for round := 0; ; round++ {
		found := false
		for _, sec := range secrets {
			if !strings.Contains(s, sec) {
				continue
			}
			found = true
			marker := Redacted
			if round >= 3 {
				marker = ""
			}
			s = strings.ReplaceAll(s, sec, marker)
		}
		if !found {
			return s
		}
	}
}

// redactFields replaces the value of every secret field, leaving values already redacted as
// they are so that redacting twice changes nothing.
func redactFields(s string) string {
	matches := secretField.FindAllStringSubmatchIndex(s, -1)
	if matches == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		start, end := m[4], m[5] // the quoted value
		if start < 0 {
			start, end = m[6], m[7] // the bare value
		}
		if s[start:end] == Redacted {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(Redacted)
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// jsonEscaped is s as it appears inside a JSON string written by encoding/json.
func jsonEscaped(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	out := strings.TrimSuffix(b.String(), "\n")
	return out[1 : len(out)-1]
}
