package open1688

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseYuanIsExact(t *testing.T) {
	cases := []struct {
		in   string
		want Fen
	}{
		{"12.3", 1230},
		{"0.05", 5},
		{"12", 1200},
		{"1e2", 10000},
		{"1.5E+1", 1500},
		{"2500e-2", 2500},
		{"-3.50", -350},
		{"+7.01", 701},
		{".5", 50},
		{"5.", 500},
		{"000012.30", 1230},
		{"", 0},
		{" 8.88 ", 888},
		// Floats get these wrong: 0.29*100 = 28.999999999999996 and 1.005*100 = 100.49999999999999.
		{"0.29", 29},
		{"1.005", 101},
		{"19.99", 1999},
		{"92233720368547758.07", 1<<63 - 1},
		// Below a fen: half away from zero.
		{"0.035", 4},
		{"0.0349", 3},
		{"-0.035", -4},
		{"0.0005", 0},
		{"0e9999", 0},
	}
	for _, c := range cases {
		got, err := ParseYuan(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
}

func TestParseYuanRejectsJunk(t *testing.T) {
	for _, in := range []string{
		"abc", "12,30", "1.2.3", "¥12", "12元", "-", ".", "e5", "1e", "1e+", "1e99999",
		"NaN", "Inf", "0x10", "1 2", "92233720368547758.08", "1e17", "--1",
	} {
		_, err := ParseYuan(in)
		assert.Error(t, err, in)
	}
}

func TestJSONFenRefusesFractionsOfAFen(t *testing.T) {
	var v struct{ A, B, C jsonFen }
	require.NoError(t, json.Unmarshal([]byte(`{"A": 11235, "B": "1000", "C": "100.00"}`), &v))
	assert.Equal(t, jsonFen(11235), v.A)
	assert.Equal(t, jsonFen(1000), v.B)
	assert.Equal(t, jsonFen(100), v.C)
	assert.Error(t, json.Unmarshal([]byte(`{"A": 12.5}`), &v), "fen fields are longs")
	assert.Error(t, json.Unmarshal([]byte(`{"A": {"x": 1}}`), &v))
}

func TestFenString(t *testing.T) {
	assert.Equal(t, "12.30", Fen(1230).String())
	assert.Equal(t, "0.05", Fen(5).String())
	assert.Equal(t, "-0.05", Fen(-5).String())
	assert.Equal(t, "-92233720368547758.08", Fen(-1<<63).String())
}

func TestJSONIDNeverGoesThroughFloat(t *testing.T) {
	// The point of the test: a float64 turns this id into a different order.
	f, err := strconv.ParseFloat(bigOrderID, 64)
	require.NoError(t, err)
	require.Equal(t, "3717426277620540928", strconv.FormatFloat(f, 'f', 0, 64))

	var v struct{ N, S, Null, Empty jsonID }
	require.NoError(t, json.Unmarshal([]byte(`{"N": 3717426277620540788, "S": "3717426277620540788", "Null": null, "Empty": ""}`), &v))
	assert.Equal(t, jsonID(bigOrderID), v.N)
	assert.Equal(t, jsonID(bigOrderID), v.S)
	assert.Empty(t, v.Null)
	assert.Empty(t, v.Empty)

	for _, junk := range []string{`3.717e18`, `-1`, `1.0`, `"12a"`, `true`, `[1]`, `{"id":1}`} {
		var id jsonID
		assert.Error(t, json.Unmarshal([]byte(junk), &id), junk)
	}
}

func TestJSONBoolAcceptsBooleansAndStrings(t *testing.T) {
	for in, want := range map[string]bool{
		`true`: true, `"true"`: true, `"TRUE"`: true, `false`: false, `"false"`: false, `null`: false, `""`: false,
	} {
		var b jsonBool
		require.NoError(t, json.Unmarshal([]byte(in), &b), in)
		assert.Equal(t, want, bool(b), in)
	}
	for _, junk := range []string{`"yes"`, `1`, `{}`} {
		var b jsonBool
		assert.Error(t, json.Unmarshal([]byte(junk), &b), junk)
	}
}

func TestParseTimeBothPatterns(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		return v.UTC()
	}
	cases := map[string]time.Time{
		"20240513142311000+0800":    utc("2024-05-13T06:23:11Z"),
		"20240513142311123+0800":    utc("2024-05-13T06:23:11.123Z"),
		"20240513142311000-0130":    utc("2024-05-13T15:53:11Z"),
		"20240513142311000":         utc("2024-05-13T06:23:11Z"), // no zone: China time
		"20240513142311":            utc("2024-05-13T06:23:11Z"),
		"2018-07-24 21:55:33":       utc("2018-07-24T13:55:33Z"), // China time, UTC+8
		"2024-01-01 00:30:00":       utc("2023-12-31T16:30:00Z"), // the China day starts at 16:00 UTC
		"1700000000000":             utc("2023-11-14T22:13:20Z"),
		"2024-05-13T14:23:11+08:00": utc("2024-05-13T06:23:11Z"),
	}
	for in, want := range cases {
		got, err := ParseTime(in)
		require.NoError(t, err, in)
		assert.True(t, want.Equal(got), "%s: got %v, want %v", in, got, want)
		assert.Equal(t, time.UTC, got.Location(), in)
	}
	zero, err := ParseTime("")
	require.NoError(t, err)
	assert.True(t, zero.IsZero())

	for _, junk := range []string{"20241313142311000+0800", "2024-02-30 10:00:00", "yesterday", "20240513", "2018-07-24T21:55:33"} {
		_, err := ParseTime(junk)
		assert.Error(t, err, junk)
	}
}

func TestFormatTimeIsTheRequestPattern(t *testing.T) {
	in := time.Date(2024, 5, 13, 6, 23, 11, 45*int(time.Millisecond), time.UTC)
	assert.Equal(t, "20240513142311045+0800", FormatTime(in))
	back, err := ParseTime(FormatTime(in))
	require.NoError(t, err)
	assert.True(t, in.Equal(back))
}

func TestDecodeBodyRefusesTrailingData(t *testing.T) {
	var v map[string]any
	require.NoError(t, decodeBody([]byte(` {"a": 1} `), &v))
	assert.Equal(t, json.Number("1"), v["a"], "numbers in interfaces stay text")
	assert.Error(t, decodeBody([]byte(`{"a": 1} {"b": 2}`), &v))
	assert.Error(t, decodeBody([]byte(`{"a": 1}}`), &v))
	assert.Error(t, decodeBody([]byte(``), &v))
}

func TestOutcomeReadsEveryErrorPair(t *testing.T) {
	for body, want := range map[string][2]string{
		`{"success":false,"errorCode":"ORDER_NOT_EXIST","errorMessage":"订单不存在"}`: {"ORDER_NOT_EXIST", "订单不存在"},
		`{"success":"false","errorCode":"500_001","errorMsg":"商品不可用"}`:           {"500_001", "商品不可用"},
		`{"success":false,"errorCode":"x","erroMsg":"sic"}`:                      {"x", "sic"},
		`{"success":false,"code":"500","message":"不是自己的订单"}`:                     {"500", "不是自己的订单"},
		`{"success":false,"code":500}`:                                           {"500", ""},
	} {
		var o outcome
		require.NoError(t, decodeBody([]byte(body), &o), body)
		require.True(t, o.failed(), body)
		err := o.err("api", []byte(body))
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, want[0], e.Code, body)
		assert.Equal(t, want[1], e.Message, body)
		assert.Equal(t, "api", e.API)
	}
	var ok outcome
	require.NoError(t, decodeBody([]byte(`{"success":"true","errorMessage":"note"}`), &ok))
	assert.False(t, ok.failed(), "success with a message is not a failure")
}

func TestMarshalParamKeepsTextAsTyped(t *testing.T) {
	s, err := marshalParam(Address{FullName: "张三", Address: "A&B <路> 1号"})
	require.NoError(t, err)
	assert.Equal(t, `{"fullName":"张三","address":"A&B <路> 1号"}`, s)
}

func TestJSONQuantityIsDecimal(t *testing.T) {
	var v struct{ A, B, C, D jsonQuantity }
	require.NoError(t, json.Unmarshal([]byte(`{"A": 2, "B": "2.5", "C": null, "D": ""}`), &v))
	assert.InDelta(t, 2, float64(v.A), 0)
	assert.InDelta(t, 2.5, float64(v.B), 0)
	assert.Zero(t, float64(v.C))
	assert.Zero(t, float64(v.D))
	for _, junk := range []string{`"NaN"`, `"Inf"`, `"0x1p3"`, `"2 件"`, `"1e400"`} {
		var q jsonQuantity
		assert.Error(t, json.Unmarshal([]byte(junk), &q), junk)
	}
}
