package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"caigou/storage"
)

// StepID is the stable id of a wizard step, stored in wizard_progress: never rename one.
type StepID string

// The wizard's steps (issue 5), in order.
const (
	StepBefore            StepID = "before"
	StepSubscribe         StepID = "subscribe"
	StepDescribe          StepID = "describe"
	StepAppKey            StepID = "appkey"
	StepToken             StepID = "token"
	StepChannel           StepID = "channel"
	StepTestAccount       StepID = "testaccount"
	StepSubscribeMessages StepID = "subscribe_messages"
	StepTestMessages      StepID = "test_messages"
	StepFinish            StepID = "finish"
)

// WizardStep describes one step: Live steps have a live check and are done only once it passed
// (or skipped after it failed); the others are done when the user ticks "Done".
type WizardStep struct {
	ID   StepID
	Live bool
}

// WizardSteps are the steps in the order the wizard shows them.
var WizardSteps = []WizardStep{
	{StepBefore, false},
	{StepSubscribe, false},
	{StepDescribe, false},
	{StepAppKey, true},
	{StepToken, true},
	{StepChannel, true},
	{StepTestAccount, false},
	{StepSubscribeMessages, false},
	{StepTestMessages, true},
	{StepFinish, false},
}

// StepState is where a step stands.
type StepState string

// The states of a step, as wizard_progress stores them.
const (
	StepTodo    StepState = "todo"
	StepDone    StepState = "done"
	StepSkipped StepState = "skipped" // a failed live check passed over with a warning; the summary shows it in red
)

// Errors of the wizard's progress.
var (
	ErrUnknownStep     = errors.New("unknown wizard step")
	ErrCheckNotPassed  = errors.New("the step's live check has not passed")
	ErrCannotSkip      = errors.New("only a step whose live check failed can be skipped")
	errInputsNotString = errors.New("wizard inputs are plain strings")
)

// StepProgress is one step as the wizard and its summary show it.
type StepProgress struct {
	WizardStep
	State      StepState
	CheckedAt  time.Time // when the live check last passed; zero if never
	CheckError string    // the kind of the last failed check ("" after a pass); see CheckResult.Kind
	Inputs     map[string]string
}

// Wizard is the setup wizard's progress for one key. Every change is written at once, so the
// wizard reopens where the user left off, even after a crash.
type Wizard struct {
	db    *storage.DB
	keyID int64
	// CheckTimeout bounds each gateway check; ChannelTimeout the wait for CONNECT_ACK.
	CheckTimeout, ChannelTimeout time.Duration
	// TestMessageQuiet is how long WaitForTestMessage keeps listening after the last MOCK push,
	// so that every message of one 去测试 press is shown.
	TestMessageQuiet time.Duration
	// Logf receives the checks' log lines; nil means log.Printf. No secret is ever passed to it.
	Logf func(format string, args ...any)
}

// Wizard is the setup wizard of key keyID (from StartKey).
func (a *App) Wizard(keyID int64) *Wizard {
	return &Wizard{
		db: a.db, keyID: keyID,
		CheckTimeout: 20 * time.Second, ChannelTimeout: 15 * time.Second, TestMessageQuiet: 3 * time.Second,
	}
}

// KeyID is the key the wizard sets up.
func (w *Wizard) KeyID() int64 { return w.keyID }

// Progress is every step in order with its state; steps never visited are todo.
func (w *Wizard) Progress(ctx context.Context) ([]StepProgress, error) {
	rows, err := w.db.WizardProgress(ctx, w.keyID)
	if err != nil {
		return nil, err
	}
	byStep := make(map[string]storage.WizardStep, len(rows))
	for _, r := range rows {
		byStep[r.Step] = r
	}
	out := make([]StepProgress, len(WizardSteps))
	for i, s := range WizardSteps {
		p := StepProgress{WizardStep: s, State: StepTodo, Inputs: map[string]string{}}
		if r, ok := byStep[string(s.ID)]; ok {
			p.State, p.CheckedAt, p.CheckError = StepState(r.State), r.CheckedAt, r.CheckError
			// Inputs were written by MarkDone as a string map; anything else is left empty.
			_ = json.Unmarshal([]byte(r.Inputs), &p.Inputs)
		}
		out[i] = p
	}
	return out, nil
}

