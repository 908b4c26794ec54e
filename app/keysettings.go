package app

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"caigou/i18n"
	"caigou/storage"
)

// Errors of the key changes made in Settings. ExplainKeyError translates each one.
var (
	ErrKeyRetired      = storage.ErrKeyRetired // put it back in use first
	ErrKeyIncomplete   = errors.New("the key has no AppKey or no authorized account yet")
	ErrNoSuchAccount   = errors.New("the key has no such authorized account")
	ErrKeyLabelLength  = errors.New("a key's name has at most 40 characters")
	ErrKeyLabelInvalid = errors.New("a key's name has no control characters")
)

// maxKeyLabelLen is long enough for "Shop 2, spring 2025" in any of the three languages and short
// enough for the key choice and the status line.
const maxKeyLabelLen = 40

// settingsCheckTimeout bounds the live check of a secret or token re-entered in Settings, as the
// wizard's CheckTimeout does for its checks.
const settingsCheckTimeout = 20 * time.Second

// KeyOverview is a key as Settings lists it: its row, its accounts with their token state, and
// where its secrets are kept.
type KeyOverview struct {
	Key      storage.Key
	Accounts []storage.Account
	// SecretsInDatabase is true when the AppSecret or a token is in the database file (no
	// keychain worked when it was saved); false when the keychain holds them, or nothing is saved.
	SecretsInDatabase bool
}

