// Package screens is caigou's Fyne user interface: the shell with its navigation and one file per
// screen. Screens call the app core and never run SQL or build HTTP requests themselves.
package screens
