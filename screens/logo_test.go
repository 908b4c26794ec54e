package screens

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLogoIsASquarePNGOfTheNamesColourWithLetters(t *testing.T) {
	test.NewTempApp(t)
	dir := filepath.Join(t.TempDir(), "not yet made")

	for _, name := range []string{"义乌小商品贸易有限公司", "ООО «Ромашка»", "Acme Trading"} {
		t.Run(name, func(t *testing.T) {
			path, err := saveLogo(dir, renderLogo(name))
			require.NoError(t, err)
			assert.Equal(t, filepath.Join(dir, "logo.png"), path)
			img := decodePNG(t, path)

			assert.Equal(t, image.Rect(0, 0, logoSide, logoSide), img.Bounds())
			corner := color.NRGBAModel.Convert(img.At(0, 0)).(color.NRGBA)
			assert.Equal(t, logoColor(name), corner, "the background is the name's colour")
			assert.Greater(t, countNear(img, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}), 2000, "the letters are drawn in white")
		})
	}
	leftovers, err := filepath.Glob(filepath.Join(dir, "*.tmp"))
	require.NoError(t, err)
	assert.Empty(t, leftovers, "no temporary file is left behind")
}

func TestLogoColourAndInitialsFollowTheName(t *testing.T) {
	assert.NotEqual(t, logoColor("Acme Trading"), logoColor("Beta Imports"))
	assert.Equal(t, logoColor("Acme Trading"), logoColor("Acme Trading"), "the same name gets the same logo")

	cases := map[string]string{
		"义乌小商品贸易有限公司":    "义乌",
		"ООО «Ромашка»":  "ОР",
		"acme trading":   "AT",
		"Acme":           "A",
		"  (Best) shop ": "BS",
		"广":              "广",
		"...":            "",
	}
	for name, want := range cases {
		assert.Equal(t, want, logoInitials(name), name)
	}
}

func TestLogoNotSavedWhereNoFolderCanBeMade(t *testing.T) {
	test.NewTempApp(t)
	file := filepath.Join(t.TempDir(), "a file")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	_, err := saveLogo(filepath.Join(file, "data"), renderLogo("Acme"))
	assert.Error(t, err)
}

func TestFolderURL(t *testing.T) {
	assert.Equal(t, "file:///home/li/caigou%20data", folderURL("/home/li/caigou data"))
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err, "the logo is a PNG")
	return img
}

// countNear counts the pixels of img within a small distance of c.
func countNear(img image.Image, c color.NRGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if near(p.R, c.R) && near(p.G, c.G) && near(p.B, c.B) && near(p.A, c.A) {
				n++
			}
		}
	}
	return n
}

func near(a, b uint8) bool { return max(a, b)-min(a, b) <= 8 }
