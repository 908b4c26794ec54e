package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Settings, Keys: the list of keys with their accounts and where their secrets are kept.
var (
	KeysNone = &goi18n.Message{
		ID:          "KeysNone",
		Description: "Settings, Keys: shown instead of the list when no key has been set up",
		Other:       "No key yet; set one up in Setup.",
	}
	KeysPick = &goi18n.Message{
		ID:          "KeysPick",
		Description: "Settings, Keys: under the list, before a key is selected",
		Other:       "Select a key to rename it, make it active, retire it or re-enter its AppSecret or a token.",
	}
	KeyStateActive     = &goi18n.Message{ID: "KeyStateActive", Description: "A key's state: the one orders are placed with", Other: "Active"}
	KeyStateInUse      = &goi18n.Message{ID: "KeyStateInUse", Description: "A key's state: usable, but not the active one", Other: "In use"}
	KeyStateRetired    = &goi18n.Message{ID: "KeyStateRetired", Description: "A key's state: retired by the user, kept with its orders", Other: "Retired"}
	KeyStateUnfinished = &goi18n.Message{ID: "KeyStateUnfinished", Description: "A key's state: its setup wizard has not saved an AppKey or an account yet", Other: "Setup not finished"}
	KeyUnnamed         = &goi18n.Message{ID: "KeyUnnamed", Description: "The name of a key with no name and no AppKey yet", Other: "New key"}
	KeyAppKey          = &goi18n.Message{ID: "KeyAppKey", Description: "A key's AppKey in its list row; keep AppKey as it is", Other: "AppKey {{.AppKey}}"}
	KeyValidUntil      = &goi18n.Message{ID: "KeyValidUntil", Description: "The last day of a key's subscription, Day as YYYY-MM-DD", Other: "subscription until {{.Day}}"}
	KeyValidUnknown    = &goi18n.Message{ID: "KeyValidUnknown", Description: "A key whose subscription end was not entered", Other: "subscription end not entered"}
	KeySecretsKeychain = &goi18n.Message{ID: "KeySecretsKeychain", Description: "Where a key's AppSecret and tokens are kept: the OS keychain", Other: "secrets in the keychain"}
	KeySecretsDatabase = &goi18n.Message{ID: "KeySecretsDatabase", Description: "Where a key's AppSecret and tokens are kept: caigou's database file, as no keychain works", Other: "secrets in the database file (no keychain)"}
	KeyNoAccounts      = &goi18n.Message{ID: "KeyNoAccounts", Description: "A key with no authorized 1688 account yet", Other: "No authorized account yet"}
	KeyAccounts        = &goi18n.Message{ID: "KeyAccounts", Description: "A key's authorized accounts; List is a comma-separated list of TokenState* texts", Other: "Accounts: {{.List}}"}

	TokenStateUnchecked = &goi18n.Message{ID: "TokenStateUnchecked", Description: "An account with its token never checked; Login is its 1688 login name", Other: "{{.Login}} (token not checked)"}
	TokenStateOK        = &goi18n.Message{ID: "TokenStateOK", Description: "An account whose token worked when last checked", Other: "{{.Login}} (token works)"}
	TokenStateExpired   = &goi18n.Message{ID: "TokenStateExpired", Description: "An account whose token has expired", Other: "{{.Login}} (token expired)"}
	TokenStateRejected  = &goi18n.Message{ID: "TokenStateRejected", Description: "An account whose token 1688 refused", Other: "{{.Login}} (token refused)"}
)

