package screens

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/apptest"
	"caigou/app/open1688"
	"caigou/app/sim"
	"caigou/i18n"
)

// newRecordHarness shows the Orders screen with the demo key active against the simulator.
func newRecordHarness(t *testing.T) (*wizardHarness, *recordTab) {
	t.Helper()
	h := newWizardHarness(t)
	apptest.ActivateDemoKey(t, h.app)
	h.shell.Navigate(pageOrders)
	h.shell.orders.tabs.SelectIndex(1)
	tab := h.shell.orders.record
	t.Cleanup(func() { tab.work.Wait(); h.shell.orders.suppliers.work.Wait() })
	return h, tab
}

// recordByID types id into the id field and submits it as Enter does, then waits for the
// answer. (Entry.TypedKey would go on redrawing the entry on this goroutine after submitting,
// while the answer is shown on another: a race only a test has.)
func recordByID(tab *recordTab, id string) {
	tab.idEntry.SetText("")
	test.Type(tab.idEntry, id)
	tab.idEntry.OnSubmitted(tab.idEntry.Text)
	tab.work.Wait()
}

func TestRecordTabRecordsAnOrderPlacedOnTheWebsite(t *testing.T) {
	h, tab := newRecordHarness(t)
	web := h.sim.Orders()[0]
	id := strconv.FormatInt(web.ID, 10)

	test.Type(tab.idEntry, id)
	h.tap(i18n.T(i18n.RecordButton, nil))
	tab.work.Wait()

	require.True(t, tab.outcome.Visible())
	want := i18n.T(i18n.RecordDone, map[string]any{
		"ID": id, "Title": web.Lines[0].Name, "Seller": "义乌小商品厂", "Status": statusName(web.Status),
	})
	assert.Equal(t, want, tab.outcome.Text)
	assert.True(t, h.shows(want))
	assert.False(t, tab.recordButton.Disabled(), "the button comes back for the next order")

	h.tap(i18n.T(i18n.RecordShowInTracking, nil))
	assert.Equal(t, pageTracking, h.shell.current)
}

func TestRecordTabExplainsARefusedOrderID(t *testing.T) {
	h, tab := newRecordHarness(t)

	recordByID(tab, "12345")
	assert.Equal(t, i18n.T(i18n.OrderErrOrderID, nil), tab.outcome.Text)
	assert.True(t, h.shows(i18n.T(i18n.OrderErrOrderIDNext, nil)))
	assert.False(t, h.shows(i18n.T(i18n.RecordShowInTracking, nil)))

	recordByID(tab, "99999999999999999")
	notFound, _ := app.ExplainOrderError(&open1688.Error{Kind: open1688.KindNotFound})
	assert.Equal(t, notFound, tab.outcome.Text, "1688's not-found, explained")

	// A language switch rebuilds the tab from its state: the same outcome, now in Russian.
	recordByID(tab, "12345")
	require.NoError(t, i18n.SetLanguage("ru"))
	h.shell.Rebuild()
	h.shell.orders.tabs.SelectIndex(1)
	assert.Equal(t, "12345", h.shell.orders.record.idEntry.Text)
	ru := h.shell.orders.record.outcome.Text
	assert.Equal(t, i18n.T(i18n.OrderErrOrderID, nil), ru)
	assert.Regexp(t, "[А-Яа-я]", ru)
}

// seedSimOrders adds n website orders of the demo seller, one a minute back from now.
func seedSimOrders(t *testing.T, srv *sim.Sim, n int) {
	t.Helper()
	for i := range n {
		_, err := srv.AddOrder(sim.Order{
			BuyerMemberID: sim.DemoBuyer, SellerMemberID: sim.DemoSeller, ShippingFeeFen: 800,
			Created: time.Now().Add(-time.Duration(i+1) * time.Minute),
			Lines:   []sim.OrderLine{{OfferID: sim.DemoSingleOfferID, Name: "一次性手套 100只装", Quantity: 10, PriceFen: 399}},
		})
		require.NoError(t, err)
	}
}

func TestRecordTabImportsRecentOrdersPageByPage(t *testing.T) {
	h, tab := newRecordHarness(t)
	seedSimOrders(t, h.sim, 115) // with the demo world's 5: 120 orders, 3 pages
	p := tab.imports
	assert.Equal(t, i18n.T(i18n.ImportPeriod30, nil), p.periodSelect.Selected)

	h.tap(i18n.T(i18n.ImportButton, nil))
	tab.work.Wait()

	assert.Equal(t, 120.0, p.bar.Max)
	assert.Equal(t, 120.0, p.bar.Value, "the progress reaches the total")
	assert.Equal(t, "120 of 120 orders", p.progressText())
	assert.Equal(t, "120 orders read, 120 new.", p.outcome.Text)
	assert.False(t, p.cancelButton.Visible())
	assert.False(t, p.button.Disabled())

	h.shell.orders.tabs.SelectIndex(2)
	h.shell.orders.suppliers.work.Wait()
	assert.True(t, h.shows("义乌小商品厂"), "the suppliers list follows the import")
}

