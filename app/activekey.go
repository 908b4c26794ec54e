package app

import (
	"context"
	"errors"
	"fmt"
	"log"

	"caigou/app/open1688"
	"caigou/storage"
)

// ErrNoActiveKey is returned when an action needs a verified key and none is active yet: the
// screens lead the user to the setup wizard.
var ErrNoActiveKey = errors.New("no active key")

// Endpoints are where the 1688 gateway and message channel are; empty fields mean the real
// ones. Tests point them at the simulator.
type Endpoints struct {
	Gateway string // open1688.Config.BaseURL
	Channel string // msgchan.Config.URL
}

// SetEndpoints points every later call of the App at e. Call it before the screens start.
func (a *App) SetEndpoints(e Endpoints) { a.endpoints = e }

// Endpoints is where the App's calls go.
func (a *App) Endpoints() Endpoints { return a.endpoints }

// ActiveKey is the key the App orders and tracks with, and the account that buys with it.
type ActiveKey struct {
	Key     storage.Key
	Account storage.Account
}

// ActiveKey is the active key and its first authorized account; ErrNoActiveKey when there is
// none, or when the key has no account yet.
func (a *App) ActiveKey(ctx context.Context) (ActiveKey, error) {
	keys, err := a.db.Keys(ctx)
	if err != nil {
		return ActiveKey{}, err
	}
	for _, k := range keys {
		if !k.Active || k.AppKey == "" {
			continue
		}
		accounts, err := a.db.Accounts(ctx, k.ID)
		if err != nil {
			return ActiveKey{}, err
		}
		if len(accounts) == 0 {
			return ActiveKey{}, fmt.Errorf("key %s has no authorized account: %w", k.AppKey, ErrNoActiveKey)
		}
		return ActiveKey{Key: k, Account: accounts[0]}, nil
	}
	return ActiveKey{}, ErrNoActiveKey
}

// Client is a gateway client of the active key's account, counting its calls in the database
// within the key's daily limit. Calls made with open1688.Background(ctx) leave the reserve
// for the user's own actions.
func (a *App) Client(ctx context.Context) (*open1688.Client, ActiveKey, error) {
	ak, err := a.ActiveKey(ctx)
	if err != nil {
		return nil, ActiveKey{}, err
	}
	secret, err := a.secrets.AppSecret(ctx, ak.Key.ID, ak.Key.AppKey)
	if err != nil {
		return nil, ActiveKey{}, fmt.Errorf("the AppSecret of %s: %w", ak.Key.AppKey, err)
	}
	token, err := a.secrets.Token(ctx, ak.Key.ID, ak.Key.AppKey, ak.Account.LoginID)
	if err != nil {
		return nil, ActiveKey{}, fmt.Errorf("the token of %s: %w", ak.Account.LoginID, err)
	}
	c, err := open1688.New(open1688.Config{
		BaseURL: a.endpoints.Gateway, AppKey: ak.Key.AppKey, AppSecret: secret, AccessToken: token,
		Counter: a.db, Budget: open1688.Budget{DailyLimit: ak.Key.DailyCallLimit},
		OnError: recordGatewayErrors(a.db, ak.Key.AppKey, log.Printf),
	})
	if err != nil {
		return nil, ActiveKey{}, err
	}
	return c, ak, nil
}
