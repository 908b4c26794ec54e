package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The Key usage screen: the key choice, the meters with their rules, the box at the end of a key
// and the 30-day chart.
var (
	UsageScreenTitle = &goi18n.Message{
		ID:          "UsageScreenTitle",
		Description: "Heading of the Key usage screen",
		Other:       "Key usage",
	}
	UsageKeyLabel = &goi18n.Message{
		ID:          "UsageKeyLabel",
		Description: "Label before the choice of the key whose usage is shown",
		Other:       "Key:",
	}
	UsageKeyOption = &goi18n.Message{
		ID:          "UsageKeyOption",
		Description: "One key in the key choice; Key is its AppKey (digits), State one of UsageKeyActive/Full/Expired/Retired",
		Other:       "{{.Key}}: {{.State}}",
	}
	UsageKeyActive = &goi18n.Message{
		ID:          "UsageKeyActive",
		Description: "State of a key: the one the app orders with now",
		Other:       "active",
	}
	UsageKeyFull = &goi18n.Message{
		ID:          "UsageKeyFull",
		Description: "State of a key: all its products are used, it takes no new orders",
		Other:       "full",
	}
	UsageKeyExpired = &goi18n.Message{
		ID:          "UsageKeyExpired",
		Description: "State of a key: its subscription has ended",
		Other:       "expired",
	}
	UsageKeyRetired = &goi18n.Message{
		ID:          "UsageKeyRetired",
		Description: "State of a key: no longer the active one, though not full or expired",
		Other:       "retired",
	}
	UsageRefresh = &goi18n.Message{
		ID:          "UsageRefresh",
		Description: "Button: read the key's usage again",
		Other:       "Refresh",
	}
	UsageReadFailed = &goi18n.Message{
		ID:          "UsageReadFailed",
		Description: "The usage could not be read from the database",
		Other:       "The usage could not be read. Press Refresh to try again.",
	}
	UsageMeterProducts = &goi18n.Message{
		ID:          "UsageMeterProducts",
		Description: "Title of the product meter",
		Other:       "Products",
	}
	UsageMeterCalls = &goi18n.Message{
		ID:          "UsageMeterCalls",
		Description: "Title of the meter of today's 1688 API calls",
		Other:       "API calls today",
	}
	UsageMeterSubscription = &goi18n.Message{
		ID:          "UsageMeterSubscription",
		Description: "Title of the meter of the key's subscription (days left)",
		Other:       "Subscription",
	}
	UsageMeterToken = &goi18n.Message{
		ID:          "UsageMeterToken",
		Description: "Title of the meter of the account's token expiry; keep token as it is",
		Other:       "Access token",
	}
	UsageLimitLabel = &goi18n.Message{
		ID:          "UsageLimitLabel",
		Description: "Label before the editable limit of a meter",
		Other:       "Limit:",
	}
	UsageSave = &goi18n.Message{
		ID:          "UsageSave",
		Description: "Button: save the limit or the end date typed beside it",
		Other:       "Save",
	}
	UsageCallsRule = &goi18n.Message{
		ID:          "UsageCallsRule",
		Description: "Line under the call meter; Reserve is APICallCount (kept for the user's actions), Reset the user's local time the count starts again, e.g. 19:00",
		Other:       "Background updates stop {{.Reserve}} before the limit, so they stay for your own actions. The count starts again at {{.Reset}} your time (midnight in China).",
	}
	UsageCallsPaused = &goi18n.Message{
		ID:          "UsageCallsPaused",
		Description: "Added to UsageCallsRule once background updates have stopped for today; Reset is a local time, e.g. 19:00",
		Other:       "Background updates wait until {{.Reset}}.",
	}
	UsageValidUntil = &goi18n.Message{
		ID:          "UsageValidUntil",
		Description: "Line under the subscription meter; End is the last day, e.g. 2027-03-01",
		Other:       "Valid until {{.End}} inclusive, China time. Renew it in the 1688 console.",
	}
	UsageSubscriptionEnded = &goi18n.Message{
		ID:          "UsageSubscriptionEnded",
		Description: "The subscription meter once the end date has passed; End is the last day, e.g. 2027-03-01",
		Other:       "Ended after {{.End}}",
	}
	UsageEndUnknown = &goi18n.Message{
		ID:          "UsageEndUnknown",
		Description: "The subscription meter when the end date is not known yet; keep 生效时间 in Chinese",
		Other:       "The end date is not known. Type the end date of 生效时间 from the 1688 console, so that caigou can warn you before it.",
	}
	UsageTokenLeftDays = &goi18n.Message{
		ID:          "UsageTokenLeftDays",
		Description: "The token meter: the token expires in Count days",
		One:         "Expires in {{.Count}} day",
		Other:       "Expires in {{.Count}} days",
	}
	UsageTokenLeftHours = &goi18n.Message{
		ID:          "UsageTokenLeftHours",
		Description: "The token meter: the token expires in Count hours (less than a day)",
		One:         "Expires in {{.Count}} hour",
		Other:       "Expires in {{.Count}} hours",
	}
	UsageTokenExpired = &goi18n.Message{
		ID:          "UsageTokenExpired",
		Description: "The token meter once the token has expired",
		Other:       "Expired",
	}
	UsageTokenRenew = &goi18n.Message{
		ID:          "UsageTokenRenew",
		Description: "Line under the token meter; At is the local date and time of expiry; keep 授权配置 and 已授权token in Chinese",
		Other:       "Valid until {{.At}}. To renew it, open 授权配置 in the 1688 console, copy the token again from the 已授权token column and paste it in Setup.",
	}
	UsageFullTitle = &goi18n.Message{
		ID:          "UsageFullTitle",
		Description: "Heading of the box shown when the active key has used all its products",
		Other:       "This key has used all its products",
	}
	UsageEndingTitle = &goi18n.Message{
		ID:          "UsageEndingTitle",
		Description: "Heading of the box shown when the active key's subscription ends within 7 days or has ended; Left is UsageDaysLeft",
		Other:       "The subscription ends soon: {{.Left}}",
	}
	UsageEndingBody = &goi18n.Message{
		ID:          "UsageEndingBody",
		Description: "Text of the box under UsageEndingTitle",
		Other:       "When it ends, the key stops working. Renew the subscription in the 1688 console, or set up the next key now: this key's orders stay in the history.",
	}
	UsageChartTitle = &goi18n.Message{
		ID:          "UsageChartTitle",
		Description: "Heading of the chart of the key's last 30 days",
		Other:       "Last 30 days",
	}
	UsageChartProducts = &goi18n.Message{
		ID:          "UsageChartProducts",
		Description: "Chart legend: the bars are products per day, read on the left scale",
		Other:       "Products (bars, left scale)",
	}
	UsageChartCalls = &goi18n.Message{
		ID:          "UsageChartCalls",
		Description: "Chart legend: the line is API calls per day, read on the right scale",
		Other:       "API calls (line, right scale)",
	}
	UsageChartDay = &goi18n.Message{
		ID:          "UsageChartDay",
		Description: "Above the chart: the numbers of the day pointed at; Day is a date (China time), Products is ProductCount, Calls is APICallCount",
		Other:       "{{.Day}}: {{.Products}}, {{.Calls}}",
	}
	UsageChartHint = &goi18n.Message{
		ID:          "UsageChartHint",
		Description: "Under the chart: how to see a day's numbers",
		Other:       "Point at a day or tap it to see its numbers.",
	}
)