// KeyOverviews lists every key, oldest first, for Settings. No secret is read.
func (a *App) KeyOverviews(ctx context.Context) ([]KeyOverview, error) {
	keys, err := a.db.Keys(ctx)
	if err != nil {
		return nil, err
	}
	inDB, err := a.db.KeysWithSecretsInDatabase(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]KeyOverview, len(keys))
	for i, k := range keys {
		out[i] = KeyOverview{Key: k, SecretsInDatabase: inDB[k.ID]}
		if out[i].Accounts, err = a.db.Accounts(ctx, k.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// RenameKey names key keyID; a name of only spaces clears it, and the key is shown by its AppKey.
func (a *App) RenameKey(ctx context.Context, keyID int64, label string) error {
	label = strings.TrimSpace(label)
	switch {
	case strings.ContainsFunc(label, unicode.IsControl): // a full-width space (U+3000) is welcome
		return ErrKeyLabelInvalid
	case utf8.RuneCountInString(label) > maxKeyLabelLen:
		return ErrKeyLabelLength
	}
	return a.db.RenameKey(ctx, keyID, label)
}

// RetireKey retires key keyID: its orders and usage stay, it is never active until put back in
// use. Retiring the active key leaves no key active, so the caller restarts what the active key
// ran.
func (a *App) RetireKey(ctx context.Context, keyID int64) error {
	return a.db.SetKeyRetired(ctx, keyID, true, time.Now())
}

// ReturnKey puts the retired key keyID back in use. It does not become active by itself.
func (a *App) ReturnKey(ctx context.Context, keyID int64) error {
	return a.db.SetKeyRetired(ctx, keyID, false, time.Now())
}

// MakeKeyActive makes key keyID the one the app orders and tracks with. A retired key is refused
// with ErrKeyRetired, a key without an AppKey or an authorized account with ErrKeyIncomplete.
func (a *App) MakeKeyActive(ctx context.Context, keyID int64) error {
	k, err := a.Key(ctx, keyID)
	if err != nil {
		return err
	}
	switch {
	case k.Retired:
		return ErrKeyRetired
	case k.AppKey == "":
		return ErrKeyIncomplete
	}
	accounts, err := a.db.Accounts(ctx, keyID)
	if err != nil {
		return err
	}
	if len(accounts) == 0 {
		return ErrKeyIncomplete
	}
	return a.db.SetActiveKey(ctx, keyID) // ErrKeyRetired if it was retired since it was read
}

// ReplaceAppSecret validates a re-entered AppSecret of key keyID as the wizard does, checks it
// live with the wizard's signed system.currentTime, and only when that passes stores it through
// Secrets. A refused input or a failed check is the result, explained as the wizard explains it,
// and the old secret stays. The error is for what is not the user's input: a missing key, a
// failed write. Neither ever holds the secret.
func (a *App) ReplaceAppSecret(ctx context.Context, keyID int64, secret string) (CheckResult, error) {
	k, err := a.Key(ctx, keyID)
	if err != nil {
		return CheckResult{}, err
	}
	if k.AppKey == "" {
		return CheckResult{}, ErrNoAppKeyYet
	}
	if secret, err = ValidateAppSecret(secret); err != nil {
		return inputResult(err), nil
	}
	r := a.probe(k.AppKey, secret, "").run(ctx, signatureCall)
	if !r.OK {
		log.Printf("settings: the new AppSecret of %s was not stored, its check failed: %s", k.AppKey, r.Kind)
		return r, nil
	}
	if err := a.secrets.SetAppSecret(ctx, keyID, k.AppKey, secret); err != nil {
		return r, err
	}
	log.Printf("settings: a new AppSecret of %s passed its check and was stored", k.AppKey)
	return r, nil
}

// ReplaceToken is ReplaceAppSecret for the token of the authorized account loginID of key keyID:
// validated, checked with the wizard's one-row order list (signed with the key's stored
// AppSecret), and stored only when the check passes, which also marks the account's token as
// working.
func (a *App) ReplaceToken(ctx context.Context, keyID int64, loginID, token string) (CheckResult, error) {
	k, err := a.Key(ctx, keyID)
	if err != nil {
		return CheckResult{}, err
	}
	if k.AppKey == "" {
		return CheckResult{}, ErrNoAppKeyYet
	}
	if err := a.hasAccount(ctx, keyID, loginID); err != nil {
		return CheckResult{}, err
	}
	if token, err = ValidateToken(token); err != nil {
		return inputResult(err), nil
	}
	secret, err := a.secrets.AppSecret(ctx, keyID, k.AppKey)
	if err != nil {
		return CheckResult{}, err
	}
	r := a.probe(k.AppKey, secret, token).run(ctx, tokenCall)
	if !r.OK {
		log.Printf("settings: the new token of %s under %s was not stored, its check failed: %s", loginID, k.AppKey, r.Kind)
		return r, nil
	}
	if err := a.secrets.SetToken(ctx, keyID, k.AppKey, loginID, token); err != nil {
		return r, err
	}
	log.Printf("settings: a new token of %s under %s passed its check and was stored", loginID, k.AppKey)
	return r, a.db.SetAccountTokenState(ctx, keyID, loginID, storage.TokenOK, time.Now())
}

func (a *App) hasAccount(ctx context.Context, keyID int64, loginID string) error {
	accounts, err := a.db.Accounts(ctx, keyID)
	if err != nil {
		return err
	}
	for _, acc := range accounts {
		if acc.LoginID == loginID {
			return nil
		}
	}
	return fmt.Errorf("key %d: %w", keyID, ErrNoSuchAccount)
}

// probe is the wizard's live check of appKey's secret or token, against the App's gateway.
func (a *App) probe(appKey, secret, token string) gatewayProbe {
	return gatewayProbe{
		baseURL: a.endpoints.Gateway, appKey: appKey, secret: secret, token: token,
		timeout: settingsCheckTimeout, counter: a.db, logf: log.Printf,
		onError: recordGatewayErrors(a.db, appKey, log.Printf),
	}
}

// keyErrorTexts pairs each error of a key change with its catalog message.
var keyErrorTexts = []struct {
	err error
	msg *i18n.Message
}{
	{ErrKeyRetired, i18n.KeyErrRetired},
	{ErrKeyIncomplete, i18n.KeyErrIncomplete},
	{ErrNoAppKeyYet, i18n.KeyErrIncomplete},
	{ErrNoSuchAccount, i18n.KeyErrNoAccount},
	{ErrKeyLabelLength, i18n.KeyErrLabelLength},
	{ErrKeyLabelInvalid, i18n.KeyErrLabelInvalid},
	{ErrNoSecret, i18n.KeyErrNoSecret},
}

// ExplainKeyError says, in the user's language, why a key change in Settings was refused and what
// to do instead; "" for any other error, for which the screen shows its generic message.
func ExplainKeyError(err error) string {
	for _, t := range keyErrorTexts {
		if errors.Is(err, t.err) {
			data := map[string]any{"Max": maxKeyLabelLen}
			return i18n.T(t.msg, data)
		}
	}
	return ""
}
