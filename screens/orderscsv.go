package screens

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// csvFilter lets the file dialogs show only CSV files.
var csvFilter = storage.NewExtensionFileFilter([]string{".csv"})

// orderCSVPanel imports a CSV of lines into the cart, listing the rows it left out with their
// line numbers, and exports every order to a CSV that Excel opens with Chinese and Cyrillic.
// Files are read and written through the URIs the file dialogs return.
type orderCSVPanel struct {
	t             *recordTab
	*ordersExport // made by the first build

	importing bool
	imported  *csvImportOutcome // the last import's; nil before the first
	selected  int               // the left-out row whose whole explanation shows

	openDialog *dialog.FileDialog

	importButton, exportButton *widget.Button
	activity                   *widget.Activity
	working                    *widget.Label
	exportResult               *widget.Label
	importResult               *widget.Label
	goToCart                   *widget.Button
	leftOut                    *widget.Label
	problems                   *widget.List
	problem                    *widget.Label
}

type csvImportOutcome struct {
	report app.CSVImportReport
	err    error
}

type csvExportOutcome struct {
	rows int
	path string
	err  error
}

func (p *orderCSVPanel) build() fyne.CanvasObject {
	if p.ordersExport == nil {
		p.ordersExport = &ordersExport{app: p.t.o.app, win: p.t.o.win, work: &p.t.work, changed: p.show}
	}
	p.importButton = &widget.Button{Text: i18n.T(i18n.CSVTabImport, nil), Icon: theme.FileIcon(), OnTapped: p.onImport}
	p.exportButton = &widget.Button{Text: i18n.T(i18n.CSVTabExport, nil), Icon: theme.DocumentSaveIcon(), OnTapped: p.ask}
	p.activity = widget.NewActivity()
	p.working = &widget.Label{}
	p.exportResult = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.importResult = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.goToCart = &widget.Button{Text: i18n.T(i18n.CSVTabGoToCart, nil), Icon: theme.NavigateNextIcon(), OnTapped: p.onGoToCart}
	p.leftOut = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	p.problem = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.problems = widget.NewList(p.problemCount, func() fyne.CanvasObject {
		return &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	}, p.updateProblem)
	p.problems.OnSelected = func(id widget.ListItemID) {
		p.selected = id
		p.showSelectedProblem()
	}
	p.show()

	top := section(i18n.T(i18n.CSVTabTitle, nil),
		para(i18n.T(i18n.CSVTabImportHint, nil)), container.NewHBox(p.importButton),
		para(i18n.T(i18n.CSVTabExportHint, nil)), container.NewHBox(p.exportButton),
		container.NewHBox(p.activity, p.working), p.exportResult,
		p.importResult, container.NewHBox(p.goToCart), p.leftOut)
	return container.NewBorder(top, p.problem, nil, nil, p.problems)
}

// onImport asks for the file to import.
func (p *orderCSVPanel) onImport() {
	p.openDialog = dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		switch {
		case err != nil:
			p.imported = &csvImportOutcome{err: fmt.Errorf("%w: %w", app.ErrCSVUnreadable, err)}
			p.show()
		case r != nil:
			p.importFrom(r)
		}
	}, p.t.o.win)
	p.openDialog.SetFilter(csvFilter)
	labelFileDialog(p.openDialog, i18n.CSVTabOpenTitle, i18n.CSVTabOpenConfirm)
	p.openDialog.Show()
}

// importFrom puts the valid rows of the file r reads into the cart, in the background, and
// closes r. It is what the open dialog calls.
func (p *orderCSVPanel) importFrom(r fyne.URIReadCloser) {
	if p.importing {
		_ = r.Close()
		return
	}
	p.importing = true
	p.show()
	a := p.t.o.app
	inBackground(&p.t.work, func() csvImportOutcome {
		defer func() { _ = r.Close() }()
		rep, err := a.ImportCartCSV(context.Background(), r)
		if err != nil {
			log.Printf("orders: import a cart CSV: %v", err)
		}
		return csvImportOutcome{report: rep, err: err}
	}, func(out csvImportOutcome) {
		p.importing, p.imported, p.selected = false, &out, 0
		p.show()
	})
}

// ordersExport asks where to write every order as CSV and writes them there in the background:
// the Orders screen's CSV tab and Settings both export through it. changed runs on the event
// goroutine whenever exporting or exported changes.
type ordersExport struct {
	app     *app.App
	win     fyne.Window
	work    *sync.WaitGroup
	changed func()

	exporting  bool
	exported   *csvExportOutcome // the last export's; nil before the first
	saveDialog *dialog.FileDialog
}

