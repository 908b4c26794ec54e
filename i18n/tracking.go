package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Tracking: desktop notifications and the order actions' errors.
var (
	NotifyShippedTitle = &goi18n.Message{ID: "NotifyShippedTitle", Description: "Desktop notification title: a seller shipped an order", Other: "Order shipped"}
	NotifyClosedTitle  = &goi18n.Message{ID: "NotifyClosedTitle", Description: "Desktop notification title: an order was closed (cancelled)", Other: "Order closed"}
	NotifyRefundTitle  = &goi18n.Message{ID: "NotifyRefundTitle", Description: "Desktop notification title: something happened to a refund of an order", Other: "Refund update"}
	NotifyBody         = &goi18n.Message{
		ID:          "NotifyBody",
		Description: "Desktop notification text naming the order: its product title (or number) and the seller's 1688 login",
		Other:       "{{.Order}} from {{.Seller}}",
	}
	NotifyOrderNumber = &goi18n.Message{
		ID:          "NotifyOrderNumber",
		Description: "Names an order by its 1688 number when it has no product title yet",
		Other:       "Order {{.OrderID}}",
	}

	ActionErrNotNumbered = &goi18n.Message{
		ID:          "ActionErrNotNumbered",
		Description: "Error: an action on an order that 1688 has not given a number yet",
		Other:       "1688 has not given this order a number yet, so it cannot be looked up there.",
	}
	ActionErrNotNumberedNext = &goi18n.Message{
		ID:          "ActionErrNotNumberedNext",
		Description: "Next step after ActionErrNotNumbered",
		Other:       "Wait until the order has been placed, then try again.",
	}
	ActionErrCannotCancel = &goi18n.Message{
		ID:          "ActionErrCannotCancel",
		Description: "Error: the user tried to cancel an order that is paid or closed",
		Other:       "Only an order that has not been paid can be cancelled, and this one is paid or closed already.",
	}
	ActionErrCannotCancelNext = &goi18n.Message{
		ID:          "ActionErrCannotCancelNext",
		Description: "Next step after ActionErrCannotCancel",
		Other:       "To get your money back, ask the seller for a refund on the order's page on 1688.",
	}
	ActionErrCancelTooSoon = &goi18n.Message{
		ID:          "ActionErrCancelTooSoon",
		Description: "Error: 1688 refuses to cancel an order in the first seconds after it was placed",
		Other:       "1688 does not cancel an order in the first seconds after it was placed.",
	}
	ActionErrCancelTooSoonNext = &goi18n.Message{
		ID:          "ActionErrCancelTooSoonNext",
		Description: "Next step after ActionErrCancelTooSoon",
		Other:       "Wait ten seconds, then cancel it again.",
	}
	ActionErrNotPayable = &goi18n.Message{
		ID:          "ActionErrNotPayable",
		Description: "Error: an order the user wants to pay is not waiting for payment",
		Other:       "This order is not waiting for payment: it may be paid or closed already.",
	}
	ActionErrNotPayableNext = &goi18n.Message{
		ID:          "ActionErrNotPayableNext",
		Description: "Next step after ActionErrNotPayable",
		Other:       "Refresh the order to see where it stands.",
	}
	ActionErrTooManyToPay = &goi18n.Message{
		ID:          "ActionErrTooManyToPay",
		Description: "Error: too many orders chosen for one payment; Max is a number",
		Other:       "One payment can cover from 1 to {{.Max}} orders.",
	}
	ActionErrTooManyToPayNext = &goi18n.Message{
		ID:          "ActionErrTooManyToPayNext",
		Description: "Next step after ActionErrTooManyToPay",
		Other:       "Choose fewer orders and pay the rest separately.",
	}
	ActionErrNoOrder = &goi18n.Message{
		ID:          "ActionErrNoOrder",
		Description: "Error: the order the user acted on is no longer in the app's database",
		Other:       "This order is no longer in caigou.",
	}
	ActionErrNoKey = &goi18n.Message{
		ID:          "ActionErrNoKey",
		Description: "Error: an order action needs a working 1688 key and none is active",
		Other:       "No 1688 key is ready to use yet.",
	}
	ActionErrNoKeyNext = &goi18n.Message{
		ID:          "ActionErrNoKeyNext",
		Description: "Next step after ActionErrNoKey",
		Other:       "Set up a key in the setup wizard, or choose the key to use in Settings.",
	}
)
