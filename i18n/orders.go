package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The Orders screen's frame.
var (
	OrdersTabNew       = &goi18n.Message{ID: "OrdersTabNew", Description: "Tab of the Orders screen: paste links, build a cart, place it", Other: "New order"}
	OrdersTabRecord    = &goi18n.Message{ID: "OrdersTabRecord", Description: "Tab of the Orders screen: record an order placed on the website, import recent orders, CSV", Other: "Record and import"}
	OrdersTabSuppliers = &goi18n.Message{ID: "OrdersTabSuppliers", Description: "Tab of the Orders screen: the sellers already bought from", Other: "Suppliers"}
)