// ask asks where to write the orders.
func (e *ordersExport) ask() {
	e.saveDialog = dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		switch {
		case err != nil:
			e.exported = &csvExportOutcome{err: fmt.Errorf("%w: %w", app.ErrCSVWrite, err)}
			e.changed()
		case w != nil:
			e.exportTo(w)
		}
	}, e.win)
	e.saveDialog.SetFilter(csvFilter)
	e.saveDialog.SetFileName("caigou-orders-" + time.Now().Format("2006-01-02") + ".csv")
	labelFileDialog(e.saveDialog, i18n.CSVTabSaveTitle, i18n.CSVTabSaveConfirm)
	e.saveDialog.Show()
}

// exportTo writes every order to w, in the background, and closes w. A file that could not be
// written whole is deleted, so no half file is taken for the export. It is what the save dialog
// calls.
func (e *ordersExport) exportTo(w fyne.URIWriteCloser) {
	if e.exporting {
		_ = w.Close()
		return
	}
	e.exporting = true
	e.changed()
	a := e.app
	inBackground(e.work, func() csvExportOutcome {
		var rows int
		err := writeWhole(w, func(out io.Writer) (err error) {
			rows, err = a.ExportOrdersCSV(context.Background(), out)
			return err
		}, func(closeErr error) error { return fmt.Errorf("%w: %w", app.ErrCSVWrite, closeErr) })
		if err != nil {
			log.Printf("orders: export the orders: %v", err)
		}
		return csvExportOutcome{rows: rows, path: shownPath(w.URI()), err: err}
	}, func(out csvExportOutcome) {
		e.exporting, e.exported = false, &out
		e.changed()
	})
}

// showResult shows the last export's outcome in l, or hides l before the first.
func (e *ordersExport) showResult(l *widget.Label) {
	out := e.exported
	switch {
	case out == nil:
		l.Hide()
	case errors.Is(out.err, app.ErrCSVWrite):
		showOutcome(l, i18n.T(i18n.CSVTabWriteFailed, nil), widget.DangerImportance)
	case out.err != nil:
		showOutcome(l, i18n.T(i18n.CSVTabExportFailed, nil), widget.DangerImportance)
	default:
		showOutcome(l, i18n.N(i18n.CSVTabExported, out.rows, map[string]any{"Path": out.path}), widget.SuccessImportance)
	}
}

func (p *orderCSVPanel) onGoToCart() { p.t.o.tabs.SelectIndex(0) }

// show sets the panel's widgets from the state.
func (p *orderCSVPanel) show() {
	if p.importButton == nil {
		return
	}
	busy := p.importing || p.exporting
	busyButton(p.importButton, p.activity, busy)
	busyButton(p.exportButton, p.activity, busy)
	p.working.SetText(i18n.T(i18n.CSVTabReading, nil))
	if p.exporting {
		p.working.SetText(i18n.T(i18n.CSVTabWriting, nil))
	}
	p.working.Hide()
	if busy {
		p.working.Show()
	}
	p.showResult(p.exportResult)
	p.showImport()
}

func (p *orderCSVPanel) showImport() {
	out := p.imported
	p.goToCart.Hide()
	p.leftOut.Hide()
	p.problems.Hide()
	p.problem.Hide()
	switch {
	case out == nil:
		p.importResult.Hide()
		return
	case out.err != nil:
		showOutcome(p.importResult, app.ExplainCSVError(out.err), widget.DangerImportance)
		return
	}
	showOutcome(p.importResult, i18n.N(i18n.CSVTabAdded, out.report.Added, nil), widget.SuccessImportance)
	if out.report.Added > 0 {
		p.goToCart.Show()
	}
	if n := len(out.report.Problems); n > 0 {
		p.leftOut.SetText(i18n.N(i18n.CSVTabLeftOut, n, nil))
		p.leftOut.Show()
		p.problems.Show()
		p.problems.Refresh()
		p.selected = min(p.selected, n-1)
		p.problems.Select(p.selected) // fires OnSelected only when the row was not selected already
		p.showSelectedProblem()
	}
}

func (p *orderCSVPanel) problemCount() int {
	if p.imported == nil {
		return 0
	}
	return len(p.imported.report.Problems)
}

func (p *orderCSVPanel) updateProblem(id widget.ListItemID, o fyne.CanvasObject) {
	text := ""
	if id < p.problemCount() {
		text = app.ExplainCSVProblem(p.imported.report.Problems[id])
	}
	o.(*widget.Label).SetText(text)
}

// showSelectedProblem shows the whole explanation of the selected row, which its line in the
// list may cut short.
func (p *orderCSVPanel) showSelectedProblem() {
	if p.selected >= p.problemCount() {
		p.problem.Hide()
		return
	}
	p.problem.SetText(app.ExplainCSVProblem(p.imported.report.Problems[p.selected]))
	p.problem.Show()
}
