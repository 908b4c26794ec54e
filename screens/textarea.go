package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textArea is a multi-line entry that Tab leaves, like the fields around it, instead of typing
// a tab into it: a keyboard user would otherwise be caught in it. The description a user writes
// for 1688 has no use for tabs.
type textArea struct {
	widget.Entry
}

func newTextArea(text, placeholder string, rows int) *textArea {
	t := &textArea{}
	t.MultiLine = true
	t.Wrapping = fyne.TextWrapWord
	t.Text, t.PlaceHolder = text, placeholder
	t.ExtendBaseWidget(t)
	t.SetMinRowsVisible(rows)
	return t
}

// AcceptsTab is false: Tab moves the focus on.
func (t *textArea) AcceptsTab() bool { return false }
