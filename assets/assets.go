// Package assets holds the resources bundled into the caigou binary.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application and window icon: the character 采 on 1688's orange.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
