package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Wizard steps 4 (AppKey and AppSecret), 5 (authorized user and token) and 7 (test account).
// Chinese console labels stay in Chinese in every language; AppKey, AppSecret and token stay in
// Latin letters, as the console writes them.
var (
	AppKeyWhere = &goi18n.Message{
		ID:          "AppKeyWhere",
		Description: "Wizard step 4: where the AppKey and AppSecret are; keep 订购成功, APPKEY, 生效时间 and 我的应用 in Chinese or as they are: they are console labels",
		Other:       "1688 showed your AppKey (APPKEY) and the subscription's dates (生效时间) on the 订购成功 page, right after you subscribed. Both the AppKey and the AppSecret are always in the 1688 console under 我的应用: open your app there. Look for:",
	}
	ConsoleOrderSuccess = &goi18n.Message{ID: "ConsoleOrderSuccess", Description: "Meaning of the console label 订购成功, shown next to it", Other: "subscribed: the page shown right after subscribing"}
	ConsoleAPPKEY       = &goi18n.Message{ID: "ConsoleAPPKEY", Description: "Meaning of the console label APPKEY on the 订购成功 page; keep AppKey as it is", Other: "your AppKey, a number"}
	ConsoleValidity     = &goi18n.Message{
		ID:          "ConsoleValidity",
		Description: "Meaning of the console label 生效时间 (the subscription's dates, e.g. 2024-04-17 ~ 2025-04-17)",
		Other:       "valid from ~ until: enter the second date below",
	}
	ConsoleMyApps    = &goi18n.Message{ID: "ConsoleMyApps", Description: "Meaning of the console menu 我的应用", Other: "my apps: open your app there"}
	ConsoleAppSecret = &goi18n.Message{ID: "ConsoleAppSecret", Description: "Meaning of the console label AppSecret, which the console hides as ******", Other: "hidden as ****** until you press 查看"}
	ConsoleView      = &goi18n.Message{ID: "ConsoleView", Description: "Meaning of the console button 查看 next to the hidden AppSecret", Other: "show: press it, then copy the AppSecret that appears"}
	ConsoleReset     = &goi18n.Message{
		ID:          "ConsoleReset",
		Description: "Meaning of the console button 重置 next to the AppSecret: a warning never to press it",
		Other:       "reset: never press it. It makes a new AppSecret, and the old one stops working.",
	}

	FieldAppKey       = &goi18n.Message{ID: "FieldAppKey", Description: "Name of the AppKey field or value; keep AppKey as it is", Other: "AppKey"}
	FieldAppSecret    = &goi18n.Message{ID: "FieldAppSecret", Description: "Name of the AppSecret field or value; keep AppSecret as it is", Other: "AppSecret"}
	FieldValidUntil   = &goi18n.Message{ID: "FieldValidUntil", Description: "Name of the field for the end date of the console's 生效时间; keep 生效时间 in Chinese", Other: "End date of 生效时间"}
	AppKeyPlaceholder = &goi18n.Message{ID: "AppKeyPlaceholder", Description: "Hint inside the empty AppKey field", Other: "Digits only, for example 1234567"}
	SecretPlaceholder = &goi18n.Message{ID: "SecretPlaceholder", Description: "Hint inside the empty AppSecret field; keep 查看 in Chinese", Other: "Press 查看 in the console, then paste it here"}
	UntilPlaceholder  = &goi18n.Message{ID: "UntilPlaceholder", Description: "Hint inside the empty end date field; keep the date as it is", Other: "for example 2025-04-17"}
	CheckKeyButton    = &goi18n.Message{ID: "CheckKeyButton", Description: "Button: check the AppKey and AppSecret with 1688", Other: "Check the key"}
	FieldLoginID      = &goi18n.Message{ID: "FieldLoginID", Description: "Name of the field for the 1688 login name of the authorized user; keep 用户名称 in Chinese", Other: "1688 login name (用户名称)"}
	FieldToken        = &goi18n.Message{ID: "FieldToken", Description: "Name of the field for the authorized user's token; keep token and 已授权token as they are", Other: "token (已授权token)"}
	LoginPlaceholder  = &goi18n.Message{ID: "LoginPlaceholder", Description: "Hint inside the empty login name field; keep 用户名称 in Chinese", Other: "As you typed it in 用户名称"}
	TokenPlaceholder  = &goi18n.Message{ID: "TokenPlaceholder", Description: "Hint inside the empty token field; keep 已授权token in Chinese", Other: "Paste it from the 已授权token column"}
	CheckTokenButton  = &goi18n.Message{ID: "CheckTokenButton", Description: "Button: check the token with 1688", Other: "Check the token"}
	SecretsInPractice = &goi18n.Message{
		ID:          "SecretsInPractice",
		Description: "Practice mode, wizard steps 4 and 5: where the demo AppSecret and token are kept",
		Other:       "In practice mode the demo AppSecret and token are kept with the practice data, and deleted with it when you leave.",
	}
	DemoValidUntilNote = &goi18n.Message{
		ID:          "DemoValidUntilNote",
		Description: "Practice mode, wizard step 4: the demo end date stands for the one on the 订购成功 page",
		Other:       "The end date stands for the one the 订购成功 page shows: one year after subscribing.",
	}

	TokenWhere = &goi18n.Message{
		ID:          "TokenWhere",
		Description: "Wizard step 5: how to add the authorized user and copy its token; keep the Chinese console labels in Chinese",
		Other:       "In the 1688 console, open your app under 我的应用 and press 去配置 next to 授权配置. Type the 1688 login name of your company account in 用户名称 and press 立即添加. The table 已添加用户 then lists the user. When 授权状态 says 已确认, copy the long value in the 已授权token column: that is the token caigou needs.",
	}
	ConsoleAuthConfig = &goi18n.Message{ID: "ConsoleAuthConfig", Description: "Meaning of the console label 授权配置", Other: "authorization settings"}
	ConsoleConfigure  = &goi18n.Message{ID: "ConsoleConfigure", Description: "Meaning of the console button 去配置", Other: "configure: opens the settings"}
	ConsoleUserName   = &goi18n.Message{ID: "ConsoleUserName", Description: "Meaning of the console field 用户名称 in 授权配置", Other: "user name: the 1688 login name you buy with"}
	ConsoleAddNow     = &goi18n.Message{ID: "ConsoleAddNow", Description: "Meaning of the console button 立即添加", Other: "add now"}
	ConsoleAddedUsers = &goi18n.Message{ID: "ConsoleAddedUsers", Description: "Meaning of the console table 已添加用户", Other: "added users: the table of authorized users"}
	ConsoleConfirmed  = &goi18n.Message{ID: "ConsoleConfirmed", Description: "Meaning of the console status 已确认 in the column 授权状态", Other: "confirmed: the user is authorized"}
	ConsoleTokenCol   = &goi18n.Message{ID: "ConsoleTokenCol", Description: "Meaning of the console column 已授权token; keep token as it is", Other: "authorized token: copy it"}
	TokenNeedsKey     = &goi18n.Message{
		ID:          "TokenNeedsKey",
		Description: "Wizard step 5: the token cannot be saved or checked before step 4 has the AppKey and AppSecret",
		Other:       "caigou does not have this key's AppKey and AppSecret yet. Go back to step 4, enter them and check the key, then come back here.",
	}

	TestAccountWhere = &goi18n.Message{
		ID:          "TestAccountWhere",
		Description: "Wizard step 7: where to enter the test account; keep 消息对接, 日常消息测试, 测试账号 and 去配置 in Chinese",
		Other:       "In the 1688 console, open the tab 消息对接 of your app. Under 日常消息测试, press 去配置 next to 测试账号 and enter the 1688 member account you buy with. It is usually the login name from step 5.",
	}
	ConsoleMessaging   = &goi18n.Message{ID: "ConsoleMessaging", Description: "Meaning of the console tab 消息对接", Other: "message integration: a tab of the development steps"}
	ConsoleDailyTest   = &goi18n.Message{ID: "ConsoleDailyTest", Description: "Meaning of the console section 日常消息测试", Other: "everyday message test"}
	ConsoleTestAccount = &goi18n.Message{ID: "ConsoleTestAccount", Description: "Meaning of the console button 测试账号", Other: "test account"}
	FieldTestAccount   = &goi18n.Message{ID: "FieldTestAccount", Description: "Name of the field for the 1688 member account entered as 测试账号", Other: "Your 1688 account"}
	TestAccountDone    = &goi18n.Message{ID: "TestAccountDone", Description: "Tick box on wizard step 7; keep 测试账号 in Chinese", Other: "Done: I entered this account under 测试账号"}
)
