package app

import (
	"caigou/app/msgchan"
	"caigou/i18n"
)

// topicTexts are the plain words for the topics caigou subscribes to (1688.md §5.6).
var topicTexts = map[string]*i18n.Message{
	msgchan.TypeOrderBuyerMake:   i18n.TopicOrderBuyerMake,
	msgchan.TypeOrderPay:         i18n.TopicOrderPay,
	msgchan.TypeBatchPay:         i18n.TopicBatchPay,
	msgchan.TypeOrderSendGoods:   i18n.TopicOrderSendGoods,
	msgchan.TypeOrderSuccess:     i18n.TopicOrderSuccess,
	msgchan.TypeOrderBuyerClose:  i18n.TopicOrderBuyerClose,
	msgchan.TypeOrderSellerClose: i18n.TopicOrderSellerClose,
	msgchan.TypeLogisticsTrace:   i18n.TopicLogisticsTrace,
	msgchan.TypeLogisticsMailNo:  i18n.TopicLogisticsMailNo,
}

// TopicText says in the user's language what a message of topic typ means, for the test message
// step and the topic list of the subscribe step. A topic caigou does not use is named as 1688
// names it.
func TopicText(typ string) string {
	if m, ok := topicTexts[typ]; ok {
		return i18n.T(m, nil)
	}
	return i18n.T(i18n.TopicOther, map[string]any{"Type": typ})
}

// TopicsUsed are the topics caigou applies, in the order the subscribe step lists them.
var TopicsUsed = []string{
	msgchan.TypeOrderBuyerMake, msgchan.TypeOrderPay, msgchan.TypeBatchPay, msgchan.TypeOrderSendGoods,
	msgchan.TypeLogisticsTrace, msgchan.TypeLogisticsMailNo, msgchan.TypeOrderSuccess,
	msgchan.TypeOrderBuyerClose, msgchan.TypeOrderSellerClose,
}

// SecretsPlaceText says plainly where the secrets are kept: the keychain, or the database file
// when the computer has none (DESIGN §3).
func SecretsPlaceText(inKeychain bool) string {
	if inKeychain {
		return i18n.T(i18n.SecretsInKeychain, nil)
	}
	return i18n.T(i18n.SecretsInDatabase, nil)
}
