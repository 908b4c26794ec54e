package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The key usage meters, in the usage screen and the status area.
var (
	UsageProductsMeter = &goi18n.Message{
		ID:          "UsageProductsMeter",
		Description: "The product meter of a key; Used is the products used, Count the key's limit (the plural follows Count)",
		One:         "{{.Used}} of {{.Count}} product",
		Other:       "{{.Used}} of {{.Count}} products",
	}
	UsageCallsMeter = &goi18n.Message{
		ID:          "UsageCallsMeter",
		Description: "The API call meter of a key; Used is today's calls, Count the daily limit (the plural follows Count)",
		One:         "{{.Used}} of {{.Count}} API call today",
		Other:       "{{.Used}} of {{.Count}} API calls today",
	}
	UsageDaysLeft = &goi18n.Message{
		ID:          "UsageDaysLeft",
		Description: "The subscription meter: Count days are left until the key's subscription ends",
		One:         "{{.Count}} day left",
		Other:       "{{.Count}} days left",
	}
	UsageRule = &goi18n.Message{
		ID:          "UsageRule",
		Description: "A short line under the product meter: how products are counted",
		Other:       "Each order line (offer plus SKU) placed with this key counts once, when 1688 creates the order, cancelled ones too. Orders of this key's account recorded from the website count from the key's start.",
	}
)

// Desktop notifications and banners when a meter crosses a threshold. Key is the key's label or
// AppKey.
var (
	UsageAlertProductsTitle = &goi18n.Message{
		ID:          "UsageAlertProductsTitle",
		Description: "Notification title: the key has used Percent (80 or 95) per cent of its products",
		Other:       "Key {{.Key}}: {{.Percent}} % of its products used",
	}
	UsageAlertProductsBody = &goi18n.Message{
		ID:          "UsageAlertProductsBody",
		Description: "Notification text under UsageAlertProductsTitle; Meter is UsageProductsMeter",
		Other:       "{{.Meter}}. At the limit the key takes no new orders: set up the next key in time.",
	}
	UsageAlertCallsTitle = &goi18n.Message{
		ID:          "UsageAlertCallsTitle",
		Description: "Notification title: the key has made 80 % of today's API calls",
		Other:       "Key {{.Key}}: 80 % of today's API calls made",
	}
	UsageAlertCallsBody = &goi18n.Message{
		ID:          "UsageAlertCallsBody",
		Description: "Notification text under UsageAlertCallsTitle; Meter is UsageCallsMeter, Reset the local time the count starts again, e.g. 16:00",
		Other:       "{{.Meter}}. Background updates stop before the limit, so that the rest stays for your own actions. The count starts again at {{.Reset}}.",
	}
	UsageAlertDaysTitle = &goi18n.Message{
		ID:          "UsageAlertDaysTitle",
		Description: "Notification title: the key's subscription ends soon",
		Other:       "Key {{.Key}}: the subscription ends soon",
	}
	UsageAlertDaysBody = &goi18n.Message{
		ID:          "UsageAlertDaysBody",
		Description: "Notification text under UsageAlertDaysTitle; Left is UsageDaysLeft, End the last day, e.g. 2027-03-01",
		Other:       "{{.Left}}: it is valid until {{.End}}. Renew it in the 1688 console, or set up the next key.",
	}
)

// Refusals at the product limit, and the limits' input errors.
var (
	UsageProductCap = &goi18n.Message{
		ID:          "UsageProductCap",
		Description: "Order entry: the active key has used all its products and takes no new orders",
		Other:       "This key has used all its products and takes no new orders. Set up the next key: this key's orders stay in the history.",
	}
	UsageCartProducts = &goi18n.Message{
		ID:          "UsageCartProducts",
		Description: "Start of UsageCartOverCap: the cart holds Count products (order lines)",
		One:         "This cart has {{.Count}} product",
		Other:       "This cart has {{.Count}} products",
	}
	UsageProductsRemain = &goi18n.Message{
		ID:          "UsageProductsRemain",
		Description: "Part of UsageCartOverCap: Count more products may be ordered with this key",
		One:         "{{.Count}} remains on this key",
		Other:       "{{.Count}} remain on this key",
	}
	UsageCartOverCap = &goi18n.Message{
		ID:          "UsageCartOverCap",
		Description: "At preview: the cart would cross the key's product limit; Cart is UsageCartProducts, Remain is UsageProductsRemain",
		Other:       "{{.Cart}}; {{.Remain}}. Split the cart, or switch to the next key first.",
	}
	UsageLimitOutOfRange = &goi18n.Message{
		ID:          "UsageLimitOutOfRange",
		Description: "A product or daily call limit the user typed is refused; Min and Max are the bounds",
		Other:       "Enter a whole number from {{.Min}} to {{.Max}}.",
	}
)
