package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PLACEHOLDER: replaced by the real page.
type channelPage struct{ s *wizardScreen }

func newChannelPage(s *wizardScreen) stepPage { return &channelPage{s: s} }

func (p *channelPage) build() fyne.CanvasObject { return widget.NewLabel("placeholder") }
