package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// emptyState is what a screen shows while it has nothing to show: an icon, a heading, a sentence
// that says why and what to do, and the button that does it (action may be nil).
func emptyState(icon fyne.Resource, title, body string, action *widget.Button) fyne.CanvasObject {
	iconView := widget.NewIcon(icon)
	heading := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	text := &widget.Label{Text: body, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	items := []fyne.CanvasObject{container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(theme.IconInlineSize()*3), iconView)), heading, text}
	if action != nil {
		items = append(items, container.NewCenter(action))
	}
	column := container.NewVBox(items...)
	return container.NewCenter(container.New(&maxWidthLayout{width: 520}, column))
}

// maxWidthLayout gives its objects a fixed width, so wrapped text in a centred column has room
// to wrap instead of collapsing to one word a line.
type maxWidthLayout struct{ width float32 }

func (l *maxWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		o.Resize(fyne.NewSize(l.width, o.MinSize().Height))
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

func (l *maxWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// emptyText is the heading and the sentence of an empty state, already translated.
type emptyText struct{ title, body string }

// keyGatedState is the empty state of a screen that needs a 1688 key: without one it says so and
// offers startSetup; with one it shows withKey. A database that cannot be read gets its own state.
func keyGatedState(a *app.App, icon fyne.Resource, startSetup *widget.Button, noKey, withKey emptyText) fyne.CanvasObject {
	hasKey, err := a.HasKey(context.Background())
	switch {
	case err != nil:
		return emptyState(theme.ErrorIcon(), i18n.T(i18n.ReadFailedTitle, nil), i18n.T(i18n.ReadFailedBody, nil), nil)
	case !hasKey:
		return emptyState(icon, noKey.title, noKey.body, startSetup)
	default:
		return emptyState(icon, withKey.title, withKey.body, nil)
	}
}

// startSetupButton is the one way every empty state leads to the key setup.
func startSetupButton(onTapped func()) *widget.Button {
	return &widget.Button{Text: i18n.T(i18n.StartSetup, nil), Icon: theme.NavigateNextIcon(), Importance: widget.HighImportance, OnTapped: onTapped}
}
