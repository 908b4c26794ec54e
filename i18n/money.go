package i18n

import (
	"strings"
	"sync"

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
	amount := numberPrinter(Current()).Sprintf("%.2f", float64(fen)/100)
	return T(YuanAmount, map[string]any{"Amount": amount})
}

// DecimalComma reports whether the current language writes decimals with a comma (1,5).
func DecimalComma() bool {
	return strings.Contains(numberPrinter(Current()).Sprintf("%.1f", 1.5), ",")
}

// printers holds a number printer per language tag: Yuan runs for every list row drawn.
var printers sync.Map // string → *message.Printer

func numberPrinter(current string) *message.Printer {
	if p, ok := printers.Load(current); ok {
		return p.(*message.Printer)
	}
	tag, err := language.Parse(current)
	if err != nil {
		tag = language.English
	}
	p, _ := printers.LoadOrStore(current, message.NewPrinter(tag))
	return p.(*message.Printer)
}
