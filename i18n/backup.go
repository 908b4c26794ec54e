package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Why a backup or a restore failed, and what to do next.
var (
	BackupErrNotBackup = &goi18n.Message{
		ID:          "BackupErrNotBackup",
		Description: "Restore refused: the chosen file is not a caigou backup",
		Other:       "This file is not a caigou backup. Nothing was changed.",
	}
	BackupErrNotBackupNext = &goi18n.Message{
		ID:          "BackupErrNotBackupNext",
		Description: "Next step after BackupErrNotBackup",
		Other:       "Choose a file whose name ends in .caigou-backup, made by Back up now or by the daily backup.",
	}
	BackupErrCorrupt = &goi18n.Message{
		ID:          "BackupErrCorrupt",
		Description: "Restore refused: the backup is damaged or cannot be read",
		Other:       "This backup is damaged or cannot be read, so it cannot be restored. Nothing was changed.",
	}
	BackupErrCorruptNext = &goi18n.Message{
		ID:          "BackupErrCorruptNext",
		Description: "Next step after BackupErrCorrupt",
		Other:       "Choose another backup: caigou keeps the last 7 daily ones in its backups folder.",
	}
	BackupErrNewer = &goi18n.Message{
		ID:          "BackupErrNewer",
		Description: "Restore refused: the backup was made by a newer version of caigou",
		Other:       "This backup was made by a newer caigou. Nothing was changed.",
	}
	BackupErrNewerNext = &goi18n.Message{
		ID:          "BackupErrNewerNext",
		Description: "Next step after BackupErrNewer",
		Other:       "Update caigou first, then restore the backup again.",
	}
	BackupErrDiskFull = &goi18n.Message{
		ID:          "BackupErrDiskFull",
		Description: "A backup or a restore failed because the disk is full",
		Other:       "The disk is full. Your data was not changed.",
	}
	BackupErrDiskFullNext = &goi18n.Message{
		ID:          "BackupErrDiskFullNext",
		Description: "Next step after BackupErrDiskFull",
		Other:       "Free some space on the disk and try again.",
	}
	BackupErrWrite = &goi18n.Message{
		ID:          "BackupErrWrite",
		Description: "A backup file could not be written (not a full disk)",
		Other:       "The backup could not be written. Your data was not changed.",
	}
	BackupErrWriteNext = &goi18n.Message{
		ID:          "BackupErrWriteNext",
		Description: "Next step after BackupErrWrite",
		Other:       "Check that the folder exists and that you may write to it, then try again.",
	}
	BackupErrRestore = &goi18n.Message{
		ID:          "BackupErrRestore",
		Description: "The restore started but did not finish; the data is as it was",
		Other:       "The restore did not finish. Your data is as it was before.",
	}
	BackupErrRestoreNext = &goi18n.Message{
		ID:          "BackupErrRestoreNext",
		Description: "Next step after BackupErrRestore",
		Other:       "Try again. If it fails again, restart caigou and try once more.",
	}
)

