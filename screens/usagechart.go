package screens

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/storage"
)

// usageChart draws a key's days: products as bars on the left scale, API calls as a line on the
// right scale, with a date under every fifth day. Pointing at a day or tapping it selects it and
// hands its index to onDay, so the screen can show the day's numbers.
type usageChart struct {
	widget.BaseWidget
	days     []storage.DayUsage
	selected int // the day whose numbers are shown; -1 for none
	onDay    func(i int)
}

var (
	_ fyne.Tappable     = (*usageChart)(nil)
	_ desktop.Hoverable = (*usageChart)(nil)
)

// chartLabelEvery is how many days apart the dates under the chart are.
const chartLabelEvery = 5

func newUsageChart(onDay func(i int)) *usageChart {
	c := &usageChart{selected: -1, onDay: onDay}
	c.ExtendBaseWidget(c)
	return c
}

// setDays shows days, oldest first, with the last one (today) selected.
func (c *usageChart) setDays(days []storage.DayUsage) {
	c.days = days
	c.selected = len(days) - 1
	c.Refresh()
}

// Tapped selects the day under the tap.
func (c *usageChart) Tapped(e *fyne.PointEvent) { c.pick(e.Position) }

// MouseIn selects the day under the pointer.
func (c *usageChart) MouseIn(e *desktop.MouseEvent) { c.pick(e.Position) }

// MouseMoved selects the day under the pointer.
func (c *usageChart) MouseMoved(e *desktop.MouseEvent) { c.pick(e.Position) }

// MouseOut keeps the last day pointed at, so its numbers stay readable.
func (c *usageChart) MouseOut() {}

func (c *usageChart) pick(pos fyne.Position) {
	i := c.dayAt(pos)
	if i < 0 {
		return
	}
	if i != c.selected {
		c.selected = i
		c.Refresh()
	}
	if c.onDay != nil {
		c.onDay(i)
	}
}

// dayAt is the index of the day whose column holds pos, or -1 outside the plot.
func (c *usageChart) dayAt(pos fyne.Position) int {
	if len(c.days) == 0 {
		return -1
	}
	plot := c.plot(c.Size())
	if pos.X < plot.x || pos.X >= plot.x+plot.w || plot.w <= 0 {
		return -1
	}
	return min(int((pos.X-plot.x)/(plot.w/float32(len(c.days)))), len(c.days)-1)
}

// chartScales are the tops of the two scales: round numbers at or above the highest day.
func (c *usageChart) scales() (products, calls int) {
	for _, d := range c.days {
		products, calls = max(products, d.Products), max(calls, d.Calls)
	}
	return roundUp(products), roundUp(calls)
}

// roundUp is the smallest of 1, 2, 5, 10, 20, 50… at or above n.
func roundUp(n int) int {
	for step := 1; ; step *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*step >= n {
				return m * step
			}
		}
	}
}

// plotArea is where the bars go inside the widget: room is left for the scales' numbers on
// both sides and for the dates below.
type plotArea struct{ x, y, w, h float32 }

func (c *usageChart) plot(size fyne.Size) plotArea {
	products, calls := c.scales()
	textSize := theme.CaptionTextSize()
	pad := theme.Padding()
	left := fyne.MeasureText(strconv.Itoa(products), textSize, fyne.TextStyle{}).Width + 2*pad
	right := fyne.MeasureText(strconv.Itoa(calls), textSize, fyne.TextStyle{}).Width + 2*pad
	bottom := fyne.MeasureText("0", textSize, fyne.TextStyle{}).Height + pad
	top := bottom / 2 // half a line, so the scales' top numbers are not cut
	return plotArea{x: left, y: top, w: size.Width - left - right, h: size.Height - top - bottom}
}

// MinSize leaves room for thirty readable columns.
func (c *usageChart) MinSize() fyne.Size { return fyne.NewSize(400, 160) }

// CreateRenderer draws the chart with canvas objects only.
func (c *usageChart) CreateRenderer() fyne.WidgetRenderer {
	r := &usageChartRenderer{chart: c}
	r.Refresh()
	return r
}

// chartProductsColor and chartCallsColor are the colours of the two series, shared with the
// legend.
func chartProductsColor() color.Color { return theme.Color(theme.ColorNamePrimary) }

func chartCallsColor() color.Color { return theme.Color(theme.ColorNameSuccess) }

