package app

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"caigou/i18n"
)

// Why a pasted text gave no offer id. ParseOfferID and ParseOfferLinks wrap one of them, and
// ExplainLinkError translates them.
var (
	ErrLinkEmpty      = errors.New("nothing pasted")
	ErrNotOfferLink   = errors.New("not a 1688 offer link or id")
	ErrOtherHost      = errors.New("a link to another site")
	ErrLookalikeHost  = errors.New("a link that only looks like 1688")
	ErrSearchPage     = errors.New("a 1688 search page, not an offer")
	ErrNotOfferPage   = errors.New("a 1688 page that is not an offer")
	ErrOfferIDInvalid = errors.New("an offer id must be 6 to 19 digits")
	ErrSeveralOffers  = errors.New("several different offers in one line")
)

// Offer ids are 6 to 19 digits, as the issue bounds them: 19 digits is the most an int64 holds.
const (
	minOfferIDLen = 6
	maxOfferIDLen = 19
)

// offerHosts are the hosts whose /offer/<id>.html pages are offers.
var offerHosts = map[string]bool{"detail.1688.com": true, "m.1688.com": true}

// ParseOfferID reads a 1688 offer id from a pasted text: a detail.1688.com or m.1688.com offer
// link (any case, with or without a scheme, query or fragment, with text around it, as in a
// share text 【1688】… https://detail.1688.com/offer/….html 复制链接打开), or a bare id of 6 to 19
// digits. Anything else is refused with an error wrapping one of the Err… link errors. A text
// that holds a look-alike link is refused even if it also holds a good one: it is not to be
// trusted.
func ParseOfferID(s string) (string, error) {
	s = strings.TrimFunc(s, isBlank)
	if s == "" {
		return "", ErrLinkEmpty
	}
	if allDigits(s) {
		return checkOfferID(s)
	}
	var id string
	var best error
	several := false
	for _, cand := range linkCandidates(s) {
		got, err := offerIDFromLink(cand)
		switch {
		case errors.Is(err, ErrLookalikeHost):
			return "", fmt.Errorf("%q: %w", shorten(cand), err)
		case err != nil:
			if best == nil || linkErrorRank(err) > linkErrorRank(best) {
				best = fmt.Errorf("%q: %w", shorten(cand), err)
			}
		case id == "":
			id = got
		case id != got:
			several = true
		}
	}
	switch {
	case several:
		return "", ErrSeveralOffers
	case id != "":
		return id, nil
	case best != nil:
		return "", best
	}
	return "", ErrNotOfferLink
}

// linkErrorRank orders the errors of a text's candidates: the most telling one is reported.
func linkErrorRank(err error) int {
	switch {
	case errors.Is(err, ErrSearchPage), errors.Is(err, ErrOfferIDInvalid):
		return 3
	case errors.Is(err, ErrNotOfferPage):
		return 2
	case errors.Is(err, ErrOtherHost):
		return 1
	}
	return 0
}

// linkCandidates are the runs of URL characters in s that could be links: they hold a dot or a
// slash. Everything else (CJK text, spaces, brackets, quotes) separates them, so a link glued to
// Chinese text is still found, and a host spelt with a look-alike letter falls apart.
func linkCandidates(s string) []string {
	var out []string
	for _, run := range strings.FieldsFunc(s, func(r rune) bool { return !isURLChar(r) }) {
		if i := schemeIndex(run); i > 0 {
			run = run[i:]
		}
		run = strings.Trim(run, "'()*!,;:.?")
		if strings.ContainsAny(run, "./") {
			out = append(out, run)
		}
	}
	return out
}

// schemeIndex is where the first http:// or https:// starts in run, or -1.
func schemeIndex(run string) int {
	lower := strings.ToLower(run)
	i, j := strings.Index(lower, "http://"), strings.Index(lower, "https://")
	switch {
	case i < 0:
		return j
	case j < 0:
		return i
	}
	return min(i, j)
}

// offerIDFromLink reads the offer id from one candidate link.
func offerIDFromLink(link string) (string, error) {
	rest := strings.ToLower(link) // ASCII only: linkCandidates keeps nothing else
	switch {
	case strings.HasPrefix(rest, "https://"):
		rest = rest[len("https://"):]
	case strings.HasPrefix(rest, "http://"):
		rest = rest[len("http://"):]
	case strings.HasPrefix(rest, "//"):
		rest = rest[2:]
	case strings.Contains(rest, "://"):
		return "", ErrNotOfferLink // ftp://, file://, …
	}
	authority, path := rest, "/"
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority, path = rest[:i], rest[i:]
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if err := checkOfferHost(authority); err != nil {
		return "", err
	}
	if authority == "s.1688.com" || strings.HasPrefix(path, "/offer_search") || strings.HasPrefix(path, "/selloffer") {
		return "", ErrSearchPage
	}
	if !offerHosts[authority] || !strings.HasPrefix(path, "/offer/") {
		return "", ErrNotOfferPage
	}
	id, ok := strings.CutSuffix(strings.TrimPrefix(path, "/offer/"), ".html")
	if !ok {
		return "", ErrNotOfferPage
	}
	return checkOfferID(id)
}

