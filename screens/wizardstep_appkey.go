package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type appKeyPage struct{ s *wizardScreen }

func newAppKeyPage(s *wizardScreen) stepPage { return &appKeyPage{s: s} }

func (p *appKeyPage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
