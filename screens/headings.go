package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heading is a screen's title line.
func heading(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
}

// section is one titled part of a screen, set off from the part above by a line.
func section(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	titleLabel := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	return container.NewVBox(append([]fyne.CanvasObject{widget.NewSeparator(), titleLabel}, content...)...)
}
