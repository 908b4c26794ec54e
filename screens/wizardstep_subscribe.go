package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type subscribePage struct{ s *wizardScreen }

func newSubscribePage(s *wizardScreen) stepPage { return &subscribePage{s: s} }

func (p *subscribePage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
