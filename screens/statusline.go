package screens

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/app/msgchan"
	"caigou/i18n"
)

// statusLine is the window's bottom line while a key is active: the message channel's state and
// the API calls made today against the key's daily limit, so the user sees from every screen
// whether orders are being followed and how much of the day is left.
type statusLine struct {
	shell    *Shell
	mu       sync.Mutex // update runs on the event goroutine; Fyne's test driver runs it on others
	channel  *widget.Label
	calls    *widget.Label
	bar      *fyne.Container
	unsub    func()
	ticker   *time.Ticker
	stopTick chan struct{}
	follower sync.WaitGroup
}

// callsRefresh is how often the calls count is read again between tracking events.
const callsRefresh = 30 * time.Second

func newStatusLine(s *Shell) *statusLine { return &statusLine{shell: s} }

func (l *statusLine) build() fyne.CanvasObject {
	l.channel = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	l.calls = &widget.Label{}
	l.bar = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, l.calls, l.channel))
	l.update()
	return l.bar
}

// follow starts listening to the running service's channel state; stop ends it.
func (l *statusLine) follow(svc *app.TrackingService) {
	l.stop()
	states, unsub := svc.SubscribeChannel()
	l.unsub = unsub
	l.ticker, l.stopTick = time.NewTicker(callsRefresh), make(chan struct{})
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
			case <-ticks:
			case <-stop:
				return
			}
			fyne.Do(l.update)
		}
	}()
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
}

// update shows the state now; hidden while no key is tracked.
func (l *statusLine) update() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.bar == nil {
		return
	}
	svc := l.shell.currentTracking()
	if svc == nil {
		l.bar.Hide()
		return
	}
	l.channel.SetText(channelText(svc.ChannelState()))
	used, limit, err := l.shell.app.CallsToday(context.Background())
	if err != nil {
		l.calls.SetText("")
	} else {
		l.calls.SetText(i18n.T(i18n.StatusCallsToday, map[string]any{"Used": used, "Limit": limit}))
	}
	l.bar.Show()
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
