package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// A usage alert (a key's meter crossed 80 % or 95 %, or its subscription ends soon) comes once:
// the status line checks for them when tracking starts, on its tick and after orders change or
// are placed, and the shell shows each as a desktop notification and as a banner at the top of
// the window until the user closes it.

// usageBanner is an alert shown at the top of the window until the user closes it.
type usageBanner struct {
	id      int
	alert   app.UsageAlert // its texts are read when the banner is drawn, in the language of the moment
	nextKey bool           // a product alert offers to set up the next key
}

// showUsageAlerts notifies each alert and shows its banner; on the event goroutine.
func (s *Shell) showUsageAlerts(alerts []app.UsageAlert) {
	if len(alerts) == 0 {
		return
	}
	for _, a := range alerts {
		fyne.CurrentApp().SendNotification(fyne.NewNotification(a.Texts()))
		s.nextBanner++
		s.banners = append(s.banners, usageBanner{
			id: s.nextBanner, alert: a,
			nextKey: a.Kind == app.AlertProducts80 || a.Kind == app.AlertProducts95,
		})
	}
	s.showBanners()
}

// usageChanged reads the meters and checks the alerts again, off the event goroutine: after an
// order was placed.
func (s *Shell) usageChanged() { s.status.kick() }

// showBanners builds the banners afresh from their state.
func (s *Shell) showBanners() {
	if s.bannerBox == nil {
		return
	}
	s.bannerBox.RemoveAll()
	for _, b := range s.banners {
		s.bannerBox.Add(s.bannerView(b))
	}
	s.bannerBox.Hidden = len(s.banners) == 0
	s.relayout()
}

// relayout lays the window out again after the banners or the status line changed height; a
// wrapped banner knows its height only once it has its width, so the second layout is the right
// one.
func (s *Shell) relayout() {
	if s.root != nil {
		s.root.Refresh()
		s.root.Refresh()
	}
}

// bannerView is one line of text, wrapped, its title in bold warning colour, with its buttons
// on the right: kept short, so the page under it keeps its room.
func (s *Shell) bannerView(b usageBanner) fyne.CanvasObject {
	strong := widget.RichTextStyleStrong
	strong.Inline, strong.ColorName = true, theme.ColorNameWarning
	title, body := b.alert.Texts()
	text := widget.NewRichText(
		&widget.TextSegment{Text: title + " — ", Style: strong},
		&widget.TextSegment{Text: body, Style: widget.RichTextStyleInline})
	text.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox()
	if b.nextKey {
		buttons.Add(&widget.Button{Text: i18n.T(i18n.UsageSetUpNextKey, nil), Icon: theme.LoginIcon(), Importance: widget.HighImportance, OnTapped: s.SetUpNextKey})
	}
	buttons.Add(&widget.Button{Text: i18n.T(i18n.DialogClose, nil), Icon: theme.CancelIcon(), OnTapped: func() { s.dismissBanner(b.id) }})
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	line := container.NewBorder(nil, nil, container.NewCenter(icon), container.NewCenter(buttons), text)
	return container.NewVBox(line, widget.NewSeparator())
}

// dismissBanner closes banner id.
func (s *Shell) dismissBanner(id int) {
	for i, b := range s.banners {
		if b.id == id {
			s.banners = append(s.banners[:i], s.banners[i+1:]...)
			break
		}
	}
	s.showBanners()
}
