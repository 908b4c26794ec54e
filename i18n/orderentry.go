package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Order entry's errors: picking, the cart, the address book, placing, recording and importing.
// Each has an explanation and, where the user can act, a next step.
var (
	OrderErrNewSeller = &goi18n.Message{
		ID:          "OrderErrNewSeller",
		Description: "Why an order to a seller was refused: the buyer has never bought from this seller; Seller is the seller's 1688 login name",
		Other:       "The first order to a new seller must be placed on the 1688 website. {{.Seller}} has not sold to this account before.",
	}
	OrderErrNewSellerNext = &goi18n.Message{
		ID:          "OrderErrNewSellerNext",
		Description: "What to do after OrderErrNewSeller",
		Other:       "Open the offer, order there, then record the order here with its order number.",
	}
	OrderErrQuantityBelowMin = &goi18n.Message{
		ID:          "OrderErrQuantityBelowMin",
		Description: "A quantity under the seller's minimum order quantity; Min is a number",
		Other:       "This seller sells at least {{.Min}} at a time.",
	}
	OrderErrQuantityBelowMinNext = &goi18n.Message{
		ID:          "OrderErrQuantityBelowMinNext",
		Description: "What to do after OrderErrQuantityBelowMin; Min is a number",
		Other:       "Enter a whole number of {{.Min}} or more.",
	}
	OrderErrUnknownSKU = &goi18n.Message{
		ID:          "OrderErrUnknownSKU",
		Description: "The chosen variant (SKU: colour, size…) is not one the offer has",
		Other:       "The offer has no such variant (it may have been removed).",
	}
	OrderErrUnknownSKUNext = &goi18n.Message{
		ID:          "OrderErrUnknownSKUNext",
		Description: "What to do after OrderErrUnknownSKU",
		Other:       "Look the offer up again and choose one of its variants.",
	}
	OrderErrCartEmpty = &goi18n.Message{
		ID:          "OrderErrCartEmpty",
		Description: "Preview or place was asked for with nothing in the cart (for example after a double click placed it)",
		Other:       "The cart is empty: there is nothing to order.",
	}
	OrderErrCartEmptyNext = &goi18n.Message{
		ID:          "OrderErrCartEmptyNext",
		Description: "What to do after OrderErrCartEmpty",
		Other:       "Paste offer links to add lines. Orders already placed are under Tracking.",
	}
	OrderErrCartLineGone = &goi18n.Message{
		ID:          "OrderErrCartLineGone",
		Description: "A cart line the user edited is no longer in the cart",
		Other:       "This line is no longer in the cart; it may have been placed or removed.",
	}
	OrderErrNoAddress = &goi18n.Message{
		ID:          "OrderErrNoAddress",
		Description: "The delivery address chosen for the order is not in the address book",
		Other:       "The delivery address is not in the address book any more.",
	}
	OrderErrNoAddressNext = &goi18n.Message{
		ID:          "OrderErrNoAddressNext",
		Description: "What to do after OrderErrNoAddress",
		Other:       "Choose another address, or add one.",
	}
	OrderErrAddressName = &goi18n.Message{
		ID:          "OrderErrAddressName",
		Description: "Address form: the receiver's full name is empty",
		Other:       "Enter the receiver's full name.",
	}
	OrderErrAddressStreet = &goi18n.Message{
		ID:          "OrderErrAddressStreet",
		Description: "Address form: the street address is empty",
		Other:       "Enter the street and house.",
	}
	OrderErrAddressPhone = &goi18n.Message{
		ID:          "OrderErrAddressPhone",
		Description: "Address form: neither a mobile nor a phone number was given",
		Other:       "Enter a mobile or a phone number, so the courier can call the receiver.",
	}
	OrderErrAddressMobile = &goi18n.Message{
		ID:          "OrderErrAddressMobile",
		Description: "Address form: the mobile number is not a Chinese mobile number",
		Other:       "A mobile number has 11 digits and starts with 1, for example 13800138000.",
	}
	OrderErrAddressPhoneChars = &goi18n.Message{
		ID:          "OrderErrAddressPhoneChars",
		Description: "Address form: the phone number has characters other than digits, spaces, dashes and a leading +",
		Other:       "A phone number holds digits, spaces and dashes only, for example 0579-8512 3456.",
	}
	OrderErrOrderID = &goi18n.Message{
		ID:          "OrderErrOrderID",
		Description: "Recording an order: the 1688 order number typed is not 17 to 19 digits",
		Other:       "A 1688 order number has 17 to 19 digits.",
	}
	OrderErrOrderIDNext = &goi18n.Message{
		ID:          "OrderErrOrderIDNext",
		Description: "What to do after OrderErrOrderID; keep 我的订单 in Chinese: it is a 1688 page",
		Other:       "Copy it from the order on the 1688 website (我的订单), without spaces.",
	}
	OrderErrUnclear = &goi18n.Message{
		ID:          "OrderErrUnclear",
		Description: "Placing an order: no clear answer came from 1688 and the order could not be found yet; it is not sent again",
		Other:       "1688 did not answer clearly, and the order has not shown up yet. It was not sent again, so it cannot be ordered twice.",
	}
	OrderErrUnclearNext = &goi18n.Message{
		ID:          "OrderErrUnclearNext",
		Description: "What to do after OrderErrUnclear",
		Other:       "Check again in a few minutes. If it is still missing after 10 minutes, you can put its lines back in the cart.",
	}
	OrderErrPendingTooRecent = &goi18n.Message{
		ID:          "OrderErrPendingTooRecent",
		Description: "The user asked to put an unclear order back in the cart too early",
		Other:       "This order was sent less than 10 minutes ago; 1688 may still list it.",
	}
	OrderErrPendingTooRecentNext = &goi18n.Message{
		ID:          "OrderErrPendingTooRecentNext",
		Description: "What to do after OrderErrPendingTooRecent",
		Other:       "Check again later. The lines can go back to the cart once 10 minutes have passed.",
	}
	OrderErrPendingOtherKey = &goi18n.Message{
		ID:          "OrderErrPendingOtherKey",
		Description: "An unclear order was sent with a key that is not the active one, so it cannot be looked up now",
		Other:       "This order was sent with another key, and only that key's account can look it up.",
	}
	OrderErrPendingOtherKeyNext = &goi18n.Message{
		ID:          "OrderErrPendingOtherKeyNext",
		Description: "What to do after OrderErrPendingOtherKey",
		Other:       "Make that key active in Settings, then check again.",
	}
	OrderErrNotPending = &goi18n.Message{
		ID:          "OrderErrNotPending",
		Description: "The order the user acted on is no longer waiting for 1688's answer",
		Other:       "This order is no longer waiting for 1688: it was found or already put back.",
	}
	OrderErrImportStopped = &goi18n.Message{
		ID:          "OrderErrImportStopped",
		Description: "The import of recent orders stopped because today's API calls are used up",
		Other:       "The import stopped: today's API calls are used up. The orders imported so far are kept.",
	}
)