func TestRecordTabImportStopsWhenTheCallsAreUsedUp(t *testing.T) {
	h, tab := newRecordHarness(t)
	seedSimOrders(t, h.sim, 115)
	const listAPI = "alibaba.trade.getBuyerOrderList"
	h.sim.Inject(listAPI, sim.Failure{Kind: sim.NoFailure, Count: 1})
	h.sim.Inject(listAPI, sim.Failure{Kind: sim.RateLimit, Code: "gw.NoUsageLeftError", Message: "SLA bill has no usage left", Count: 1})

	h.tap(i18n.T(i18n.ImportButton, nil))
	tab.work.Wait()

	p := tab.imports
	require.ErrorIs(t, p.err, app.ErrImportStopped)
	explanation, next := app.ExplainOrderError(p.err)
	assert.Equal(t, explanation+"\n"+"50 orders read, 50 new.", p.outcome.Text)
	assert.Equal(t, next, p.next.Text)
	assert.Equal(t, 50.0, p.bar.Value)
}

func TestRecordTabImportTexts(t *testing.T) {
	resetLanguage(t)
	p := &orderImportPanel{finished: true, report: app.ImportReport{Orders: 50, New: 3}, err: context.Canceled}
	text, _, _ := p.outcomeTexts()
	assert.Equal(t, "Import cancelled after 50 orders (3 new). What was imported is kept.", text)

	require.NoError(t, i18n.SetLanguage("ru"))
	for n, want := range map[int]string{
		1:   "Прочитан 1 заказ, новых: 1.",
		3:   "Прочитано 3 заказа, новых: 1.",
		5:   "Прочитано 5 заказов, новых: 1.",
		21:  "Прочитан 21 заказ, новых: 1.",
		120: "Прочитано 120 заказов, новых: 1.",
	} {
		assert.Equal(t, want, i18n.N(i18n.ImportSummary, n, map[string]any{"New": 1}))
	}
}

func TestRecordTabImportsACSVIntoTheCart(t *testing.T) {
	h, tab := newRecordHarness(t)
	path := filepath.Join(t.TempDir(), "cart.csv")
	content := "624281887788,b266e0726506185beaf205cbae88530d,2,для магазина\n" +
		"624281887799,,ten,\n" +
		"624281887799,,10,手套\n"
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	r, err := storage.Reader(storage.NewFileURI(path))
	require.NoError(t, err)

	tab.csv.importFrom(r)
	tab.work.Wait()

	cart, err := h.app.Cart(context.Background())
	require.NoError(t, err)
	assert.Len(t, cart, 2, "the good lines are in the cart")
	assert.Equal(t, "2 lines added to the cart.", tab.csv.importResult.Text)
	assert.Equal(t, "1 line left out:", tab.csv.leftOut.Text)
	problem := app.ExplainCSVProblem(tab.csv.imported.report.Problems[0])
	assert.True(t, strings.HasPrefix(problem, "Line 2: "), problem)
	assert.True(t, h.shows(problem), "the bad line is listed with its number and reason")

	h.tap(i18n.T(i18n.CSVTabGoToCart, nil))
	assert.Equal(t, 0, h.shell.orders.tabs.SelectedIndex())
}

func TestRecordTabExportsOrdersToCSV(t *testing.T) {
	h, tab := newRecordHarness(t)
	for _, o := range h.sim.Orders()[:2] {
		recordByID(tab, strconv.FormatInt(o.ID, 10))
	}
	path := filepath.Join(t.TempDir(), "orders.csv")
	w, err := storage.Writer(storage.NewFileURI(path))
	require.NoError(t, err)

	tab.csv.exportTo(w)
	tab.work.Wait()

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "\xEF\xBB\xBF"), "a UTF-8 BOM for Excel")
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	assert.Len(t, lines, 3, "a header and a row per order line")
	assert.Equal(t, "2 rows written to "+path, tab.csv.exportResult.Text)
	assert.True(t, h.shows(tab.csv.exportResult.Text))
}

// fullDisk is a file that cannot take a byte.
type fullDisk struct{ uri fyne.URI }

func (f fullDisk) Write([]byte) (int, error) { return 0, syscall.ENOSPC }
func (f fullDisk) Close() error              { return nil }
func (f fullDisk) URI() fyne.URI             { return f.uri }

func TestRecordTabExplainsAFailedExport(t *testing.T) {
	_, tab := newRecordHarness(t)
	tab.csv.exportTo(fullDisk{storage.NewFileURI(filepath.Join(t.TempDir(), "orders.csv"))})
	tab.work.Wait()
	assert.Equal(t, i18n.T(i18n.CSVTabWriteFailed, nil), tab.csv.exportResult.Text)
	assert.False(t, tab.csv.exportButton.Disabled(), "the user can try again")
}

func TestSuppliersTabListsTheSellersBoughtFrom(t *testing.T) {
	h, tab := newRecordHarness(t)
	suppliers := h.shell.orders.suppliers
	h.shell.orders.tabs.SelectIndex(2) // reads the suppliers
	suppliers.work.Wait()
	assert.True(t, h.shows(i18n.T(i18n.SuppliersEmptyTitle, nil)))

	web := h.sim.Orders()[0]
	recordByID(tab, strconv.FormatInt(web.ID, 10)) // its wait covers the suppliers read it asks for

	h.shell.orders.tabs.SelectIndex(2)
	suppliers.work.Wait()
	assert.True(t, h.shows("义乌小商品厂"))
	assert.True(t, h.shows(i18n.Yuan(web.TotalFen())))
	assert.False(t, h.shows(i18n.T(i18n.SuppliersEmptyTitle, nil)))

	h.tap(i18n.T(i18n.SuppliersRefresh, nil))
	suppliers.work.Wait()
	assert.False(t, suppliers.refresh.Disabled())
	assert.Len(t, suppliers.rows, 1)
}
