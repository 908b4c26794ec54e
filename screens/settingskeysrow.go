package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
	"caigou/storage"
)

// The rows of the Keys section's list, in words.

// keyRow is the template of a list row: the name and state, then the AppKey, the end of the
// subscription and where the secrets are, then the accounts with their tokens' state.
func keyRow() fyne.CanvasObject {
	name := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	state := &widget.Label{}
	details := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	accounts := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewVBox(container.NewHBox(name, state), details, accounts)
}

// keyRowParts are the labels of a row made by keyRow.
func keyRowParts(o fyne.CanvasObject) (name, state, details, accounts *widget.Label) {
	objs := o.(*fyne.Container).Objects
	top := objs[0].(*fyne.Container).Objects
	return top[0].(*widget.Label), top[1].(*widget.Label), objs[1].(*widget.Label), objs[2].(*widget.Label)
}

// listedKeyName is what the user calls a listed key: its name, its AppKey, or "New key".
func listedKeyName(k app.KeyOverview) string {
	if n := keyName(k.Key); n != "" {
		return n
	}
	return i18n.T(i18n.KeyUnnamed, nil)
}

func listedKeyState(k app.KeyOverview) (string, widget.Importance) {
	switch {
	case k.Key.Retired:
		return i18n.T(i18n.KeyStateRetired, nil), widget.LowImportance
	case k.Key.AppKey == "" || len(k.Accounts) == 0:
		return i18n.T(i18n.KeyStateUnfinished, nil), widget.WarningImportance
	case k.Key.Active:
		return i18n.T(i18n.KeyStateActive, nil), widget.SuccessImportance
	}
	return i18n.T(i18n.KeyStateInUse, nil), widget.MediumImportance
}

func keyDetails(k app.KeyOverview) string {
	if k.Key.AppKey == "" {
		return ""
	}
	parts := []string{i18n.T(i18n.KeyAppKey, map[string]any{"AppKey": k.Key.AppKey})}
	if k.Key.ValidUntil != "" {
		parts = append(parts, i18n.T(i18n.KeyValidUntil, map[string]any{"Day": k.Key.ValidUntil}))
	} else {
		parts = append(parts, i18n.T(i18n.KeyValidUnknown, nil))
	}
	if k.SecretsInDatabase {
		parts = append(parts, i18n.T(i18n.KeySecretsDatabase, nil))
	} else {
		parts = append(parts, i18n.T(i18n.KeySecretsKeychain, nil))
	}
	return strings.Join(parts, " · ")
}

var tokenStates = map[storage.TokenState]*i18n.Message{
	storage.TokenUnchecked: i18n.TokenStateUnchecked,
	storage.TokenOK:        i18n.TokenStateOK,
	storage.TokenExpired:   i18n.TokenStateExpired,
	storage.TokenRejected:  i18n.TokenStateRejected,
}

func keyAccounts(accounts []storage.Account) string {
	if len(accounts) == 0 {
		return i18n.T(i18n.KeyNoAccounts, nil)
	}
	list := make([]string, len(accounts))
	for i, a := range accounts {
		msg, ok := tokenStates[a.TokenState]
		if !ok {
			msg = i18n.TokenStateUnchecked
		}
		list[i] = i18n.T(msg, map[string]any{"Login": a.LoginID})
	}
	return i18n.T(i18n.KeyAccounts, map[string]any{"List": strings.Join(list, ", ")})
}