// checkOfferHost refuses every host but 1688.com and its subdomains, spelt plainly: userinfo
// (detail.1688.com@evil.cn), punycode, a port or a trailing dot make a host a look-alike, and so
// does any other host with 1688 in its name (detail.1688.com.evil.cn, detail-1688.com).
func checkOfferHost(authority string) error {
	genuine := authority == "1688.com" || strings.HasSuffix(authority, ".1688.com")
	switch {
	case authority == "":
		return ErrNotOfferLink
	case strings.ContainsAny(authority, "@:") || strings.HasSuffix(authority, "."),
		strings.HasPrefix(authority, "xn--") || strings.Contains(authority, ".xn--"):
		return ErrLookalikeHost
	case genuine:
		return nil
	case strings.Contains(authority, "1688"):
		return ErrLookalikeHost
	}
	return ErrOtherHost
}

// checkOfferID accepts 6 to 19 ASCII digits.
func checkOfferID(id string) (string, error) {
	if !allDigits(id) || len(id) < minOfferIDLen || len(id) > maxOfferIDLen {
		return "", fmt.Errorf("%q: %w", shorten(id), ErrOfferIDInvalid)
	}
	return id, nil
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isURLChar reports whether r may appear in a link as people paste it: ASCII letters, digits and
// the URL punctuation, without quotes, brackets, backslashes and spaces.
func isURLChar(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		strings.ContainsRune("-._~:/?#@!$&'()*+,;=%", r))
}

// isBlank is white space, including the zero-width characters that ride along with pastes.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060'
}

// shorten keeps error texts (logged, never shown) to a sane length.
func shorten(s string) string {
	const limit = 120
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return string([]rune(s)[:limit]) + "…"
}

// LinkProblem is a line of a paste that gave no offer id.
type LinkProblem struct {
	Line int    // 1-based line number in the paste
	Text string // the line, trimmed (and cut short if very long)
	Err  error  // wraps one of the Err… link errors; ExplainLinkError translates it
}

// ParseOfferLinks reads a paste of one link or id per line. Blank lines are skipped, and an
// offer pasted twice is listed once, where it first appeared. Lines that give no id are
// returned as problems, so the good ones can be used while the user fixes the rest.
func ParseOfferLinks(text string) (ids []string, problems []LinkProblem) {
	seen := map[string]bool{}
	for n, line := range strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n") {
		line = strings.TrimFunc(line, isBlank)
		if line == "" {
			continue
		}
		id, err := ParseOfferID(line)
		switch {
		case err != nil:
			problems = append(problems, LinkProblem{Line: n + 1, Text: shorten(line), Err: err})
		case !seen[id]:
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, problems
}

// linkErrorTexts pairs each link error with the catalog message that says what to paste instead.
var linkErrorTexts = []struct {
	err error
	msg *i18n.Message
}{
	{ErrLinkEmpty, i18n.LinkEmpty},
	{ErrLookalikeHost, i18n.LinkLookalikeHost},
	{ErrSeveralOffers, i18n.LinkSeveralOffers},
	{ErrSearchPage, i18n.LinkSearchPage},
	{ErrNotOfferPage, i18n.LinkNotOfferPage},
	{ErrOfferIDInvalid, i18n.LinkOfferIDInvalid},
	{ErrOtherHost, i18n.LinkOtherHost},
	{ErrNotOfferLink, i18n.LinkNotOfferLink},
}

// ExplainLinkError says, in the user's language, why a pasted text gave no offer id and what to
// paste instead. Any other non-nil error gets the general explanation, so a screen never shows a
// raw error; nil gives "".
func ExplainLinkError(err error) string {
	if err == nil {
		return ""
	}
	for _, t := range linkErrorTexts {
		if errors.Is(err, t.err) {
			return i18n.T(t.msg, map[string]any{"Min": minOfferIDLen, "Max": maxOfferIDLen})
		}
	}
	return i18n.T(i18n.LinkNotOfferLink, nil)
}
