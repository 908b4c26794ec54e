package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// pasteArea is a multi-line entry for pasted links where Enter submits, as in a one-line entry,
// and Shift+Enter starts a new line; a paste keeps its own line breaks. Tab leaves it.
type pasteArea struct {
	widget.Entry
	shift bool
}

func newPasteArea(text, placeholder string) *pasteArea {
	p := &pasteArea{}
	p.MultiLine = true
	p.Wrapping = fyne.TextWrapBreak
	p.Text, p.PlaceHolder = text, placeholder
	p.ExtendBaseWidget(p)
	p.SetMinRowsVisible(4)
	return p
}

// AcceptsTab is false: Tab moves the focus on.
func (p *pasteArea) AcceptsTab() bool { return false }

// KeyDown notes Shift, which makes Enter a new line.
func (p *pasteArea) KeyDown(key *fyne.KeyEvent) {
	if key.Name == desktop.KeyShiftLeft || key.Name == desktop.KeyShiftRight {
		p.shift = true
	}
	p.Entry.KeyDown(key)
}

// KeyUp notes Shift's release.
func (p *pasteArea) KeyUp(key *fyne.KeyEvent) {
	if key.Name == desktop.KeyShiftLeft || key.Name == desktop.KeyShiftRight {
		p.shift = false
	}
	p.Entry.KeyUp(key)
}

// TypedKey submits on Enter, and types a new line on Shift+Enter.
func (p *pasteArea) TypedKey(key *fyne.KeyEvent) {
	if key.Name != fyne.KeyReturn && key.Name != fyne.KeyEnter {
		p.Entry.TypedKey(key)
		return
	}
	if !p.shift {
		if p.OnSubmitted != nil && !p.Disabled() {
			p.OnSubmitted(p.Text)
		}
		return
	}
	// With Shift held the Entry itself would submit; without a submit handler it types "\n".
	submit := p.OnSubmitted
	p.OnSubmitted = nil
	p.Entry.TypedKey(key)
	p.OnSubmitted = submit
}
