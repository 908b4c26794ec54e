package screens

import (
	"image/color"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// usageMeter is one meter of the usage screen: its title and number line, a bar coloured by
// its level, a rule line under it, and optionally an input to change what it counts against.
type usageMeter struct {
	title   *widget.Label
	number  string // the meter in words, written on its bar
	bar     *widget.ProgressBar
	colour  *levelTheme
	barView *container.ThemeOverride
	rule    *widget.Label
	edit    *valueEditor // nil for a meter nothing can be typed into
	view    *fyne.Container
}

func newUsageMeter(title string, edit *valueEditor) *usageMeter {
	m := &usageMeter{
		title:  &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}},
		bar:    &widget.ProgressBar{Max: 1},
		colour: &levelTheme{},
		rule:   &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
		edit:   edit,
	}
	m.bar.TextFormatter = func() string { return m.number }
	m.barView = container.NewThemeOverride(m.bar, m.colour)
	items := []fyne.CanvasObject{m.title, m.barView, m.rule}
	if edit != nil {
		items = append(items, edit.view)
	}
	m.view = container.NewVBox(items...)
	return m
}

// set shows a meter: its number line, how full the bar is (0…1), its level and its rule.
func (m *usageMeter) set(number string, ratio float64, level app.Level, rule string) {
	m.number = upperFirst(number)
	m.colour.level = level
	m.bar.SetValue(min(max(ratio, 0), 1))
	m.barView.Refresh()
	m.rule.SetText(rule)
}

