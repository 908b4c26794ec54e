// Command barewindow shows an empty Fyne window. The start-up benchmark measures it beside
// caigou in the same run, so the budget is a ratio to what Fyne alone costs on that machine.
package main

import (
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("app.caigou.barewindow")
	w := a.NewWindow("bare")
	w.SetContent(widget.NewLabel(""))
	w.ShowAndRun()
}
