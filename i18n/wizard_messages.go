package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Steps 6, 8 and 9 of the key setup wizard: the message channel, the subscription to the
// messages and the test messages. Chinese console labels stay in Chinese in every language.

// Shared by the live steps that connect with the key's AppKey and AppSecret.
var (
	NeedAppKeyFirst = &goi18n.Message{
		ID:          "NeedAppKeyFirst",
		Description: "Wizard steps 6 and 9: the check needs the AppKey and AppSecret, which were not entered yet; keep AppKey and AppSecret in Latin letters",
		Other:       "caigou does not have the AppKey and AppSecret of this key yet. Enter them on step 4 first.",
	}
	NeedAppKeyGoTo         = &goi18n.Message{ID: "NeedAppKeyGoTo", Description: "Button: go to wizard step 4, where the AppKey and AppSecret are entered", Other: "Go to step 4"}
	MessagesLabelDailyTest = &goi18n.Message{
		ID:          "MessagesLabelDailyTest",
		Description: "Meaning of the 1688 console label 日常消息测试, shown next to it",
		Other:       "everyday message testing",
	}
	MessagesLabelSubscribed = &goi18n.Message{
		ID:          "MessagesLabelSubscribed",
		Description: "Meaning of the 1688 console message 消息已订阅成功, shown next to it",
		Other:       "the messages are subscribed",
	}
)

// Step 6, the message channel.
var (
	ChannelIntro = &goi18n.Message{
		ID:          "ChannelIntro",
		Description: "Wizard step 6: where the message channel is set up; keep 开发流程, 消息对接, 日常消息测试, 消息通道 and 去配置 in Chinese",
		Other:       "1688 tells caigou about your orders through a message channel. In the 1688 console, on your app's page, open the 开发流程 tab and go to 消息对接. Under 日常消息测试, press 去配置 next to 消息通道.",
	}
	ChannelLabelDevFlow = &goi18n.Message{
		ID:          "ChannelLabelDevFlow",
		Description: "Meaning of the 1688 console tab 开发流程, shown next to it",
		Other:       "the development process tab",
	}
	ChannelLabelIntegration = &goi18n.Message{
		ID:          "ChannelLabelIntegration",
		Description: "Meaning of the 1688 console label 消息对接, shown next to it",
		Other:       "message integration",
	}
	ChannelLabelChannel = &goi18n.Message{
		ID:          "ChannelLabelChannel",
		Description: "Meaning of the 1688 console label 消息通道, shown next to it",
		Other:       "message channel",
	}
	ChannelLabelConfigure = &goi18n.Message{
		ID:          "ChannelLabelConfigure",
		Description: "Meaning of the 1688 console button 去配置, shown next to it",
		Other:       "set it up",
	}
	ChannelSetValues = &goi18n.Message{
		ID:          "ChannelSetValues",
		Description: "Wizard step 6: above the values of the message channel's settings",
		Other:       "Set these values, then save:",
	}
	ChannelLabelSendChannel = &goi18n.Message{
		ID:          "ChannelLabelSendChannel",
		Description: "Meaning of the 1688 console setting 发送通道, shown next to it",
		Other:       "sending channel",
	}
	ChannelEncoding = &goi18n.Message{
		ID:          "ChannelEncoding",
		Description: "Wizard step 6: the name of the message channel's text encoding setting",
		Other:       "Encoding",
	}
	ChannelLabelTimeout = &goi18n.Message{
		ID:          "ChannelLabelTimeout",
		Description: "Meaning of the 1688 console setting 超时时间, shown next to it; ms is milliseconds",
		Other:       "timeout, in milliseconds (ms)",
	}
	ChannelLabelRateLimit = &goi18n.Message{
		ID:          "ChannelLabelRateLimit",
		Description: "Meaning of the 1688 console setting 流量限制, shown next to it; keep 条/秒 in Chinese",
		Other:       "rate limit, in messages per second (条/秒)",
	}
	ChannelSetTo      = &goi18n.Message{ID: "ChannelSetTo", Description: "Wizard step 6: before the value a console setting must have", Other: "Set to:"}
	ChannelCheckIntro = &goi18n.Message{
		ID:          "ChannelCheckIntro",
		Description: "Wizard step 6: above the button that connects to the message channel",
		Other:       "Then let caigou connect to the channel with your AppKey and AppSecret:",
	}
	ChannelCheck     = &goi18n.Message{ID: "ChannelCheck", Description: "Button: wizard step 6's live check, connects to the message channel", Other: "Connect to the channel"}
	ChannelConnected = &goi18n.Message{
		ID:          "ChannelConnected",
		Description: "Wizard step 6: the message channel accepted caigou's connection",
		Other:       "Connected: the message channel accepted caigou.",
	}
)

