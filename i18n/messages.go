package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Message is one entry of the catalog.
type Message = goi18n.Message

// The catalog: every user-visible string of caigou. `goi18n extract` reads these literals to
// produce locales/active.en.toml; the translations live in the other active.*.toml files.
// The Description of each message tells translators where it shows.
var (
	LanguageName = &goi18n.Message{
		ID:          "LanguageName",
		Description: "The name of this language, written in this language (English, Русский, 中文)",
		Other:       "English",
	}
	ProductCount = &goi18n.Message{
		ID:          "ProductCount",
		Description: "A number of products (order lines), e.g. in the key usage meter",
		One:         "{{.Count}} product",
		Other:       "{{.Count}} products",
	}
	APICallCount = &goi18n.Message{
		ID:          "APICallCount",
		Description: "A number of 1688 API calls",
		One:         "{{.Count}} API call",
		Other:       "{{.Count}} API calls",
	}
	NavSetup = &goi18n.Message{
		ID:          "NavSetup",
		Description: "Navigation entry: the key setup wizard",
		Other:       "Setup",
	}
	NavOrders = &goi18n.Message{
		ID:          "NavOrders",
		Description: "Navigation entry: entering purchase orders",
		Other:       "Orders",
	}
	NavTracking = &goi18n.Message{
		ID:          "NavTracking",
		Description: "Navigation entry: following orders until delivery",
		Other:       "Tracking",
	}
	NavUsage = &goi18n.Message{
		ID:          "NavUsage",
		Description: "Navigation entry: the usage meter of each key",
		Other:       "Key usage",
	}
	NavSettings = &goi18n.Message{
		ID:          "NavSettings",
		Description: "Navigation entry: the app's settings",
		Other:       "Settings",
	}
	BrowserFailedTitle = &goi18n.Message{
		ID:          "BrowserFailedTitle",
		Description: "Dialog title when no browser could be opened",
		Other:       "The browser did not open",
	}
	BrowserFailed = &goi18n.Message{
		ID:          "BrowserFailed",
		Description: "Dialog text when no browser could be opened; the address follows",
		Other:       "Copy this address into your browser:",
	}
	CopyAddress = &goi18n.Message{
		ID:          "CopyAddress",
		Description: "Button: copies a web address",
		Other:       "Copy the address",
	}
	DialogClose = &goi18n.Message{
		ID:          "DialogClose",
		Description: "Button that closes a dialog",
		Other:       "Close",
	}
	NoKeyTitle = &goi18n.Message{
		ID:          "NoKeyTitle",
		Description: "Empty state heading when no key exists",
		Other:       "No key set up yet",
	}
	StartSetup = &goi18n.Message{
		ID:          "StartSetup",
		Description: "Button leading to the key setup",
		Other:       "Start the setup",
	}
	OrdersNoKeyBody = &goi18n.Message{
		ID:          "OrdersNoKeyBody",
		Description: "Orders screen without a key",
		Other:       "Orders are placed through a 1688 autopurchase key. Set up a key first.",
	}
	TrackingEmptyTitle = &goi18n.Message{
		ID:          "TrackingEmptyTitle",
		Description: "Tracking screen heading without orders",
		Other:       "No orders to track yet",
	}
	TrackingNoKeyBody = &goi18n.Message{
		ID:          "TrackingNoKeyBody",
		Description: "Tracking screen without a key",
		Other:       "Orders are followed through the messages 1688 sends to your key. Set up a key first.",
	}
	TrackingEmptyBody = &goi18n.Message{
		ID:          "TrackingEmptyBody",
		Description: "Tracking screen with a key but no orders",
		Other:       "Orders you place or import will show here.",
	}
	UsageLimits = &goi18n.Message{
		ID:          "UsageLimits",
		Description: "What a key allows; Products and Calls are already counted phrases such as '1000 products'",
		Other:       "Each key may buy {{.Products}} and make {{.Calls}} a day, for one year from the day of subscription. Once a key is set up, its usage is metered here.",
	}
	UsageNoDataTitle = &goi18n.Message{
		ID:          "UsageNoDataTitle",
		Description: "Usage screen heading with a key but nothing metered yet",
		Other:       "Nothing metered yet",
	}
	ReadFailedTitle = &goi18n.Message{
		ID:          "ReadFailedTitle",
		Description: "Heading when the database cannot be read",
		Other:       "caigou cannot read its data",
	}
	ReadFailedBody = &goi18n.Message{
		ID:          "ReadFailedBody",
		Description: "Text when the database cannot be read",
		Other:       "Close caigou and start it again. If this stays, check that the disk is not full or failing.",
	}
	SettingsTitle = &goi18n.Message{
		ID:          "SettingsTitle",
		Description: "Heading of the settings screen",
		Other:       "Settings",
	}
	SettingsLanguage = &goi18n.Message{
		ID:          "SettingsLanguage",
		Description: "Settings: the language choice",
		Other:       "Language",
	}
	SettingsAddLanguage = &goi18n.Message{
		ID:          "SettingsAddLanguage",
		Description: "Settings: how a translator adds a language; Folder is a path",
		Other:       "To add a language, put its translated .toml file into {{.Folder}} and restart caigou.",
	}
	SettingsDataFolder = &goi18n.Message{
		ID:          "SettingsDataFolder",
		Description: "Settings: the folder with the database",
		Other:       "Data folder",
	}
	SaveFailedTitle = &goi18n.Message{
		ID:          "SaveFailedTitle",
		Description: "Dialog title when a setting could not be saved",
		Other:       "The setting was not saved",
	}
	SaveFailedBody = &goi18n.Message{
		ID:          "SaveFailedBody",
		Description: "Dialog text when a setting could not be saved",
		Other:       "It applies now but will be lost at the next start. Check that the disk is not full.",
	}
	Quit = &goi18n.Message{
		ID:          "Quit",
		Description: "Button that quits caigou",
		Other:       "Quit",
	}
	StartupFailedTitle = &goi18n.Message{
		ID:          "StartupFailedTitle",
		Description: "Heading when caigou cannot start",
		Other:       "caigou cannot start",
	}
	ErrFolderNotWritable = &goi18n.Message{
		ID:          "ErrFolderNotWritable",
		Description: "Path is the data folder",
		Other:       "caigou cannot write to its data folder, {{.Path}}. Check that the disk is not full and that you may write there, or start caigou with another data folder.",
	}
	ErrDiskFull = &goi18n.Message{
		ID:          "ErrDiskFull",
		Description: "Path is the database file or the data folder",
		Other:       "The disk that holds {{.Path}} is full. caigou has not changed your data. Free some space on the disk and start caigou again.",
	}
	ErrNotDatabase = &goi18n.Message{
		ID:          "ErrNotDatabase",
		Description: "Path is the file that is not a database",
		Other:       "The file {{.Path}} is not a caigou database. caigou has not changed it. Move it somewhere else, or start caigou with another data folder.",
	}
	ErrNewerDatabase = &goi18n.Message{
		ID:          "ErrNewerDatabase",
		Description: "Found and Supported are data version numbers; Path is the database file",
		Other:       "The database {{.Path}} was made by a newer caigou (data version {{.Found}}; this caigou reads up to version {{.Supported}}). caigou has not changed it. Install the newer caigou to open it.",
	}
	ErrOpenFailed = &goi18n.Message{
		ID:          "ErrOpenFailed",
		Description: "Path is the database file; the details go to the log",
		Other:       "caigou could not open its database, {{.Path}}. Close other copies of caigou and start it again.",
	}
	APIErrAuth = &goi18n.Message{
		ID:          "APIErrAuth",
		Description: "Why a 1688 call failed: the access token was refused (HTTP 401)",
		Other:       "1688 did not accept the account's access token: it is missing, wrong or has expired.",
	}
	APIErrAuthNext = &goi18n.Message{
		ID:          "APIErrAuthNext",
		Description: "What to do after APIErrAuth; keep 授权配置 and 已授权token in Chinese: they are console labels",
		Other:       "In the 1688 console open 授权配置, copy the token again from the 已授权token column and paste it into caigou.",
	}
	APIErrPermission = &goi18n.Message{
		ID:          "APIErrPermission",
		Description: "Why a 1688 call failed: the API is not in the subscribed solution (gw.APIACLDecline); keep the Chinese solution name",
		Other:       "1688 refused this function: it is not part of the solution your key subscribes to, 采购解决方案(买家自用版).",
	}
	APIErrPermissionNext = &goi18n.Message{
		ID:          "APIErrPermissionNext",
		Description: "What to do after APIErrPermission; keep 已订购 in Chinese: it is a console label",
		Other:       "Check in the 1688 console that the key's solution shows 已订购. If it does, this function cannot be used with this key.",
	}
	APIErrSignature = &goi18n.Message{
		ID:          "APIErrSignature",
		Description: "Why a 1688 call failed: the AppKey or the signature made with the AppSecret was refused",
		Other:       "1688 did not accept the AppKey and AppSecret: one of them was copied wrongly, or the AppSecret was reset in the console.",
	}
	APIErrSignatureNext = &goi18n.Message{
		ID:          "APIErrSignatureNext",
		Description: "What to do after APIErrSignature; keep 我的应用 and 查看 in Chinese: they are console labels",
		Other:       "In the 1688 console under 我的应用, press 查看 next to AppSecret, copy it again and paste it into caigou. Check the AppKey too.",
	}
	APIErrBadParameter = &goi18n.Message{
		ID:          "APIErrBadParameter",
		Description: "Why a 1688 call failed: a value sent was missing or not valid",
		Other:       "1688 refused the request because a value in it is missing or not valid.",
	}
	APIErrBadParameterNext = &goi18n.Message{
		ID:          "APIErrBadParameterNext",
		Description: "What to do after APIErrBadParameter",
		Other:       "Check what you entered (links, quantities, the address) and try again. If it keeps happening, export the diagnostics in Settings and report it.",
	}
	APIErrRateLimit = &goi18n.Message{
		ID:          "APIErrRateLimit",
		Description: "Why a 1688 call failed: too many calls in a short time",
		Other:       "1688 received too many calls from this key in a short time and asked caigou to slow down.",
	}
	APIErrRateLimitNext = &goi18n.Message{
		ID:          "APIErrRateLimitNext",
		Description: "What to do after APIErrRateLimit",
		Other:       "Wait a minute and try again. caigou has already retried a few times.",
	}
	APIErrQuota = &goi18n.Message{
		ID:          "APIErrQuota",
		Description: "Why a 1688 call failed: 1688 says the key's calls for today are used up; keep 应用流量 in Chinese: it is a console label",
		Other:       "1688 says this key has used up its calls for today (应用流量).",
	}
	APIErrBudget = &goi18n.Message{
		ID:          "APIErrBudget",
		Description: "Why caigou did not send a call: the key's daily calls are used up, by caigou's own count",
		Other:       "Today's calls of this key are used up, so caigou did not send this request. Background updates stop earlier, keeping the last calls of the day for what you do yourself.",
	}
	APIErrDailyResetNext = &goi18n.Message{
		ID:          "APIErrDailyResetNext",
		Description: "What to do after APIErrQuota or APIErrBudget; ResetTime is a clock time such as 17:00 in the user's time zone; keep 申请流量 in Chinese: it is a console button",
		Other:       "The count starts again at midnight China time, at {{.ResetTime}} your time. For more calls, ask 1688 for them with 申请流量 in the console, then raise the key's daily limit in Key usage; or switch to another key.",
	}
	APIErrNotFound = &goi18n.Message{
		ID:          "APIErrNotFound",
		Description: "Why a 1688 call failed: the order, product or function does not exist",
		Other:       "1688 could not find what caigou asked for: the order or product does not exist, or belongs to another account.",
	}
	APIErrNotFoundNext = &goi18n.Message{
		ID:          "APIErrNotFoundNext",
		Description: "What to do after APIErrNotFound",
		Other:       "Check the order number or the link. If this happens on every call, update caigou.",
	}
	APIErrBusiness = &goi18n.Message{
		ID:          "APIErrBusiness",
		Description: "Why a 1688 call failed: 1688 declined it; Reason is 1688's own text, usually Chinese",
		Other:       "1688 declined the request. Its reason: {{.Reason}}",
	}
	APIErrBusinessNoReason = &goi18n.Message{
		ID:          "APIErrBusinessNoReason",
		Description: "Why a 1688 call failed: 1688 declined it and gave no reason",
		Other:       "1688 declined the request without giving a reason.",
	}
	APIErrBusinessNext = &goi18n.Message{
		ID:          "APIErrBusinessNext",
		Description: "What to do after APIErrBusiness",
		Other:       "Check the order on 1688 (the seller, the product, the quantity, the address) and try again. 1688 gives its reasons in Chinese; a translator can help.",
	}
	APIErrNetwork = &goi18n.Message{
		ID:          "APIErrNetwork",
		Description: "Why a 1688 call failed: no answer, a timeout or a server error",
		Other:       "caigou could not get an answer from 1688: the connection failed or timed out, or 1688 is temporarily unavailable.",
	}
	APIErrNetworkNext = &goi18n.Message{
		ID:          "APIErrNetworkNext",
		Description: "What to do after APIErrNetwork",
		Other:       "Check your internet connection and try again in a few minutes.",
	}
	APIErrUnknown = &goi18n.Message{
		ID:          "APIErrUnknown",
		Description: "Why a 1688 call failed: an error caigou does not recognise",
		Other:       "1688 answered with an error caigou does not recognise.",
	}
	APIErrUnknownNext = &goi18n.Message{
		ID:          "APIErrUnknownNext",
		Description: "What to do after APIErrUnknown",
		Other:       "Try again later. If it keeps happening, export the diagnostics in Settings and send them to whoever helps you with caigou.",
	}
)
