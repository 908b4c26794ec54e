package msgchan

import (
	"errors"
	"strings"
	"time"
)

// SystemKind says what a SYSTEM frame means for the user.
type SystemKind int

const (
	// SystemNotice is a SYSTEM frame after CONNECT_ACK that names no bad credentials: the
	// official SDK says such frames can generally be ignored.
	SystemNotice SystemKind = iota
	// SystemRefused is a SYSTEM frame before CONNECT_ACK whose text is not recognised: the
	// server refused the connection for a reason we cannot name.
	SystemRefused
	// SystemBadCredentials is a SYSTEM frame that Config.IsBadCredentials recognises: the app
	// key or secret was not accepted, so the user must re-copy them.
	SystemBadCredentials
)

// SystemEvent is one SYSTEM frame.
type SystemEvent struct {
	Kind SystemKind
	Text string // the server's own words, kept for diagnostics
	At   time.Time
}

// Errors a State.Err can match with errors.Is.
var (
	// ErrRefused: the server refused the connection (any *SystemError is one).
	ErrRefused = errors.New("the server refused the connection")
	// ErrBadCredentials: the server did not accept the app key or the app secret.
	ErrBadCredentials = errors.New("the server did not accept the app key or the app secret")
	// ErrServerClose: the server sent a CLOSE frame, so the client reconnects.
	ErrServerClose = errors.New("the server closed the channel")
	// ErrClosed: Run was called on a Client that is closed or already running.
	ErrClosed = errors.New("msgchan: client closed or already running")
)

// SystemError is the error of a session that a SYSTEM frame refused.
type SystemError struct {
	Kind SystemKind
	Text string
}

func (e *SystemError) Error() string {
	reason := ErrRefused.Error()
	if e.Kind == SystemBadCredentials {
		reason = ErrBadCredentials.Error()
	}
	return "msgchan: " + reason + ": " + e.Text
}

// Is makes every SystemError an ErrRefused, and one of kind SystemBadCredentials also an
// ErrBadCredentials, so a screen can pick its sentence without reading the raw text.
func (e *SystemError) Is(target error) bool {
	return target == ErrRefused || (target == ErrBadCredentials && e.Kind == SystemBadCredentials)
}

// badCredentialWords are GUESSES: 1688.md §5.3 found no SYSTEM text, so these are the words a
// refusal of a key or signature most likely holds, in English and Chinese.
var badCredentialWords = []string{
	"sign", "secret", "appkey", "app key", "app_key", "auth",
	"签名", "密钥", "秘钥", "鉴权", "认证", "非法",
}

func defaultIsBadCredentials(text string) bool {
	lower := strings.ToLower(text)
	for _, w := range badCredentialWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// classifySystem decides a SYSTEM frame's kind; connected tells whether CONNECT_ACK came first.
func classifySystem(text string, connected bool, isBad func(string) bool) SystemKind {
	switch {
	case isBad(text):
		return SystemBadCredentials
	case connected:
		return SystemNotice
	default:
		return SystemRefused
	}
}
