package screens

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/app/msgchan"
	"caigou/i18n"
)

// statusLine is the window's bottom line while a key is active: the message channel's state,
// the API calls made today, and the key's compact meters ("Products 812/1000 · 23 days left"),
// so the user sees from every screen whether orders are being followed and how much of the key,
// the day and the year is left.
//
// The meters take tens of milliseconds to read with many orders, so they are read off the event
// goroutine, on the 30 s tick and when kicked (tracking started, an order changed or was
// placed); kicks that come while a read runs make one more read, not one each.
type statusLine struct {
	shell    *Shell
	mu       sync.Mutex // update runs on the event goroutine; Fyne's test driver runs it on others
	channel  *widget.Label
	calls    *widget.Label
	meters   *widget.Label
	bar      *fyne.Container
	unsub    func()
	ticker   *time.Ticker
	stopTick chan struct{}
	kicks    chan struct{} // buffered 1: pending kicks coalesce
	kicked   sync.WaitGroup
	follower sync.WaitGroup

	usage    app.KeyUsage // the active key's meters, read last; guarded by mu
	hasUsage bool         // false before the first read and when it failed
}

// callsRefresh is how often the meters are read again between tracking events.
const callsRefresh = 30 * time.Second

func newStatusLine(s *Shell) *statusLine { return &statusLine{shell: s} }

func (l *statusLine) build() fyne.CanvasObject {
	l.channel = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	l.calls = &widget.Label{}
	l.meters = &widget.Label{}
	right := container.NewHBox(l.calls, l.meters)
	l.bar = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, right, l.channel))
	l.update()
	return l.bar
}

// follow starts listening to the running service's channel state and reading the meters; stop
// ends it.
func (l *statusLine) follow(svc *app.TrackingService) {
	l.stop()
	states, unsub := svc.SubscribeChannel()
	l.unsub = unsub
	l.ticker, l.stopTick = time.NewTicker(callsRefresh), make(chan struct{})
	l.mu.Lock()
	l.kicks = make(chan struct{}, 1)
	kicks := l.kicks
	l.mu.Unlock()
	ticks, stop := l.ticker.C, l.stopTick
	l.follower.Add(1)
	go func() {
		defer l.follower.Done()
		for {
			select {
			case _, ok := <-states:
				if !ok {
					return
				}
				fyne.Do(l.update)
			case <-ticks:
				l.refresh()
			case <-kicks:
				l.refresh()
				l.kicked.Done()
			case <-stop:
				return
			}
		}
	}()
	l.kick()
}

// kick asks for the meters to be read again soon, and the usage alerts checked; a kick while one
// is pending adds nothing.
func (l *statusLine) kick() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.kicks == nil {
		return // no key is tracked
	}
	l.kicked.Add(1)
	select {
	case l.kicks <- struct{}{}:
	default:
		l.kicked.Done()
	}
}

// settle waits for the kicked reads to be shown; for tests.
func (l *statusLine) settle() { l.kicked.Wait() }

// refresh reads the active key's meters and its unannounced alerts, off the event goroutine,
// and shows them.
func (l *statusLine) refresh() {
	ctx, now := context.Background(), time.Now()
	u, err := l.shell.app.ActiveUsage(ctx, now)
	var alerts []app.UsageAlert
	if err == nil {
		var aerr error
		if alerts, aerr = l.shell.app.UsageAlertsFor(ctx, u, now); aerr != nil {
			log.Printf("usage alerts: %v", aerr)
		}
	} else if !errors.Is(err, app.ErrNoActiveKey) {
		log.Printf("status line: read the key's usage: %v", err)
	}
	fyne.Do(func() {
		l.mu.Lock()
		l.usage, l.hasUsage = u, err == nil
		l.mu.Unlock()
		l.update()
		l.shell.showUsageAlerts(alerts)
	})
}

func (l *statusLine) stop() {
	if l.unsub != nil {
		l.unsub()
		l.unsub = nil
	}
	if l.ticker != nil {
		l.ticker.Stop()
		close(l.stopTick)
		l.ticker = nil
	}
	l.follower.Wait() // fyne.Do only queues, so this never waits for the event goroutine
	l.mu.Lock()
	if len(l.kicks) > 0 {
		<-l.kicks // never read now
		l.kicked.Done()
	}
	l.kicks = nil
	l.mu.Unlock()
}

// forget drops the meters read last, of a key no longer tracked, and hides the line.
func (l *statusLine) forget() {
	l.mu.Lock()
	l.hasUsage = false
	l.mu.Unlock()
	l.update()
}

// update shows the state now, with the meters read last; hidden while no key is tracked.
func (l *statusLine) update() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.bar == nil {
		return
	}
	wasHidden := l.bar.Hidden
	defer func() {
		if l.bar.Hidden != wasHidden {
			l.shell.relayout()
		}
	}()
	svc := l.shell.currentTracking()
	if svc == nil {
		l.bar.Hide()
		return
	}
	l.channel.SetText(channelText(svc.ChannelState()))
	if !l.hasUsage {
		l.calls.SetText("")
		l.meters.SetText("")
		l.bar.Show()
		return
	}
	l.calls.Text, l.calls.Importance = callsText(l.usage), importanceOf(l.usage.CallsLevel)
	l.calls.Refresh()
	l.meters.Text, l.meters.Importance = metersText(l.usage), importanceOf(max(l.usage.ProductsLevel, l.usage.SubscriptionLevel))
	l.meters.Refresh()
	l.bar.Show()
}

// callsText is today's calls, or that background work waits for the day to reset.
func callsText(u app.KeyUsage) string {
	reset := u.ResetsAt.Local().Format("15:04")
	switch {
	case u.CallsFull():
		return i18n.T(i18n.StatusCallsUsedUp, map[string]any{"Time": reset})
	case u.BackgroundStopped():
		return i18n.T(i18n.StatusBackgroundPaused, map[string]any{"Time": reset})
	}
	return i18n.T(i18n.StatusCallsToday, map[string]any{"Used": u.CallsToday, "Limit": u.CallLimit})
}

// metersText is the compact product and subscription meter: "Products 812/1000 · 23 days left".
func metersText(u app.KeyUsage) string {
	text := i18n.T(i18n.StatusProducts, map[string]any{"Used": u.ProductsUsed, "Limit": u.ProductLimit})
	if days := u.DaysLeftText(); days != "" {
		text += " · " + days
	}
	return text
}

// importanceOf colours a meter by its level.
func importanceOf(l app.Level) widget.Importance {
	switch l {
	case app.LevelCritical:
		return widget.DangerImportance
	case app.LevelWarning:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// channelText says in plain words whether 1688's messages reach caigou.
func channelText(st msgchan.State) string {
	switch st.Status {
	case msgchan.Connected:
		return i18n.T(i18n.StatusChannelConnected, nil)
	case msgchan.Connecting:
		return i18n.T(i18n.StatusChannelConnecting, nil)
	default:
		return i18n.T(i18n.StatusChannelDisconnected, nil)
	}
}
