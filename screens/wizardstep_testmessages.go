package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type testMessagesPage struct{ s *wizardScreen }

func newTestMessagesPage(s *wizardScreen) stepPage { return &testMessagesPage{s: s} }

func (p *testMessagesPage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
