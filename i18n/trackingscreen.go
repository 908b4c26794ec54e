package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The Tracking screen: the filter, the list of orders, one order's detail and its actions. The
// 1688 statuses and the user's own statuses are named by OrderStatus* and OwnStatus*.
var (
	TrackingChip = &goi18n.Message{
		ID:          "TrackingChip",
		Description: "Tracking filter button: a group of orders and how many orders it holds, e.g. 'In transit (12)'",
		Other:       "{{.Name}} ({{.Count}})",
	}
	TrackingBucketAll              = &goi18n.Message{ID: "TrackingBucketAll", Description: "Tracking filter: every order", Other: "All"}
	TrackingBucketAwaitingPayment  = &goi18n.Message{ID: "TrackingBucketAwaitingPayment", Description: "Tracking filter: orders not paid yet", Other: "To pay"}
	TrackingBucketAwaitingShipment = &goi18n.Message{ID: "TrackingBucketAwaitingShipment", Description: "Tracking filter: paid orders the seller has not shipped yet", Other: "To ship"}
	TrackingBucketInTransit        = &goi18n.Message{ID: "TrackingBucketInTransit", Description: "Tracking filter: orders on their way", Other: "In transit"}
	TrackingBucketReceived         = &goi18n.Message{ID: "TrackingBucketReceived", Description: "Tracking filter: orders delivered or completed", Other: "Received"}
	TrackingBucketClosed           = &goi18n.Message{ID: "TrackingBucketClosed", Description: "Tracking filter: cancelled or closed orders", Other: "Closed"}
	TrackingBucketOther            = &goi18n.Message{ID: "TrackingBucketOther", Description: "Tracking filter: orders in a 1688 state caigou does not know", Other: "Other"}

	TrackingSearchPlaceholder = &goi18n.Message{
		ID:          "TrackingSearchPlaceholder",
		Description: "Placeholder of the Tracking search field",
		Other:       "Search by order number, seller, offer number or title",
	}
	TrackingSortNewest     = &goi18n.Message{ID: "TrackingSortNewest", Description: "Tracking sort: newest orders first", Other: "Newest first"}
	TrackingSortOldest     = &goi18n.Message{ID: "TrackingSortOldest", Description: "Tracking sort: oldest orders first", Other: "Oldest first"}
	TrackingSortAmountHigh = &goi18n.Message{ID: "TrackingSortAmountHigh", Description: "Tracking sort: largest order total first", Other: "Largest amount first"}
	TrackingSortAmountLow  = &goi18n.Message{ID: "TrackingSortAmountLow", Description: "Tracking sort: smallest order total first", Other: "Smallest amount first"}
	TrackingNoMatch        = &goi18n.Message{ID: "TrackingNoMatch", Description: "Tracking list: no order matches the filter and search", Other: "No order matches."}
	TrackingPickOrder      = &goi18n.Message{ID: "TrackingPickOrder", Description: "Tracking detail area before an order is chosen", Other: "Choose an order to see its details."}
	TrackingReadFailed     = &goi18n.Message{
		ID:          "TrackingReadFailed",
		Description: "Tracking: orders or one order could not be read from the database",
		Other:       "caigou could not read the orders. Try again; if it keeps failing, restart caigou.",
	}
	TrackingNotNumbered = &goi18n.Message{ID: "TrackingNotNumbered", Description: "Instead of a 1688 order number that 1688 has not given yet", Other: "no number yet"}

	TrackingSeller      = &goi18n.Message{ID: "TrackingSeller", Description: "Order detail field: the seller's 1688 login", Other: "Seller"}
	TrackingOrderNumber = &goi18n.Message{ID: "TrackingOrderNumber", Description: "Order detail field: the 1688 order number", Other: "1688 order number"}
	TrackingOwnStatus   = &goi18n.Message{ID: "TrackingOwnStatus", Description: "Order detail field: the user's own status of the order", Other: "My status"}
	TrackingAliStatus   = &goi18n.Message{ID: "TrackingAliStatus", Description: "Order detail field: the order's status on 1688", Other: "Status on 1688"}
	TrackingTotal       = &goi18n.Message{ID: "TrackingTotal", Description: "Order detail field: what the order costs in all", Other: "Total"}
	TrackingShipping    = &goi18n.Message{ID: "TrackingShipping", Description: "Order detail field: the shipping fee, part of the total", Other: "Of it, shipping"}
	TrackingRefund      = &goi18n.Message{ID: "TrackingRefund", Description: "Order detail field: money refunded to the buyer", Other: "Refunded"}
	TrackingPlacedAt    = &goi18n.Message{ID: "TrackingPlacedAt", Description: "Order detail field: when the order was placed", Other: "Placed"}
	TrackingPaidAt      = &goi18n.Message{ID: "TrackingPaidAt", Description: "Order detail field: when the order was paid", Other: "Paid"}
	TrackingShippedAt   = &goi18n.Message{ID: "TrackingShippedAt", Description: "Order detail field: when the seller shipped it", Other: "Shipped"}
	TrackingReceivedAt  = &goi18n.Message{ID: "TrackingReceivedAt", Description: "Order detail field: when the buyer confirmed receipt", Other: "Received"}
	TrackingCompletedAt = &goi18n.Message{ID: "TrackingCompletedAt", Description: "Order detail field: when the order was completed", Other: "Completed"}
	TrackingSyncedAt    = &goi18n.Message{ID: "TrackingSyncedAt", Description: "Order detail field: when caigou last read the order from 1688", Other: "Last read from 1688"}
	TrackingClosedWhy   = &goi18n.Message{ID: "TrackingClosedWhy", Description: "Order detail field: why the order was closed", Other: "Closed because"}

	TrackingLinesTitle     = &goi18n.Message{ID: "TrackingLinesTitle", Description: "Order detail section: the products of the order", Other: "Products"}
	TrackingLineOffer      = &goi18n.Message{ID: "TrackingLineOffer", Description: "An order line's 1688 offer number; OfferID is digits", Other: "Offer {{.OfferID}}"}
	TrackingLineAmount     = &goi18n.Message{ID: "TrackingLineAmount", Description: "An order line's quantity, unit price and amount, e.g. '10 × ¥3.99 = ¥39.90'", Other: "{{.Quantity}} × {{.Price}} = {{.Amount}}"}
	TrackingLogisticsTitle = &goi18n.Message{ID: "TrackingLogisticsTitle", Description: "Order detail section: parcels and their tracking", Other: "Delivery"}
	TrackingNoParcels      = &goi18n.Message{ID: "TrackingNoParcels", Description: "Order detail: no parcel known yet", Other: "No parcel yet. Parcels show here once the seller ships and the order is refreshed."}
	TrackingParcel         = &goi18n.Message{ID: "TrackingParcel", Description: "A parcel: the carrier's name and its tracking number", Other: "{{.Carrier}}, tracking number {{.BillNo}}"}
	TrackingCarrierUnknown = &goi18n.Message{ID: "TrackingCarrierUnknown", Description: "Instead of a carrier's name that 1688 did not give", Other: "Carrier not named"}
	TrackingNoTrace        = &goi18n.Message{ID: "TrackingNoTrace", Description: "A parcel without tracking steps yet", Other: "No tracking steps yet."}
	TrackingCopyBillNo     = &goi18n.Message{ID: "TrackingCopyBillNo", Description: "Button: copies a parcel's tracking number", Other: "Copy tracking number"}
	TrackingTimelineTitle  = &goi18n.Message{ID: "TrackingTimelineTitle", Description: "Order detail section: what happened to the order, newest first", Other: "History"}

	TrackingEventMessage  = &goi18n.Message{ID: "TrackingEventMessage", Description: "Timeline: 1688 sent a message; Topic says what it was about", Other: "Message from 1688: {{.Topic}}"}
	TrackingEventSync     = &goi18n.Message{ID: "TrackingEventSync", Description: "Timeline: caigou read the order from 1688 by itself", Other: "caigou read the order from 1688"}
	TrackingEventRefresh  = &goi18n.Message{ID: "TrackingEventRefresh", Description: "Timeline: the user refreshed the order", Other: "You refreshed the order"}
	TrackingEventPay      = &goi18n.Message{ID: "TrackingEventPay", Description: "Timeline: the user opened the payment page", Other: "You opened the payment page"}
	TrackingEventCancel   = &goi18n.Message{ID: "TrackingEventCancel", Description: "Timeline: the user cancelled the order", Other: "You cancelled the order"}
	TrackingEventRecorded = &goi18n.Message{ID: "TrackingEventRecorded", Description: "Timeline: the user recorded an order placed on the website", Other: "You recorded the order in caigou"}
	TrackingEventPlaced   = &goi18n.Message{ID: "TrackingEventPlaced", Description: "Timeline: the user placed the order through caigou", Other: "You placed the order through caigou"}
	TrackingEventOther    = &goi18n.Message{ID: "TrackingEventOther", Description: "Timeline: an action caigou has no words for; Action is its code", Other: "Your action: {{.Action}}"}
	TrackingEventStatus   = &goi18n.Message{ID: "TrackingEventStatus", Description: "Timeline: the 1688 status the event reported", Other: "Status: {{.Status}}"}

	TrackingOpenIn1688  = &goi18n.Message{ID: "TrackingOpenIn1688", Description: "Button: opens the order's page on the 1688 website", Other: "Open on 1688"}
	TrackingPay         = &goi18n.Message{ID: "TrackingPay", Description: "Button: opens the Alipay page that pays the order", Other: "Pay"}
	TrackingCancel      = &goi18n.Message{ID: "TrackingCancel", Description: "Button: cancels an unpaid order on 1688", Other: "Cancel order"}
	TrackingRefresh     = &goi18n.Message{ID: "TrackingRefresh", Description: "Button: reads the order from 1688 now", Other: "Refresh"}
	TrackingRefreshHint = &goi18n.Message{
		ID:          "TrackingRefreshHint",
		Description: "Hint under the order actions: Refresh spends calls of the key's daily budget; Used and Limit are numbers",
		Other:       "Refresh asks 1688 now and uses 1 to 3 of the key's calls for today ({{.Used}} of {{.Limit}} used).",
	}
	TrackingCancelTitle = &goi18n.Message{ID: "TrackingCancelTitle", Description: "Dialog title: asks before cancelling an order", Other: "Cancel this order?"}
	TrackingCancelBody  = &goi18n.Message{
		ID:          "TrackingCancelBody",
		Description: "Dialog text before cancelling; OrderID is the 1688 order number, Seller the seller's login",
		Other:       "Order {{.OrderID}} from {{.Seller}} will be closed on 1688. This cannot be undone. Why do you cancel it?",
	}
	TrackingReasonBuyerCancel     = &goi18n.Message{ID: "TrackingReasonBuyerCancel", Description: "Cancel reason (and close reason): the buyer no longer wants the order", Other: "I no longer want it"}
	TrackingReasonSellerGoodsLack = &goi18n.Message{ID: "TrackingReasonSellerGoodsLack", Description: "Cancel reason (and close reason): the seller is out of stock", Other: "The seller is out of stock"}
	TrackingReasonOther           = &goi18n.Message{ID: "TrackingReasonOther", Description: "Cancel reason (and close reason): any other reason", Other: "Another reason"}
	TrackingCancelConfirm         = &goi18n.Message{ID: "TrackingCancelConfirm", Description: "Dialog button: cancels the order", Other: "Cancel the order"}
	TrackingCancelKeep            = &goi18n.Message{ID: "TrackingCancelKeep", Description: "Dialog button: keeps the order, nothing is cancelled", Other: "Keep the order"}
)