// upperFirst starts a meter's words with a capital, as a line on its own does ("осталось 6
// дней" is written to fit inside a sentence too).
func upperFirst(s string) string {
	if s == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// levelTheme colours a meter's bar by its level: the app's theme, with the primary colour
// turned to the warning or error colour.
type levelTheme struct{ level app.Level }

func (t *levelTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// Color swaps the bar's colours for the level's.
func (t *levelTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	swaps := map[app.Level][2]fyne.ThemeColorName{
		app.LevelWarning:  {theme.ColorNameWarning, theme.ColorNameForegroundOnWarning},
		app.LevelCritical: {theme.ColorNameError, theme.ColorNameForegroundOnError},
	}
	if swap, ok := swaps[t.level]; ok {
		switch name {
		case theme.ColorNamePrimary:
			name = swap[0]
		case theme.ColorNameForegroundOnPrimary:
			name = swap[1]
		}
	}
	return t.base().Color(name, v)
}

// Font is the app theme's.
func (t *levelTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

// Icon is the app theme's.
func (t *levelTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

// Size is the app theme's.
func (t *levelTheme) Size(n fyne.ThemeSizeName) float32 { return t.base().Size(n) }

// valueEditor is a label, an entry and a Save button with a translated error line under them:
// a meter's limit or the subscription's end date.
type valueEditor struct {
	entry   *widget.Entry
	save    *widget.Button
	problem *widget.Label
	view    *fyne.Container
}

// newValueEditor calls onSave with the typed text on Save or Enter; onSave returns the
// translated problem, "" when the value was taken, and then saved is called. A narrow label goes before the entry, a
// longer one above it.
func newValueEditor(label, placeholder string, narrow bool, onSave func(string) string, saved func()) *valueEditor {
	e := &valueEditor{
		entry:   &widget.Entry{PlaceHolder: placeholder},
		problem: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord},
	}
	submit := func() {
		problem := onSave(e.entry.Text)
		e.problem.SetText(problem)
		e.problem.Hidden = problem == ""
		e.problem.Refresh()
		if problem == "" && saved != nil {
			saved() // last: it may start a read that changes the widgets
		}
	}
	e.problem.Hide()
	e.entry.OnSubmitted = func(string) { submit() }
	e.save = &widget.Button{Text: i18n.T(i18n.UsageSave, nil), OnTapped: submit}
	row := container.NewHBox(container.New(&maxWidthLayout{width: 200}, e.entry), e.save)
	if narrow {
		row = container.NewHBox(widget.NewLabel(label), row)
		e.view = container.NewVBox(row, e.problem)
	} else {
		// A long label goes above its entry, so that two meters side by side fit 1024 pixels.
		e.view = container.NewVBox(widget.NewLabel(label), row, e.problem)
	}
	return e
}

// limitEditor edits a limit: a whole number that save checks and stores; then saved is called.
func limitEditor(save func(n int) error, saved func()) *valueEditor {
	return newValueEditor(i18n.T(i18n.UsageLimitLabel, nil), "", true, func(text string) string {
		n, err := strconv.Atoi(text)
		if err != nil {
			return app.ExplainUsageError(app.ErrLimitOutOfRange)
		}
		if err := save(n); err != nil {
			if why := app.ExplainUsageError(err); why != "" {
				return why
			}
			return i18n.T(i18n.UsageReadFailed, nil)
		}
		return ""
	}, saved)
}

// showMeters fills the meters from u at now.
func (s *usageScreen) showMeters(u app.KeyUsage, now time.Time) {
	s.products.set(u.ProductsText(), ratio(u.ProductsUsed, u.ProductLimit), u.ProductsLevel, i18n.T(i18n.UsageRule, nil))
	s.products.edit.entry.SetText(strconv.Itoa(u.ProductLimit))

	reset := u.ResetsAt.Local().Format("15:04")
	rule := i18n.T(i18n.UsageCallsRule, map[string]any{"Reserve": i18n.N(i18n.APICallCount, u.Reserve, nil), "Reset": reset})
	if u.BackgroundStopped() {
		rule += " " + i18n.T(i18n.UsageCallsPaused, map[string]any{"Reset": reset})
	}
	s.calls.set(u.CallsText(), ratio(u.CallsToday, u.CallLimit), u.CallsLevel, rule)
	s.calls.edit.entry.SetText(strconv.Itoa(u.CallLimit))

	s.showSubscription(u, now)

	s.token.view.Hidden = u.TokenExpires.IsZero()
	if !u.TokenExpires.IsZero() {
		left := u.TokenExpires.Sub(now)
		number := i18n.T(i18n.UsageTokenExpired, nil)
		switch {
		case left >= 48*time.Hour: // in whole days, rounded: 2 days 23 hours is 3 days
			number = i18n.N(i18n.UsageTokenLeftDays, int((left+12*time.Hour)/(24*time.Hour)), nil)
		case left > 0: // in hours, rounded up: the last hour is "1 hour"
			number = i18n.N(i18n.UsageTokenLeftHours, int((left+time.Hour-1)/time.Hour), nil)
		}
		renew := i18n.T(i18n.UsageTokenRenew, map[string]any{"At": u.TokenExpires.Local().Format("2006-01-02 15:04")})
		s.token.set(number, 1, u.TokenLevel, renew) // a strip in its level's colour: no known length to fill
	}
	s.token.view.Refresh()
}

// showSubscription fills the subscription meter, and asks for the end date when it is missing.
func (s *usageScreen) showSubscription(u app.KeyUsage, now time.Time) {
	sub := s.subscription
	end := u.Key.ValidUntil
	sub.edit.view.Hidden = !u.SubscriptionEnds.IsZero()
	sub.barView.Hidden = u.SubscriptionEnds.IsZero() // nothing to fill yet
	switch {
	case u.SubscriptionEnds.IsZero():
		sub.set("", 0, app.LevelNormal, i18n.T(i18n.UsageEndUnknown, nil))
	case !now.Before(u.SubscriptionEnds):
		sub.set(i18n.T(i18n.UsageSubscriptionEnded, map[string]any{"End": end}), 1, app.LevelCritical,
			i18n.T(i18n.UsageValidUntil, map[string]any{"End": end}))
	default:
		sub.set(u.DaysLeftText(), 1-ratio(u.DaysLeft, subscriptionDays(u)), u.SubscriptionLevel,
			i18n.T(i18n.UsageValidUntil, map[string]any{"End": end}))
	}
	sub.view.Refresh()
}

// subscriptionDays is how long the subscription runs: from its start when known, else a year.
func subscriptionDays(u app.KeyUsage) int {
	from, err := time.Parse(time.DateOnly, u.Key.ValidFrom)
	until, err2 := time.Parse(time.DateOnly, u.Key.ValidUntil)
	if err != nil || err2 != nil || !until.After(from) {
		return 365
	}
	return int(until.Sub(from)/(24*time.Hour)) + 1
}

func ratio(used, limit int) float64 {
	if limit <= 0 {
		return 1
	}
	return float64(used) / float64(limit)
}

// capBox is the prominent box at the end of the active key: all products used, or the
// subscription ending within a week. It leads to the next key.
func (s *usageScreen) showCapBox(u app.KeyUsage, now time.Time) {
	ending := !u.SubscriptionEnds.IsZero() && u.DaysLeft <= 7
	s.capBox.Hidden = !u.Key.Active || (!u.ProductsFull() && !ending)
	switch {
	case u.ProductsFull():
		s.capTitle.SetText(i18n.T(i18n.UsageFullTitle, nil))
		s.capBody.SetText(i18n.T(i18n.UsageProductCap, nil))
	case ending:
		left := u.DaysLeftText()
		if !now.Before(u.SubscriptionEnds) {
			left = i18n.T(i18n.UsageSubscriptionEnded, map[string]any{"End": u.Key.ValidUntil})
		}
		s.capTitle.SetText(i18n.T(i18n.UsageEndingTitle, map[string]any{"Left": left}))
		s.capBody.SetText(i18n.T(i18n.UsageEndingBody, nil))
	}
	s.capBox.Refresh()
}

// newCapBox builds the box, hidden until showCapBox shows it.
func (s *usageScreen) newCapBox() *fyne.Container {
	s.capTitle = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	s.capBody = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.nextKey = &widget.Button{Text: i18n.T(i18n.UsageSetUpNextKey, nil), Icon: theme.NavigateNextIcon(), Importance: widget.HighImportance, OnTapped: s.onSetUpNextKey}
	back := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	back.FillColor = withAlpha(theme.Color(theme.ColorNameError), 0x30)
	back.CornerRadius = theme.InputRadiusSize()
	content := container.NewPadded(container.NewVBox(s.capTitle, s.capBody, container.NewHBox(s.nextKey)))
	box := container.NewStack(back, content)
	box.Hidden = true
	return box
}

// withAlpha is c made see-through, for a tinted background.
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
