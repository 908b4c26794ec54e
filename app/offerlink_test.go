package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
)

func TestParseOfferIDAccepts(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"detail link", "https://detail.1688.com/offer/655512340001.html", "655512340001"},
		{"mobile link", "https://m.1688.com/offer/655512340001.html", "655512340001"},
		{"http", "http://detail.1688.com/offer/655512340001.html", "655512340001"},
		{"no scheme", "detail.1688.com/offer/655512340001.html", "655512340001"},
		{"scheme-relative", "//m.1688.com/offer/655512340001.html", "655512340001"},
		{"any case", "HTTPS://Detail.1688.COM/Offer/655512340001.HTML", "655512340001"},
		{"query", "https://detail.1688.com/offer/655512340001.html?spm=a26&sk=consign", "655512340001"},
		{"fragment", "https://detail.1688.com/offer/655512340001.html#skuList", "655512340001"},
		{"whitespace", " \t https://detail.1688.com/offer/655512340001.html \r\n", "655512340001"},
		{"zero-width and BOM", "\ufeff\u200bhttps://detail.1688.com/offer/655512340001.html\u200b", "655512340001"},
		{"share text", "【1688】纯棉T恤 https://detail.1688.com/offer/655512340001.html?spm=a26 复制链接打开", "655512340001"},
		{"share text glued", "【1688】纯棉T恤https://detail.1688.com/offer/655512340001.html复制链接打开", "655512340001"},
		{"share text with a weight", "【1688】保温杯 1.5kg 装 https://m.1688.com/offer/700000000001.html", "700000000001"},
		{"in brackets", "(https://detail.1688.com/offer/655512340001.html).", "655512340001"},
		{"in quotes", `"detail.1688.com/offer/655512340001.html"`, "655512340001"},
		{"Chinese full stop", "链接：https://detail.1688.com/offer/655512340001.html。", "655512340001"},
		{"same offer twice", "https://detail.1688.com/offer/655512340001.html https://m.1688.com/offer/655512340001.html", "655512340001"},
		{"bare id", "655512340001", "655512340001"},
		{"bare id, 6 digits", "123456", "123456"},
		{"bare id, 19 digits", "1234567890123456789", "1234567890123456789"},
		{"bare id, spaces", "  655512340001\n", "655512340001"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseOfferID(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestParseOfferIDRefuses(t *testing.T) {
	cases := []struct {
		name, in string
		want     error
	}{
		{"empty", "", ErrLinkEmpty},
		{"blank", " \t\u200b\n", ErrLinkEmpty},
		{"words", "纯棉T恤 复制链接打开", ErrNotOfferLink},
		{"id in words", "offer 655512340001 please", ErrNotOfferLink},
		{"ftp", "ftp://detail.1688.com/offer/655512340001.html", ErrNotOfferLink},
		{"other host", "https://item.taobao.com/item.htm?id=655512340001", ErrOtherHost},
		{"other host with offer path", "https://example.com/offer/655512340001.html", ErrOtherHost},
		{"subdomain look-alike", "https://detail.1688.com.evil.cn/offer/655512340001.html", ErrLookalikeHost},
		{"dash look-alike", "https://detail-1688.com/offer/655512340001.html", ErrLookalikeHost},
		{"country look-alike", "https://1688.com.cn/offer/655512340001.html", ErrLookalikeHost},
		{"userinfo", "https://detail.1688.com@evil.cn/offer/655512340001.html", ErrLookalikeHost},
		{"userinfo with password", "https://detail.1688.com:x@evil.cn/offer/655512340001.html", ErrLookalikeHost},
		{"punycode host", "https://xn--detail-9k3d.1688.com/offer/655512340001.html", ErrLookalikeHost},
		{"punycode domain", "https://detail.xn--1688-ct2e.com/offer/655512340001.html", ErrLookalikeHost},
		{"Cyrillic о in com", "https://detail.1688.cоm/offer/655512340001.html", ErrLookalikeHost},
		{"port", "https://detail.1688.com:8443/offer/655512340001.html", ErrLookalikeHost},
		{"trailing dot", "https://detail.1688.com./offer/655512340001.html", ErrLookalikeHost},
		{"backslash trick", `https://evil.cn\@detail.1688.com/offer/655512340001.html`, ErrLookalikeHost},
		{"look-alike next to a good link", "https://detail.1688.com/offer/655512340001.html https://detail.1688.com.evil.cn/offer/1.html", ErrLookalikeHost},
		{"link inside another site's link", "https://evil.cn/?u=https://detail.1688.com/offer/655512340001.html", ErrOtherHost},
		{"search host", "https://s.1688.com/selloffer/offer_search.htm?keywords=T%D0%F4", ErrSearchPage},
		{"search path", "https://detail.1688.com/offer_search/-6D7033.html", ErrSearchPage},
		{"selloffer path", "https://www.1688.com/selloffer/offer_search.htm", ErrSearchPage},
		{"home page", "https://www.1688.com/", ErrNotOfferPage},
		{"shop", "https://shop1234.1688.com/page/offerlist.htm", ErrNotOfferPage},
		{"offer without .html", "https://detail.1688.com/offer/655512340001", ErrNotOfferPage},
		{"offer on another 1688 host", "https://www.1688.com/offer/655512340001.html", ErrNotOfferPage},
		{"letters in id", "https://detail.1688.com/offer/65551234abcd.html", ErrOfferIDInvalid},
		{"empty id", "https://detail.1688.com/offer/.html", ErrOfferIDInvalid},
		{"encoded id", "https://detail.1688.com/offer/%36%35%35%35%31%32.html", ErrOfferIDInvalid},
		{"short bare id", "12345", ErrOfferIDInvalid},
		{"long bare id", "12345678901234567890", ErrOfferIDInvalid},
		{"long id in link", "https://detail.1688.com/offer/12345678901234567890.html", ErrOfferIDInvalid},
		{"full-width digits", "６５５５１２３４０００１", ErrNotOfferLink},
		{"two offers", "https://detail.1688.com/offer/655512340001.html https://detail.1688.com/offer/655512340002.html", ErrSeveralOffers},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseOfferID(c.in)
			require.ErrorIs(t, err, c.want)
			assert.Empty(t, got)
		})
	}
}

