package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The compact usage meters in the status line, the usage banners and the product cap in order
// entry.
var (
	StatusProducts = &goi18n.Message{
		ID:          "StatusProducts",
		Description: "Status line, compact product meter of the active key: Used products of Limit, e.g. Products 812/1000",
		Other:       "Products {{.Used}}/{{.Limit}}",
	}
	StatusBackgroundPaused = &goi18n.Message{
		ID:          "StatusBackgroundPaused",
		Description: "Status line when today's API calls are used up but for the reserve; Time is the local time the count starts again, e.g. 16:00",
		Other:       "Background sync paused until {{.Time}}; your own actions still work",
	}
	StatusCallsUsedUp = &goi18n.Message{
		ID:          "StatusCallsUsedUp",
		Description: "Status line when all of today's API calls are used, the reserve too; Time is the local time the count starts again, e.g. 16:00",
		Other:       "Today's API calls are used up until {{.Time}}",
	}
	UsageSetUpNextKey = &goi18n.Message{
		ID:          "UsageSetUpNextKey",
		Description: "Button on a usage banner and in order entry at the product limit: start the setup wizard for a new key",
		Other:       "Set up the next key",
	}
	UsageCapNoPlace = &goi18n.Message{
		ID:          "UsageCapNoPlace",
		Description: "Preview dialog, under the warning that the cart is bigger than what remains on the key: why Place is off",
		Other:       "Remove lines from the cart to place part of it now, and the rest with the next key.",
	}
)
