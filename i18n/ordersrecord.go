package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The Orders screen's "Record and import" tab: recording an order placed on the website.
var (
	RecordTitle          = &goi18n.Message{ID: "RecordTitle", Description: "Section title: record an order the user placed on the 1688 website", Other: "Record an order placed on the website"}
	RecordIntro          = &goi18n.Message{ID: "RecordIntro", Description: "Under RecordTitle: what recording does", Other: "Ordered on the 1688 website? Enter the order number to follow that order here with the others."}
	RecordPlaceholder    = &goi18n.Message{ID: "RecordPlaceholder", Description: "Placeholder of the field for a 1688 order number", Other: "1688 order number, 17 to 19 digits"}
	RecordButton         = &goi18n.Message{ID: "RecordButton", Description: "Button: reads the order with this number from 1688 and keeps it", Other: "Record"}
	RecordShowInTracking = &goi18n.Message{ID: "RecordShowInTracking", Description: "Button: shows the order just recorded on the Tracking screen", Other: "Show in Tracking"}
	RecordDone           = &goi18n.Message{
		ID:          "RecordDone",
		Description: "An order was recorded; ID is the 1688 order number, Title the first product's name, Seller the seller's 1688 login, Status the order's status in words",
		Other:       "Order {{.ID}} recorded: {{.Title}} from {{.Seller}}. Status: {{.Status}}.",
	}
	RecordDoneShort = &goi18n.Message{ID: "RecordDoneShort", Description: "An order was recorded but its details could not be shown; ID is the 1688 order number", Other: "Order {{.ID}} recorded."}
)

// The same tab: importing the account's recent orders.
var (
	ImportTitle       = &goi18n.Message{ID: "ImportTitle", Description: "Section title: read the account's recent orders from 1688", Other: "Import recent orders"}
	ImportIntro       = &goi18n.Message{ID: "ImportIntro", Description: "Under ImportTitle: how the import works", Other: "Reads this account's orders from 1688, 50 per API call. It leaves a reserve of today's calls for your own actions, and what it has read stays if you cancel."}
	ImportPeriodLabel = &goi18n.Message{ID: "ImportPeriodLabel", Description: "Label before the choice of how far back to import", Other: "Orders of the"}
	ImportPeriod7     = &goi18n.Message{ID: "ImportPeriod7", Description: "Choice of import period", Other: "last 7 days"}
	ImportPeriod30    = &goi18n.Message{ID: "ImportPeriod30", Description: "Choice of import period", Other: "last 30 days"}
	ImportPeriod90    = &goi18n.Message{ID: "ImportPeriod90", Description: "Choice of import period", Other: "last 90 days"}
	ImportButton      = &goi18n.Message{ID: "ImportButton", Description: "Button: starts importing the recent orders", Other: "Import"}
	ImportCancel      = &goi18n.Message{ID: "ImportCancel", Description: "Button: stops the import; what was read stays", Other: "Cancel"}
	ImportStarting    = &goi18n.Message{ID: "ImportStarting", Description: "Progress bar text before the first page of orders arrived", Other: "Asking 1688…"}
	ImportProgress    = &goi18n.Message{
		ID:          "ImportProgress",
		Description: "Progress bar text of the import; Done orders read so far, Count the orders in all",
		One:         "{{.Done}} of {{.Count}} order",
		Other:       "{{.Done}} of {{.Count}} orders",
	}
	ImportSummary = &goi18n.Message{
		ID:          "ImportSummary",
		Description: "After an import; Count is the orders read, New how many of them caigou did not know",
		One:         "{{.Count}} order read, {{.New}} new.",
		Other:       "{{.Count}} orders read, {{.New}} new.",
	}
	ImportCancelled = &goi18n.Message{
		ID:          "ImportCancelled",
		Description: "The user cancelled the import; Count is the orders read before, New how many of them were new",
		One:         "Import cancelled after {{.Count}} order ({{.New}} new). What was imported is kept.",
		Other:       "Import cancelled after {{.Count}} orders ({{.New}} new). What was imported is kept.",
	}
	ImportNothing = &goi18n.Message{ID: "ImportNothing", Description: "The import found no orders in the chosen period", Other: "1688 has no orders of this account in this period."}
)

