package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type describePage struct{ s *wizardScreen }

func newDescribePage(s *wizardScreen) stepPage { return &describePage{s: s} }

func (p *describePage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
