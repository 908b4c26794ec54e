package app

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Why a CSV row was not taken into the cart. A row with a bad link carries the link error
// instead (ErrOtherHost, …). ExplainCSVProblem translates them.
var (
	ErrCSVMissingColumn     = errors.New("a column is missing")
	ErrCSVNoOffer           = fmt.Errorf("%w: no offer link or id", ErrCSVMissingColumn)
	ErrCSVNoQuantity        = fmt.Errorf("%w: no quantity", ErrCSVMissingColumn)
	ErrCSVQuantityNotNumber = errors.New("the quantity is not a number")
	ErrCSVQuantityFraction  = errors.New("the quantity is not a whole number")
	ErrCSVQuantityTooSmall  = errors.New("the quantity is less than 1")
	ErrCSVQuantityTooLarge  = errors.New("the quantity is too large")
	ErrCSVSyntax            = errors.New("the row is not valid CSV")
)

// maxCSVQuantity is the largest quantity a row may ask for: more is a typo, not an order.
const maxCSVQuantity = 1_000_000

// CartDraft is one valid row of a cart CSV: what to put into the cart.
type CartDraft struct {
	Row      int    // the file's line the row starts on, 1-based
	OfferID  string // digits
	SpecID   string // 32 lowercase hex digits, or ""
	SKUText  string // the SKU as the user described it, when no specId was given
	Note     string // the user's own note, never sent to the seller
	Quantity int    // at least 1
}

// CSVProblem is a row of a cart CSV that was left out, and why.
type CSVProblem struct {
	Row int   // the file's line the row starts on, 1-based
	Err error // wraps an ErrCSV… error or a link error; ExplainCSVProblem translates it
}

// csvCellError is a refused cell: the explanation quotes the value.
type csvCellError struct {
	Value string
	Err   error
}

func (e *csvCellError) Error() string { return fmt.Sprintf("%q: %v", shorten(e.Value), e.Err) }
func (e *csvCellError) Unwrap() error { return e.Err }

// csvColumns says which column holds what; -1 is none.
type csvColumns struct{ offer, spec, sku, quantity, note int }

// positionalColumns is the documented layout: offer link or id, specId or SKU text, quantity,
// note.
var positionalColumns = csvColumns{offer: 0, spec: 1, sku: -1, quantity: 2, note: 3}

// ParseCartCSV reads a cart CSV: offer link or id, specId or SKU text, quantity, note. It takes
// a UTF-8 BOM, UTF-16 or GB18030 text, comma, semicolon or tab separators (found from the first
// line), quoted fields and CRLF, and an optional header row; a header in English, Russian or
// Chinese may put the columns in another order (as caigou's own order export does). Valid rows
// become drafts and the others problems; err is only for a file that cannot be read at all
// (ErrCSVEncoding, ErrCSVSpreadsheet, ErrCSVTooLarge, ErrCSVUnreadable).
func ParseCartCSV(r io.Reader) (drafts []CartDraft, problems []CSVProblem, err error) {
	text, err := readCSVText(r)
	if err != nil {
		return nil, nil, err
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = detectCSVSeparator(text)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true // a stray quote in a SKU text such as 尺码:"XL" is text, not an error
	cr.ReuseRecord = true
	cols, first := positionalColumns, true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
			problems = append(problems, CSVProblem{Row: pe.StartLine, Err: fmt.Errorf("%w: %w", ErrCSVSyntax, err)})
			continue
		} else if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrCSVUnreadable, err)
		}
		row, _ := cr.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimFunc(rec[i], isBlank)
		}
		if blankRecord(rec) {
			continue
		}
		if first {
			first = false
			if header, ok := headerColumns(rec); ok {
				cols = header
				continue
			}
		}
		d, err := parseCartRow(rec, cols)
		if err != nil {
			problems = append(problems, CSVProblem{Row: row, Err: err})
			continue
		}
		d.Row = row
		drafts = append(drafts, d)
	}
	return drafts, problems, nil
}

// parseCartRow reads one row; the first fault found is the reason it is refused.
func parseCartRow(rec []string, c csvColumns) (CartDraft, error) {
	offer := cell(rec, c.offer)
	if offer == "" {
		return CartDraft{}, ErrCSVNoOffer
	}
	id, err := ParseOfferID(offer)
	if err != nil {
		return CartDraft{}, err
	}
	quantity, err := parseQuantity(cell(rec, c.quantity))
	if err != nil {
		return CartDraft{}, err
	}
	d := CartDraft{OfferID: id, Quantity: quantity, Note: cell(rec, c.note)}
	for _, v := range []string{cell(rec, c.spec), cell(rec, c.sku)} {
		switch {
		case v == "":
		case isSpecID(v) && d.SpecID == "":
			d.SpecID = strings.ToLower(v)
		case d.SKUText == "":
			d.SKUText = v
		}
	}
	return d, nil
}

// parseQuantity reads a whole number of pieces. Spaces inside are thousands separators
// ("1 000"); a decimal point or comma is refused, even in "2.0", since a fraction of a piece
// is a mistake somewhere in the sheet.
func parseQuantity(s string) (int, error) {
	s = strings.Map(func(r rune) rune {
		if isBlank(r) || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
	if s == "" {
		return 0, ErrCSVNoQuantity
	}
	n, err := strconv.Atoi(s)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, &csvCellError{s, ErrCSVQuantityTooLarge}
	case err != nil && isDecimal(s):
		return 0, &csvCellError{s, ErrCSVQuantityFraction}
	case err != nil:
		return 0, &csvCellError{s, ErrCSVQuantityNotNumber}
	case n < 1:
		return 0, &csvCellError{s, ErrCSVQuantityTooSmall}
	case n > maxCSVQuantity:
		return 0, &csvCellError{s, ErrCSVQuantityTooLarge}
	}
	return n, nil
}

// isDecimal reports whether s is a number with a decimal point or comma, such as 2.0 or -2,5.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	intPart, frac, ok := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	return ok && (intPart != "" || frac != "") && (intPart == "" || allDigits(intPart)) && (frac == "" || allDigits(frac))
}

// isSpecID reports whether s is a 1688 specId: 32 hex digits.
func isSpecID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && (c|0x20 < 'a' || c|0x20 > 'f') {
			return false
		}
	}
	return true
}

// cell is column i of rec, or "" when the row is shorter.
func cell(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return rec[i]
}

func blankRecord(rec []string) bool {
	for _, v := range rec {
		if v != "" {
			return false
		}
	}
	return true
}
