package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/zalando/go-keyring"

	"caigou/app/applog"
	"caigou/storage"
)

// KeychainService is the service name of caigou's entries in the OS keychain.
const KeychainService = "caigou"

// ErrNoSecret is returned when neither the keychain nor the database holds the secret asked for.
var ErrNoSecret = errors.New("the secret is not stored")

// Secrets keeps AppSecrets and access tokens in the OS keychain, one entry per secret, and falls
// back to the database columns where no keychain works (DESIGN §3). Once the keychain has failed
// a write, every later write in this run goes to the database: a box without a Secret Service
// does not grow one, and each failed D-Bus attempt costs time. Errors never hold a secret, and
// every secret stored or read is registered with the log's redactor (applog.AddSecret).
type Secrets struct {
	db *storage.DB

	mu       sync.Mutex
	probed   bool
	fallback bool // the keychain failed; secrets go to the database
}

// NewSecrets builds the store over db.
func NewSecrets(db *storage.DB) *Secrets { return &Secrets{db: db} }

// InKeychain reports whether secrets go to the OS keychain (true) or to the database (false), so
// the wizard and Settings can say so plainly. Before any write it tries the keychain once with a
// throwaway entry.
func (s *Secrets) InKeychain() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.probed && !s.fallback {
		const probe = "probe"
		if err := keyring.Set(KeychainService, probe, probe); err != nil {
			s.fallback = true
		} else {
			_ = keyring.Delete(KeychainService, probe)
		}
		s.probed = true
	}
	return !s.fallback
}

// SetAppSecret stores the AppSecret of appKey for key row keyID.
func (s *Secrets) SetAppSecret(ctx context.Context, keyID int64, appKey, secret string) error {
	return s.set(ctx, appSecretEntry(appKey), secret, func(v string) error {
		return s.db.SetKeySecret(ctx, keyID, v)
	})
}

// AppSecret is the AppSecret of appKey for key row keyID.
func (s *Secrets) AppSecret(ctx context.Context, keyID int64, appKey string) (string, error) {
	return s.get(appSecretEntry(appKey), func() (string, bool, error) { return s.db.KeySecret(ctx, keyID) })
}

// SetToken stores the access token of loginID under appKey (key row keyID). The account row
// must exist.
func (s *Secrets) SetToken(ctx context.Context, keyID int64, appKey, loginID, token string) error {
	return s.set(ctx, tokenEntry(appKey, loginID), token, func(v string) error {
		return s.db.SetAccountToken(ctx, keyID, loginID, v)
	})
}

// Token is the access token of loginID under appKey (key row keyID).
func (s *Secrets) Token(ctx context.Context, keyID int64, appKey, loginID string) (string, error) {
	return s.get(tokenEntry(appKey, loginID), func() (string, bool, error) {
		return s.db.AccountToken(ctx, keyID, loginID)
	})
}

// set writes to the keychain and clears the database column, so a secret that once fell back
// does not linger there; or, when the keychain fails, writes the column.
func (s *Secrets) set(ctx context.Context, entry, secret string, column func(string) error) error {
	applog.AddSecret(secret)
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.fallback {
		err := keyring.Set(KeychainService, entry, secret)
		if err == nil {
			s.probed = true
			return column("")
		}
		// The keyring's error may quote what it was given; only its type matters here.
		s.fallback, s.probed = true, true
	}
	if err := column(secret); err != nil {
		return fmt.Errorf("store %s in the database: %w", entryKind(entry), err)
	}
	return nil
}

// get reads the keychain first and the database second: a secret written during an earlier run
// without a keychain stays readable once one appears.
func (s *Secrets) get(entry string, column func() (string, bool, error)) (string, error) {
	s.mu.Lock()
	fallback := s.fallback
	s.mu.Unlock()
	if !fallback {
		if v, err := keyring.Get(KeychainService, entry); err == nil {
			applog.AddSecret(v)
			return v, nil
		}
	}
	v, ok, err := column()
	applog.AddSecret(v)
	switch {
	case err != nil:
		return "", fmt.Errorf("read %s: %w", entryKind(entry), err)
	case !ok:
		return "", fmt.Errorf("%s: %w", entryKind(entry), ErrNoSecret)
	}
	return v, nil
}

func appSecretEntry(appKey string) string { return "appsecret/" + appKey }

func tokenEntry(appKey, loginID string) string { return "token/" + appKey + "/" + loginID }

// entryKind names an entry in an error without its login or key: "appsecret" or "token".
func entryKind(entry string) string {
	for i := range len(entry) {
		if entry[i] == '/' {
			return entry[:i]
		}
	}
	return entry
}

// Mask hides a secret for display: its first 4 and last 2 characters around ••••, enough to tell
// two secrets apart and to see that a paste is complete. A secret of 8 characters or fewer is
// hidden whole, since showing 6 of them would nearly reveal it.
func Mask(secret string) string {
	n := utf8.RuneCountInString(secret)
	if n == 0 {
		return ""
	}
	if n <= 8 {
		return "••••••"
	}
	r := []rune(secret)
	return string(r[:4]) + "••••" + string(r[n-2:])
}
