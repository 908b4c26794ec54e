package app

import (
	"context"
	"errors"
	"time"

	"caigou/app/applog"
	"caigou/app/msgchan"
	"caigou/app/open1688"
	"caigou/i18n"
)

// CheckKind says why a live check failed; "" means it passed. It is what wizard_progress keeps
// in check_error, so the values are stable.
type CheckKind string

// The kinds of a check's outcome. A gateway failure is "gateway." followed by its
// open1688.Kind, e.g. "gateway.signature"; see CheckResult.APIKind.
const (
	CheckPassed                CheckKind = ""
	CheckInvalidInput          CheckKind = "input"
	CheckCancelled             CheckKind = "cancelled" // the user left the page; not recorded
	CheckChannelBadCredentials CheckKind = "channel.bad_credentials"
	CheckChannelRefused        CheckKind = "channel.refused"
	CheckChannelNoAnswer       CheckKind = "channel.no_answer"
	CheckNoTestMessage         CheckKind = "test_messages.none"
)

// CheckResult is the outcome of a live check, ready to show: Explanation and NextStep are in the
// user's language and empty after a pass.
type CheckResult struct {
	OK          bool
	Kind        CheckKind
	APIKind     open1688.Kind // the gateway error's kind, for a Kind starting with "gateway."
	Explanation string
	NextStep    string
}

// CheckKey is step 4's live check: system.currentTime signed with appKey and secret against the
// gateway at baseURL ("" means open1688.DefaultBaseURL). A wrong secret gives the signature kind,
// whose next step is to copy the AppSecret again.
func (w *Wizard) CheckKey(ctx context.Context, baseURL, appKey, secret string) CheckResult {
	return w.finish(ctx, StepAppKey, w.probe(baseURL, appKey, secret, "").run(ctx, signatureCall))
}

// CheckToken is step 5's live check: a one-row getBuyerOrderList with token. A 401 gives the
// auth kind, whose next step is to copy the token from 已授权token again.
func (w *Wizard) CheckToken(ctx context.Context, baseURL, appKey, secret, token string) CheckResult {
	if _, err := ValidateToken(token); err != nil {
		return w.finish(ctx, StepToken, inputResult(err))
	}
	return w.finish(ctx, StepToken, w.probe(baseURL, appKey, secret, token).run(ctx, tokenCall))
}

func (w *Wizard) probe(baseURL, appKey, secret, token string) gatewayProbe {
	return gatewayProbe{
		baseURL: baseURL, appKey: appKey, secret: secret, token: token,
		timeout: w.CheckTimeout, counter: w.db, logf: w.logf,
		onError: recordGatewayErrors(w.db, appKey, w.logf),
	}
}

// signatureCall is the AppSecret's live check: a signed call that needs no token.
func signatureCall(ctx context.Context, c *open1688.Client) error {
	_, err := c.CurrentTime(ctx)
	return err
}

// tokenCall is the token's live check: the cheapest call that needs one, a one-row order list.
func tokenCall(ctx context.Context, c *open1688.Client) error {
	_, err := c.BuyerOrderList(ctx, open1688.BuyerOrderListRequest{PageSize: 1})
	return err
}

// gatewayProbe is one live check against the gateway, shared by the wizard and Settings (which
// checks a re-entered secret or token before storing it). It records nothing but what onError
// does with a failed call.
type gatewayProbe struct {
	baseURL, appKey, secret, token string
	timeout                        time.Duration
	counter                        open1688.CallCounter
	logf                           func(format string, args ...any)
	onError                        func(*open1688.Error) // open1688.Config.OnError
}

// run makes call with a one-attempt client and explains its failure in the user's language.
func (p gatewayProbe) run(ctx context.Context, call func(context.Context, *open1688.Client) error) CheckResult {
	if r, bad := validCredentials(p.appKey, p.secret); bad {
		return r
	}
	// What the user typed is a secret before it is stored: the log must not show it either.
	applog.AddSecret(p.secret)
	applog.AddSecret(p.token)
	c, err := open1688.New(open1688.Config{
		BaseURL: p.baseURL, AppKey: p.appKey, AppSecret: p.secret, AccessToken: p.token,
		Timeout: p.timeout, Counter: p.counter, Logf: p.logf, OnError: p.onError,
		// The user is waiting and can press the button again; a retry would only hide the answer.
		Retry: open1688.RetryPolicy{Attempts: 1},
	})
	if err != nil {
		return inputResult(err)
	}
	cctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	err = call(cctx, c)
	switch {
	case err == nil:
		return CheckResult{OK: true}
	case ctx.Err() != nil:
		return CheckResult{Kind: CheckCancelled}
	}
	kind := open1688.KindOf(err)
	explanation, next := ExplainAPIError(err)
	return CheckResult{Kind: CheckKind("gateway." + kind.String()), APIKind: kind, Explanation: explanation, NextStep: next}
}

