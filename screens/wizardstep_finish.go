package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type finishPage struct{ s *wizardScreen }

func newFinishPage(s *wizardScreen) stepPage { return &finishPage{s: s} }

func (p *finishPage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