// Settings, Keys: the actions on the selected key and their dialogs. Name is the key's name or
// AppKey.
var (
	KeyRename        = &goi18n.Message{ID: "KeyRename", Description: "Button: give the selected key a name", Other: "Rename…"}
	KeyMakeActive    = &goi18n.Message{ID: "KeyMakeActive", Description: "Button: place orders with the selected key from now on", Other: "Make active"}
	KeyRetire        = &goi18n.Message{ID: "KeyRetire", Description: "Button: stop using the selected key, keeping its orders", Other: "Retire…"}
	KeyPutBack       = &goi18n.Message{ID: "KeyPutBack", Description: "Button: use a retired key again", Other: "Put back in use"}
	KeyReenterSecret = &goi18n.Message{ID: "KeyReenterSecret", Description: "Button: type the key's AppSecret again; keep AppSecret as it is", Other: "Re-enter AppSecret…"}
	KeyReenterToken  = &goi18n.Message{ID: "KeyReenterToken", Description: "Button: type the token of one account again; Login is its 1688 login name", Other: "Re-enter token of {{.Login}}…"}

	KeyRenameTitle = &goi18n.Message{ID: "KeyRenameTitle", Description: "Dialog title: rename a key", Other: "Rename key {{.Name}}"}
	KeyRenameHint  = &goi18n.Message{
		ID:          "KeyRenameHint",
		Description: "Rename dialog: what the name is for",
		Other:       "The name is shown instead of the AppKey, for example “Shop 2”. Leave it empty to show the AppKey.",
	}
	KeySave = &goi18n.Message{ID: "KeySave", Description: "Dialog button: save the key's new name", Other: "Save"}

	KeyMakeActiveTitle = &goi18n.Message{ID: "KeyMakeActiveTitle", Description: "Dialog title: confirm making a key the active one", Other: "Make key {{.Name}} active?"}
	KeyMakeActiveBody  = &goi18n.Message{
		ID:          "KeyMakeActiveBody",
		Description: "Dialog text: what making a key active changes",
		Other:       "New orders will be placed with this key, and caigou will receive its messages. The other keys keep their orders and usage.",
	}

	KeyRetireTitle = &goi18n.Message{ID: "KeyRetireTitle", Description: "Dialog title: confirm retiring a key", Other: "Retire key {{.Name}}?"}
	KeyRetireBody  = &goi18n.Message{
		ID:          "KeyRetireBody",
		Description: "Dialog text: what retiring a key does and does not do",
		Other:       "A retired key places no orders and receives no messages. Its orders and usage stay in caigou, and you can put it back in use at any time.",
	}
	KeyRetireConfirm = &goi18n.Message{ID: "KeyRetireConfirm", Description: "Dialog button: retire the key", Other: "Retire"}
	KeyRetireActive  = &goi18n.Message{
		ID:          "KeyRetireActive",
		Description: "Dialog text under KeyRetireBody when the key is the active one",
		Other:       "This is the active key: until you make another key active, caigou places no orders and receives no messages.",
	}

	KeySecretTitle = &goi18n.Message{ID: "KeySecretTitle", Description: "Dialog title: type the AppSecret of a key again; keep AppSecret as it is", Other: "New AppSecret of key {{.Name}}"}
	KeyTokenTitle  = &goi18n.Message{ID: "KeyTokenTitle", Description: "Dialog title: type the token of an account again; Login is its 1688 login name", Other: "New token of {{.Login}}"}
	KeyCheckFirst  = &goi18n.Message{
		ID:          "KeyCheckFirst",
		Description: "Re-enter dialogs: the new value is checked before it replaces the stored one",
		Other:       "caigou checks it with 1688 first. Only a value that works replaces the stored one; otherwise the old one stays.",
	}
	KeyCheckAndSave = &goi18n.Message{ID: "KeyCheckAndSave", Description: "Dialog button: check the typed value with 1688, then save it", Other: "Check and save"}
	KeySecretSaved  = &goi18n.Message{ID: "KeySecretSaved", Description: "After a re-entered AppSecret passed its check", Other: "The new AppSecret of key {{.Name}} works and is saved."}
	KeyTokenSaved   = &goi18n.Message{ID: "KeyTokenSaved", Description: "After a re-entered token passed its check", Other: "The new token of {{.Login}} works and is saved."}

	KeyChangeFailedTitle = &goi18n.Message{ID: "KeyChangeFailedTitle", Description: "Dialog title: a change to a key was not made", Other: "The key was not changed"}
	KeyChangeFailedBody  = &goi18n.Message{
		ID:          "KeyChangeFailedBody",
		Description: "Dialog text: a change to a key could not be saved",
		Other:       "caigou could not save the change. Check that the disk is not full, then try again.",
	}
	KeysReadFailed = &goi18n.Message{
		ID:          "KeysReadFailed",
		Description: "Settings, Keys: the keys could not be read",
		Other:       "The keys could not be read. Restart caigou; if this stays, create a diagnostics file under Data.",
	}
)

// Why a key change was refused (app.ExplainKeyError).
var (
	KeyErrRetired = &goi18n.Message{
		ID:          "KeyErrRetired",
		Description: "A retired key cannot be made active",
		Other:       "This key is retired. Put it back in use first, then make it active.",
	}
	KeyErrIncomplete = &goi18n.Message{
		ID:          "KeyErrIncomplete",
		Description: "A key whose setup has no AppKey or no authorized account cannot be used",
		Other:       "This key's setup is not finished: it has no AppKey or no authorized account yet. Finish it in Setup.",
	}
	KeyErrNoAccount = &goi18n.Message{
		ID:          "KeyErrNoAccount",
		Description: "The account whose token was re-entered is no longer under the key",
		Other:       "This account is no longer listed under the key. Add it again in Setup.",
	}
	KeyErrLabelLength = &goi18n.Message{
		ID:          "KeyErrLabelLength",
		Description: "A key's name is too long; Max is the most characters allowed",
		Other:       "A key's name has at most {{.Max}} characters. Shorten it.",
	}
	KeyErrLabelInvalid = &goi18n.Message{
		ID:          "KeyErrLabelInvalid",
		Description: "A key's name has a line break, tab or other control character",
		Other:       "A key's name is one line without tabs. Type it again.",
	}
	KeyErrNoSecret = &goi18n.Message{
		ID:          "KeyErrNoSecret",
		Description: "The key's AppSecret is not stored, so a token cannot be checked; keep AppSecret as it is",
		Other:       "The key's AppSecret is not stored on this computer. Re-enter the AppSecret first, then the token.",
	}
)

// Settings, Theme.
var (
	ThemeSystem     = &goi18n.Message{ID: "ThemeSystem", Description: "Theme choice: follow the computer's light or dark mode", Other: "System"}
	ThemeLight      = &goi18n.Message{ID: "ThemeLight", Description: "Theme choice: always light", Other: "Light"}
	ThemeDark       = &goi18n.Message{ID: "ThemeDark", Description: "Theme choice: always dark", Other: "Dark"}
	ThemeSystemNote = &goi18n.Message{
		ID:          "ThemeSystemNote",
		Description: "Under the theme choice: what System means",
		Other:       "System follows your computer's light or dark mode.",
	}
)
