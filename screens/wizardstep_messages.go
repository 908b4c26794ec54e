package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type subscribeMessagesPage struct{ s *wizardScreen }

func newSubscribeMessagesPage(s *wizardScreen) stepPage { return &subscribeMessagesPage{s: s} }

func (p *subscribeMessagesPage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
