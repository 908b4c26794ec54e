package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type tokenPage struct{ s *wizardScreen }

func newTokenPage(s *wizardScreen) stepPage { return &tokenPage{s: s} }

func (p *tokenPage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
