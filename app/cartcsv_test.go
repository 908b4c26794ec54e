package app

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"caigou/i18n"
)

const (
	csvSpec  = "0123456789abcdef0123456789abcdef"
	csvLinkA = "https://detail.1688.com/offer/655512340001.html"
)

// parseCSV parses text and fails the test on a file error.
func parseCSV(t *testing.T, text string) ([]CartDraft, []CSVProblem) {
	t.Helper()
	drafts, problems, err := ParseCartCSV(strings.NewReader(text))
	require.NoError(t, err)
	return drafts, problems
}

func TestParseCartCSVLayouts(t *testing.T) {
	want := []CartDraft{
		{Row: 2, OfferID: "655512340001", SpecID: csvSpec, Quantity: 3, Note: "для Иванова"},
		{Row: 3, OfferID: "700000000001", SKUText: "颜色:红色;尺码:XL", Quantity: 1000},
	}
	cases := []struct{ name, text string }{
		{"English header, BOM, CRLF, comma", "\ufeffOffer link,Spec ID or SKU,Quantity,Note\r\n" +
			csvLinkA + "," + strings.ToUpper(csvSpec) + ", 3 ,для Иванова\r\n" +
			"700000000001,颜色:红色;尺码:XL,1 000,\r\n"},
		{"Russian Excel: semicolon", "Ссылка;Вариант;Кол-во;Примечание\n" +
			csvLinkA + ";" + csvSpec + ";3;для Иванова\n" +
			"https://m.1688.com/offer/700000000001.html;\"颜色:红色;尺码:XL\";1\u00a0000\n"},
		{"Chinese header, tab", "商品链接\t规格\t数量\t备注\n" +
			csvLinkA + "\t" + csvSpec + "\t3\tдля Иванова\n" +
			"700000000001\t颜色:红色;尺码:XL\t1000\t\n"},
		{"header by shape", "what,which,how many\n" +
			csvLinkA + "," + csvSpec + ",3,для Иванова\n" +
			"700000000001,\"颜色:红色;尺码:XL\",1000\n"},
		{"header naming other columns", "Note,Qty,Offer ID,SKU\n" +
			"для Иванова,3," + csvLinkA + "," + csvSpec + "\n" +
			",1000,700000000001,颜色:红色;尺码:XL\n"},
		{"blank lines and a share text", "\n" +
			"【1688】T恤 " + csvLinkA + " 复制链接打开," + csvSpec + ",3,для Иванова\n" +
			"700000000001,颜色:红色;尺码:XL,1000\n\n , , \n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			drafts, problems := parseCSV(t, c.text)
			assert.Empty(t, problems)
			assert.Equal(t, want, drafts)
		})
	}
}

func TestParseCartCSVProblems(t *testing.T) {
	text := "Link,SKU,Qty,Note\n" + // 1
		csvLinkA + ",,2.0\n" + // 2
		csvLinkA + ",,\"2,5\"\n" + // 3
		csvLinkA + ",,0\n" + // 4
		csvLinkA + ",,-4\n" + // 5
		csvLinkA + ",,два\n" + // 6
		csvLinkA + ",,\n" + // 7
		csvLinkA + "\n" + // 8
		",red,2\n" + // 9
		"https://detail.1688.com.evil.cn/offer/655512340001.html,,2\n" + // 10
		"https://s.1688.com/selloffer/offer_search.htm?keywords=cup,,2\n" + // 11
		csvLinkA + ",\"multi\nline note\",5\n" + // 12-13
		csvLinkA + ",,99999999999999999999\n" + // 14
		csvLinkA + ",,1000001\n" + // 15
		csvLinkA + ",,7,kept\n" // 16
	drafts, problems := parseCSV(t, text)
	assert.Equal(t, []CartDraft{
		{Row: 12, OfferID: "655512340001", SKUText: "multi\nline note", Quantity: 5},
		{Row: 16, OfferID: "655512340001", Quantity: 7, Note: "kept"},
	}, drafts)
	want := []struct {
		row int
		err error
	}{
		{2, ErrCSVQuantityFraction},
		{3, ErrCSVQuantityFraction},
		{4, ErrCSVQuantityTooSmall},
		{5, ErrCSVQuantityTooSmall},
		{6, ErrCSVQuantityNotNumber},
		{7, ErrCSVNoQuantity},
		{8, ErrCSVMissingColumn},
		{9, ErrCSVNoOffer},
		{10, ErrLookalikeHost},
		{11, ErrSearchPage},
		{14, ErrCSVQuantityTooLarge},
		{15, ErrCSVQuantityTooLarge},
	}
	require.Len(t, problems, len(want))
	for i, w := range want {
		assert.Equal(t, w.row, problems[i].Row)
		assert.ErrorIs(t, problems[i].Err, w.err, "row %d", w.row)
	}
	assert.ErrorIs(t, problems[6].Err, ErrCSVNoQuantity, "a row without the column")
}