// MarkDone records step as done with what the user typed on its page. Inputs must not hold a
// secret: a name containing "secret" or "token" is refused. A live step is done only after its
// check passed.
func (w *Wizard) MarkDone(ctx context.Context, step StepID, inputs map[string]string) error {
	p, err := w.step(ctx, step)
	if err != nil {
		return err
	}
	if p.Live && (p.CheckedAt.IsZero() || p.CheckError != "") {
		return fmt.Errorf("%s: %w", step, ErrCheckNotPassed)
	}
	for name := range inputs {
		if n := strings.ToLower(name); strings.Contains(n, "secret") || strings.Contains(n, "token") {
			return fmt.Errorf("%s: input %q: %w", step, name, ErrSecretInInputs)
		}
	}
	if inputs == nil {
		inputs = map[string]string{}
	}
	js, err := json.Marshal(inputs)
	if err != nil {
		return fmt.Errorf("%s: %w", step, errInputsNotString)
	}
	return w.db.SetWizardState(ctx, w.keyID, string(step), string(StepDone), string(js), time.Now())
}

// Skip passes over a live step whose last check failed, keeping the failure on record for the
// summary. Any other step must be done instead.
func (w *Wizard) Skip(ctx context.Context, step StepID) error {
	p, err := w.step(ctx, step)
	if err != nil {
		return err
	}
	if !p.Live || p.CheckError == "" {
		return fmt.Errorf("%s: %w", step, ErrCannotSkip)
	}
	js, _ := json.Marshal(p.Inputs) // a map of strings always marshals
	return w.db.SetWizardState(ctx, w.keyID, string(step), string(StepSkipped), string(js), time.Now())
}

// Undo puts a done or skipped step back to todo, keeping what was typed and the last check's
// outcome, for a user who unticks "Done".
func (w *Wizard) Undo(ctx context.Context, step StepID) error {
	p, err := w.step(ctx, step)
	if err != nil {
		return err
	}
	js, _ := json.Marshal(p.Inputs) // a map of strings always marshals
	return w.db.SetWizardState(ctx, w.keyID, string(step), string(StepTodo), string(js), time.Now())
}

// Finished reports whether the user reached the summary: the finish step is done.
func (w *Wizard) Finished(ctx context.Context) (bool, error) {
	p, err := w.step(ctx, StepFinish)
	return p.State == StepDone, err
}

// Resume is the step to reopen the wizard at: the first one neither done nor skipped, or
// StepFinish when all are.
func (w *Wizard) Resume(ctx context.Context) (StepID, error) {
	steps, err := w.Progress(ctx)
	if err != nil {
		return "", err
	}
	for _, s := range steps {
		if s.State == StepTodo {
			return s.ID, nil
		}
	}
	return StepFinish, nil
}

func (w *Wizard) step(ctx context.Context, id StepID) (StepProgress, error) {
	steps, err := w.Progress(ctx)
	if err != nil {
		return StepProgress{}, err
	}
	for _, s := range steps {
		if s.ID == id {
			return s, nil
		}
	}
	return StepProgress{}, fmt.Errorf("%q: %w", id, ErrUnknownStep)
}

// record stores the outcome of step's live check.
func (w *Wizard) record(ctx context.Context, step StepID, r CheckResult) error {
	// The outcome is recorded even when the caller's context just ended: it ended the check.
	ctx = context.WithoutCancel(ctx)
	return w.db.RecordWizardCheck(ctx, w.keyID, string(step), string(r.Kind), time.Now())
}

func (w *Wizard) logf(format string, args ...any) {
	if w.Logf != nil {
		w.Logf(format, args...)
		return
	}
	log.Printf(format, args...)
}
