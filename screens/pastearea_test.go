package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
)

func TestPasteAreaEnterSubmitsAndShiftEnterStartsALine(t *testing.T) {
	test.NewTempApp(t)
	p := newPasteArea("", "")
	w := test.NewTempWindow(t, p)
	w.Canvas().Focus(p)
	var submitted []string
	p.OnSubmitted = func(s string) { submitted = append(submitted, s) }

	test.Type(p, "624281887788")
	p.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	test.Type(p, "624281887799")
	assert.Equal(t, "624281887788\n624281887799", p.Text, "Shift+Enter starts a new line")
	assert.Empty(t, submitted)

	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assert.Equal(t, []string{"624281887788\n624281887799"}, submitted, "Enter submits")
	assert.Equal(t, "624281887788\n624281887799", p.Text, "and types nothing")
	assert.False(t, p.AcceptsTab(), "Tab moves on")
}
