package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The Orders screen's "Suppliers" tab.
var (
	SuppliersIntro = &goi18n.Message{
		ID:          "SuppliersIntro",
		Description: "Top of the Suppliers tab: why the list matters",
		Other:       "These are the sellers you have bought from. The API can order only from them; order from a new seller on the 1688 website first.",
	}
	SuppliersRefresh    = &goi18n.Message{ID: "SuppliersRefresh", Description: "Button: reads the suppliers list again", Other: "Refresh"}
	SuppliersColSeller  = &goi18n.Message{ID: "SuppliersColSeller", Description: "Suppliers list, column header: the seller's 1688 login", Other: "Seller"}
	SuppliersColOrders  = &goi18n.Message{ID: "SuppliersColOrders", Description: "Suppliers list, column header: how many orders", Other: "Orders"}
	SuppliersColSpent   = &goi18n.Message{ID: "SuppliersColSpent", Description: "Suppliers list, column header: money spent with the seller, goods and freight", Other: "Spent"}
	SuppliersColLast    = &goi18n.Message{ID: "SuppliersColLast", Description: "Suppliers list, column header: date of the latest order", Other: "Last order"}
	SuppliersEmptyTitle = &goi18n.Message{ID: "SuppliersEmptyTitle", Description: "Suppliers tab with no sellers yet: heading", Other: "No suppliers yet"}
	SuppliersEmptyBody  = &goi18n.Message{
		ID:          "SuppliersEmptyBody",
		Description: "Suppliers tab with no sellers yet: what to do",
		Other:       "Record or import your orders, and the sellers you bought from appear here. To buy from a new seller, place the first order on the 1688 website.",
	}
)
