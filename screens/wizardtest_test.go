package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/app/sim"
)

// wizardHarness drives the Setup screen of a test shell, against the simulator.
type wizardHarness struct {
	t     *testing.T
	shell *Shell
	win   fyne.Window
	app   *app.App
	s     *wizardScreen
	sim   *sim.Sim
}

// newWizardHarness shows the Setup screen over a fresh database, with the wizard pointed at a
// fresh simulator of the demo world and short timeouts, in English.
func newWizardHarness(t *testing.T) *wizardHarness {
	t.Helper()
	return newWizardHarnessIn(t, t.TempDir())
}

func newWizardHarnessIn(t *testing.T, dataDir string) *wizardHarness {
	t.Helper()
	srv, err := sim.Start(sim.Options{Seed: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = srv.Close() })
	shell, w, core := newTestShellIn(t, dataDir)
	h := &wizardHarness{t: t, shell: shell, win: w, app: core, s: shell.setup, sim: srv}
	h.s.target.gatewayURL, h.s.target.channelURL = srv.URL(), srv.ChannelURL()
	h.app.SetEndpoints(app.Endpoints{Gateway: srv.URL(), Channel: srv.ChannelURL()}) // what the shell tracks with
	h.s.openURL = func(string) error { return nil }
	// Tracking a key the wizard activates runs goroutines that Fyne's test driver lets redraw
	// beside the test; the shell's tests start it themselves.
	h.s.onKeyActivated = nil
	t.Cleanup(shell.Close)
	return h
}

// settle waits for the page's background work and its hand-over to the widgets.
func (h *wizardHarness) settle() { h.s.work.Wait() }

// content is what the window shows now.
func (h *wizardHarness) content() fyne.CanvasObject { return h.win.Content() }

// tap taps the button labelled text, failing the test when there is none or it is disabled.
func (h *wizardHarness) tap(text string) {
	h.t.Helper()
	b := findButton(h.content(), text)
	require.NotNil(h.t, b, "no button %q on step %d: %v", text, h.s.step+1, visibleTexts(h.content()))
	require.False(h.t, b.Disabled(), "button %q is disabled", text)
	test.Tap(b)
	h.settle()
}

// tick ticks the check box whose label starts with prefix.
func (h *wizardHarness) tick(prefix string) {
	h.t.Helper()
	var found *widget.Check
	walk(h.content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, prefix) && found == nil {
			found = c
		}
	})
	require.NotNil(h.t, found, "no check box %q on step %d", prefix, h.s.step+1)
	test.Tap(found)
	h.settle()
}

// entries are the page's text entries in the order they appear.
func (h *wizardHarness) entries() []*widget.Entry {
	var found []*widget.Entry
	walk(h.content(), func(o fyne.CanvasObject) {
		switch e := o.(type) {
		case *widget.Entry:
			found = append(found, e)
		case *textArea:
			found = append(found, &e.Entry)
		}
	})
	return found
}

// typeInto types text into the i-th entry of the page, after emptying it.
func (h *wizardHarness) typeInto(i int, text string) {
	h.t.Helper()
	es := h.entries()
	require.Greater(h.t, len(es), i, "step %d has %d entries", h.s.step+1, len(es))
	es[i].SetText("")
	test.Type(es[i], text)
}

// shows reports whether some visible text of the window contains part.
func (h *wizardHarness) shows(part string) bool {
	for _, s := range visibleTexts(h.content()) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// stepID is the step the wizard shows.
func (h *wizardHarness) stepID() app.StepID { return app.WizardSteps[h.s.step].ID }

// pushTestMessage sends one MOCK push to the demo key, as the console's 去测试 does, once no
// earlier check's connection is left: a push sent to a closing connection comes again only after
// the confirm timeout, longer than the tests wait.
func (h *wizardHarness) pushTestMessage() {
	h.t.Helper()
	ch := h.sim.Channel()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	require.NoError(h.t, ch.Wait(ctx, func(st sim.ChannelStats) bool { return st.Connections == 0 }))
	_, err := ch.PushMock(sim.DemoAppKey, sim.Message{UserInfo: sim.DemoBuyer})
	require.NoError(h.t, err)
}
