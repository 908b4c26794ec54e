package open1688

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Fen is an amount of money in fen, a hundredth of a yuan: the only unit caigou computes in
// (DESIGN §3). The gateway sends some amounts in yuan and some in fen (1688.md §3); the typed
// calls convert both, exactly, so a Fen never went through a float.
type Fen int64

// String writes f in yuan with two decimals, e.g. "12.30" or "-0.05".
func (f Fen) String() string {
	sign, v := "", int64(f)
	if v < 0 {
		// -v overflows only for MinInt64, which no order reaches; uint64 keeps it correct anyway.
		sign = "-"
	}
	u := uint64(v)
	if v < 0 {
		u = uint64(-(v + 1)) + 1
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

// errNotJSONScalar is returned when a field that must be a number, string or boolean is an
// object or an array.
var errNotJSONScalar = errors.New("not a JSON scalar")

// scalarText returns the text of a JSON scalar: a string's unquoted content, a number's or a
// boolean's literal text, and "" for null. Numbers keep their literal digits, so no float64 is
// ever involved.
func scalarText(b []byte) (string, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "", errNotJSONScalar
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return "", err
		}
		return s, nil
	case '{', '[':
		return "", errNotJSONScalar
	}
	if string(b) == "null" {
		return "", nil
	}
	// encoding/json has already validated the token, so it is a number, true or false.
	return string(b), nil
}

// jsonText is a text field that the gateway may also send as a number or a boolean.
type jsonText string

// UnmarshalJSON keeps the scalar's text; objects and arrays are errors.
func (t *jsonText) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	*t = jsonText(s)
	return err
}

// jsonID is a numeric 1688 id (order, offer, SKU, sub-item) of up to 19 digits. It accepts a
// JSON number or a string and keeps the digits as text: float64 would turn 3717426277620540788
// into 3717426277620540928.
type jsonID string

// maxIDDigits bounds an id's length: int64 has 19 digits; the rest is room for ids the platform
// may widen without us misreading them.
const maxIDDigits = 24

// UnmarshalJSON accepts digits as a number or a string, and null or "" as no id.
func (id *jsonID) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	if s != "" && !isDigits(s) {
		return fmt.Errorf("id %q is not a string of digits", s)
	}
	*id = jsonID(s)
	return nil
}

// isDigits reports whether s is 1 to maxIDDigits ASCII digits.
func isDigits(s string) bool {
	if s == "" || len(s) > maxIDDigits {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// jsonBool is a flag the gateway sends as a boolean or as the string "true" or "false"
// (get.buyerView types success as String, 1688.md §3.3).
type jsonBool bool

// UnmarshalJSON accepts true, false, their strings in any case, and null or "" as false.
func (v *jsonBool) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return err
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true":
		*v = true
	case "false", "":
		*v = false
	default:
		return fmt.Errorf("flag %q is neither true nor false", s)
	}
	return nil
}

// jsonYuan is an amount the gateway sends in yuan as a decimal ("12.3", 12.30, "1e2"); it holds
// the amount in fen.
type jsonYuan Fen

// UnmarshalJSON converts decimal yuan text to fen without a float.
func (v *jsonYuan) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return err
	}
	f, err := ParseYuan(s)
	*v = jsonYuan(f)
	return err
}

// jsonFen is an amount the gateway sends in fen, as an integer number or string.
type jsonFen Fen

// UnmarshalJSON accepts an integer (a zero fraction such as "100.00" included) and rejects a
// fraction of a fen: fen fields are longs on the platform, so one means a misread unit.
func (v *jsonFen) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return err
	}
	n, err := parseInteger(s)
	*v = jsonFen(n)
	return err
}

// jsonInt is a whole number (a count, a page total, a logistics status) sent as a number or a
// string.
type jsonInt int64

// UnmarshalJSON accepts an integer as a number or a string, and null or "" as 0.
func (v *jsonInt) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return err
	}
	n, err := parseInteger(s)
	*v = jsonInt(n)
	return err
}

// jsonQuantity is an ordered quantity. The platform types cargo quantities as double, so a
// fractional quantity (goods sold by weight) is kept rather than refused; quantities are not
// money, and counts below 2^53 are exact in a float64.
type jsonQuantity float64

// UnmarshalJSON accepts a decimal number or string, and null or "" as 0.
func (v *jsonQuantity) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		*v = 0
		return nil
	}
	// Only decimal text: ParseFloat alone would also take "NaN", "Inf" and hex floats.
	if _, err := scaleDecimal(s, 0, true); err != nil {
		return fmt.Errorf("quantity %q: %w", s, err)
	}
	q, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("quantity %q: %w", s, err)
	}
	*v = jsonQuantity(q)
	return nil
}