type usageChartRenderer struct {
	chart     *usageChart
	highlight *canvas.Rectangle
	axis      *canvas.Line
	bars      []*canvas.Rectangle
	lines     []*canvas.Line
	dates     []*canvas.Text
	scale     [3]*canvas.Text // left top, left zero, right top
	objects   []fyne.CanvasObject
}

func (r *usageChartRenderer) Destroy() {}

func (r *usageChartRenderer) MinSize() fyne.Size { return r.chart.MinSize() }

func (r *usageChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh rebuilds the objects from the chart's days and the theme's colours.
func (r *usageChartRenderer) Refresh() {
	days := r.chart.days
	fg := theme.Color(theme.ColorNameForeground)
	textSize := theme.CaptionTextSize()
	r.highlight = &canvas.Rectangle{FillColor: theme.Color(theme.ColorNameHover)}
	r.axis = &canvas.Line{StrokeColor: theme.Color(theme.ColorNameSeparator), StrokeWidth: 1}
	r.objects = []fyne.CanvasObject{r.highlight, r.axis}
	r.bars = make([]*canvas.Rectangle, len(days))
	for i := range days {
		r.bars[i] = &canvas.Rectangle{FillColor: chartProductsColor()}
		r.objects = append(r.objects, r.bars[i])
	}
	r.lines = make([]*canvas.Line, max(len(days)-1, 0))
	for i := range r.lines {
		r.lines[i] = &canvas.Line{StrokeColor: chartCallsColor(), StrokeWidth: 2}
		r.objects = append(r.objects, r.lines[i])
	}
	r.dates = r.dates[:0]
	for i := range days {
		if (len(days)-1-i)%chartLabelEvery == 0 && len(days[i].Day) == len("2006-01-02") {
			t := &canvas.Text{Text: days[i].Day[5:], Color: fg, TextSize: textSize, Alignment: fyne.TextAlignCenter}
			r.dates = append(r.dates, t)
			r.objects = append(r.objects, t)
		}
	}
	products, calls := r.chart.scales()
	for i, n := range []int{products, 0, calls} {
		r.scale[i] = &canvas.Text{Text: strconv.Itoa(n), Color: fg, TextSize: textSize}
		r.objects = append(r.objects, r.scale[i])
	}
	r.scale[2].Color = chartCallsColor()
	r.highlight.Hidden = r.chart.selected < 0 || r.chart.selected >= len(days)
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// Layout places the bars, the line, the dates and the scales inside size.
func (r *usageChartRenderer) Layout(size fyne.Size) {
	days := r.chart.days
	p := r.chart.plot(size)
	if len(days) == 0 || p.w <= 0 || p.h <= 0 {
		return
	}
	products, calls := r.chart.scales()
	col := p.w / float32(len(days))
	bottom := p.y + p.h
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(p.x, bottom), fyne.NewPos(p.x+p.w, bottom)
	if s := r.chart.selected; s >= 0 && s < len(days) {
		r.highlight.Move(fyne.NewPos(p.x+col*float32(s), p.y))
		r.highlight.Resize(fyne.NewSize(col, p.h))
	}
	callY := func(i int) float32 { return bottom - p.h*float32(days[i].Calls)/float32(calls) }
	for i, d := range days {
		h := p.h * float32(d.Products) / float32(products)
		r.bars[i].Move(fyne.NewPos(p.x+col*float32(i)+col*0.2, bottom-h))
		r.bars[i].Resize(fyne.NewSize(col*0.6, h))
		if i > 0 {
			r.lines[i-1].Position1 = fyne.NewPos(p.x+col*(float32(i)-0.5), callY(i-1))
			r.lines[i-1].Position2 = fyne.NewPos(p.x+col*(float32(i)+0.5), callY(i))
		}
	}
	dateSize := fyne.MeasureText("00-00", theme.CaptionTextSize(), fyne.TextStyle{})
	for j, t := range r.dates {
		i := len(days) - 1 - chartLabelEvery*(len(r.dates)-1-j)
		t.Move(fyne.NewPos(p.x+col*(float32(i)+0.5)-dateSize.Width/2, bottom+1))
		t.Resize(dateSize)
	}
	textH := dateSize.Height
	pad := theme.Padding()
	r.scale[0].Move(fyne.NewPos(pad, p.y-textH/2))
	r.scale[1].Move(fyne.NewPos(pad, bottom-textH/2))
	r.scale[2].Move(fyne.NewPos(p.x+p.w+pad, p.y-textH/2))
}
