// Command caigou is a desktop app for small buyers and resellers who purchase on 1688.com through
// the 1688 Open Platform's buyer self-use purchasing solution (autopurchase). main is the
// composition root: flags, data folder, storage, i18n, the app core and the Fyne window.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"caigou/app"
	"caigou/assets"
	"caigou/i18n"
	"caigou/screens"
	"caigou/storage"
)

// appID is the same ID as in FyneApp.toml.
const appID = "app.caigou.desktop"

var defaultWindowSize = fyne.NewSize(1024, 700)

type options struct {
	dataDir     string
	lang        string
	checkLocale string
	showVersion bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	switch {
	case opts.showVersion:
		fmt.Fprintln(stdout, "caigou", appVersion())
		return 0
	case opts.checkLocale != "":
		return checkLocale(opts.checkLocale, stdout, stderr)
	}
	log.SetOutput(stderr)
	log.SetPrefix("caigou: ")
	// What ResolveDataDir settles (an interrupted move) belongs in the log file, which it
	// locates: its lines wait until the file is open.
	var settled []string
	dataDir, resolveErr := app.ResolveDataDir(opts.dataDir, func(format string, args ...any) {
		settled = append(settled, fmt.Sprintf(format, args...))
	})
	logs := &logFile{mirror: stderr}
	if resolveErr == nil {
		logs.openIn(dataDir)
		defer logs.close()
	}
	for _, line := range settled {
		log.Print(line)
	}
	if resolveErr == nil {
		if err := i18n.LoadUserLocales(filepath.Join(dataDir, "locales"), log.Printf); err != nil {
			log.Printf("translators' locales: %v", err)
		}
	}
	if opts.lang != "" {
		if err := i18n.SetLanguage(opts.lang); err != nil {
			fmt.Fprintf(stderr, "caigou: --lang %q: %v\n", opts.lang, err)
			return 2
		}
	}

	fyneApp := fyneapp.NewWithID(appID)
	fyneApp.SetIcon(assets.Icon)
	fontsLoaded := warmFonts()
	var db *storage.DB
	if err = resolveErr; err == nil {
		db, err = storage.Open(dataDir)
	}
	if err != nil {
		log.Printf("open the data folder: %v", err)
		if opts.lang == "" {
			_ = i18n.SetLanguage(i18n.Match(lang.SystemLocale().String()))
		}
		showStartupError(fyneApp, err)
		return 1
	}
	m := &mainWindow{fyneApp: fyneApp, opts: opts, logs: logs}
	m.use(db, dataDir)
	m.show(fontsLoaded)
	return 0
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("caigou", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts options
	fs.StringVar(&opts.dataDir, "data", os.Getenv("CAIGOU_DATA"), "data folder (default: the user's config folder/caigou; also read from CAIGOU_DATA)")
	fs.StringVar(&opts.lang, "lang", "", "language for this run: en, ru, zh or a translator's locale")
	fs.StringVar(&opts.checkLocale, "check-locale", "", "check a translator's locale `FILE` against English and exit")
	fs.BoolVar(&opts.showVersion, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return opts, err
	}
	if opts.dataDir == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			fmt.Fprintf(stderr, "caigou: no user config folder (%v); pass --data DIR\n", err)
			return opts, err
		}
		opts.dataDir = filepath.Join(dir, "caigou")
	}
	return opts, nil
}

// checkLocale prints what a translator's file lacks or gets wrong; non-zero when anything does.
func checkLocale(path string, stdout, stderr io.Writer) int {
	report, err := i18n.CheckLocale(path)
	if err != nil {
		fmt.Fprintf(stderr, "caigou: %v\n", err)
		return 2
	}
	fmt.Fprintln(stdout, report.String())
	if !report.OK() {
		return 1
	}
	return 0
}

// warmFonts loads the font faces the first screen draws with — regular, bold Latin, and the
// system's CJK fallback for the Chinese console labels — on the second core while the window and
// its GL context are being created, and closes the channel it returns when they are loaded.
// Loading them is most of what caigou's first frame costs beyond a bare Fyne window; Fyne's font
// caches are safe for concurrent use.
func warmFonts() <-chan struct{} {
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		fyne.MeasureText("caigou 采购", theme.TextSize(), fyne.TextStyle{})
		fyne.MeasureText("caigou", theme.TextSize(), fyne.TextStyle{Bold: true})
	}()
	return loaded
}

func showStartupError(fyneApp fyne.App, err error) {
	w := fyneApp.NewWindow("caigou")
	w.SetIcon(assets.Icon)
	w.SetContent(screens.StartupError(err, w.Close))
	w.Resize(screens.StartupErrorWindowSize)
	w.ShowAndRun()
}
