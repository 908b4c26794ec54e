package i18n

import (
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// YuanAmount places the currency sign around an amount already written in the language's
// digits, so that translators choose where ¥ goes.
var YuanAmount = &goi18n.Message{
	ID:          "YuanAmount",
	Description: "A price in yuan; Amount is the number with its decimals, already formatted for the language",
	Other:       "¥{{.Amount}}",
}

// Yuan writes an amount of fen (1/100 yuan) in yuan for the current language: "¥1,234.50",
// "1 234,50 ¥", "¥1,234.50".
func Yuan(fen int64) string {
	tag, err := language.Parse(Current())
	if err != nil {
		tag = language.English
	}
	amount := message.NewPrinter(tag).Sprintf("%.2f", float64(fen)/100)
	return T(YuanAmount, map[string]any{"Amount": amount})
}
