package screens

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
)

// The practice walk: `make smoke` starts the real binary and walks practice mode from the first
// page to a verified demo key with the keyboard alone, through xdotool. The walk is written by
// what the user presses (testdata/practice-walk.txt); this test replays it on the test window,
// works out the Tab presses each step needs in Fyne's focus order, and checks them against the
// key strokes the smoke script sends (testdata/practice-walk.keys). After a change to a page,
// `go test ./screens -run PracticeWalk -update-walk` rewrites the key strokes.
const (
	practiceWalkPlan = "testdata/practice-walk.txt"
	practiceWalkKeys = "testdata/practice-walk.keys"
)

var updateWalk = flag.Bool("update-walk", false, "rewrite "+practiceWalkKeys)

func TestPracticeWalkVerifiesTheDemoKey(t *testing.T) {
	h := newWizardHarness(t)
	h.win.Resize(fyne.NewSize(1024, 700)) // the smoke test's window size
	keys := replayWalk(t, h)

	require.NotNil(t, h.s.target.practice, "the walk ends in practice mode")
	steps, err := h.s.wiz.Progress(context.Background())
	require.NoError(t, err)
	for _, s := range steps {
		assert.Equal(t, app.StepDone, s.State, "step %s", s.ID)
		if s.Live {
			assert.False(t, s.CheckedAt.IsZero(), "step %s was checked live", s.ID)
		}
	}
	if *updateWalk {
		require.NoError(t, os.WriteFile(practiceWalkKeys, []byte(keys), 0o644))
	}
	want, err := os.ReadFile(practiceWalkKeys)
	require.NoError(t, err)
	assert.Equal(t, string(want), keys, "the pages changed: run go test ./screens -run PracticeWalk -update-walk")
}

// replayWalk plays the walk's presses on h and returns the key strokes that do the same.
func replayWalk(t *testing.T, h *wizardHarness) string {
	file, err := os.Open(practiceWalkPlan)
	require.NoError(t, err)
	defer file.Close()
	var keys strings.Builder
	lines := bufio.NewScanner(file)
	for n := 1; lines.Scan(); n++ {
		line := strings.TrimSpace(lines.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			keys.WriteString(line + "\n")
			continue
		}
		verb, arg, _ := strings.Cut(line, " ")
		where := fmt.Sprintf("line %d (%s) on step %d", n, line, h.s.step+1)
		switch verb {
		case "press": // a button by its text, or a check box by the start of its text
			focusOn(t, h, &keys, where, func(f fyne.Focusable) bool { return labelled(f, arg) })
			f := h.win.Canvas().Focused()
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
			f.TypedRune(' ')
			keys.WriteString("space\n")
		case "fill": // the n-th field of the page (from 1), then the text typed into it
			nth, value, _ := strings.Cut(arg, " ")
			i, err := strconv.Atoi(nth)
			require.NoError(t, err, where)
			es := h.entries()
			require.GreaterOrEqual(t, len(es), i, where)
			target := es[i-1]
			focusOn(t, h, &keys, where, func(f fyne.Focusable) bool { return f == target })
			for _, r := range demoValue(t, h, value) {
				target.TypedRune(r)
			}
			keys.WriteString("type " + value + "\n")
		case "wait": // background work: the smoke script waits longer here
			keys.WriteString("wait\n")
		default:
			t.Fatalf("%s: unknown verb %q", where, verb)
		}
		h.settle()
	}
	require.NoError(t, lines.Err())
	return keys.String()
}

// focusOn presses Tab until want has the focus, and records the presses.
func focusOn(t *testing.T, h *wizardHarness, keys *strings.Builder, where string, want func(fyne.Focusable) bool) {
	c := h.win.Canvas()
	for tabs := 0; ; tabs++ {
		if f := c.Focused(); f != nil && want(f) {
			if tabs > 0 {
				fmt.Fprintf(keys, "tab %d\n", tabs)
			}
			return
		}
		require.Less(t, tabs, 200, "%s: no such widget in the focus order", where)
		if f, ok := c.Focused().(fyne.Tabbable); ok && f.AcceptsTab() {
			t.Fatalf("%s: Tab would be typed into %T instead of moving on", where, f)
		}
		c.FocusNext()
	}
}

func labelled(f fyne.Focusable, text string) bool {
	switch w := f.(type) {
	case *widget.Button:
		return w.Text == text && !w.Disabled()
	case *widget.Check:
		return strings.HasPrefix(w.Text, text)
	}
	return false
}

// demoValue resolves a typed value: $APPKEY, $APPSECRET, $TOKEN and $LOGIN are the demo key's,
// which the smoke script reads from the same constants.
func demoValue(t *testing.T, h *wizardHarness, v string) string {
	demo, ok := h.s.demo()
	require.True(t, ok, "values are typed only in practice mode")
	return strings.NewReplacer("$APPKEY", demo.AppKey, "$APPSECRET", demo.AppSecret, "$TOKEN", demo.Token, "$LOGIN", demo.LoginID).Replace(v)
}
