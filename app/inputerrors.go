package app

import (
	"errors"

	"caigou/i18n"
)

// inputErrorTexts pairs each input error with its catalog message and the bounds it quotes.
var inputErrorTexts = []struct {
	err  error
	msg  *i18n.Message
	data map[string]any
}{
	{ErrInputEmpty, i18n.InputEmpty, nil},
	{ErrAppKeyNotDigits, i18n.InputAppKeyNotDigits, nil},
	{ErrAppKeyLength, i18n.InputAppKeyLength, map[string]any{"Min": minAppKeyLen, "Max": maxAppKeyLen}},
	{ErrAppSecretHidden, i18n.InputAppSecretHidden, nil},
	{ErrAppSecretChars, i18n.InputAppSecretChars, nil},
	{ErrAppSecretLength, i18n.InputAppSecretLength, map[string]any{"Min": minAppSecretLen, "Max": maxAppSecretLen}},
	{ErrLoginIDInvalid, i18n.InputLoginIDInvalid, nil},
	{ErrLoginIDLength, i18n.InputLoginIDLength, map[string]any{"Max": maxLoginIDLen}},
	{ErrTokenChars, i18n.InputTokenChars, nil},
	{ErrTokenLength, i18n.InputTokenLength, map[string]any{"Min": minTokenLen, "Max": maxTokenLen}},
	{ErrDayFormat, i18n.InputDayFormat, nil},
	{ErrDayOutOfRange, i18n.InputDayOutOfRange, nil},
	{ErrAppKeyTaken, i18n.InputAppKeyTaken, nil},
}

// ExplainInputError says, in the user's language, why a wizard input was refused and how to get
// it right. It returns "" for an error that is not one of the input errors, so the screen can
// fall back to its generic message without ever showing a raw error.
func ExplainInputError(err error) string {
	for _, t := range inputErrorTexts {
		if errors.Is(err, t.err) {
			return i18n.T(t.msg, t.data)
		}
	}
	return ""
}
