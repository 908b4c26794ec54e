package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The window's status line and the desktop notifications' settings.
var (
	StatusChannelConnected = &goi18n.Message{
		ID: "StatusChannelConnected", Description: "Status line: the message channel is connected",
		Other: "Messages from 1688: connected",
	}
	StatusChannelConnecting = &goi18n.Message{
		ID: "StatusChannelConnecting", Description: "Status line: the message channel is connecting",
		Other: "Messages from 1688: connecting…",
	}
	StatusChannelDisconnected = &goi18n.Message{
		ID: "StatusChannelDisconnected", Description: "Status line: the message channel is down; caigou keeps trying",
		Other: "Messages from 1688: not connected, trying again",
	}
	StatusCallsToday = &goi18n.Message{
		ID: "StatusCallsToday", Description: "Status line: API calls made today of the key's daily limit",
		Other: "API calls today: {{.Used}} of {{.Limit}}",
	}
	SettingsNotifications  = &goi18n.Message{ID: "SettingsNotifications", Description: "Settings section: desktop notifications", Other: "Notifications"}
	NotifyShippedSwitch    = &goi18n.Message{ID: "NotifyShippedSwitch", Description: "Settings tick box: notify when an order ships", Other: "When an order ships"}
	NotifyClosedSwitch     = &goi18n.Message{ID: "NotifyClosedSwitch", Description: "Settings tick box: notify when an order is closed or cancelled", Other: "When an order is closed or cancelled"}
	NotificationSaveFailed = &goi18n.Message{
		ID: "NotificationSaveFailed", Description: "Dialog text: a notification switch could not be saved",
		Other: "The change could not be saved, so the setting stays as it was. Check that the disk is not full.",
	}
	NotifyRefundSwitch = &goi18n.Message{ID: "NotifyRefundSwitch", Description: "Settings tick box: notify when a refund moves", Other: "When a refund moves"}
)
