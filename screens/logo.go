package screens

import (
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
)

// The plain logo caigou makes for a company that has none: 应用图标 on the order form wants a
// square picture, and many small buyers have no logo at hand.

const (
	// logoSide is the logo's width and height in pixels, enough for any size the console shows.
	logoSide = 512
	// logoFile is the logo's name in the data folder; a new logo replaces the last one.
	logoFile = "logo.png"
)

// renderLogo draws the logo of a company: the first one or two characters of its name in
// white, centred on a colour picked from the name. It uses Fyne's software painter, so it needs
// no window, and Fyne's font fallback draws Chinese from the system fonts. It must run on the
// event goroutine, as the painter shares Fyne's caches.
func renderLogo(name string) image.Image {
	initials := logoInitials(name)
	size := float32(280)
	if len([]rune(initials)) > 1 {
		size = 200
	}
	bg := canvas.NewRectangle(logoColor(name))
	bg.SetMinSize(fyne.NewSquareSize(logoSide))
	text := &canvas.Text{Text: initials, Color: color.White, TextSize: size, TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter}

	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetContent(container.NewStack(bg, container.NewCenter(text)))
	c.Resize(fyne.NewSquareSize(logoSide))
	return c.Capture()
}

// logoInitials are what the logo shows: the first two characters of a Chinese name (its usual
// short form, as Chinese names have no spaces), or the initials of the first two words of a
// Latin or Cyrillic one, in capitals. Punctuation such as «» or () is passed over.
func logoInitials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return ""
	}
	first := []rune(words[0])
	if unicode.Is(unicode.Han, first[0]) {
		var han []rune
		for _, r := range first {
			if !unicode.Is(unicode.Han, r) || len(han) == 2 {
				break
			}
			han = append(han, r)
		}
		return string(han)
	}
	initials := []rune{unicode.ToUpper(first[0])}
	if len(words) > 1 {
		if second := []rune(words[1])[0]; !unicode.Is(unicode.Han, second) {
			initials = append(initials, unicode.ToUpper(second))
		}
	}
	return string(initials)
}

// logoColor picks the logo's background from a hash of the name: any hue, with a saturation and
// a lightness dark enough for white letters to read well.
func logoColor(name string) color.NRGBA {
	h := fnv.New32a()
	_, _ = h.Write([]byte(name))
	hue := float64(h.Sum32()%3600) / 10
	return hslColor(hue, 0.55, 0.40)
}

// hslColor converts a hue in degrees, a saturation and a lightness (0 to 1) to a colour.
func hslColor(hue, sat, light float64) color.NRGBA {
	chroma := (1 - math.Abs(2*light-1)) * sat
	x := chroma * (1 - math.Abs(math.Mod(hue/60, 2)-1))
	var r, g, b float64
	switch {
	case hue < 60:
		r, g = chroma, x
	case hue < 120:
		r, g = x, chroma
	case hue < 180:
		g, b = chroma, x
	case hue < 240:
		g, b = x, chroma
	case hue < 300:
		r, b = x, chroma
	default:
		r, b = chroma, x
	}
	m := light - chroma/2
	channel := func(v float64) uint8 { return uint8(math.Round((v + m) * 255)) }
	return color.NRGBA{R: channel(r), G: channel(g), B: channel(b), A: 0xff}
}

// saveLogo writes img as logo.png in dir, creating dir if it is missing. It writes a temporary
// file first and renames it, so a failed write never leaves half a picture under the name the
// user uploads.
func saveLogo(dir string, img image.Image) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("make the data folder for the logo: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "logo-*.png.tmp")
	if err != nil {
		return "", fmt.Errorf("create the logo file: %w", err)
	}
	fail := func(what string, err error) (string, error) {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return "", fmt.Errorf("%s: %w", what, err)
	}
	if err := png.Encode(tmp, img); err != nil {
		return fail("write the logo", err)
	}
	// CreateTemp makes the file readable by the user alone; a picture to upload need not be.
	if err := tmp.Chmod(0o644); err != nil {
		return fail("make the logo readable", err)
	}
	if err := tmp.Close(); err != nil {
		return fail("write the logo", err)
	}
	path := filepath.Join(dir, logoFile)
	if err := os.Rename(tmp.Name(), path); err != nil {
		_ = os.Remove(tmp.Name())
		return "", fmt.Errorf("rename the logo file: %w", err)
	}
	return path, nil
}

// folderURL is the file:// address of a folder, which the browser package hands to the file
// manager; on Windows the drive letter follows a third slash (file:///C:/Users/…).
func folderURL(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
