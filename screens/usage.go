package screens

import (
	"context"
	"errors"
	"image/color"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// chartDays is how many China days the chart shows.
const chartDays = 30

// usageScreen meters a key: products used of its limit, API calls today, days left of the
// subscription and of the token, with a 30-day chart; the active key first, any other on request.
type usageScreen struct {
	app            *app.App
	win            fyne.Window
	onStartSetup   func()
	onSetUpNextKey func() // starts the wizard for a new key; the old one keeps its history
	now            func() time.Time
	work           sync.WaitGroup // the reads in flight; tests wait on it

	keyID   int64     // the key shown
	view    usageView // what was read last
	loadSeq int       // the newest read; older ones are dropped
	keyIDs  map[string]int64

	startSetup *widget.Button
	keys       *widget.Select
	keysWidth  *maxWidthLayout // as wide as the longest key's label
	keysBox    *fyne.Container
	refresh    *widget.Button
	busy       *widget.ProgressBarInfinite
	problem    *widget.Label

	capBox            *fyne.Container
	capTitle, capBody *widget.Label
	nextKey           *widget.Button

	products, calls, subscription, token *usageMeter

	chart   *usageChart
	dayLine *widget.Label
}

// usageView is one read of the screen's data.
type usageView struct {
	choices []keyChoice // the keys with an AppKey, the active one first
	usage   app.KeyUsage
	days    []storage.DayUsage
	err     error
}

// keyChoice is one key of the key choice: its label there and its id.
type keyChoice struct {
	label string
	id    int64
}

func newUsageScreen(a *app.App, w fyne.Window, onStartSetup, onSetUpNextKey func()) *usageScreen {
	return &usageScreen{app: a, win: w, onStartSetup: onStartSetup, onSetUpNextKey: onSetUpNextKey, now: time.Now}
}

func (s *usageScreen) build() fyne.CanvasObject {
	active, err := s.app.ActiveKey(context.Background())
	if err != nil {
		if !errors.Is(err, app.ErrNoActiveKey) {
			log.Printf("usage: active key: %v", err)
		}
		return s.emptyState()
	}
	s.keys = &widget.Select{OnChanged: s.onKeyChosen}
	s.keysWidth = &maxWidthLayout{width: 200}
	s.keysBox = container.New(s.keysWidth, s.keys)
	s.refresh = &widget.Button{Text: i18n.T(i18n.UsageRefresh, nil), Icon: theme.ViewRefreshIcon(), OnTapped: s.reload}
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Hide()
	s.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	s.problem.Hide()
	s.capBox = s.newCapBox()

	s.products = newUsageMeter(i18n.T(i18n.UsageMeterProducts, nil), limitEditor(func(n int) error {
		return s.saved(s.app.SetProductLimit(context.Background(), s.keyID, n))
	}, s.reload))
	s.calls = newUsageMeter(i18n.T(i18n.UsageMeterCalls, nil), limitEditor(func(n int) error {
		return s.saved(s.app.SetDailyCallLimit(context.Background(), s.keyID, n))
	}, s.reload))
	s.subscription = newUsageMeter(i18n.T(i18n.UsageMeterSubscription, nil),
		newValueEditor(i18n.T(i18n.FieldValidUntil, nil), i18n.T(i18n.UntilPlaceholder, nil), false, s.onSaveEndDate, s.reload))
	s.subscription.edit.view.Hide() // until the read tells whether the end date is known
	s.token = newUsageMeter(i18n.T(i18n.UsageMeterToken, nil), nil)
	s.token.view.Hide()

	s.dayLine = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	s.chart = newUsageChart(s.onDay)

	top := container.NewBorder(nil, nil, heading(i18n.T(i18n.UsageScreenTitle, nil)),
		container.NewHBox(container.NewCenter(widget.NewLabel(i18n.T(i18n.UsageKeyLabel, nil))),
			s.keysBox, s.refresh))
	meters := container.NewGridWithColumns(2, s.products.view, s.calls.view, s.subscription.view, s.token.view)
	legend := container.NewHBox(swatch(chartProductsColor()), widget.NewLabel(i18n.T(i18n.UsageChartProducts, nil)),
		swatch(chartCallsColor()), widget.NewLabel(i18n.T(i18n.UsageChartCalls, nil)))
	chart := section(i18n.T(i18n.UsageChartTitle, nil), legend, s.dayLine, s.chart,
		&widget.Label{Text: i18n.T(i18n.UsageChartHint, nil), SizeName: theme.SizeNameCaptionText})
	body := container.NewVBox(top, s.busy, s.problem, s.capBox, meters, chart)

	s.load(active.Key.ID)
	return container.NewVScroll(container.NewPadded(body))
}

// emptyState is what the screen shows without an active key: what a key allows.
func (s *usageScreen) emptyState() fyne.CanvasObject {
	limits := i18n.T(i18n.UsageLimits, map[string]any{
		"Products": i18n.N(i18n.ProductCount, app.DefaultProductLimit, nil),
		"Calls":    i18n.N(i18n.APICallCount, app.DefaultDailyCallLimit, nil),
	})
	s.startSetup = startSetupButton(s.onStartSetup)
	return keyGatedState(s.app, theme.InfoIcon(), s.startSetup,
		emptyText{i18n.T(i18n.NoKeyTitle, nil), limits},
		emptyText{i18n.T(i18n.UsageNoDataTitle, nil), limits})
}

// load reads key keyID's usage, the keys' states and the chart's days in the background
// (20-40 ms with 100 000 orders), and shows them.
func (s *usageScreen) load(keyID int64) {
	s.keyID = keyID
	s.loadSeq++
	seq := s.loadSeq
	s.refresh.Disable()
	s.busy.Show()
	s.busy.Start()
	now := s.now()
	s.work.Add(1)
	go func() {
		defer s.work.Done()
		v := s.read(keyID, now)
		fyne.Do(func() {
			if seq == s.loadSeq {
				s.apply(v, now)
			}
		})
	}()
}

// read is load's work off the event goroutine.
func (s *usageScreen) read(keyID int64, now time.Time) usageView {
	ctx := context.Background()
	keys, err := s.app.Keys(ctx)
	if err != nil {
		return usageView{err: err}
	}
	var v usageView
	for _, k := range keys {
		if k.AppKey == "" && k.ID != keyID {
			continue // a key still being set up has nothing to meter
		}
		u, err := s.app.Usage(ctx, k.ID, now)
		if err != nil {
			return usageView{err: err}
		}
		c := keyChoice{label: i18n.T(i18n.UsageKeyOption, map[string]any{"Key": keyName(k), "State": keyState(u, now)}), id: k.ID}
		if k.Active {
			v.choices = append([]keyChoice{c}, v.choices...)
		} else {
			v.choices = append(v.choices, c)
		}
		if k.ID == keyID {
			v.usage = u
		}
	}
	v.days, v.err = s.app.DailyUsage(ctx, keyID, chartDays, now)
	return v
}

// apply shows a read: the key choice, the meters, the box at the end of the key, the chart.
func (s *usageScreen) apply(v usageView, now time.Time) {
	s.busy.Stop()
	s.busy.Hide()
	s.refresh.Enable()
	s.problem.Hidden = v.err == nil
	s.problem.SetText(i18n.T(i18n.UsageReadFailed, nil))
	if v.err != nil {
		log.Printf("usage: read key %d: %v", s.keyID, v.err)
		return
	}
	s.view = v
	s.keyIDs = make(map[string]int64, len(v.choices))
	options := make([]string, len(v.choices))
	for i, c := range v.choices {
		options[i] = c.label
		s.keyIDs[c.label] = c.id
		if c.id == s.keyID {
			s.keys.Selected = c.label // not SetSelected: that would read the key again
		}
	}
	s.keys.Options = options
	s.keysWidth.width = selectWidth(options)
	s.keysBox.Refresh()
	s.showMeters(v.usage, now)
	s.showCapBox(v.usage, now)
	s.chart.setDays(v.days)
	s.onDay(len(v.days) - 1)
}

func (s *usageScreen) onKeyChosen(label string) {
	if id, ok := s.keyIDs[label]; ok && id != s.keyID {
		s.load(id)
	}
}

// onDay shows the numbers of the chart's day i.
func (s *usageScreen) onDay(i int) {
	if i < 0 || i >= len(s.view.days) {
		s.dayLine.SetText("")
		return
	}
	d := s.view.days[i]
	s.dayLine.SetText(i18n.T(i18n.UsageChartDay, map[string]any{
		"Day":      d.Day,
		"Products": i18n.N(i18n.ProductCount, d.Products, nil),
		"Calls":    i18n.N(i18n.APICallCount, d.Calls, nil),
	}))
}

// onSaveEndDate stores the subscription's typed end date, keeping its start; it returns the
// translated problem with the date.
func (s *usageScreen) onSaveEndDate(day string) string {
	err := s.app.SetKeyValidity(context.Background(), s.keyID, s.view.usage.Key.ValidFrom, day)
	if why := app.ExplainInputError(err); why != "" {
		return why
	}
	if s.saved(err) != nil {
		return i18n.T(i18n.UsageReadFailed, nil)
	}
	return ""
}

// saved logs a change that could not be stored, and passes err on.
func (s *usageScreen) saved(err error) error {
	if err != nil {
		log.Printf("usage: save key %d: %v", s.keyID, err)
	}
	return err
}

// reload reads the shown key again: Refresh, and after a change is stored.
func (s *usageScreen) reload() { s.load(s.keyID) }

// keyState is the word for where a key stands in the key choice.
func keyState(u app.KeyUsage, now time.Time) string {
	switch {
	case u.Key.Active:
		return i18n.T(i18n.UsageKeyActive, nil)
	case u.ProductsFull():
		return i18n.T(i18n.UsageKeyFull, nil)
	case !u.SubscriptionEnds.IsZero() && !now.Before(u.SubscriptionEnds):
		return i18n.T(i18n.UsageKeyExpired, nil)
	}
	return i18n.T(i18n.UsageKeyRetired, nil)
}

// keyName is how the key choice names a key: its label, or its AppKey.
func keyName(k storage.Key) string {
	if k.Label != "" {
		return k.Label
	}
	return k.AppKey
}

// selectWidth is wide enough for the longest option, with the Select's padding and arrow.
func selectWidth(options []string) float32 {
	w := float32(120)
	for _, o := range options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + 4*theme.InnerPadding() + theme.IconInlineSize()
}

// swatch is a legend's coloured square.
func swatch(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() * 0.6))
	return container.NewCenter(r)
}
