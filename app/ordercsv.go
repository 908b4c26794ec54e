package app

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"caigou/i18n"
	"caigou/storage"
)

// ErrCSVWrite is returned by ExportOrdersCSV when the file could not be written.
var ErrCSVWrite = errors.New("the file could not be written")

// exportCreatedLayout is how the export writes an order's creation time, in local time: a form
// every spreadsheet reads as a date and time.
const exportCreatedLayout = "2006-01-02 15:04"

// exportHeader is the export's header row, column by column.
var exportHeader = []*i18n.Message{
	i18n.ExportColOrderID, i18n.ExportColCreated, i18n.ExportColSeller, i18n.ExportColStatus,
	i18n.ExportColOwnStatus, i18n.ExportColOfferID, i18n.ExportColSpecID, i18n.ExportColSKU,
	i18n.ExportColTitle, i18n.ExportColQuantity, i18n.ExportColUnitPrice, i18n.ExportColLineAmount,
	i18n.ExportColOrderTotal, i18n.ExportColTracking, i18n.ExportColNote,
}

// ownStatusTexts are the own statuses of status_map (storage.OwnStatuses) in plain words.
var ownStatusTexts = map[string]*i18n.Message{
	"paid":              i18n.OwnStatusPaid,
	"ordered":           i18n.OwnStatusOrdered,
	"received":          i18n.OwnStatusReceived,
	"unable_to_deliver": i18n.OwnStatusUnableToDeliver,
}

// ExportOrdersCSV writes every order line to w as CSV, oldest order first: one row per line,
// and one for an order that has no lines yet. The file starts with a UTF-8 BOM, so that Excel
// shows Chinese and Cyrillic, and a header row in the user's language. Where that language
// writes decimals with a comma (Russian), the columns are separated by ';', as Excel there
// expects; elsewhere by ','. Amounts are yuan with a decimal point ("12.50"). Rows stream from
// the database, so 100 000 orders are never in memory at once. rows counts the rows after the
// header; a failed write wraps ErrCSVWrite.
func (a *App) ExportOrdersCSV(ctx context.Context, w io.Writer) (rows int, err error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	cw.Comma = exportSeparator()
	cw.UseCRLF = true // what Excel writes, and what Notepad on older Windows shows right
	if _, err := bw.Write(utf8BOM); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrCSVWrite, err)
	}
	rec := make([]string, len(exportHeader))
	for i, m := range exportHeader {
		rec[i] = i18n.T(m, nil)
	}
	if err := cw.Write(rec); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrCSVWrite, err)
	}
	own := map[string]string{}
	for id, m := range ownStatusTexts {
		own[id] = i18n.T(m, nil)
	}
	err = a.db.ExportOrderLines(ctx, func(r storage.ExportRow) error {
		fillExportRecord(rec, r, own)
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("%w: %w", ErrCSVWrite, err)
		}
		rows++
		return nil
	})
	if err != nil {
		return rows, err
	}
	cw.Flush()
	if err := errors.Join(cw.Error(), bw.Flush()); err != nil {
		return rows, fmt.Errorf("%w: %w", ErrCSVWrite, err)
	}
	return rows, nil
}

// fillExportRecord writes r into rec in exportHeader's order.
func fillExportRecord(rec []string, r storage.ExportRow, own map[string]string) {
	created := ""
	if !r.CreatedAt.IsZero() {
		created = r.CreatedAt.In(time.Local).Format(exportCreatedLayout)
	}
	quantity, unitPrice, amount := "", "", ""
	if r.LineNo > 0 {
		quantity = strconv.FormatFloat(r.Quantity, 'f', -1, 64)
		unitPrice, amount = plainYuan(r.UnitPriceFen), plainYuan(r.AmountFen)
	}
	copy(rec, []string{
		r.AliOrderID, created, r.SellerLoginID, r.Status, own[r.OwnStatus], r.OfferID, r.SpecID,
		r.SKUText, r.Title, quantity, unitPrice, amount, plainYuan(r.OrderTotalFen),
		strings.Join(r.TrackingNumbers, " "), r.Note,
	})
}

// plainYuan writes fen as yuan with two decimals and a point, for spreadsheets: 1250 → "12.50".
func plainYuan(fen int64) string {
	sign := ""
	u := uint64(fen)
	if fen < 0 {
		sign, u = "-", -u
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

// exportSeparator is ';' for a language that writes decimals with a comma, as Excel's list
// separator is there, and ',' otherwise.
func exportSeparator() rune {
	if i18n.DecimalComma() {
		return ';'
	}
	return ','
}