// CheckChannel is step 6's live check: it connects to the message channel at channelURL (""
// means msgchan.DefaultURL) and waits up to timeout (0 means the Wizard's ChannelTimeout) for
// CONNECT_ACK. A refusal is explained in plain words, with the server's own text when it is not
// a plain bad key or secret. The connection is closed before it returns, within about 2 s.
func (w *Wizard) CheckChannel(ctx context.Context, channelURL, appKey, secret string, timeout time.Duration) CheckResult {
	if r, bad := validCredentials(appKey, secret); bad {
		return w.finish(ctx, StepChannel, r)
	}
	applog.AddSecret(secret)
	if timeout <= 0 {
		timeout = w.ChannelTimeout
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	mc, err := w.openChannel(channelURL, appKey, secret)
	if err != nil {
		return w.finish(ctx, StepChannel, inputResult(err))
	}
	states, unsubscribe := mc.Subscribe()
	defer unsubscribe()
	go func() { _ = mc.Run(cctx) }()
	defer mc.Close()
	r := waitConnected(cctx, states, timeout)
	if r.Kind == CheckChannelNoAnswer && ctx.Err() != nil {
		return CheckResult{Kind: CheckCancelled}
	}
	return w.finish(ctx, StepChannel, r)
}

// openChannel builds a MessageChannel of the wizard's key: pushes that arrive during a check are
// stored and confirmed like any other, so nothing is lost or redelivered for nothing.
func (w *Wizard) openChannel(channelURL, appKey, secret string) (*MessageChannel, error) {
	return NewMessageChannel(MessageChannelConfig{
		DB: w.db, KeyID: w.keyID, Logf: w.logf,
		Channel: msgchan.Config{
			URL: channelURL, AppKey: appKey, AppSecret: secret,
			CloseWait: 500 * time.Millisecond, // Close well within the 2 s the page may wait
			Backoff:   msgchan.Backoff{Min: 500 * time.Millisecond, Max: 2 * time.Second},
		},
	})
}

// waitConnected waits for CONNECT_ACK or a refusal. Dial failures are retried by the client
// until ctx ends, since a first failed dial says little.
func waitConnected(ctx context.Context, states <-chan msgchan.Event, timeout time.Duration) CheckResult {
	for {
		select {
		case <-ctx.Done():
			return channelResult(CheckChannelNoAnswer, i18n.CheckChannelNoAnswer, i18n.CheckChannelNoAnswerNext,
				map[string]any{"Seconds": int(timeout.Round(time.Second) / time.Second)})
		case ev, ok := <-states:
			if !ok {
				continue // the client stopped; ctx ends at once or by the timeout
			}
			if ev.State.Status == msgchan.Connected {
				return CheckResult{OK: true}
			}
			if r, refused := refusal(ev.State.Err); refused {
				return r
			}
		}
	}
}

// refusal explains a SYSTEM refusal, if err is one.
func refusal(err error) (CheckResult, bool) {
	var se *msgchan.SystemError
	switch {
	case errors.Is(err, msgchan.ErrBadCredentials):
		return channelResult(CheckChannelBadCredentials, i18n.CheckChannelBadCredentials,
			i18n.CheckChannelBadCredentialsNext, nil), true
	case errors.As(err, &se):
		return channelResult(CheckChannelRefused, i18n.CheckChannelRefused, i18n.CheckChannelRefusedNext,
			map[string]any{"Text": se.Text}), true
	}
	return CheckResult{}, false
}

func channelResult(kind CheckKind, explanation, next *i18n.Message, data map[string]any) CheckResult {
	return CheckResult{Kind: kind, Explanation: i18n.T(explanation, data), NextStep: i18n.T(next, data)}
}

// validCredentials validates the AppKey and AppSecret a check is given, so that a check of a
// malformed value explains the input rather than the gateway's refusal of it.
func validCredentials(appKey, secret string) (CheckResult, bool) {
	if _, err := ValidateAppKey(appKey); err != nil {
		return inputResult(err), true
	}
	if _, err := ValidateAppSecret(secret); err != nil {
		return inputResult(err), true
	}
	return CheckResult{}, false
}

func inputResult(err error) CheckResult {
	explanation := ExplainInputError(err)
	if explanation == "" {
		explanation, _ = ExplainAPIError(err)
	}
	return CheckResult{Kind: CheckInvalidInput, Explanation: explanation}
}

// finish records and logs r for step, unless the check was cancelled, and returns it. The log
// line names the kind of a failure, never what was typed, for remote support.
func (w *Wizard) finish(ctx context.Context, step StepID, r CheckResult) CheckResult {
	if r.Kind == CheckCancelled {
		return r
	}
	if r.OK {
		w.logf("wizard: the %s check passed", step)
	} else {
		w.logf("wizard: the %s check failed: %s", step, r.Kind)
	}
	if err := w.record(ctx, step, r); err != nil {
		w.logf("wizard: record the %s check: %v", step, err)
	}
	return r
}