func TestParseCartCSVFirstRowWithABrokenLinkIsNotTakenForAHeader(t *testing.T) {
	drafts, problems := parseCSV(t, "https://detail.1688.com/offer/6555abc.html,red,x\n"+csvLinkA+",,2\n")
	require.Len(t, problems, 1)
	assert.Equal(t, 1, problems[0].Row)
	assert.ErrorIs(t, problems[0].Err, ErrOfferIDInvalid)
	assert.Len(t, drafts, 1)
}

func TestParseCartCSVEncodings(t *testing.T) {
	rows := "商品链接,规格,数量,备注\n" + csvLinkA + ",颜色:红色,2,给王经理\n"
	want := []CartDraft{{Row: 2, OfferID: "655512340001", SKUText: "颜色:红色", Quantity: 2, Note: "给王经理"}}

	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(rows)
	require.NoError(t, err)
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(rows, ",", "\t"))
	require.NoError(t, err)
	for name, text := range map[string]string{"GB18030 (Excel on a Chinese Windows)": gbk, "UTF-16 (Unicode text)": utf16} {
		t.Run(name, func(t *testing.T) {
			drafts, problems := parseCSV(t, text)
			assert.Empty(t, problems)
			assert.Equal(t, want, drafts)
		})
	}

	for _, c := range []struct {
		name string
		r    func() *bytes.Reader
		want error
	}{
		{"neither UTF-8 nor GB18030", func() *bytes.Reader { return bytes.NewReader([]byte("655512340001,\x80\xff,2\n")) }, ErrCSVEncoding},
		{"binary", func() *bytes.Reader { return bytes.NewReader([]byte("655512340001,\x00,2\n")) }, ErrCSVEncoding},
		{"xlsx", func() *bytes.Reader { return bytes.NewReader([]byte("PK\x03\x04\x14\x00\x06\x00")) }, ErrCSVSpreadsheet},
		{"too large", func() *bytes.Reader { return bytes.NewReader(bytes.Repeat([]byte("1"), maxCSVBytes+1)) }, ErrCSVTooLarge},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ParseCartCSV(c.r())
			require.ErrorIs(t, err, c.want)
			assert.NotEmpty(t, ExplainCSVError(err))
		})
	}
	_, _, err = ParseCartCSV(iotest.ErrReader(assert.AnError))
	require.ErrorIs(t, err, ErrCSVUnreadable)
	assert.Equal(t, i18n.T(i18n.CSVUnreadable, nil), ExplainCSVError(err))
}

func TestExplainCSVProblem(t *testing.T) {
	_, problems := parseCSV(t, csvLinkA+",,2.0\ndetail-1688.com/offer/655512340001.html,,1\n")
	require.Len(t, problems, 2)
	for _, c := range []struct{ lang, fraction, line string }{
		{"en", "2.0", "Line 7"}, {"ru", "2.0", "Строка 7"}, {"zh", "2.0", "第 7 行"},
	} {
		require.NoError(t, i18n.SetLanguage(c.lang))
		p := problems[0]
		p.Row = 7
		text := ExplainCSVProblem(p)
		assert.Contains(t, text, c.line)
		assert.Contains(t, text, c.fraction)
		assert.NotEqual(t, text, ExplainCSVProblem(CSVProblem{Row: 7, Err: ErrCSVQuantityNotNumber}))
		assert.Contains(t, ExplainCSVProblem(problems[1]), ExplainLinkError(ErrLookalikeHost))
	}
	require.NoError(t, i18n.SetLanguage("en"))
}

func FuzzParseCartCSV(f *testing.F) {
	f.Add([]byte("\ufeffOffer link,SKU,Quantity,Note\r\n" + csvLinkA + "," + csvSpec + ",3,x\r\n"))
	f.Add([]byte("Ссылка;Вариант;Кол-во\n700000000001;\"a;b\";2.0\n;;\n"))
	f.Add([]byte("商品链接\t规格\t数量\n\"655512340001\t红\t1\n"))
	f.Add([]byte("Note,Qty,Offer ID\n,1,123456\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		drafts, problems, err := ParseCartCSV(bytes.NewReader(data))
		if err != nil {
			require.Empty(t, drafts)
			require.NotEmpty(t, ExplainCSVError(err))
			return
		}
		for _, d := range drafts {
			require.GreaterOrEqual(t, d.Row, 1)
			require.True(t, allDigits(d.OfferID) && len(d.OfferID) >= minOfferIDLen && len(d.OfferID) <= maxOfferIDLen, "offer %q", d.OfferID)
			require.True(t, d.Quantity >= 1 && d.Quantity <= maxCSVQuantity, "quantity %d", d.Quantity)
			require.True(t, d.SpecID == "" || isSpecID(d.SpecID) && d.SpecID == strings.ToLower(d.SpecID), "spec %q", d.SpecID)
		}
		for _, p := range problems {
			require.GreaterOrEqual(t, p.Row, 1)
			require.Error(t, p.Err)
			require.NotEmpty(t, ExplainCSVProblem(p))
		}
	})
}
