package screens

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"caigou/app"
	"caigou/app/apptest"
	"caigou/app/sim"
	"caigou/i18n"
	"caigou/storage"
	"caigou/storage/storagetest"
)

// trackingHarness is a shell whose active key is the simulator's demo key, over a database the
// test can seed, showing Tracking.
type trackingHarness struct {
	t      testing.TB
	shell  *Shell
	win    fyne.Window
	app    *app.App
	db     *storage.DB
	sim    *sim.Sim
	s      *trackingScreen
	opened []string // the addresses the screen opened in the browser
}

// newTrackingHarness seeds n orders (storagetest.SeedOrders) before the shell starts; the
// simulator's demo orders are recorded with record.
func newTrackingHarness(tb testing.TB, n int) *trackingHarness {
	tb.Helper()
	keyring.MockInit()
	srv, err := sim.Start(sim.Options{Seed: true})
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = srv.Close() })
	test.NewTempApp(tb)
	require.NoError(tb, i18n.SetLanguage("en"))
	tb.Cleanup(func() { _ = i18n.SetLanguage("en") })
	db := storagetest.OpenTemp(tb)
	if n > 0 {
		storagetest.SeedOrders(tb, db, n)
	}
	core := app.New(db, tb.TempDir())
	core.SetEndpoints(app.Endpoints{Gateway: srv.URL(), Channel: srv.ChannelURL()})
	apptest.ActivateDemoKey(tb, core)

	w := test.NewTempWindow(tb, nil)
	shell := NewShell(core, w)
	w.SetContent(shell.Build())
	w.Resize(fyne.NewSize(1024, 700))
	tb.Cleanup(shell.Close)
	h := &trackingHarness{t: tb, shell: shell, win: w, app: core, db: db, sim: srv, s: shell.track}
	h.s.openURL = func(u string) error { h.opened = append(h.opened, u); return nil }
	return h
}

// record stores the simulator's demo orders, as Orders' "Record" does, and returns their local
// ids by their status on 1688.
func (h *trackingHarness) record() map[string]int64 {
	h.t.Helper()
	ids := map[string]int64{}
	for _, o := range h.sim.Orders() {
		state, err := h.app.RecordOrder(context.Background(), strconv.FormatInt(o.ID, 10))
		require.NoError(h.t, err)
		ids[o.Status] = state.ID
	}
	return ids
}

// open shows Tracking.
func (h *trackingHarness) open() {
	h.shell.Navigate(pageTracking)
}

// settle waits for the order actions in flight and their hand-over to the widgets.
func (h *trackingHarness) settle() { h.s.work.Wait() }

// shows reports whether some visible text of the window contains part.
func (h *trackingHarness) shows(part string) bool {
	for _, s := range visibleTexts(h.win.Content()) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// tap taps the button labelled text in the window or, when one is open, the topmost dialog.
func (h *trackingHarness) tap(text string) {
	h.t.Helper()
	where := h.win.Content()
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		where = top
	}
	b := findButton(where, text)
	require.NotNil(h.t, b, "no button %q: %v", text, visibleTexts(where))
	require.False(h.t, b.Disabled(), "button %q is disabled", text)
	test.Tap(b)
	h.settle()
}

// chip is the filter button of bucket.
func (h *trackingHarness) chip(bucket string) *widget.Button { return h.s.chips[bucket] }

// rowTexts are the texts of the list's row i as shown, rendering it if needed.
func (h *trackingHarness) rowTexts(i int) []string {
	h.t.Helper()
	h.s.rows.ScrollTo(i)
	var texts []string
	walk(h.s.rows, func(o fyne.CanvasObject) {
		r, ok := o.(*orderRowItem)
		if !ok || texts != nil {
			return
		}
		row, _ := h.s.orders.Row(i)
		if r.title.Text == orderTitle(row.Title, row.AliOrderID) && strings.Contains(r.seller.Text, orderNumber(row.AliOrderID)) {
			texts = []string{r.title.Text, r.total.Text, r.seller.Text, r.date.Text, r.status.Text}
		}
	})
	require.NotNil(h.t, texts, "row %d is not shown", i)
	return texts
}

// moveOrder applies a pushed message that moves order id to status, as the tracker would, and
// hands the event the tracker sends to the screens.
func (h *trackingHarness) moveOrder(id int64, status string) {
	h.t.Helper()
	ctx := context.Background()
	v, err := h.app.Order(ctx, id)
	require.NoError(h.t, err)
	_, err = h.db.ApplyMessages(ctx, []storage.InboxMessage{{
		MsgID: "move-" + strconv.FormatInt(id, 10) + status, Type: "ORDER_BUYER_VIEW_ORDER_PAY", Source: "REAL",
		ReceivedAt: time.Now().UnixMilli(), Body: "{}",
		Orders: []storage.OrderReport{{AliOrderID: v.AliOrderID, Status: status, At: time.Now().UnixMilli(), Detail: "ORDER_BUYER_VIEW_ORDER_PAY"}},
	}})
	require.NoError(h.t, err)
	after, err := h.app.Order(ctx, id) // the tracker reports the order as the message left it
	require.NoError(h.t, err)
	h.shell.dispatch(app.OrderChanged{OrderID: id, AliOrderID: v.AliOrderID, Status: status, Bucket: after.Bucket, Moved: true})
}
