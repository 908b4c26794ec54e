package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caigou/storage"
)

// BenchmarkTrackingScreenOpen builds Tracking over 100 000 orders and lays it out in the test
// window, so the list reads its first page and fills the rows on screen (DESIGN §8: ≤ 100 ms).
func BenchmarkTrackingScreenOpen(b *testing.B) {
	h := newTrackingHarness(b, 100_000)
	h.open()
	rows := 0
	for b.Loop() {
		content := h.s.build()
		update := h.s.rows.UpdateItem
		h.s.rows.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { rows++; update(i, o) }
		h.win.SetContent(content)
		walk(content, func(fyne.CanvasObject) {}) // renders every widget shown, the list's rows too
	}
	if rows == 0 {
		b.Fatal("no row was rendered")
	}
	b.ReportMetric(float64(rows)/float64(b.N), "rows/op")
}

// BenchmarkTrackingScreenFilter changes the bucket, then the search, over 100 000 orders, with
// the list on screen (DESIGN §8: ≤ 30 ms each).
func BenchmarkTrackingScreenFilter(b *testing.B) {
	h := newTrackingHarness(b, 100_000)
	h.open()
	i := 0
	for b.Loop() {
		i++
		if i%2 == 0 {
			test.Tap(h.chip(storage.BucketInTransit))
			h.s.search.SetText("保温杯")
		} else {
			test.Tap(h.chip(""))
			h.s.search.SetText("")
		}
		h.s.onSearchNow()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/2000, "ms/change")
}
