package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// subscribeMessagesPage is step 8: subscribing to the messages in the console, with the topics
// caigou reads and what each means. The console's answer cannot be checked from here, so the user
// ticks "Done"; step 9 proves that the messages arrive.
type subscribeMessagesPage struct{ s *wizardScreen }

func newSubscribeMessagesPage(s *wizardScreen) stepPage { return &subscribeMessagesPage{s: s} }

func (p *subscribeMessagesPage) build() fyne.CanvasObject {
	return container.NewVBox(
		para(i18n.T(i18n.SubscribeMessagesIntro, nil)),
		consoleLabel("日常消息测试", i18n.MessagesLabelDailyTest),
		consoleLabel("订阅消息", i18n.SubscribeMessagesLabelSubscribe),
		consoleLabel("去订阅", i18n.SubscribeMessagesLabelGo),
		consoleLabel("批量订阅消息", i18n.SubscribeMessagesLabelBatch),
		consoleLabel("消息已订阅成功", i18n.MessagesLabelSubscribed),
		section(i18n.T(i18n.SubscribeMessagesTopics, nil),
			para(i18n.T(i18n.SubscribeMessagesTopicsNote, nil)),
			topicList(),
		),
		widget.NewSeparator(),
		p.s.doneCheck(app.StepSubscribeMessages, i18n.SubscribeMessagesDone, nil, nil),
	)
}

// topicList is the fixed, short list of the topics caigou uses: each code as the console shows
// it, and what it means.
func topicList() fyne.CanvasObject {
	list := container.New(layout.NewFormLayout())
	for _, code := range app.TopicsUsed {
		list.Add(&widget.Label{Text: code, TextStyle: fyne.TextStyle{Monospace: true}, Selectable: true})
		list.Add(para(app.TopicText(code)))
	}
	return list
}