func TestParseOfferLinks(t *testing.T) {
	paste := "https://detail.1688.com/offer/655512340001.html\r\n" +
		"\n" +
		"   \n" +
		"【1688】保温杯 https://m.1688.com/offer/700000000001.html 复制链接打开\n" +
		"https://s.1688.com/selloffer/offer_search.htm?keywords=cup\n" +
		"655512340001\n" +
		"123456789\r" +
		"https://detail.1688.com.evil.cn/offer/1.html"
	ids, problems := ParseOfferLinks(paste)
	assert.Equal(t, []string{"655512340001", "700000000001", "123456789"}, ids)
	require.Len(t, problems, 2)
	assert.Equal(t, 5, problems[0].Line)
	assert.Equal(t, "https://s.1688.com/selloffer/offer_search.htm?keywords=cup", problems[0].Text)
	assert.ErrorIs(t, problems[0].Err, ErrSearchPage)
	assert.Equal(t, 8, problems[1].Line)
	assert.ErrorIs(t, problems[1].Err, ErrLookalikeHost)

	ids, problems = ParseOfferLinks(" \n\n")
	assert.Empty(t, ids)
	assert.Empty(t, problems)
}

func TestExplainLinkError(t *testing.T) {
	for _, lang := range []string{"en", "ru", "zh"} {
		require.NoError(t, i18n.SetLanguage(lang))
		seen := map[string]bool{}
		for _, e := range linkErrorTexts {
			_, err := ParseOfferID(map[error]string{
				ErrLinkEmpty: "", ErrLookalikeHost: "detail-1688.com/offer/123456.html",
				ErrSeveralOffers: "123456.1688.com/x m.1688.com/offer/123456.html m.1688.com/offer/1234567.html",
				ErrSearchPage:    "s.1688.com", ErrNotOfferPage: "1688.com/", ErrOfferIDInvalid: "12",
				ErrOtherHost: "a.cn/b", ErrNotOfferLink: "hello",
			}[e.err])
			require.ErrorIs(t, err, e.err)
			text := ExplainLinkError(err)
			assert.NotEmpty(t, text)
			assert.False(t, seen[text], "%s: %q is not specific to %v", lang, text, e.err)
			seen[text] = true
		}
		assert.Contains(t, ExplainLinkError(ErrOfferIDInvalid), "19")
		assert.Equal(t, i18n.T(i18n.LinkNotOfferLink, nil), ExplainLinkError(assert.AnError))
		assert.Empty(t, ExplainLinkError(nil))
	}
	require.NoError(t, i18n.SetLanguage("en"))
}

func FuzzParseOfferID(f *testing.F) {
	for _, s := range []string{
		"https://detail.1688.com/offer/655512340001.html",
		"【1688】纯棉T恤 https://detail.1688.com/offer/655512340001.html?spm=a26 复制链接打开",
		"m.1688.com/offer/123456.html#x", "655512340001", "https://detail.1688.com@evil.cn/offer/1.html",
		"https://s.1688.com/selloffer/offer_search.htm", "xn--1688.com/offer/123456.html", "\ufeff12\u200b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseOfferID(s)
		if err != nil {
			require.Empty(t, id)
			require.NotEmpty(t, ExplainLinkError(err))
			return
		}
		require.True(t, allDigits(id), "id %q", id)
		require.GreaterOrEqual(t, len(id), minOfferIDLen)
		require.LessOrEqual(t, len(id), maxOfferIDLen)
		require.True(t, strings.Contains(s, id), "id %q not in %q", id, s)
	})
}

func FuzzParseOfferLinks(f *testing.F) {
	f.Add("https://detail.1688.com/offer/655512340001.html\n\n655512340001\r\nfoo\n")
	f.Add("a\rb\r\n123456")
	f.Fuzz(func(t *testing.T, s string) {
		ids, problems := ParseOfferLinks(s)
		lines := strings.Count(s, "\n") + strings.Count(s, "\r") + 1
		seen := map[string]bool{}
		for _, id := range ids {
			require.False(t, seen[id], "duplicate %q", id)
			seen[id] = true
			require.True(t, allDigits(id) && len(id) >= minOfferIDLen && len(id) <= maxOfferIDLen, "id %q", id)
			require.True(t, strings.Contains(s, id))
		}
		for _, p := range problems {
			require.Error(t, p.Err)
			require.NotEmpty(t, p.Text)
			require.True(t, p.Line >= 1 && p.Line <= lines, "line %d of %d", p.Line, lines)
		}
	})
}
