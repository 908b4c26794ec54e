package main

import (
	"context"
	"errors"
	"io"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"caigou/app"
	"caigou/app/applog"
	"caigou/assets"
	"caigou/screens"
	"caigou/storage"
)

// The first automatic backup waits this long after the window shows, so it never slows the start.
const (
	firstBackupAfter = time.Minute
	backupCheckEvery = time.Hour
)

// mainWindow is the window and what it shows: the data folder's database, the app core over it
// and the shell. After a restore or a move the window is handed to a new database, core and shell
// (reopen), so nothing of the old data lingers in a cache.
type mainWindow struct {
	fyneApp fyne.App
	win     fyne.Window
	opts    options
	logs    *logFile

	db          *storage.DB
	core        *app.App
	shell       *screens.Shell
	stopBackups func() // cancels the automatic backups and waits for them
}

// use makes db, in dataDir, the data the window shows; the window's content is built by the
// caller.
func (m *mainWindow) use(db *storage.DB, dataDir string) {
	m.db = db
	m.core = app.New(db, dataDir)
	m.core.SetVersion(appVersion())
	m.core.SetDataHome(m.opts.dataDir)
	if m.opts.lang == "" {
		if err := m.core.StartLanguage(context.Background(), lang.SystemLocale().String()); err != nil {
			log.Printf("language: %v", err)
		}
	}
	screens.ApplyTheme(m.fyneApp, m.core.Theme(context.Background()))
}

// show opens the window and runs the app until the window closes.
func (m *mainWindow) show(fontsLoaded <-chan struct{}) {
	m.win = m.fyneApp.NewWindow("caigou")
	m.win.SetIcon(assets.Icon)
	m.win.SetMaster()
	size := defaultWindowSize
	if width, height, ok := m.core.WindowSize(context.Background()); ok {
		size = fyne.NewSize(width, height)
	}
	m.win.Resize(size)
	m.shell = m.newShell()
	<-fontsLoaded // the screen would otherwise load the same faces a second time
	m.win.SetContent(m.shell.Build())

	m.win.SetCloseIntercept(m.close)
	// The message channel and sync start once the window shows: they need the keychain, which
	// can take a moment, and nothing of them is on the first frame.
	m.fyneApp.Lifecycle().SetOnStarted(m.startBackground)
	stopOnSignal(m.close)
	m.win.ShowAndRun()
}

func (m *mainWindow) newShell() *screens.Shell {
	shell := screens.NewShell(m.core, m.win)
	shell.OnReopen = m.reopen
	return shell
}

// startBackground starts the message channel, the sync and the daily automatic backup.
func (m *mainWindow) startBackground() {
	m.shell.StartTracking()
	ctx, cancel := context.WithCancel(context.Background())
	var running sync.WaitGroup
	running.Go(func() {
		select {
		case <-ctx.Done():
			return
		case <-time.After(firstBackupAfter):
		}
		m.core.RunAutoBackups(ctx, backupCheckEvery, log.Printf)
	})
	m.stopBackups = func() { cancel(); running.Wait() }
}

// closeData stops what runs over the database and closes it.
func (m *mainWindow) closeData() {
	m.shell.Close()
	if m.stopBackups != nil {
		m.stopBackups()
		m.stopBackups = nil
	}
	if err := m.db.Close(); err != nil {
		log.Printf("close the database: %v", err)
	}
	m.core.ReleaseOldData() // a move holds the old copy's writers off until it is closed
}

// reopen hands the window to dataDir's database: the same folder after a restore, the new one
// after a move, whose old copy is deleted once it is closed.
func (m *mainWindow) reopen(dataDir string) {
	m.closeData()
	m.logs.openIn(dataDir) // before the old folder's logs are deleted: Windows keeps open files
	if err := app.FinishMove(m.opts.dataDir); err != nil && !errors.Is(err, app.ErrMoveNotSwitched) {
		log.Printf("finish the move: %v", err) // the next start tries again
	}
	db, err := storage.Open(dataDir)
	if err != nil {
		log.Printf("open the data folder: %v", err)
		m.win.SetContent(screens.StartupError(err, m.win.Close))
		m.win.SetCloseIntercept(nil)
		return
	}
	place := m.shell.Place()
	m.use(db, dataDir)
	m.shell = m.newShell()
	m.shell.SetPlace(place) // Settings' Data tab, where the restore or the move was started
	m.win.SetContent(m.shell.Build())
	m.shell.Shown()
	m.startBackground()
}

// close ends the app as the window's close button does: the window's size is kept, the
// background work stopped and the database closed.
func (m *mainWindow) close() {
	s := m.win.Canvas().Size()
	if err := m.core.SaveWindowSize(context.Background(), s.Width, s.Height); err != nil {
		log.Printf("save window size: %v", err)
	}
	m.closeData()
	m.win.Close()
}

// stopOnSignal closes the window, as the user would, when the session ends or the process is
// asked to stop, so the database is closed cleanly.
func stopOnSignal(closeWindow func()) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-signals
		fyne.Do(closeWindow)
	}()
}

// logFile is the log in the data folder's logs folder, which follows the data folder when it
// moves. Without a file (a read-only folder) the log goes to the console only.
type logFile struct {
	mirror io.Writer
	file   *applog.Log
}

func (l *logFile) openIn(dataDir string) {
	l.close()
	f, err := applog.Open(app.LogDir(dataDir), l.mirror)
	if err != nil {
		log.Printf("log file: %v", err)
		return
	}
	l.file = f
	log.SetOutput(f)
}

func (l *logFile) close() {
	if l.file == nil {
		return
	}
	log.SetOutput(l.mirror)
	if err := l.file.Close(); err != nil {
		log.Printf("close the log file: %v", err)
	}
	l.file = nil
}
