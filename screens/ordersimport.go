package screens

import (
	"context"
	"errors"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"caigou/app"
	"caigou/i18n"
)

// importPeriods are the periods the import offers, the days back from now.
var importPeriods = []struct {
	days  int
	label *goi18n.Message
}{
	{7, i18n.ImportPeriod7},
	{30, i18n.ImportPeriod30},
	{90, i18n.ImportPeriod90},
}

// defaultImportPeriod is last 30 days: a month of orders is a few pages.
const defaultImportPeriod = 1

// orderImportPanel imports the account's recent orders, page by page, with a progress bar and
// a Cancel button; what was imported before a cancel or the day's budget stop is kept.
type orderImportPanel struct {
	t *recordTab

	period      int // index into importPeriods
	running     bool
	cancel      context.CancelFunc // ends the running import; nil when none runs
	done, total int                // orders read, and in all, so far
	finished    bool               // an import ended: report and err say how
	report      app.ImportReport
	err         error

	periodSelect *widget.Select
	button       *widget.Button
	cancelButton *widget.Button
	bar          *widget.ProgressBar
	outcome      *widget.Label
	next         *widget.Label
}

func (p *orderImportPanel) build() fyne.CanvasObject {
	labels := make([]string, len(importPeriods))
	for i, period := range importPeriods {
		labels[i] = i18n.T(period.label, nil)
	}
	p.periodSelect = widget.NewSelect(labels, nil)
	p.periodSelect.SetSelectedIndex(p.period) // before OnChanged: setting it fires that
	p.periodSelect.OnChanged = func(string) { p.period = p.periodSelect.SelectedIndex() }
	p.button = &widget.Button{Text: i18n.T(i18n.ImportButton, nil), Icon: theme.DownloadIcon(), OnTapped: p.onImport}
	p.cancelButton = &widget.Button{Text: i18n.T(i18n.ImportCancel, nil), Icon: theme.CancelIcon(), OnTapped: p.onCancel}
	p.bar = &widget.ProgressBar{TextFormatter: p.progressText}
	p.outcome = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.next = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.show()

	choose := container.NewBorder(nil, nil, widget.NewLabel(i18n.T(i18n.ImportPeriodLabel, nil)), nil, p.periodSelect)
	run := container.NewBorder(nil, nil, p.button, p.cancelButton, p.bar)
	return section(i18n.T(i18n.ImportTitle, nil), para(i18n.T(i18n.ImportIntro, nil)), choose, run, p.outcome, p.next)
}

// onImport starts importing the orders of the chosen period.
func (p *orderImportPanel) onImport() {
	if p.running {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.running, p.cancel, p.finished, p.done, p.total = true, cancel, false, 0, 0
	p.show()
	a := p.t.o.app
	since := time.Now().AddDate(0, 0, -importPeriods[p.period].days)
	type result struct {
		report app.ImportReport
		err    error
	}
	inBackground(&p.t.work, func() result {
		rep, err := a.ImportRecentOrders(ctx, since, func(done, total int) {
			fyne.Do(func() {
				p.done, p.total = done, total
				p.showProgress()
			})
		})
		return result{rep, err}
	}, func(r result) {
		cancel()
		p.running, p.cancel, p.finished, p.report, p.err = false, nil, true, r.report, r.err
		if r.err != nil && !errors.Is(r.err, context.Canceled) {
			log.Printf("orders: import recent orders: %v", r.err)
		}
		p.show()
		p.t.o.suppliers.reload(&p.t.work)
	})
}

// onCancel stops the import after the page in flight; what was stored stays.
func (p *orderImportPanel) onCancel() {
	if p.cancel != nil {
		p.cancel()
		p.cancelButton.Disable()
	}
}

// show sets the panel's widgets from the state.
func (p *orderImportPanel) show() {
	if p.button == nil {
		return
	}
	p.periodSelect.Enable()
	p.button.Enable()
	if p.running {
		p.periodSelect.Disable()
		p.button.Disable()
	}
	p.cancelButton.Hide()
	if p.running {
		p.cancelButton.Enable()
		p.cancelButton.Show()
	}
	p.showProgress()
	p.next.Hide()
	if !p.finished {
		p.outcome.Hide()
		return
	}
	text, next, importance := p.outcomeTexts()
	showOutcome(p.outcome, text, importance)
	if next != "" {
		p.next.SetText(next)
		p.next.Show()
	}
}

// showProgress shows the bar while an import runs, and after one that read something.
func (p *orderImportPanel) showProgress() {
	if p.bar == nil {
		return
	}
	if !p.running && p.total == 0 {
		p.bar.Hide()
		return
	}
	p.bar.Max = float64(max(p.total, 1))
	p.bar.SetValue(float64(p.done))
	p.bar.Show()
}

func (p *orderImportPanel) progressText() string {
	if p.total == 0 {
		return i18n.T(i18n.ImportStarting, nil)
	}
	return i18n.N(i18n.ImportProgress, p.total, map[string]any{"Done": p.done})
}

// outcomeTexts say how the last import ended: the summary, why it stopped, and what to do next.
func (p *orderImportPanel) outcomeTexts() (text, next string, importance widget.Importance) {
	rep := p.report
	counts := map[string]any{"New": rep.New}
	summary := i18n.N(i18n.ImportSummary, rep.Orders, counts)
	switch {
	case errors.Is(p.err, context.Canceled):
		return i18n.N(i18n.ImportCancelled, rep.Orders, counts), "", widget.WarningImportance
	case p.err != nil:
		explanation, next := app.ExplainOrderError(p.err)
		if rep.Orders > 0 {
			explanation += "\n" + summary
		}
		return explanation, next, widget.DangerImportance
	case rep.Orders == 0:
		return i18n.T(i18n.ImportNothing, nil), "", widget.MediumImportance
	default:
		return summary, "", widget.SuccessImportance
	}
}
