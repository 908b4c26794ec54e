package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Why a CSV file could not be read at all. ExplainCSVError translates them.
var (
	ErrCSVEncoding    = errors.New("the file is not text in UTF-8, UTF-16 or GB18030")
	ErrCSVSpreadsheet = errors.New("the file is a spreadsheet workbook, not CSV")
	ErrCSVTooLarge    = errors.New("the file is too large")
	ErrCSVUnreadable  = errors.New("the file could not be read")
)

// maxCSVBytes bounds what an import reads: 10 000 lines are about 1 MB.
const maxCSVBytes = 32 << 20

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readCSVText reads a whole CSV file as text. Excel writes UTF-8 with a BOM ("CSV UTF-8"),
// UTF-16 with a BOM ("Unicode text"), or the ANSI code page, which on a Chinese Windows is GBK,
// a subset of GB18030. Text that is neither UTF-8 nor clean GB18030 is refused rather than
// guessed at.
func readCSVText(r io.Reader) (string, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxCSVBytes+1))
	switch {
	case err != nil:
		return "", fmt.Errorf("%w: %w", ErrCSVUnreadable, err)
	case len(raw) > maxCSVBytes:
		return "", ErrCSVTooLarge
	case bytes.HasPrefix(raw, []byte("PK\x03\x04")), bytes.HasPrefix(raw, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "", ErrCSVSpreadsheet // .xlsx is a zip, .xls an OLE file
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		text, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw)
		if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
			return "", ErrCSVEncoding
		}
		raw = text
	case bytes.HasPrefix(raw, utf8BOM):
		raw = raw[len(utf8BOM):]
	}
	if !utf8.Valid(raw) {
		text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
			return "", ErrCSVEncoding
		}
		raw = text
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", ErrCSVEncoding // a binary file that happens to decode
	}
	return string(raw), nil
}

// detectCSVSeparator picks the separator the first non-blank line uses most, outside quotes: Excel in a
// Russian locale writes ';', "Unicode text" uses tabs, the rest of the world ','. A line with
// none of them is a one-column file, read with ','.
func detectCSVSeparator(text string) rune {
	line, rest, _ := strings.Cut(text, "\n")
	for strings.TrimFunc(line, isBlank) == "" && rest != "" {
		line, rest, _ = strings.Cut(rest, "\n")
	}
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best, bestN := ',', 0
	for _, sep := range []rune{',', ';', '\t'} { // a tie goes to the rarer separator
		if counts[sep] > 0 && counts[sep] >= bestN {
			best, bestN = sep, counts[sep]
		}
	}
	return best
}
