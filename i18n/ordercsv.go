package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Cart import from CSV: why a row or a file was left out.
var (
	CSVProblemLine = &goi18n.Message{
		ID:          "CSVProblemLine",
		Description: "Cart CSV import: one row left out; Line is its line number in the file, Reason one of the CSV… or Link… texts",
		Other:       "Line {{.Line}}: {{.Reason}}",
	}
	CSVNoOffer = &goi18n.Message{
		ID:          "CSVNoOffer",
		Description: "Cart CSV import: the row has no offer link or id",
		Other:       "The offer column is empty. Put the link to the 1688 offer, or its number, in the first column.",
	}
	CSVNoQuantity = &goi18n.Message{
		ID:          "CSVNoQuantity",
		Description: "Cart CSV import: the row has no quantity",
		Other:       "The quantity is missing. Put the number of pieces in the third column, after the offer and the SKU.",
	}
	CSVQuantityFraction = &goi18n.Message{
		ID:          "CSVQuantityFraction",
		Description: "Cart CSV import: the quantity Value has a decimal point or comma, e.g. 2.0",
		Other:       "The quantity {{.Value}} is not a whole number. Write whole pieces without a decimal point or comma, for example 2.",
	}
	CSVQuantityNotNumber = &goi18n.Message{
		ID:          "CSVQuantityNotNumber",
		Description: "Cart CSV import: the quantity Value is not a number",
		Other:       "The quantity {{.Value}} is not a number. Write the number of pieces in digits, for example 2.",
	}
	CSVQuantityTooSmall = &goi18n.Message{
		ID:          "CSVQuantityTooSmall",
		Description: "Cart CSV import: the quantity Value is 0 or negative",
		Other:       "The quantity {{.Value}} is less than 1. Write at least 1, or delete the line.",
	}
	CSVQuantityTooLarge = &goi18n.Message{
		ID:          "CSVQuantityTooLarge",
		Description: "Cart CSV import: the quantity Value is more than Max",
		Other:       "The quantity {{.Value}} is too large: one line can hold at most {{.Max}} pieces.",
	}
	CSVSKUNeedsSpec = &goi18n.Message{
		ID:          "CSVSKUNeedsSpec",
		Description: "Cart CSV import: the row's SKU text Value differs from the SKU of a cart line of the same offer that has no specId yet",
		Other:       "The cart already holds this offer with another SKU, and without a specId the two would be merged. Put the specId of {{.Value}} in the second column, or add it in the cart after picking the first one's SKU.",
	}
	CSVSyntax = &goi18n.Message{
		ID:          "CSVSyntax",
		Description: "Cart CSV import: the row cannot be read as CSV",
		Other:       "This line cannot be read. Check its quotation marks, or save the file from the spreadsheet again.",
	}
	CSVEncoding = &goi18n.Message{
		ID:          "CSVEncoding",
		Description: "Cart CSV import: the file is not text in a known encoding",
		Other:       "This file is not a text CSV file caigou can read. In Excel, choose File, Save As, and the type CSV UTF-8 (Comma delimited), then import that file.",
	}
	CSVSpreadsheet = &goi18n.Message{
		ID:          "CSVSpreadsheet",
		Description: "Cart CSV import: the user picked an Excel workbook (.xlsx/.xls) instead of CSV",
		Other:       "This is an Excel workbook, not a CSV file. In Excel, choose File, Save As, and the type CSV UTF-8 (Comma delimited), then import that file.",
	}
	CSVTooLarge = &goi18n.Message{
		ID:          "CSVTooLarge",
		Description: "Cart CSV import: the file is larger than MB megabytes",
		Other:       "This file is larger than {{.MB}} MB, too large for a cart. Split it into smaller files.",
	}
	CSVUnreadable = &goi18n.Message{
		ID:          "CSVUnreadable",
		Description: "CSV import or export: the file could not be read or written",
		Other:       "The file could not be read or written. Check that it is still there and that the disk is not full, then try again.",
	}
)

// Order export to CSV: the header row.
var (
	ExportColOrderID    = &goi18n.Message{ID: "ExportColOrderID", Description: "Order CSV export, column header: the 1688 order number", Other: "1688 order"}
	ExportColCreated    = &goi18n.Message{ID: "ExportColCreated", Description: "Order CSV export, column header: when the order was created", Other: "Created"}
	ExportColSeller     = &goi18n.Message{ID: "ExportColSeller", Description: "Order CSV export, column header: the seller's 1688 login", Other: "Seller"}
	ExportColStatus     = &goi18n.Message{ID: "ExportColStatus", Description: "Order CSV export, column header: the order's status code on 1688", Other: "1688 status"}
	ExportColOwnStatus  = &goi18n.Message{ID: "ExportColOwnStatus", Description: "Order CSV export, column header: the user's own status of the order", Other: "My status"}
	ExportColOfferID    = &goi18n.Message{ID: "ExportColOfferID", Description: "Order CSV export, column header: the offer (product) number; cart import recognises the English, Russian and Chinese texts, so keep 'ID товара' and '商品ID'", Other: "Offer ID"}
	ExportColSpecID     = &goi18n.Message{ID: "ExportColSpecID", Description: "Order CSV export, column header: the SKU's specId; cart import recognises 'ID варианта' and '规格ID'", Other: "Spec ID"}
	ExportColSKU        = &goi18n.Message{ID: "ExportColSKU", Description: "Order CSV export, column header: the SKU's attributes such as colour and size; cart import recognises 'Вариант' and '规格'", Other: "SKU"}
	ExportColTitle      = &goi18n.Message{ID: "ExportColTitle", Description: "Order CSV export, column header: the product's name", Other: "Title"}
	ExportColQuantity   = &goi18n.Message{ID: "ExportColQuantity", Description: "Order CSV export, column header: pieces bought; cart import recognises 'Количество' and '数量'", Other: "Quantity"}
	ExportColUnitPrice  = &goi18n.Message{ID: "ExportColUnitPrice", Description: "Order CSV export, column header: price of one piece in yuan", Other: "Unit price, yuan"}
	ExportColLineAmount = &goi18n.Message{ID: "ExportColLineAmount", Description: "Order CSV export, column header: what the line cost in yuan", Other: "Line amount, yuan"}
	ExportColOrderTotal = &goi18n.Message{ID: "ExportColOrderTotal", Description: "Order CSV export, column header: the whole order's total with shipping, in yuan", Other: "Order total, yuan"}
	ExportColTracking   = &goi18n.Message{ID: "ExportColTracking", Description: "Order CSV export, column header: the parcels' tracking numbers", Other: "Tracking numbers"}
	ExportColNote       = &goi18n.Message{ID: "ExportColNote", Description: "Order CSV export, column header: the user's own note; cart import recognises 'Примечание' and '备注'", Other: "Note"}
)
