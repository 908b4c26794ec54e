package app

import (
	"context"
	"errors"
	"io"
	"slices"
	"time"

	"caigou/i18n"
	"caigou/storage"
)

// ErrCSVSKUNeedsSpec refuses a row that would merge into a cart line of the same offer with a
// different SKU text: until its SKU is picked, the cart keeps one line per offer, and the merge
// would lose what the row asked for.
var ErrCSVSKUNeedsSpec = errors.New("another SKU of this offer is already in the cart without a specId")

// CSVImportReport is what ImportCartCSV did.
type CSVImportReport struct {
	Added    int          // rows put into the cart (a row for a line already there raises its quantity)
	Problems []CSVProblem // rows left out, in file order
}

// ImportCartCSV reads a cart CSV (see ParseCartCSV) and puts its valid rows into the cart in one
// transaction. The error is for a file that cannot be read or a cart that cannot be written;
// rows that are wrong are in the report.
func (a *App) ImportCartCSV(ctx context.Context, r io.Reader) (CSVImportReport, error) {
	drafts, problems, err := ParseCartCSV(r)
	if err != nil {
		return CSVImportReport{}, err
	}
	cart, err := a.db.CartLines(ctx)
	if err != nil {
		return CSVImportReport{}, err
	}
	skuOf := map[string]string{} // offer → SKU text of its line without a specId
	for _, l := range cart {
		if l.SpecID == "" {
			skuOf[l.OfferID] = l.SKUText
		}
	}
	lines := make([]storage.CartLine, 0, len(drafts))
	for _, d := range drafts {
		if d.SpecID == "" {
			if sku, ok := skuOf[d.OfferID]; ok && sku != "" && d.SKUText != "" && sku != d.SKUText {
				problems = append(problems, CSVProblem{Row: d.Row, Err: &csvCellError{d.SKUText, ErrCSVSKUNeedsSpec}})
				continue
			}
			if d.SKUText != "" || skuOf[d.OfferID] == "" {
				skuOf[d.OfferID] = d.SKUText
			}
		}
		lines = append(lines, storage.CartLine{
			OfferID: d.OfferID, SpecID: d.SpecID, SKUText: d.SKUText, Quantity: d.Quantity, Note: d.Note,
		})
	}
	// The SKU check adds its problems after the parser's: put them back in file order.
	slices.SortStableFunc(problems, func(x, y CSVProblem) int { return x.Row - y.Row })
	if len(lines) > 0 {
		if err := a.db.AddCartLines(ctx, lines, time.Now()); err != nil {
			return CSVImportReport{}, err
		}
	}
	return CSVImportReport{Added: len(lines), Problems: problems}, nil
}

// csvProblemTexts pairs each row error with its catalog message.
var csvProblemTexts = []struct {
	err error
	msg *i18n.Message
}{
	{ErrCSVNoOffer, i18n.CSVNoOffer},
	{ErrCSVNoQuantity, i18n.CSVNoQuantity},
	{ErrCSVQuantityFraction, i18n.CSVQuantityFraction},
	{ErrCSVQuantityNotNumber, i18n.CSVQuantityNotNumber},
	{ErrCSVQuantityTooSmall, i18n.CSVQuantityTooSmall},
	{ErrCSVQuantityTooLarge, i18n.CSVQuantityTooLarge},
	{ErrCSVSKUNeedsSpec, i18n.CSVSKUNeedsSpec},
	{ErrCSVSyntax, i18n.CSVSyntax},
}

// ExplainCSVProblem says, in the user's language, which line of the file was left out and why,
// e.g. "Line 7: the quantity 2.0 is not a whole number…".
func ExplainCSVProblem(p CSVProblem) string {
	return i18n.T(i18n.CSVProblemLine, map[string]any{"Line": p.Row, "Reason": explainCSVRowError(p.Err)})
}

func explainCSVRowError(err error) string {
	value := ""
	if cellErr := (*csvCellError)(nil); errors.As(err, &cellErr) {
		value = cellErr.Value
	}
	for _, t := range csvProblemTexts {
		if errors.Is(err, t.err) {
			return i18n.T(t.msg, map[string]any{"Value": value, "Max": maxCSVQuantity})
		}
	}
	return ExplainLinkError(err) // a row's only other fault is its link
}

// csvFileErrorTexts pairs each file error with its catalog message.
var csvFileErrorTexts = []struct {
	err error
	msg *i18n.Message
}{
	{ErrCSVEncoding, i18n.CSVEncoding},
	{ErrCSVSpreadsheet, i18n.CSVSpreadsheet},
	{ErrCSVTooLarge, i18n.CSVTooLarge},
}

// ExplainCSVError says, in the user's language, why a CSV file could not be imported or
// exported at all and what to do. nil gives "".
func ExplainCSVError(err error) string {
	if err == nil {
		return ""
	}
	for _, t := range csvFileErrorTexts {
		if errors.Is(err, t.err) {
			return i18n.T(t.msg, map[string]any{"MB": maxCSVBytes >> 20})
		}
	}
	return i18n.T(i18n.CSVUnreadable, nil)
}
