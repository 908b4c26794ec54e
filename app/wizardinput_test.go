package app

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
)

func nowForTest() time.Time { return time.Now() }

func TestValidateInputs(t *testing.T) {
	tests := []struct {
		name     string
		validate func(string) (string, error)
		in, want string
		err      error
	}{
		{"appkey", ValidateAppKey, " 7654321 ", "7654321", nil},
		{"appkey quoted", ValidateAppKey, "\"7654321\"\n", "7654321", nil},
		{"appkey chinese quotes", ValidateAppKey, "“7654321”", "7654321", nil},
		{"appkey empty", ValidateAppKey, "  ", "", ErrInputEmpty},
		{"appkey letters", ValidateAppKey, "76543a1", "", ErrAppKeyNotDigits},
		{"appkey inner space", ValidateAppKey, "765 4321", "", ErrAppKeyNotDigits},
		{"appkey short", ValidateAppKey, "1234", "", ErrAppKeyLength},
		{"appkey long", ValidateAppKey, "1234567890123", "", ErrAppKeyLength},
		{"secret", ValidateAppSecret, " 'Xk29ffTq81Lm' ", "Xk29ffTq81Lm", nil},
		{"secret demo", ValidateAppSecret, "DemoSecret-7654321", "DemoSecret-7654321", nil},
		{"secret hidden", ValidateAppSecret, "******", "", ErrAppSecretHidden},
		{"secret inner space", ValidateAppSecret, "Xk29 ffTq81", "", ErrAppSecretChars},
		{"secret leading dash", ValidateAppSecret, "-Xk29ffTq81", "", ErrAppSecretChars},
		{"secret cyrillic", ValidateAppSecret, "Xk29ффTq81", "", ErrAppSecretChars},
		{"secret short", ValidateAppSecret, "abc12", "", ErrAppSecretLength},
		{"secret long", ValidateAppSecret, strings.Repeat("a", 65), "", ErrAppSecretLength},
		{"login chinese", ValidateLoginID, " 张三商贸 ", "张三商贸", nil},
		{"login ascii", ValidateLoginID, "caigou_demo", "caigou_demo", nil},
		{"login space", ValidateLoginID, "cai gou", "", ErrLoginIDInvalid},
		{"login long", ValidateLoginID, strings.Repeat("张", 65), "", ErrLoginIDLength},
		{"token uuid", ValidateToken, " 1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\t", "1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", nil},
		{"token demo", ValidateToken, "demo-access-token-0001", "demo-access-token-0001", nil},
		{"token slash", ValidateToken, "abc/def-12345", "", ErrTokenChars},
		{"token short", ValidateToken, "abc-12", "", ErrTokenLength},
		{"day", ValidateChinaDay, "2025-04-17", "2025-04-17", nil},
		{"day slashes", ValidateChinaDay, " 2025/04/17 ", "2025-04-17", nil},
		{"day bad", ValidateChinaDay, "17.04.2025", "", ErrDayFormat},
		{"day impossible", ValidateChinaDay, "2025-02-30", "", ErrDayFormat},
		{"day year", ValidateChinaDay, "1925-04-17", "", ErrDayOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.validate(tt.in)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestEveryInputErrorIsExplainedInEveryLanguage(t *testing.T) {
	t.Cleanup(func() { require.NoError(t, i18n.SetLanguage("en")) })
	for _, lang := range []string{"en", "ru", "zh"} {
		require.NoError(t, i18n.SetLanguage(lang))
		seen := map[string]bool{}
		for _, e := range inputErrorTexts {
			text := ExplainInputError(e.err)
			assert.NotEmpty(t, text, "%s: %v", lang, e.err)
			assert.NotContains(t, text, "{{", "%s: %v: a template field is left unfilled", lang, e.err)
			assert.False(t, seen[text], "%s: %v shares its text with another error", lang, e.err)
			seen[text] = true
		}
	}
	require.NoError(t, i18n.SetLanguage("en"))
	assert.Contains(t, ExplainInputError(ErrAppKeyLength), "5 to 12")
	assert.Equal(t, "", ExplainInputError(assert.AnError), "a foreign error gets no input text")
}

func FuzzValidateAppKey(f *testing.F) {
	for _, s := range []string{"7654321", " \"123456\" ", "12a45", "", "１２３４５６"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ValidateAppKey(s)
		if err != nil {
			assert.Empty(t, got)
			return
		}
		assert.GreaterOrEqual(t, len(got), minAppKeyLen)
		assert.LessOrEqual(t, len(got), maxAppKeyLen)
		for _, r := range got {
			assert.True(t, r >= '0' && r <= '9', "accepted %q", got)
		}
		again, err := ValidateAppKey(got)
		assert.NoError(t, err)
		assert.Equal(t, got, again, "validation must be idempotent")
	})
}

func FuzzValidateAppSecret(f *testing.F) {
	for _, s := range []string{"DemoSecret-7654321", "******", " 'abc123def' ", "a b c d e f", "Xk29ффTq81"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ValidateAppSecret(s)
		if err != nil {
			assert.Empty(t, got)
			// A bare sentinel cannot quote the input, which may be a real secret.
			assert.Contains(t, []error{ErrInputEmpty, ErrAppSecretHidden, ErrAppSecretChars, ErrAppSecretLength}, err)
			return
		}
		assert.GreaterOrEqual(t, len(got), minAppSecretLen)
		assert.LessOrEqual(t, len(got), maxAppSecretLen)
		for _, r := range got {
			assert.True(t, r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'), "accepted %q", got)
		}
		again, err := ValidateAppSecret(got)
		assert.NoError(t, err)
		assert.Equal(t, got, again)
	})
}