// jsonTime is a gateway time in either of its two patterns (see ParseTime).
type jsonTime time.Time

// UnmarshalJSON accepts what ParseTime accepts, as a string or a number, and null as the zero
// time.
func (v *jsonTime) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return err
	}
	t, err := ParseTime(s)
	*v = jsonTime(t)
	return err
}

// ParseYuan converts a decimal amount of yuan ("12.3", "0.05", "12", "1e2", "-3.50") to fen
// exactly, without a float. Empty text is zero. A fraction below one fen (unit prices such as
// "0.035" exist on 1688) is rounded half away from zero to the nearest fen: DESIGN keeps money in
// whole fen. Text that is not a decimal number is an error.
func ParseYuan(s string) (Fen, error) {
	n, err := scaleDecimal(strings.TrimSpace(s), 2, true)
	if err != nil {
		return 0, fmt.Errorf("yuan amount %q: %w", s, err)
	}
	return Fen(n), nil
}

// parseInteger reads a whole number from decimal text; empty text is zero.
func parseInteger(s string) (int64, error) {
	n, err := scaleDecimal(strings.TrimSpace(s), 0, false)
	if err != nil {
		return 0, fmt.Errorf("integer %q: %w", s, err)
	}
	return n, nil
}

var (
	errNotDecimal = errors.New("not a decimal number")
	errOverflow   = errors.New("out of range")
	errFraction   = errors.New("has a fraction")
)

// maxExponentDigits keeps an exponent small enough that shifting by it costs nothing.
const maxExponentDigits = 4

// scaleDecimal returns the decimal number s times 10^scale as an int64. A remaining fraction is
// rounded half away from zero when round is set and is an error otherwise. Empty text is zero.
// It works on the digits themselves, so no value is ever approximated.
func scaleDecimal(s string, scale int, round bool) (int64, error) {
	if s == "" {
		return 0, nil
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	i := digitRun(s, 0)
	intPart := s[:i]
	frac := ""
	if i < len(s) && s[i] == '.' {
		j := digitRun(s, i+1)
		frac, i = s[i+1:j], j
	}
	if intPart == "" && frac == "" {
		return 0, errNotDecimal
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := digitRun(s, j)
		if k == j || k-j > maxExponentDigits {
			return 0, errNotDecimal
		}
		exp, _ = strconv.Atoi(s[i+1 : k]) // cannot fail: a sign and at most four digits
		i = k
	}
	if i != len(s) {
		return 0, errNotDecimal
	}
	// The value is mant × 10^shift.
	mant := strings.TrimLeft(intPart+frac, "0")
	if mant == "" {
		return 0, nil
	}
	shift := exp - len(frac) + scale
	whole, rest := splitDigits(mant, shift)
	if len(whole) > 19 {
		return 0, errOverflow
	}
	var v uint64
	if whole != "" {
		v, _ = strconv.ParseUint(whole, 10, 64) // at most 19 digits: fits a uint64
	}
	if strings.Trim(rest, "0") != "" {
		if !round {
			return 0, errFraction
		}
		if rest[0] >= '5' {
			v++
		}
	}
	if v > 1<<63-1 {
		return 0, errOverflow
	}
	if neg {
		return -int64(v), nil
	}
	return int64(v), nil
}

// splitDigits splits mant × 10^shift into its whole digits and the digits of its fraction.
func splitDigits(mant string, shift int) (whole, rest string) {
	if shift >= 0 {
		if len(mant)+shift > 19 {
			return strings.Repeat("9", 20), "" // too long: the caller reports the overflow
		}
		return mant + strings.Repeat("0", shift), ""
	}
	cut := len(mant) + shift
	if cut <= 0 {
		return "", strings.Repeat("0", -cut) + mant
	}
	return mant[:cut], mant[cut:]
}

// digitRun returns the index of the first non-digit in s at or after i.
func digitRun(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// Layouts of the two gateway date patterns, in Go's notation.
const (
	// compactLayout is yyyyMMddHHmmss; the milliseconds (SSS) and the zone (Z) that follow in
	// the gateway's pattern are cut out first, because Go needs a dot before fractional seconds.
	compactLayout = "20060102150405"
	// dashLayout is yyyy-MM-dd HH:mm:ss in China time, used by the logistics trace.
	dashLayout = "2006-01-02 15:04:05"
)

// ParseTime parses a gateway time in either of its patterns and returns it in UTC:
//   - yyyyMMddHHmmssSSSZ, e.g. "20240513142311000+0800" (orders, 1688.md §1.2); without the zone
//     it is read as China time;
//   - yyyy-MM-dd HH:mm:ss, e.g. "2018-07-24 21:55:33", in China time (the logistics trace, §3.7).
//
// Also accepted, for leniency: the compact pattern without milliseconds, 13 digits as
// milliseconds since the epoch, and RFC 3339. Empty text is the zero time.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := parseTimeText(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("time %q: %w", s, err)
	}
	return t.UTC(), nil
}

