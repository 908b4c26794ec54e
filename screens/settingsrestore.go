package screens

import (
	"context"
	"errors"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"caigou/i18n"
	cstorage "caigou/storage"
)

// The restore flow of the backups section: choose a file or a listed backup, see what it holds,
// confirm, and restore between the shell's beforeRestore and afterRestore.

// onRestoreFile asks for a backup file to restore.
func (s *backupSection) onRestoreFile() {
	s.openDialog = dialog.NewFileOpen(s.onFileChosen, s.win)
	s.openDialog.SetFilter(backupFilter)
	labelFileDialog(s.openDialog, i18n.BackupOpenTitle, i18n.BackupOpenConfirm)
	s.openDialog.Show()
}

// onFileChosen is the open dialog's answer: nil when the user cancelled.
func (s *backupSection) onFileChosen(r fyne.URIReadCloser, err error) {
	switch {
	case err != nil:
		s.showFailure(i18n.BackupRestoreRefusedTitle, errors.Join(cstorage.ErrBackupCorrupt, err))
	case r != nil:
		_ = r.Close()
		s.checkRestore(shownPath(r.URI()))
	}
}

// checkRestore checks the backup at path in the background, then asks before restoring it, or
// says why it cannot be restored.
func (s *backupSection) checkRestore(path string) {
	if s.busy != nil {
		return
	}
	s.busy = i18n.BackupChecking
	s.show()
	a := s.app
	inBackground(&s.work, func() inspected {
		info, err := a.InspectBackup(context.Background(), path)
		if err != nil {
			log.Printf("settings: check the backup %s: %v", path, err)
		}
		return inspected{path: path, info: info, err: err}
	}, func(in inspected) {
		s.busy = nil
		s.show()
		if in.err != nil {
			s.showFailure(i18n.BackupRestoreRefusedTitle, in.err)
			return
		}
		s.confirmRestore(in)
	})
}

// confirmRestore shows what the backup holds and asks before replacing the data with it.
func (s *backupSection) confirmRestore(in inspected) {
	parts := []fyne.CanvasObject{
		para(i18n.T(i18n.BackupConfirmFile, map[string]any{"Name": fileName(in.path), "Time": in.info.Modified.Local().Format(dateTimeFormat)})),
		para(i18n.N(i18n.BackupConfirmKeys, in.info.Keys, nil) + " · " + i18n.N(i18n.BackupConfirmOrders, in.info.Orders, nil)),
	}
	if in.info.Orders > 0 {
		parts = append(parts, para(i18n.T(i18n.BackupConfirmRange, map[string]any{
			"First": in.info.FirstOrder.Local().Format(dateFormat), "Last": in.info.LastOrder.Local().Format(dateFormat),
		})))
	}
	parts = append(parts, para(i18n.T(i18n.BackupConfirmKeep, nil)))
	s.confirm = dialog.NewCustomConfirm(i18n.T(i18n.BackupConfirmTitle, nil),
		i18n.T(i18n.BackupConfirmButton, nil), i18n.T(i18n.DialogCancel, nil), container.NewVBox(parts...),
		func(ok bool) {
			if ok {
				s.startRestore(in.path)
			}
		}, s.win)
	s.confirm.Resize(fyne.NewSize(520, s.confirm.MinSize().Height))
	s.confirm.Show()
}

// startRestore stops the shell's writers, restores behind a progress dialog, and hands over to
// the shell to rebuild, done or not: the channel it stopped must start again either way.
func (s *backupSection) startRestore(path string) {
	spinner := widget.NewActivity()
	spinner.Start()
	body := container.NewVBox(container.NewCenter(spinner), para(i18n.T(i18n.BackupRestoring, nil)))
	s.progress = dialog.NewCustomWithoutButtons(i18n.T(i18n.BackupRestoringTitle, nil), body, s.win)
	s.progress.Resize(fyne.NewSize(480, s.progress.MinSize().Height))
	s.progress.Show()
	s.busy = i18n.BackupRestoringTitle
	s.show()
	s.beforeRestore()
	a := s.app
	inBackground(&s.work, func() backupOutcome {
		kept, err := a.Restore(context.Background(), path)
		if err != nil {
			log.Printf("settings: restore %s: %v", path, err)
		}
		return backupOutcome{file: kept, err: err}
	}, func(out backupOutcome) {
		spinner.Stop()
		s.progress.Hide()
		s.busy = nil
		s.show()
		s.afterRestore()
		if out.err != nil {
			s.showFailure(i18n.BackupRestoreRefusedTitle, out.err)
			return
		}
		s.done = dialog.NewCustom(i18n.T(i18n.BackupRestoredTitle, nil), i18n.T(i18n.DialogClose, nil),
			para(i18n.T(i18n.BackupRestored, map[string]any{"Name": out.file.Name})), s.win)
		s.done.Resize(fyne.NewSize(480, s.done.MinSize().Height))
		s.done.Show()
	})
}
