package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type testAccountPage struct{ s *wizardScreen }

func newTestAccountPage(s *wizardScreen) stepPage { return &testAccountPage{s: s} }

func (p *testAccountPage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
