package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The key setup wizard's messages: why an input was refused and what a failed live check means.
// Chinese console labels stay in Chinese in every language.
var (
	InputEmpty = &goi18n.Message{
		ID:          "InputEmpty",
		Description: "A wizard input error: the field was left empty",
		Other:       "Please fill in this field.",
	}
	InputAppKeyNotDigits = &goi18n.Message{
		ID:          "InputAppKeyNotDigits",
		Description: "A wizard input error: the AppKey contains something other than digits; keep AppKey and 我的应用 as they are",
		Other:       "An AppKey has only digits. Copy it again from 我的应用 or from the 订购成功 page.",
	}
	InputAppKeyLength = &goi18n.Message{
		ID:          "InputAppKeyLength",
		Description: "A wizard input error: the AppKey has too few or too many digits",
		Other:       "An AppKey has {{.Min}} to {{.Max}} digits. Check that you copied all of it and nothing more.",
	}
	InputAppSecretChars = &goi18n.Message{
		ID:          "InputAppSecretChars",
		Description: "A wizard input error: the AppSecret contains characters an AppSecret does not have",
		Other:       "An AppSecret has only letters and digits. Copy it again: press 查看 next to AppSecret in 我的应用.",
	}
	InputAppSecretLength = &goi18n.Message{
		ID:          "InputAppSecretLength",
		Description: "A wizard input error: the AppSecret is too short or too long",
		Other:       "An AppSecret has {{.Min}} to {{.Max}} characters. Check that you copied all of it and nothing more.",
	}
	InputAppSecretHidden = &goi18n.Message{
		ID:          "InputAppSecretHidden",
		Description: "A wizard input error: the user pasted the hidden ****** instead of the AppSecret; keep 查看 in Chinese",
		Other:       "This is the hidden AppSecret (******). Press 查看 next to it in the console first, then copy what appears.",
	}
	InputLoginIDInvalid = &goi18n.Message{
		ID:          "InputLoginIDInvalid",
		Description: "A wizard input error: the 1688 login name contains spaces, quotes or invisible characters",
		Other:       "A 1688 login name has no spaces or quotes. Type it as it appears under 用户名称.",
	}
	InputLoginIDLength = &goi18n.Message{
		ID:          "InputLoginIDLength",
		Description: "A wizard input error: the 1688 login name is too long",
		Other:       "A 1688 login name has at most {{.Max}} characters.",
	}
	InputTokenChars = &goi18n.Message{
		ID:          "InputTokenChars",
		Description: "A wizard input error: the access token contains characters a token does not have; keep 已授权token in Chinese",
		Other:       "A token has only letters, digits and dashes. Copy it again from the 已授权token column.",
	}
	InputTokenLength = &goi18n.Message{
		ID:          "InputTokenLength",
		Description: "A wizard input error: the access token is too short or too long",
		Other:       "A token has {{.Min}} to {{.Max}} characters. Check that you copied all of it from 已授权token.",
	}
	InputDayFormat = &goi18n.Message{
		ID:          "InputDayFormat",
		Description: "A wizard input error: the end date of 生效时间 is not a date like 2025-04-17",
		Other:       "Write the date as on the 订购成功 page, for example 2025-04-17.",
	}
	InputDayOutOfRange = &goi18n.Message{
		ID:          "InputDayOutOfRange",
		Description: "A wizard input error: the date's year cannot be right for a subscription",
		Other:       "This date cannot be right. Copy the end date of 生效时间 from the 订购成功 page.",
	}
	InputAppKeyTaken = &goi18n.Message{
		ID:          "InputAppKeyTaken",
		Description: "A wizard input error: this AppKey is already one of the user's keys",
		Other:       "This AppKey is already set up in caigou. Use it from Settings, or enter the AppKey of the new app.",
	}
	CheckChannelBadCredentials = &goi18n.Message{
		ID:          "CheckChannelBadCredentials",
		Description: "Channel check failed: the message channel refused the AppKey or AppSecret",
		Other:       "The message channel did not accept the AppKey or the AppSecret.",
	}
	CheckChannelBadCredentialsNext = &goi18n.Message{
		ID:          "CheckChannelBadCredentialsNext",
		Description: "What to do after CheckChannelBadCredentials; keep 我的应用 and 查看 in Chinese",
		Other:       "In the 1688 console under 我的应用, press 查看 next to AppSecret, copy it again and paste it on the AppKey page. Check the AppKey too.",
	}
	CheckChannelRefused = &goi18n.Message{
		ID:          "CheckChannelRefused",
		Description: "Channel check failed: the message channel refused the connection; Text is the server's own words",
		Other:       "The message channel refused the connection. It said: {{.Text}}",
	}
	CheckChannelRefusedNext = &goi18n.Message{
		ID:          "CheckChannelRefusedNext",
		Description: "What to do after CheckChannelRefused; keep 消息通道 and websocket as they are",
		Other:       "In the console, open 消息通道 and check that 发送通道 is websocket, then try again.",
	}
	CheckChannelNoAnswer = &goi18n.Message{
		ID:          "CheckChannelNoAnswer",
		Description: "Channel check failed: no confirmation from the message channel in time",
		Other:       "The message channel did not answer within {{.Seconds}} seconds.",
	}
	CheckChannelNoAnswerNext = &goi18n.Message{
		ID:          "CheckChannelNoAnswerNext",
		Description: "What to do after CheckChannelNoAnswer",
		Other:       "Check your internet connection, and that 发送通道 is websocket under 消息通道, then try again.",
	}
	CheckNoTestMessage = &goi18n.Message{
		ID:          "CheckNoTestMessage",
		Description: "Test message check failed: no test message (MOCK) arrived before the timeout",
		Other:       "No test message arrived within {{.Seconds}} seconds.",
	}
	CheckNoTestMessageNext = &goi18n.Message{
		ID:          "CheckNoTestMessageNext",
		Description: "What to do after CheckNoTestMessage; keep 订阅消息, 批量订阅消息 and 去测试 in Chinese",
		Other:       "Check that all topics are subscribed (订阅消息 → 批量订阅消息), press 去测试 in the console, and wait here.",
	}
	TopicOrderBuyerMake = &goi18n.Message{
		ID:          "TopicOrderBuyerMake",
		Description: "Plain words for the message topic ORDER_BUYER_VIEW_BUYER_MAKE, shown when a test message arrives",
		Other:       "An order was created",
	}
	TopicOrderPay = &goi18n.Message{
		ID:          "TopicOrderPay",
		Description: "Plain words for the message topic ORDER_BUYER_VIEW_ORDER_PAY",
		Other:       "An order was paid",
	}
	TopicBatchPay = &goi18n.Message{
		ID:          "TopicBatchPay",
		Description: "Plain words for the message topic ORDER_BATCH_PAY",
		Other:       "The result of paying several orders at once",
	}
	TopicOrderSendGoods = &goi18n.Message{
		ID:          "TopicOrderSendGoods",
		Description: "Plain words for the message topic ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS",
		Other:       "The seller shipped an order",
	}
	TopicOrderSuccess = &goi18n.Message{
		ID:          "TopicOrderSuccess",
		Description: "Plain words for the message topic ORDER_BUYER_VIEW_ORDER_SUCCESS",
		Other:       "An order was completed",
	}
	TopicOrderBuyerClose = &goi18n.Message{
		ID:          "TopicOrderBuyerClose",
		Description: "Plain words for the message topic ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE",
		Other:       "The buyer cancelled an order",
	}
	TopicOrderSellerClose = &goi18n.Message{
		ID:          "TopicOrderSellerClose",
		Description: "Plain words for the message topic ORDER_BUYER_VIEW_ORDER_SELLER_CLOSE",
		Other:       "The seller cancelled an order",
	}
	TopicLogisticsTrace = &goi18n.Message{
		ID:          "TopicLogisticsTrace",
		Description: "Plain words for the message topic LOGISTICS_BUYER_VIEW_TRACE",
		Other:       "A parcel moved on its way",
	}
	TopicLogisticsMailNo = &goi18n.Message{
		ID:          "TopicLogisticsMailNo",
		Description: "Plain words for the message topic LOGISTICS_MAIL_NO_CHANGE",
		Other:       "A tracking number changed",
	}
	TopicOther = &goi18n.Message{
		ID:          "TopicOther",
		Description: "Plain words for a message topic caigou does not use; Type is the topic as 1688 names it",
		Other:       "{{.Type}} (a message caigou does not use)",
	}
	SecretsInKeychain = &goi18n.Message{
		ID:          "SecretsInKeychain",
		Description: "Where the AppSecret and tokens are kept, when the computer has a keychain",
		Other:       "Your AppSecret and tokens are kept in this computer's keychain, not in caigou's database.",
	}
	SecretsInDatabase = &goi18n.Message{
		ID:          "SecretsInDatabase",
		Description: "Where the AppSecret and tokens are kept, when the computer has no working keychain",
		Other:       "This computer has no keychain caigou can use, so your AppSecret and tokens are kept in caigou's database file. Anyone who can read your files can read them.",
	}
)