func parseTimeText(s string) (time.Time, error) {
	switch {
	case len(s) == 22 && isDigits(s[:17]) && (s[17] == '+' || s[17] == '-') && isDigits(s[18:]):
		t, err := time.Parse(compactLayout+"-0700", s[:14]+s[17:])
		return addMillis(t, s[14:17]), err
	case len(s) == 17 && isDigits(s):
		t, err := time.ParseInLocation(compactLayout, s[:14], chinaTime)
		return addMillis(t, s[14:17]), err
	case len(s) == len(dashLayout) && s[4] == '-':
		return time.ParseInLocation(dashLayout, s, chinaTime)
	case len(s) == 14 && isDigits(s):
		return time.ParseInLocation(compactLayout, s, chinaTime)
	case len(s) == 13 && isDigits(s):
		ms, err := strconv.ParseInt(s, 10, 64)
		return time.UnixMilli(ms), err
	}
	return time.Parse(time.RFC3339, s)
}

// addMillis adds three digits of milliseconds to t.
func addMillis(t time.Time, sss string) time.Time {
	ms, _ := strconv.Atoi(sss) // the caller checked the three digits
	return t.Add(time.Duration(ms) * time.Millisecond)
}

// FormatTime writes t in the gateway's request pattern yyyyMMddHHmmssSSSZ in China time, e.g.
// "20240513142311000+0800", the form date filters are sent in (1688.md §1.2).
func FormatTime(t time.Time) string {
	t = t.In(chinaTime)
	return t.Format(compactLayout) + fmt.Sprintf("%03d", t.Nanosecond()/int(time.Millisecond)) + t.Format("-0700")
}

// decodeBody decodes one JSON value from body into v and refuses trailing data. UseNumber keeps
// any number that lands in an interface value as text, so an id can never become a float64.
func decodeBody(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the JSON value")
	}
	return nil
}

// outcome is the success flag and the error fields that buyer APIs put next to their result.
// Each API uses one of three key pairs (1688.md §4.2), and alipay.url.get misspells its message
// as erroMsg; all of them are read so that no failure is mistaken for an empty result.
type outcome struct {
	Success      *jsonBool `json:"success"` // nil when the API sent no flag
	ErrorCode    jsonText  `json:"errorCode"`
	ErrorMessage jsonText  `json:"errorMessage"`
	ErrorMsg     jsonText  `json:"errorMsg"`
	ErroMsg      jsonText  `json:"erroMsg"`
	Code         jsonText  `json:"code"`
	Message      jsonText  `json:"message"`
}

// failed reports an explicit success=false. The client core already turns those into errors;
// checking again keeps the parsers correct on their own, which is what the fuzz targets test.
func (o *outcome) failed() bool { return o.Success != nil && !bool(*o.Success) }

// code is the business error code, whichever key carried it.
func (o *outcome) code() string { return firstNonEmpty(string(o.ErrorCode), string(o.Code)) }

// message is the error message, whichever key carried it.
func (o *outcome) message() string {
	return firstNonEmpty(string(o.ErrorMessage), string(o.ErrorMsg), string(o.ErroMsg), string(o.Message))
}

// err is the business error the outcome describes, classified like the client core's.
func (o *outcome) err(api string, body []byte) error {
	code := o.code()
	return &Error{
		Kind: kindFor(code, 200, true), API: api, Status: 200,
		Code: code, Message: o.message(), Body: truncateBody(body),
	}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// malformed is the error for an HTTP 200 body that cannot be read as the API's response. Its kind
// is unknown: the platform answered, but not in a shape we know.
func malformed(api string, body []byte, err error) error {
	return &Error{
		Kind: KindUnknown, API: api, Status: 200,
		Message: "unreadable response", Body: truncateBody(body), Err: err,
	}
}

// marshalParam writes a complex parameter as the exact JSON text that is sent and signed
// (1688.md §1.2). HTML escaping stays off so that text such as "A&B 路" is sent as typed.
func marshalParam(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}
