package open1688

import (
	"errors"
	"math/big"
	"strings"
	"testing"
)

// Every response parser is fuzzed: no input may panic, and every failure must be an *Error so
// that the app can explain it. The seeds are all fixtures and the failure shapes of §4.2.
var errorSeeds = []string{
	`{"success":false,"errorCode":"ORDER_NOT_EXIST","errorMessage":"订单不存在"}`,
	`{"success":"false","errorCode":"500_001","errorMsg":"x"}`,
	`{"success":false,"code":"500","message":"不是自己的订单"}`,
	`{"errorCode":"400","errorMessage":"x"}`,
	`{"success":true,"result":null}`,
	`null`, `[]`, `""`, `{}`, `{"result":{"baseInfo":{"id":1e400}}}`,
}

// fuzzParser runs parse on the seeds and on whatever the fuzzer makes of them.
func fuzzParser[T any](f *testing.F, parse func([]byte) (T, error)) {
	for _, s := range append(append([]string{}, fixtures...), errorSeeds...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, err := parse(body)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error %v is not an *Error", err)
		}
	})
}

func FuzzParseCurrentTime(f *testing.F)    { fuzzParser(f, parseCurrentTime) }
func FuzzParseOrderDetail(f *testing.F)    { fuzzParser(f, parseOrderDetail) }
func FuzzParseBuyerOrderList(f *testing.F) { fuzzParser(f, parseBuyerOrderList) }
func FuzzParseLogisticsInfos(f *testing.F) { fuzzParser(f, parseLogisticsInfos) }
func FuzzParseLogisticsTrace(f *testing.F) { fuzzParser(f, parseLogisticsTrace) }
func FuzzParsePreviewOrder(f *testing.F)   { fuzzParser(f, parsePreviewOrder) }
func FuzzParseCreateOrder(f *testing.F)    { fuzzParser(f, parseCreateOrder) }
func FuzzParseCancelOrder(f *testing.F)    { fuzzParser(f, parseCancelOrder) }
func FuzzParseProductDetail(f *testing.F)  { fuzzParser(f, parseProductDetail) }
func FuzzParseAlipayURL(f *testing.F)      { fuzzParser(f, parseAlipayURL) }

// FuzzParseYuan checks every accepted amount against math/big: the fen must be the decimal value
// times 100, rounded half away from zero.
func FuzzParseYuan(f *testing.F) {
	for _, s := range []string{"12.3", "0.05", "12", "1e2", "-0.035", "1.005", "92233720368547758.07", "abc", "", ".5", "1e-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseYuan(s)
		if err != nil {
			return
		}
		text := strings.TrimSpace(s)
		if text == "" {
			if got != 0 {
				t.Fatalf("empty text gave %d", got)
			}
			return
		}
		r, ok := new(big.Rat).SetString(text)
		if !ok || strings.ContainsAny(text, "/xXpP_") {
			t.Fatalf("ParseYuan accepted %q, which is not a decimal", s)
		}
		want := roundHalfAway(r.Mul(r, big.NewRat(100, 1)))
		if !want.IsInt64() || want.Int64() != int64(got) {
			t.Fatalf("ParseYuan(%q) = %d, want %s", s, got, want)
		}
	})
}

// roundHalfAway rounds r to the nearest integer, halves away from zero.
func roundHalfAway(r *big.Rat) *big.Int {
	half := big.NewRat(1, 2)
	if r.Sign() < 0 {
		half.Neg(half)
	}
	sum := new(big.Rat).Add(r, half)
	return new(big.Int).Quo(sum.Num(), sum.Denom()) // Quo truncates toward zero
}

// FuzzParseTime checks that an accepted time survives a round trip through the request pattern
// to the millisecond.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"20240513142311000+0800", "2018-07-24 21:55:33", "20240513142311", "1700000000000", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTime(s)
		if err != nil || got.IsZero() || got.Year() < 2 || got.Year() > 9998 {
			return
		}
		back, err := ParseTime(FormatTime(got))
		if err != nil {
			t.Fatalf("FormatTime(%v) = %q does not parse: %v", got, FormatTime(got), err)
		}
		if !back.Equal(got.Truncate(1e6)) {
			t.Fatalf("%q: %v came back as %v", s, got, back)
		}
	})
}
