package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The data folder section of Settings: where the data is, where the secrets are, and moving the
// data to another folder.
var (
	DataFolderOpen = &goi18n.Message{
		ID:          "DataFolderOpen",
		Description: "Settings, data folder: button that opens the data folder in the file manager",
		Other:       "Open folder",
	}
	DataFolderSecretsKeychain = &goi18n.Message{
		ID:          "DataFolderSecretsKeychain",
		Description: "Settings, data folder: where AppSecrets and tokens are kept when the system keychain works",
		Other:       "AppSecrets and tokens are kept in the system keychain, not in this folder.",
	}
	DataFolderSecretsDatabase = &goi18n.Message{
		ID:          "DataFolderSecretsDatabase",
		Description: "Settings, data folder: where AppSecrets and tokens are kept when there is no system keychain",
		Other:       "This computer has no system keychain, so AppSecrets and tokens are kept in the database in this folder. Keep the folder private.",
	}
	DataFolderMove = &goi18n.Message{
		ID:          "DataFolderMove",
		Description: "Settings, data folder: button that moves the data to another folder",
		Other:       "Move data…",
	}
	DataFolderChooseTitle = &goi18n.Message{
		ID:          "DataFolderChooseTitle",
		Description: "Title of the folder dialog that picks where to move the data",
		Other:       "Choose the new data folder",
	}
	DataFolderChooseConfirm = &goi18n.Message{
		ID:          "DataFolderChooseConfirm",
		Description: "Confirm button of the folder dialog that picks where to move the data",
		Other:       "Choose",
	}
	DataFolderConfirmTitle = &goi18n.Message{
		ID:          "DataFolderConfirmTitle",
		Description: "Title of the dialog that asks before moving the data",
		Other:       "Move the data?",
	}
	DataFolderConfirmBody = &goi18n.Message{
		ID:          "DataFolderConfirmBody",
		Description: "Text of the dialog that asks before moving the data; Folder is the new folder",
		Other:       "caigou copies the database, the translators' languages, the backups and the logo to {{.Folder}}, checks the copy, and then switches to it. The data in the current folder is deleted only after the new copy has passed the check. While the copy is made, new orders and messages wait.",
	}
	DataFolderConfirmMove = &goi18n.Message{
		ID:          "DataFolderConfirmMove",
		Description: "Button of the dialog that asks before moving the data: start the move",
		Other:       "Move",
	}
	DataFolderMovingTitle = &goi18n.Message{
		ID:          "DataFolderMovingTitle",
		Description: "Title of the dialog shown while the data is moved",
		Other:       "Moving the data",
	}
	DataFolderMovingBody = &goi18n.Message{
		ID:          "DataFolderMovingBody",
		Description: "Text of the dialog shown while the data is moved; Folder is the new folder",
		Other:       "Copying the data to {{.Folder}} and checking the copy. Please do not close caigou.",
	}
	DataFolderMoveFailedTitle = &goi18n.Message{
		ID:          "DataFolderMoveFailedTitle",
		Description: "Title of the dialog that says the data could not be moved",
		Other:       "The data was not moved",
	}
	DataFolderNothingChanged = &goi18n.Message{
		ID:          "DataFolderNothingChanged",
		Description: "Second paragraph when a move failed or was refused",
		Other:       "Nothing has changed: caigou keeps working with the data in the current folder.",
	}
)

// Why the data could not be moved, and what to do (app.ExplainMoveError).
var (
	MoveSameFolder = &goi18n.Message{
		ID:          "MoveSameFolder",
		Description: "Move refused: the chosen folder is the data folder or inside it",
		Other:       "The chosen folder is the data folder or a folder inside it. Choose a folder outside it.",
	}
	MoveTargetHasData = &goi18n.Message{
		ID:          "MoveTargetHasData",
		Description: "Move refused: the chosen folder already holds caigou's files",
		Other:       "The chosen folder already holds caigou's files (a database, languages, backups or a logo). Choose an empty folder, or make a new one.",
	}
	MoveNotWritable = &goi18n.Message{
		ID:          "MoveNotWritable",
		Description: "Move refused: caigou cannot write to the chosen folder",
		Other:       "caigou cannot write to the chosen folder. Choose a folder you may write to, or change its permissions.",
	}
	MoveNoSpace = &goi18n.Message{
		ID:          "MoveNoSpace",
		Description: "Move refused or failed: not enough free space where the data was to go",
		Other:       "There is not enough free space for the data there. Free some space, or choose another drive.",
	}
	MoveCheckFailed = &goi18n.Message{
		ID:          "MoveCheckFailed",
		Description: "Move failed: the copy did not pass the check, so caigou did not switch to it",
		Other:       "The copy did not match the data, so caigou did not switch to it. Try again; if it happens again, choose another drive.",
	}
	MoveCopyFailed = &goi18n.Message{
		ID:          "MoveCopyFailed",
		Description: "Move failed: the data could not be copied (any other reason)",
		Other:       "The data could not be copied to the chosen folder. Check that the drive is connected, then try again.",
	}
	MoveBusy = &goi18n.Message{
		ID:          "MoveBusy",
		Description: "Move refused: a move is already running",
		Other:       "The data is being moved already. Wait until that move has finished.",
	}
	DataFolderMissing = &goi18n.Message{
		ID:          "DataFolderMissing",
		Description: "At start: the folder the data was moved to is gone; Folder is its path",
		Other:       "caigou's data was moved to {{.Folder}}, but that folder cannot be found or holds no database. If it is on a drive that is unplugged, plug the drive in and start caigou again.",
	}
)
