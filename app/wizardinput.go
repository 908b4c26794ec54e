package app

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The errors of the wizard's inputs. They never quote what was typed (it may be a secret);
// ExplainInputError translates each one.
var (
	ErrInputEmpty      = errors.New("the field is empty")
	ErrAppKeyNotDigits = errors.New("an AppKey has only digits")
	ErrAppKeyLength    = errors.New("an AppKey has 5 to 12 digits")
	ErrAppSecretChars  = errors.New("an AppSecret has only letters and digits")
	ErrAppSecretLength = errors.New("an AppSecret has 6 to 64 characters")
	ErrAppSecretHidden = errors.New("the AppSecret was copied while hidden as ******")
	ErrLoginIDInvalid  = errors.New("a login id has no spaces, quotes or control characters")
	ErrLoginIDLength   = errors.New("a login id has at most 64 characters")
	ErrTokenChars      = errors.New("a token has only letters, digits, dashes and underscores")
	ErrTokenLength     = errors.New("a token has 8 to 128 characters")
	ErrDayFormat       = errors.New("a day is written YYYY-MM-DD")
	ErrDayOutOfRange   = errors.New("the day is not a plausible subscription date")
	ErrAppKeyTaken     = errors.New("this AppKey is already set up as another key")
	ErrSecretInInputs  = errors.New("wizard inputs must not hold a secret")
)

// Lengths accepted. 1688 documents none of them, so they are wide enough for every value seen
// (the AppKeys in guides have 6–8 digits; the simulator's demo values are 7, 18 and 22
// characters) and narrow enough to catch a half copy or a paste of a whole table row. The live
// checks, not these bounds, are what proves a value right.
const (
	minAppKeyLen, maxAppKeyLen       = 5, 12
	minAppSecretLen, maxAppSecretLen = 6, 64
	maxLoginIDLen                    = 64
	minTokenLen, maxTokenLen         = 8, 128
)

// ValidateAppKey trims a pasted AppKey and checks it: digits only, 5 to 12 of them.
func ValidateAppKey(s string) (string, error) {
	s = trimPasted(s)
	switch {
	case s == "":
		return "", ErrInputEmpty
	case !all(s, isDigit):
		return "", ErrAppKeyNotDigits
	case len(s) < minAppKeyLen || len(s) > maxAppKeyLen:
		return "", ErrAppKeyLength
	}
	return s, nil
}

// ValidateAppSecret trims a pasted AppSecret and checks it: 6 to 64 letters and digits. A dash
// or underscore inside is let through, because the format is not documented and the simulator's
// demo secret has one; refusing a real secret would be worse than a failed signature check. The
// console's hidden form ****** gets its own error, as copying before 查看 is the usual slip.
func ValidateAppSecret(s string) (string, error) {
	s = trimPasted(s)
	switch {
	case s == "":
		return "", ErrInputEmpty
	case strings.Trim(s, "*•") == "":
		return "", ErrAppSecretHidden
	case !all(s, isTokenChar) || !isAlnum(rune(s[0])) || !isAlnum(rune(s[len(s)-1])):
		return "", ErrAppSecretChars
	case len(s) < minAppSecretLen || len(s) > maxAppSecretLen:
		return "", ErrAppSecretLength
	}
	return s, nil
}

// ValidateLoginID trims the 用户名称 of an authorized user and checks it. 1688 login ids may be
// Chinese, so any printable character is accepted except spaces and quotes, which only a
// careless paste brings; at most 64 characters.
func ValidateLoginID(s string) (string, error) {
	s = trimPasted(s)
	switch {
	case s == "":
		return "", ErrInputEmpty
	case !utf8.ValidString(s) || !all(s, func(r rune) bool {
		return unicode.IsPrint(r) && !unicode.IsSpace(r) && !strings.ContainsRune(`"'`, r)
	}):
		return "", ErrLoginIDInvalid
	case utf8.RuneCountInString(s) > maxLoginIDLen:
		return "", ErrLoginIDLength
	}
	return s, nil
}

// ValidateToken trims a pasted 已授权token and checks it: letters, digits, dashes and
// underscores (a UUID-like value), 8 to 128 of them.
func ValidateToken(s string) (string, error) {
	s = trimPasted(s)
	switch {
	case s == "":
		return "", ErrInputEmpty
	case !all(s, isTokenChar):
		return "", ErrTokenChars
	case len(s) < minTokenLen || len(s) > maxTokenLen:
		return "", ErrTokenLength
	}
	return s, nil
}

// ValidateChinaDay checks a day as 订购成功 shows it in 生效时间 and returns it as "YYYY-MM-DD".
// Slashes and dots are accepted as separators. Years before 2015 or after 2100 are refused: no
// subscription of the solution starts or ends there, so such a day is a typo.
func ValidateChinaDay(s string) (string, error) {
	s = strings.NewReplacer("/", "-", ".", "-").Replace(trimPasted(s))
	if s == "" {
		return "", ErrInputEmpty
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return "", ErrDayFormat
	}
	if d.Year() < 2015 || d.Year() > 2100 {
		return "", ErrDayOutOfRange
	}
	return d.Format(time.DateOnly), nil
}

// trimPasted removes what a copy from a web page or a chat tends to bring along: spaces, tabs,
// line ends, zero-width spaces and quotes around the value.
func trimPasted(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || strings.ContainsRune("\"'`“”‘’「」", r)
	})
}

func all(s string, ok func(rune) bool) bool {
	for _, r := range s {
		if !ok(r) {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isAlnum(r rune) bool { return isDigit(r) || (r|0x20 >= 'a' && r|0x20 <= 'z') }

func isTokenChar(r rune) bool { return isAlnum(r) || r == '-' || r == '_' }
