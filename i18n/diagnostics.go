package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The diagnostics file in Settings: a zip for the person who helps the user from afar.
var (
	DiagnosticsTitle = &goi18n.Message{
		ID:          "DiagnosticsTitle",
		Description: "Settings section title: the file made for remote support",
		Other:       "Diagnostics",
	}
	DiagnosticsHint = &goi18n.Message{
		ID:          "DiagnosticsHint",
		Description: "Settings: what the diagnostics file holds, above its button",
		Other:       "If something goes wrong, the person who helps you can ask for a diagnostics file. It holds the app version, the settings, the recent log, the message channel's history, the last errors of the 1688 gateway and the messages that could not be applied. It never contains the AppSecret, tokens or passwords.",
	}
	DiagnosticsCreate = &goi18n.Message{
		ID:          "DiagnosticsCreate",
		Description: "Settings button that asks where to save the diagnostics file, then writes it",
		Other:       "Create diagnostics file…",
	}
	DiagnosticsWriting = &goi18n.Message{
		ID:          "DiagnosticsWriting",
		Description: "Shown beside a spinner while the diagnostics file is written",
		Other:       "Writing the diagnostics file…",
	}
	DiagnosticsSaveTitle = &goi18n.Message{
		ID:          "DiagnosticsSaveTitle",
		Description: "Title of the file dialog that asks where to save the diagnostics file",
		Other:       "Save the diagnostics file",
	}
	DiagnosticsSaveConfirm = &goi18n.Message{
		ID:          "DiagnosticsSaveConfirm",
		Description: "Confirm button of the file dialog that saves the diagnostics file",
		Other:       "Save",
	}
	DiagnosticsDoneTitle = &goi18n.Message{
		ID:          "DiagnosticsDoneTitle",
		Description: "Title of the dialog shown once the diagnostics file is written",
		Other:       "Diagnostics file created",
	}
	DiagnosticsDoneBody = &goi18n.Message{
		ID:          "DiagnosticsDoneBody",
		Description: "Body of the dialog shown once the diagnostics file is written; the file's path is shown below it",
		Other:       "The diagnostics file is saved here. Send it to the person who helps you, for example by e-mail or in a chat.",
	}
	DiagnosticsFailedTitle = &goi18n.Message{
		ID:          "DiagnosticsFailedTitle",
		Description: "Title of the dialog shown when the diagnostics file could not be written",
		Other:       "Diagnostics file not created",
	}
	DiagnosticsFailedBody = &goi18n.Message{
		ID:          "DiagnosticsFailedBody",
		Description: "Body of the dialog shown when the diagnostics file could not be written (the partial file is deleted)",
		Other:       "The diagnostics file could not be written. Check that the disk has free space and that you may save to the folder you chose, then try again.",
	}
)