// Step 8, subscribing to the messages.
var (
	SubscribeMessagesIntro = &goi18n.Message{
		ID:          "SubscribeMessagesIntro",
		Description: "Wizard step 8: how to subscribe to the messages; keep 日常消息测试, 订阅消息, 去订阅, 批量订阅消息 and 消息已订阅成功 in Chinese",
		Other:       "1688 sends only the messages you subscribe to. In the console, under 日常消息测试, press 去订阅 next to 订阅消息. Tick all the topics, then press 批量订阅消息. The console answers 消息已订阅成功.",
	}
	SubscribeMessagesLabelSubscribe = &goi18n.Message{
		ID:          "SubscribeMessagesLabelSubscribe",
		Description: "Meaning of the 1688 console label 订阅消息, shown next to it",
		Other:       "subscribe to messages",
	}
	SubscribeMessagesLabelGo = &goi18n.Message{
		ID:          "SubscribeMessagesLabelGo",
		Description: "Meaning of the 1688 console button 去订阅, shown next to it",
		Other:       "go and subscribe",
	}
	SubscribeMessagesLabelBatch = &goi18n.Message{
		ID:          "SubscribeMessagesLabelBatch",
		Description: "Meaning of the 1688 console button 批量订阅消息, shown next to it",
		Other:       "subscribe to all the ticked messages",
	}
	SubscribeMessagesTopics = &goi18n.Message{
		ID:          "SubscribeMessagesTopics",
		Description: "Wizard step 8: heading over the list of message topics caigou uses",
		Other:       "The messages caigou uses",
	}
	SubscribeMessagesTopicsNote = &goi18n.Message{
		ID:          "SubscribeMessagesTopicsNote",
		Description: "Wizard step 8: under the heading SubscribeMessagesTopics",
		Other:       "The console names each topic by a code like these. Tick all of them: caigou reads the ones below.",
	}
	SubscribeMessagesDone = &goi18n.Message{
		ID:          "SubscribeMessagesDone",
		Description: "Tick box of wizard step 8; keep 消息已订阅成功 in Chinese",
		Other:       "Done: the console says 消息已订阅成功",
	}
)

// Step 9, the test messages.
var (
	TestMessagesIntro = &goi18n.Message{
		ID:          "TestMessagesIntro",
		Description: "Wizard step 9: how to send the test messages; keep 去测试, 消息已订阅成功 and 日常消息测试 in Chinese, and MOCK as it is",
		Other:       "Last, check that the messages reach caigou. Press the button below first, then press 去测试 in the console: next to 消息已订阅成功, or under 日常消息测试. 1688 then sends a few test messages, marked MOCK, and caigou lists each one as it arrives. Test messages never change your orders.",
	}
	TestMessagesLabelTest = &goi18n.Message{
		ID:          "TestMessagesLabelTest",
		Description: "Meaning of the 1688 console button 去测试, shown next to it",
		Other:       "send test messages",
	}
	TestMessagesCheck     = &goi18n.Message{ID: "TestMessagesCheck", Description: "Button: wizard step 9's live check, waits for the test messages", Other: "Start listening"}
	TestMessagesListening = &goi18n.Message{
		ID:          "TestMessagesListening",
		Description: "Wizard step 9: caigou is connected and waits for the test messages; Count is a number of minutes; keep 去测试 in Chinese",
		One:         "Listening — press 去测试 in the console now. caigou waits up to {{.Count}} minute.",
		Other:       "Listening — press 去测试 in the console now. caigou waits up to {{.Count}} minutes.",
	}
	TestMessagesPracticeIntro = &goi18n.Message{
		ID:          "TestMessagesPracticeIntro",
		Description: "Wizard step 9 in practice mode: there is no console to press 去测试 in",
		Other:       "In practice mode there is no console: this button sends the test messages instead.",
	}
	TestMessagesPracticeSend = &goi18n.Message{
		ID:          "TestMessagesPracticeSend",
		Description: "Button in practice mode: sends test messages like the console's 去测试 button; keep 去测试 in Chinese",
		Other:       "Send test messages (as 去测试 does)",
	}
	TestMessagesPracticeFailedTitle = &goi18n.Message{
		ID:          "TestMessagesPracticeFailedTitle",
		Description: "Dialog title: practice mode could not send its test messages",
		Other:       "Test messages not sent",
	}
	TestMessagesPracticeFailed = &goi18n.Message{
		ID:          "TestMessagesPracticeFailed",
		Description: "Dialog text: practice mode could not send its test messages",
		Other:       "caigou's built-in 1688 could not send the test messages. Leave practice mode, start it again, then try once more.",
	}
)