// The same tab: CSV files.
var (
	CSVTabTitle       = &goi18n.Message{ID: "CSVTabTitle", Description: "Section title: importing and exporting CSV files", Other: "CSV files"}
	CSVTabImportHint  = &goi18n.Message{ID: "CSVTabImportHint", Description: "What a cart CSV holds; keep specId as it is", Other: "A cart file has one line per product: offer link or number, specId or variant, quantity, note. A header row is optional."}
	CSVTabExportHint  = &goi18n.Message{ID: "CSVTabExportHint", Description: "About exported files; keep Excel as it is", Other: "Exported files open in Excel with Chinese and Cyrillic text intact."}
	CSVTabImport      = &goi18n.Message{ID: "CSVTabImport", Description: "Button: choose a CSV file whose lines go into the cart", Other: "Import a CSV into the cart"}
	CSVTabExport      = &goi18n.Message{ID: "CSVTabExport", Description: "Button: write every order and its lines to a CSV file", Other: "Export all orders to CSV"}
	CSVTabOpenTitle   = &goi18n.Message{ID: "CSVTabOpenTitle", Description: "Title of the file dialog that picks a CSV to import", Other: "Choose a CSV file for the cart"}
	CSVTabOpenConfirm = &goi18n.Message{ID: "CSVTabOpenConfirm", Description: "Confirm button of the file dialog that picks a CSV to import", Other: "Import"}
	CSVTabSaveTitle   = &goi18n.Message{ID: "CSVTabSaveTitle", Description: "Title of the file dialog that picks where to export the orders", Other: "Export the orders to"}
	CSVTabSaveConfirm = &goi18n.Message{ID: "CSVTabSaveConfirm", Description: "Confirm button of the file dialog that saves the export", Other: "Save"}
	CSVTabReading     = &goi18n.Message{ID: "CSVTabReading", Description: "While a CSV file is imported", Other: "Reading the file…"}
	CSVTabWriting     = &goi18n.Message{ID: "CSVTabWriting", Description: "While the orders are exported", Other: "Writing the file…"}
	CSVTabAdded       = &goi18n.Message{
		ID:          "CSVTabAdded",
		Description: "After a CSV import; Count is the file's lines put into the cart",
		One:         "{{.Count}} line added to the cart.",
		Other:       "{{.Count}} lines added to the cart.",
	}
	CSVTabLeftOut = &goi18n.Message{
		ID:          "CSVTabLeftOut",
		Description: "Above the list of the CSV lines that were not taken; Count is how many",
		One:         "{{.Count}} line left out:",
		Other:       "{{.Count}} lines left out:",
	}
	CSVTabGoToCart = &goi18n.Message{ID: "CSVTabGoToCart", Description: "Button: shows the cart, on the New order tab", Other: "Go to the cart"}
	CSVTabExported = &goi18n.Message{
		ID:          "CSVTabExported",
		Description: "After the export; Count is the rows written after the header, Path the file",
		One:         "{{.Count}} row written to {{.Path}}",
		Other:       "{{.Count}} rows written to {{.Path}}",
	}
	CSVTabWriteFailed = &goi18n.Message{
		ID:          "CSVTabWriteFailed",
		Description: "The export file could not be written (disk full, read-only folder)",
		Other:       "The file could not be written: the disk may be full, or the folder may not allow writing. Nothing in caigou was changed; free some space or choose another folder, then export again.",
	}
	CSVTabExportFailed = &goi18n.Message{
		ID:          "CSVTabExportFailed",
		Description: "The orders could not be read from caigou's database for the export",
		Other:       "The orders could not be read for the export. Nothing was changed; try again.",
	}
)
