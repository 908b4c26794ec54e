package app

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"caigou/app/open1688"
	"caigou/i18n"
	"caigou/storage"
)

// AlertKind is a threshold of a key's meters whose crossing raises a notification once.
type AlertKind string

// The usage alerts.
const (
	AlertProducts80 AlertKind = "products80" // 80 % of the products used
	AlertProducts95 AlertKind = "products95" // 95 % of the products used
	AlertCalls80    AlertKind = "calls80"    // 80 % of today's calls made; each China day anew
	AlertDays30     AlertKind = "days30"     // 30 days left of the subscription
	AlertDays7      AlertKind = "days7"      // 7 days left of the subscription
)

// UsageAlert is a crossing to announce with a desktop notification and a banner, in the user's
// language.
type UsageAlert struct {
	Kind  AlertKind
	Key   storage.Key
	texts func() (title, body string)
}

// Texts are the alert's title and body in the current language: a banner still open after a
// language switch is shown in the new language.
func (a UsageAlert) Texts() (title, body string) { return a.texts() }

// UsageAlerts returns the thresholds key keyID has crossed at now that were not announced yet,
// and remembers them in the database, so neither a second call nor a restart repeats one. When
// a meter jumps past both of its thresholds at once, only the higher is returned; the lower is
// remembered with it.
//
// A crossing is remembered with what it depends on: the product limit (a raised limit can be
// crossed anew), the China day (tomorrow's calls are a new count) and the subscription's end
// date (a renewed subscription warns again).
func (a *App) UsageAlerts(ctx context.Context, keyID int64, now time.Time) ([]UsageAlert, error) {
	u, err := a.Usage(ctx, keyID, now)
	if err != nil {
		return nil, err
	}
	return a.UsageAlertsFor(ctx, u, now)
}

// UsageAlertsFor is UsageAlerts for usage u already read at now, as the status line has it.
func (a *App) UsageAlertsFor(ctx context.Context, u KeyUsage, now time.Time) ([]UsageAlert, error) {
	keyID := u.Key.ID
	var out []UsageAlert
	add := func(kinds []AlertKind, scope string, text func(AlertKind) (string, string)) error {
		announce := AlertKind("")
		for _, kind := range kinds { // lowest first: the highest newly claimed one is announced
			claimed, err := a.db.ClaimSetting(ctx, alertSetting(keyID, kind, scope), now.UTC().Format(time.RFC3339))
			if err != nil {
				return err
			}
			if claimed {
				announce = kind
			}
		}
		if announce != "" {
			out = append(out, UsageAlert{Kind: announce, Key: u.Key, texts: func() (string, string) { return text(announce) }})
		}
		return nil
	}
	name := keyName(u.Key)
	limitScope := strconv.Itoa(u.ProductLimit)
	var productKinds []AlertKind
	switch u.ProductsLevel {
	case LevelCritical:
		productKinds = []AlertKind{AlertProducts80, AlertProducts95}
	case LevelWarning:
		productKinds = []AlertKind{AlertProducts80}
	}
	err := add(productKinds, limitScope, func(k AlertKind) (string, string) {
		percent := map[AlertKind]int{AlertProducts80: 80, AlertProducts95: 95}[k]
		return i18n.T(i18n.UsageAlertProductsTitle, map[string]any{"Key": name, "Percent": percent}),
			i18n.T(i18n.UsageAlertProductsBody, map[string]any{"Meter": u.ProductsText()})
	})
	if err != nil {
		return nil, err
	}
	var callKinds []AlertKind
	if u.CallsLevel != LevelNormal {
		callKinds = []AlertKind{AlertCalls80}
	}
	err = add(callKinds, open1688.ChinaDay(now), func(AlertKind) (string, string) {
		return i18n.T(i18n.UsageAlertCallsTitle, map[string]any{"Key": name}),
			i18n.T(i18n.UsageAlertCallsBody, map[string]any{"Meter": u.CallsText(), "Reset": u.ResetsAt.Local().Format("15:04")})
	})
	if err != nil {
		return nil, err
	}
	var dayKinds []AlertKind
	switch u.SubscriptionLevel { // Normal while the end date is not known
	case LevelCritical:
		dayKinds = []AlertKind{AlertDays30, AlertDays7}
	case LevelWarning:
		dayKinds = []AlertKind{AlertDays30}
	}
	err = add(dayKinds, u.Key.ValidUntil, func(AlertKind) (string, string) {
		return i18n.T(i18n.UsageAlertDaysTitle, map[string]any{"Key": name}),
			i18n.T(i18n.UsageAlertDaysBody, map[string]any{"Left": u.DaysLeftText(), "End": u.Key.ValidUntil})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// alertSetting is the settings key that remembers an announced crossing, e.g.
// "usage.alerted.3.calls80.2026-03-10".
func alertSetting(keyID int64, kind AlertKind, scope string) string {
	return fmt.Sprintf("usage.alerted.%d.%s.%s", keyID, kind, scope)
}

// keyName is how texts name a key: its label, or its AppKey when it has none.
func keyName(k storage.Key) string {
	if k.Label != "" {
		return k.Label
	}
	return k.AppKey
}
