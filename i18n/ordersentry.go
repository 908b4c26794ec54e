package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The New order tab: the paste, the offer cards, the cart, the preview and placing, and the
// address book.
var (
	EntryPastePlaceholder = &goi18n.Message{
		ID:          "EntryPastePlaceholder",
		Description: "Order entry: placeholder of the box where links are pasted",
		Other:       "Paste one or more 1688 links, one per line, or a share text",
	}
	EntryPasteHint = &goi18n.Message{
		ID:          "EntryPasteHint",
		Description: "Order entry: how the paste box works with the keyboard",
		Other:       "Enter looks the links up; Shift+Enter starts a new line.",
	}
	EntryLookUp = &goi18n.Message{
		ID:          "EntryLookUp",
		Description: "Order entry: button that looks the pasted offers up on 1688",
		Other:       "Look up",
	}
	EntryStop = &goi18n.Message{
		ID:          "EntryStop",
		Description: "Order entry: button that stops looking offers up",
		Other:       "Stop",
	}
	EntryLinkProblem = &goi18n.Message{
		ID:          "EntryLinkProblem",
		Description: "Order entry: a pasted line that is not an offer link; Line is its number, Reason says why",
		Other:       "Line {{.Line}}: {{.Reason}}",
	}
	EntryOfferProblem = &goi18n.Message{
		ID:          "EntryOfferProblem",
		Description: "Order entry: an offer that could not be looked up; Offer is its id, Reason says why",
		Other:       "Offer {{.Offer}}: {{.Reason}}",
	}
	EntryPendingNotice = &goi18n.Message{
		ID:          "EntryPendingNotice",
		Description: "Order entry: orders sent to 1688 whose answer never came; Count is how many",
		One:         "{{.Count}} order is waiting for an answer from 1688. caigou looks it up; it never sends it again.",
		Other:       "{{.Count}} orders are waiting for an answer from 1688. caigou looks them up; it never sends them again.",
	}
	EntryPendingLookUp = &goi18n.Message{
		ID:          "EntryPendingLookUp",
		Description: "Order entry: button that looks the waiting orders up on 1688",
		Other:       "Look up pending orders",
	}
	EntrySave = &goi18n.Message{
		ID:          "EntrySave",
		Description: "Dialog button: save what was entered",
		Other:       "Save",
	}
	OfferSeller = &goi18n.Message{
		ID:          "OfferSeller",
		Description: "Offer card: who sells the offer; Seller is the seller's 1688 name",
		Other:       "Seller: {{.Seller}}",
	}
	OfferPrice = &goi18n.Message{
		ID:          "OfferPrice",
		Description: "Offer card: the lowest price and the minimum order quantity; Price is an amount, Min a number",
		Other:       "From {{.Price}}, at least {{.Min}} per order",
	}
	OfferVariant = &goi18n.Message{
		ID:          "OfferVariant",
		Description: "Offer card: label of the choice of variant (SKU: colour, size…)",
		Other:       "Variant",
	}
	OfferChooseVariant = &goi18n.Message{
		ID:          "OfferChooseVariant",
		Description: "Offer card: placeholder of the variant choice",
		Other:       "Choose a variant",
	}
	OfferChooseVariantFirst = &goi18n.Message{
		ID:          "OfferChooseVariantFirst",
		Description: "Offer card: Add to cart was tapped before a variant was chosen",
		Other:       "Choose a variant first.",
	}
	OfferQuantity = &goi18n.Message{
		ID:          "OfferQuantity",
		Description: "Offer card: label of the quantity field",
		Other:       "Quantity",
	}
	OfferNote = &goi18n.Message{
		ID:          "OfferNote",
		Description: "Offer card: label of the user's own note for the line",
		Other:       "Note",
	}
	OfferNotePlaceholder = &goi18n.Message{
		ID:          "OfferNotePlaceholder",
		Description: "Offer card: placeholder of the note field",
		Other:       "Your own note (optional)",
	}
	OfferAddToCart = &goi18n.Message{
		ID:          "OfferAddToCart",
		Description: "Offer card: button that puts the chosen variant and quantity in the cart",
		Other:       "Add to cart",
	}
	OfferAdded = &goi18n.Message{
		ID:          "OfferAdded",
		Description: "Offer card: shown after the line went into the cart",
		Other:       "Added to the cart.",
	}
	CartTitle = &goi18n.Message{
		ID:          "CartTitle",
		Description: "Heading of the cart on the New order tab",
		Other:       "Cart",
	}
	CartEmpty = &goi18n.Message{
		ID:          "CartEmpty",
		Description: "The cart has no lines",
		Other:       "The cart is empty. Look offers up and add them here.",
	}
	CartNotLoadedTitle = &goi18n.Message{
		ID:          "CartNotLoadedTitle",
		Description: "Cart: heading of lines (from a CSV import) whose offer was not looked up yet",
		Other:       "Details not loaded yet",
	}
	CartNotLoadedHint = &goi18n.Message{
		ID:          "CartNotLoadedHint",
		Description: "Cart: under CartNotLoadedTitle",
		Other:       "Preview looks these offers up.",
	}
	CartOfferID = &goi18n.Message{
		ID:          "CartOfferID",
		Description: "Cart: a line whose offer was not looked up yet, named by its id; Offer is the id",
		Other:       "Offer {{.Offer}}",
	}
	CartNotLoaded = &goi18n.Message{
		ID:          "CartNotLoaded",
		Description: "Cart: a line whose title, seller and price are not known yet",
		Other:       "Details not loaded yet",
	}
	CartUnitPrice = &goi18n.Message{
		ID:          "CartUnitPrice",
		Description: "Cart: the price of one unit; Price is an amount",
		Other:       "{{.Price}} each",
	}
	CartLineProblem = &goi18n.Message{
		ID:          "CartLineProblem",
		Description: "Cart: a line's quantity was refused; Title names the line, Reason says why",
		Other:       "{{.Title}}: {{.Reason}}",
	}
	CartNoMessage = &goi18n.Message{
		ID:          "CartNoMessage",
		Description: "Cart: under a seller's name, when the user wrote no message to the seller",
		Other:       "No message to the seller",
	}
	CartMessageShown = &goi18n.Message{
		ID:          "CartMessageShown",
		Description: "Cart: under a seller's name, the message the user wrote to the seller; Message is the text",
		Other:       "Message: {{.Message}}",
	}
	CartMessageTitle = &goi18n.Message{
		ID:          "CartMessageTitle",
		Description: "Title of the dialog where a message to a seller is written; Seller is the seller's 1688 name",
		Other:       "Message to {{.Seller}}",
	}
	CartMessagePlaceholder = &goi18n.Message{
		ID:          "CartMessagePlaceholder",
		Description: "Placeholder of the message to a seller",
		Other:       "Optional: what the seller should know about this order",
	}
	CartRemoveTitle = &goi18n.Message{
		ID:          "CartRemoveTitle",
		Description: "Title of the confirmation before a line leaves the cart",
		Other:       "Remove from the cart?",
	}
	CartRemoveBody = &goi18n.Message{
		ID:          "CartRemoveBody",
		Description: "Confirmation before a line leaves the cart; Title names the line",
		Other:       "Remove {{.Title}} from the cart?",
	}
	CartRemove = &goi18n.Message{
		ID:          "CartRemove",
		Description: "Button that removes a line from the cart",
		Other:       "Remove",
	}
	CartDeliverTo = &goi18n.Message{
		ID:          "CartDeliverTo",
		Description: "Cart: label of the delivery address choice",
		Other:       "Deliver to",
	}
	CartChooseAddress = &goi18n.Message{
		ID:          "CartChooseAddress",
		Description: "Cart: placeholder of the delivery address choice",
		Other:       "Choose an address",
	}
	CartAddressBook = &goi18n.Message{
		ID:          "CartAddressBook",
		Description: "Cart: button that opens the address book",
		Other:       "Address book",
	}
	CartNeedAddress = &goi18n.Message{
		ID:          "CartNeedAddress",
		Description: "Cart: Preview was tapped with no delivery address chosen",
		Other:       "Choose a delivery address first, or add one in the address book.",
	}
	CartPreview = &goi18n.Message{
		ID:          "CartPreview",
		Description: "Cart: button that asks 1688 for the totals before placing",
		Other:       "Preview",
	}
	PreviewTitle = &goi18n.Message{
		ID:          "PreviewTitle",
		Description: "Title of the dialog with each seller's totals",
		Other:       "Order preview",
	}
	PreviewLines = &goi18n.Message{
		ID:          "PreviewLines",
		Description: "Preview: how many cart lines go to a seller; Count is the number",
		One:         "{{.Count}} line",
		Other:       "{{.Count}} lines",
	}
	PreviewGoods = &goi18n.Message{
		ID:          "PreviewGoods",
		Description: "Preview: the price of the goods; Amount is an amount",
		Other:       "Goods: {{.Amount}}",
	}
	PreviewFreight = &goi18n.Message{
		ID:          "PreviewFreight",
		Description: "Preview: the shipping fee; Amount is an amount",
		Other:       "Freight: {{.Amount}}",
	}
	PreviewTotal = &goi18n.Message{
		ID:          "PreviewTotal",
		Description: "Preview: goods plus freight for one seller; Amount is an amount",
		Other:       "Total: {{.Amount}}",
	}
	PreviewGrandTotal = &goi18n.Message{
		ID:          "PreviewGrandTotal",
		Description: "Preview: the sum of the orders that can be placed; Amount is an amount",
		Other:       "All orders that can be placed: {{.Amount}}",
	}
	PreviewNothingToPlace = &goi18n.Message{
		ID:          "PreviewNothingToPlace",
		Description: "Preview: no seller's order can be placed here",
		Other:       "None of these orders can be placed from caigou.",
	}
	PreviewPlace = &goi18n.Message{
		ID:          "PreviewPlace",
		Description: "Preview: button that places the orders; Count is how many orders",
		One:         "Place {{.Count}} order",
		Other:       "Place {{.Count}} orders",
	}
	PreviewPlacing = &goi18n.Message{
		ID:          "PreviewPlacing",
		Description: "Preview: shown while the orders are being placed",
		Other:       "Placing the orders… Please wait for 1688's answer.",
	}
	PreviewOpenOffer = &goi18n.Message{
		ID:          "PreviewOpenOffer",
		Description: "Preview, new seller: button that opens the offer on the 1688 website",
		Other:       "Open the offer",
	}
	PreviewRecordAfter = &goi18n.Message{
		ID:          "PreviewRecordAfter",
		Description: "Preview, new seller: button that goes to the tab where an order placed on the website is recorded",
		Other:       "Record the order afterwards",
	}
	ResultTitle = &goi18n.Message{
		ID:          "ResultTitle",
		Description: "Title of the dialog that says what became of each order",
		Other:       "Orders",
	}
	ResultPlaced = &goi18n.Message{
		ID:          "ResultPlaced",
		Description: "Result: the order was placed; ID is 1688's order number",
		Other:       "Placed. 1688 order number: {{.ID}}",
	}
	ResultShowInTracking = &goi18n.Message{
		ID:          "ResultShowInTracking",
		Description: "Result: button that shows the placed order in Tracking",
		Other:       "Show in Tracking",
	}
	ResultUnclear = &goi18n.Message{
		ID:          "ResultUnclear",
		Description: "Result: no clear answer came from 1688 about an order",
		Other:       "caigou could not tell whether 1688 took the order. It will look it up, and never orders again blindly.",
	}
	ResultLookUpAgain = &goi18n.Message{
		ID:          "ResultLookUpAgain",
		Description: "Result: button that looks an unclear order up on 1688 again",
		Other:       "Look up again",
	}
	ResultReturned = &goi18n.Message{
		ID:          "ResultReturned",
		Description: "Result: the order was not found at 1688 and its lines went back to the cart",
		Other:       "1688 does not have this order: its lines are back in the cart.",
	}
	ResultNothing = &goi18n.Message{
		ID:          "ResultNothing",
		Description: "Result: there was nothing to place or look up",
		Other:       "Nothing was waiting.",
	}
	AddrBookTitle = &goi18n.Message{
		ID:          "AddrBookTitle",
		Description: "Title of the address book dialog",
		Other:       "Address book",
	}
	AddrBookEmpty = &goi18n.Message{
		ID:          "AddrBookEmpty",
		Description: "Address book: no address yet",
		Other:       "No addresses yet. Add the address your orders are delivered to.",
	}
	AddrAdd = &goi18n.Message{
		ID:          "AddrAdd",
		Description: "Address book: button that adds an address",
		Other:       "Add",
	}
	AddrEdit = &goi18n.Message{
		ID:          "AddrEdit",
		Description: "Address book: button that edits the selected address",
		Other:       "Edit",
	}
	AddrDelete = &goi18n.Message{
		ID:          "AddrDelete",
		Description: "Address book: button that deletes the selected address",
		Other:       "Delete",
	}
	AddrUse = &goi18n.Message{
		ID:          "AddrUse",
		Description: "Address book: button that delivers the cart to the selected address",
		Other:       "Use for this order",
	}
	AddrDefault = &goi18n.Message{
		ID:          "AddrDefault",
		Description: "Address book: marks the default address",
		Other:       "default",
	}
	AddrDeleteTitle = &goi18n.Message{
		ID:          "AddrDeleteTitle",
		Description: "Title of the confirmation before an address is deleted",
		Other:       "Delete this address?",
	}
	AddrDeleteBody = &goi18n.Message{
		ID:          "AddrDeleteBody",
		Description: "Confirmation before an address is deleted; Address is the address",
		Other:       "{{.Address}} will be removed from the address book.",
	}
	AddrNewTitle = &goi18n.Message{
		ID:          "AddrNewTitle",
		Description: "Title of the form that adds an address",
		Other:       "New address",
	}
	AddrEditTitle = &goi18n.Message{
		ID:          "AddrEditTitle",
		Description: "Title of the form that edits an address",
		Other:       "Edit address",
	}
	AddrLabel = &goi18n.Message{
		ID:          "AddrLabel",
		Description: "Address form: the user's own name for the address",
		Other:       "Name",
	}
	AddrLabelHint = &goi18n.Message{
		ID:          "AddrLabelHint",
		Description: "Address form: placeholder of AddrLabel",
		Other:       "Optional, e.g. Warehouse",
	}
	AddrFullName = &goi18n.Message{
		ID:          "AddrFullName",
		Description: "Address form: the receiver's full name",
		Other:       "Receiver",
	}
	AddrMobile = &goi18n.Message{
		ID:          "AddrMobile",
		Description: "Address form: the receiver's mobile number",
		Other:       "Mobile",
	}
	AddrPhone = &goi18n.Message{
		ID:          "AddrPhone",
		Description: "Address form: the receiver's landline number",
		Other:       "Phone",
	}
	AddrProvince = &goi18n.Message{
		ID:          "AddrProvince",
		Description: "Address form: the province",
		Other:       "Province",
	}
	AddrCity = &goi18n.Message{
		ID:          "AddrCity",
		Description: "Address form: the city",
		Other:       "City",
	}
	AddrArea = &goi18n.Message{
		ID:          "AddrArea",
		Description: "Address form: the district of the city",
		Other:       "District",
	}
	AddrStreet = &goi18n.Message{
		ID:          "AddrStreet",
		Description: "Address form: street and house",
		Other:       "Street and house",
	}
	AddrPostCode = &goi18n.Message{
		ID:          "AddrPostCode",
		Description: "Address form: the postal code",
		Other:       "Post code",
	}
)