// The backup part of Settings.
var (
	BackupTitle = &goi18n.Message{
		ID:          "BackupTitle",
		Description: "Settings: title of the backup and restore section",
		Other:       "Backup and restore",
	}
	BackupNow = &goi18n.Message{
		ID:          "BackupNow",
		Description: "Button: write a backup of all data now",
		Other:       "Back up now",
	}
	BackupWorking = &goi18n.Message{
		ID:          "BackupWorking",
		Description: "Shown beside a spinner while a backup is written",
		Other:       "Backing up…",
	}
	BackupSaved = &goi18n.Message{
		ID:          "BackupSaved",
		Description: "After Back up now: Name is the backup file, Folder where it is",
		Other:       "Saved: {{.Name}} in {{.Folder}}",
	}
	BackupExported = &goi18n.Message{
		ID:          "BackupExported",
		Description: "After Export a backup: Path is the file written",
		Other:       "Backup written to {{.Path}}",
	}
	BackupAutoNote = &goi18n.Message{
		ID:          "BackupAutoNote",
		Description: "Settings: how automatic backups work and what backups leave out",
		Other:       "caigou backs up automatically every day and keeps the last 7. Backups never contain the AppSecret or tokens: after a restore on another computer, enter them again under Keys.",
	}
	BackupListEmpty = &goi18n.Message{
		ID:          "BackupListEmpty",
		Description: "Settings: the backups folder has no backup yet",
		Other:       "No backups yet.",
	}
	BackupKindManual = &goi18n.Message{
		ID:          "BackupKindManual",
		Description: "Kind of a backup in the list: made with Back up now",
		Other:       "Manual",
	}
	BackupKindAuto = &goi18n.Message{
		ID:          "BackupKindAuto",
		Description: "Kind of a backup in the list: made by the daily automatic backup",
		Other:       "Daily",
	}
	BackupKindBeforeRestore = &goi18n.Message{
		ID:          "BackupKindBeforeRestore",
		Description: "Kind of a backup in the list: the data as it was before a restore",
		Other:       "Before a restore",
	}
	BackupSizeKB = &goi18n.Message{
		ID:          "BackupSizeKB",
		Description: "Size of a backup file in kilobytes; Size is a number",
		Other:       "{{.Size}} KB",
	}
	BackupSizeMB = &goi18n.Message{
		ID:          "BackupSizeMB",
		Description: "Size of a backup file in megabytes; Size is a number, e.g. 12.5",
		Other:       "{{.Size}} MB",
	}
	BackupRestoreRow = &goi18n.Message{
		ID:          "BackupRestoreRow",
		Description: "Button on a row of the backup list: restore this backup",
		Other:       "Restore…",
	}
	BackupRestoreFile = &goi18n.Message{
		ID:          "BackupRestoreFile",
		Description: "Button: choose a backup file anywhere and restore it",
		Other:       "Restore from a file…",
	}
	BackupExport = &goi18n.Message{
		ID:          "BackupExport",
		Description: "Button: write a backup to a place the user chooses",
		Other:       "Export a backup…",
	}
	BackupExportOrders = &goi18n.Message{
		ID:          "BackupExportOrders",
		Description: "Button: export every order to a CSV file",
		Other:       "Export all orders to CSV…",
	}
	BackupOpenTitle = &goi18n.Message{
		ID:          "BackupOpenTitle",
		Description: "Title of the file dialog that picks a backup to restore",
		Other:       "Choose a backup to restore",
	}
	BackupOpenConfirm = &goi18n.Message{
		ID:          "BackupOpenConfirm",
		Description: "Confirm button of the file dialog that picks a backup to restore",
		Other:       "Open",
	}
	BackupSaveTitle = &goi18n.Message{
		ID:          "BackupSaveTitle",
		Description: "Title of the file dialog that picks where to export a backup",
		Other:       "Export a backup",
	}
	BackupSaveConfirm = &goi18n.Message{
		ID:          "BackupSaveConfirm",
		Description: "Confirm button of the file dialog that picks where to export a backup",
		Other:       "Save",
	}
	BackupChecking = &goi18n.Message{
		ID:          "BackupChecking",
		Description: "Shown beside a spinner while a backup file is checked before a restore",
		Other:       "Checking the backup…",
	}
)

// Restoring a backup: the confirmation, the progress and the outcome.
var (
	BackupConfirmTitle = &goi18n.Message{
		ID:          "BackupConfirmTitle",
		Description: "Title of the dialog that asks before restoring a backup",
		Other:       "Restore this backup?",
	}
	BackupConfirmFile = &goi18n.Message{
		ID:          "BackupConfirmFile",
		Description: "Restore confirmation: Name is the backup file, Time when it was made",
		Other:       "{{.Name}}, made {{.Time}}",
	}
	BackupConfirmKeys = &goi18n.Message{
		ID:          "BackupConfirmKeys",
		Description: "Restore confirmation: the backup holds Count 1688 keys",
		One:         "{{.Count}} key",
		Other:       "{{.Count}} keys",
	}
	BackupConfirmOrders = &goi18n.Message{
		ID:          "BackupConfirmOrders",
		Description: "Restore confirmation: the backup holds Count orders",
		One:         "{{.Count}} order",
		Other:       "{{.Count}} orders",
	}
	BackupConfirmRange = &goi18n.Message{
		ID:          "BackupConfirmRange",
		Description: "Restore confirmation: the dates of the oldest (First) and newest (Last) order in the backup",
		Other:       "Orders from {{.First}} to {{.Last}}",
	}
	BackupConfirmKeep = &goi18n.Message{
		ID:          "BackupConfirmKeep",
		Description: "Restore confirmation: what happens on Restore",
		Other:       "Everything now in caigou is replaced by what this backup holds. Your current data is first kept as a backup, so you can go back.",
	}
	BackupConfirmButton = &goi18n.Message{
		ID:          "BackupConfirmButton",
		Description: "Restore confirmation: the button that restores",
		Other:       "Restore",
	}
	BackupRestoringTitle = &goi18n.Message{
		ID:          "BackupRestoringTitle",
		Description: "Title of the dialog shown while a backup is restored",
		Other:       "Restoring",
	}
	BackupRestoring = &goi18n.Message{
		ID:          "BackupRestoring",
		Description: "Text of the dialog shown while a backup is restored",
		Other:       "Restoring the backup… caigou pauses its updates until it is done.",
	}
	BackupRestoredTitle = &goi18n.Message{
		ID:          "BackupRestoredTitle",
		Description: "Title of the dialog after a restore",
		Other:       "Backup restored",
	}
	BackupRestored = &goi18n.Message{
		ID:          "BackupRestored",
		Description: "After a restore; Name is the backup file that keeps the data as it was before",
		Other:       "Your data as it was before is kept as {{.Name}}. On another computer, enter the AppSecret and tokens again in Settings: backups never hold them.",
	}
	BackupRestoreRefusedTitle = &goi18n.Message{
		ID:          "BackupRestoreRefusedTitle",
		Description: "Title of the problem dialog when a backup cannot be restored",
		Other:       "Cannot restore this backup",
	}
)
