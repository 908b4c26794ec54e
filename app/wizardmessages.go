package app

import (
	"context"
	"time"

	"caigou/app/msgchan"
	"caigou/i18n"
)

// defaultTestMessageTimeout is the wait for a test message when none is given: time enough to
// switch to the browser, find 去测试 and press it.
const defaultTestMessageTimeout = 3 * time.Minute

// TestMessageHandlers receive what WaitForTestMessage sees, on its goroutine, as it happens.
type TestMessageHandlers struct {
	// Listening is called once the channel is connected: from then on 去测试 reaches caigou.
	Listening func()
	// Received is called for each MOCK push, with its topic in Type.
	Received func(MockReceived)
}

// WaitForTestMessage is step 9's live check: it connects to the channel and waits up to timeout
// for a push with msgSource MOCK, the console's 去测试. After the first one it keeps listening
// until TestMessageQuiet passes without another, so one press of 去测试 is shown whole, then
// passes. No test message before the timeout gives CheckNoTestMessage; a refused connection the
// channel check's own result.
func (w *Wizard) WaitForTestMessage(ctx context.Context, channelURL, appKey, secret string,
	timeout time.Duration, h TestMessageHandlers,
) CheckResult {
	if r, bad := validCredentials(appKey, secret); bad {
		return w.finish(ctx, StepTestMessages, r)
	}
	if timeout <= 0 {
		timeout = defaultTestMessageTimeout
	}
	mc, err := w.openChannel(channelURL, appKey, secret)
	if err != nil {
		return w.finish(ctx, StepTestMessages, inputResult(err))
	}
	events := mc.Events() // before Run: events are queued only once someone listens
	states, unsubscribe := mc.Subscribe()
	defer unsubscribe()
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() { _ = mc.Run(runCtx) }()
	defer mc.Close()

	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	var quiet <-chan time.Time
	listening, received := false, 0
	for {
		select {
		case <-ctx.Done():
			return CheckResult{Kind: CheckCancelled}
		case <-deadline.C:
			if received > 0 {
				continue // the quiet timer ends the wait
			}
			if !listening {
				// Never connected: the console's button was not the problem.
				return w.finish(ctx, StepTestMessages, channelResult(CheckChannelNoAnswer,
					i18n.CheckChannelNoAnswer, i18n.CheckChannelNoAnswerNext,
					map[string]any{"Seconds": int(timeout.Round(time.Second) / time.Second)}))
			}
			return w.finish(ctx, StepTestMessages, channelResult(CheckNoTestMessage,
				i18n.CheckNoTestMessage, i18n.CheckNoTestMessageNext,
				map[string]any{"Seconds": int(timeout.Round(time.Second) / time.Second)}))
		case <-quiet:
			return w.finish(ctx, StepTestMessages, CheckResult{OK: true})
		case ev, ok := <-states:
			if !ok {
				states = nil
				continue
			}
			if r, refused := refusal(ev.State.Err); refused {
				return w.finish(ctx, StepTestMessages, r)
			}
			if ev.State.Status == msgchan.Connected && !listening {
				listening = true
				if h.Listening != nil {
					h.Listening()
				}
			}
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			m, isMock := ev.(MockReceived)
			if !isMock {
				continue
			}
			received++
			if h.Received != nil {
				h.Received(m)
			}
			quiet = time.After(w.TestMessageQuiet)
		}
	}
}
