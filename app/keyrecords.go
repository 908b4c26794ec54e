package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"caigou/storage"
)

// ErrNoAppKeyYet is returned when an account is saved under a key whose AppKey is not known yet:
// its token's keychain entry is named after the AppKey.
var ErrNoAppKeyYet = errors.New("the key has no AppKey yet")

// StartKey adds a key for a new wizard run, with the default limits and no AppKey yet. Earlier
// keys stay as they are.
func (a *App) StartKey(ctx context.Context) (int64, error) {
	return a.db.InsertKey(ctx, DefaultProductLimit, DefaultDailyCallLimit, time.Now())
}

// SaveKeyCredentials validates and stores the AppKey and AppSecret of key keyID, the secret
// through Secrets. An invalid input returns its input error (see ExplainInputError); an AppKey
// that another key already has returns ErrAppKeyTaken.
func (a *App) SaveKeyCredentials(ctx context.Context, keyID int64, appKey, appSecret string) error {
	appKey, err := ValidateAppKey(appKey)
	if err != nil {
		return err
	}
	if appSecret, err = ValidateAppSecret(appSecret); err != nil {
		return err
	}
	if err := a.db.SetKeyAppKey(ctx, keyID, appKey); err != nil {
		if errors.Is(err, storage.ErrAppKeyTaken) {
			return ErrAppKeyTaken
		}
		return err
	}
	return a.secrets.SetAppSecret(ctx, keyID, appKey, appSecret)
}

// SetKeyValidity validates and stores the subscription's 生效时间 of key keyID; from may be ""
// when the user typed only the end date.
func (a *App) SetKeyValidity(ctx context.Context, keyID int64, from, until string) error {
	until, err := ValidateChinaDay(until)
	if err != nil {
		return err
	}
	if from != "" {
		if from, err = ValidateChinaDay(from); err != nil {
			return err
		}
	}
	return a.db.SetKeyValidity(ctx, keyID, from, until)
}

// SaveAccount validates and stores an authorized user of key keyID and its token, the token
// through Secrets. The key's AppKey must be saved first.
func (a *App) SaveAccount(ctx context.Context, keyID int64, loginID, token string) error {
	loginID, err := ValidateLoginID(loginID)
	if err != nil {
		return err
	}
	if token, err = ValidateToken(token); err != nil {
		return err
	}
	k, err := a.Key(ctx, keyID)
	if err != nil {
		return err
	}
	if k.AppKey == "" {
		return ErrNoAppKeyYet
	}
	if _, err := a.db.EnsureAccount(ctx, keyID, loginID, time.Now()); err != nil {
		return err
	}
	return a.secrets.SetToken(ctx, keyID, k.AppKey, loginID, token)
}

// SetActiveKey makes key keyID the one the app orders and tracks with.
func (a *App) SetActiveKey(ctx context.Context, keyID int64) error {
	return a.db.SetActiveKey(ctx, keyID)
}

// Keys lists every key, oldest first, without secrets.
func (a *App) Keys(ctx context.Context) ([]storage.Key, error) { return a.db.Keys(ctx) }

// Key is the key keyID, without its secret; storage.ErrNoKey when there is none.
func (a *App) Key(ctx context.Context, keyID int64) (storage.Key, error) {
	keys, err := a.db.Keys(ctx)
	if err != nil {
		return storage.Key{}, err
	}
	for _, k := range keys {
		if k.ID == keyID {
			return k, nil
		}
	}
	return storage.Key{}, fmt.Errorf("key %d: %w", keyID, storage.ErrNoKey)
}

// CurrentSetup is the key whose wizard the Setup screen reopens: the newest key whose wizard is
// not finished, else the newest key; ok is false when there is no key yet.
func (a *App) CurrentSetup(ctx context.Context) (keyID int64, ok bool, err error) {
	keys, err := a.db.Keys(ctx)
	if err != nil || len(keys) == 0 {
		return 0, false, err
	}
	for i := len(keys) - 1; i >= 0; i-- {
		finished, err := a.Wizard(keys[i].ID).Finished(ctx)
		if err != nil {
			return 0, false, err
		}
		if !finished {
			return keys[i].ID, true, nil
		}
	}
	return keys[len(keys)-1].ID, true, nil
}
