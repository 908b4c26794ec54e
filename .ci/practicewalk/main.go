// Command practicewalk walks caigou's practice mode with the keyboard alone, as the smoke test's
// second half: it sends the key strokes of screens/testdata/practice-walk.keys to the running
// caigou window through xdotool, then checks in the practice database that the demo key was
// saved and that its four live checks passed. The key strokes are kept in step with the pages
// by the screens package's TestPracticeWalkVerifiesTheDemoKey.
//
// Usage: practicewalk -window ID -data DIR [-keys FILE]
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"caigou/app"
	"caigou/app/sim"
	"caigou/storage"
)

func main() {
	window := flag.String("window", "", "the X11 window id of caigou")
	data := flag.String("data", "", "caigou's data folder")
	keys := flag.String("keys", "screens/testdata/practice-walk.keys", "the key strokes")
	pause := flag.Duration("pause", 50*time.Millisecond, "the pause after each key stroke")
	wait := flag.Duration("wait", 5*time.Second, "the pause where the walk waits for background work")
	flag.Parse()
	start := time.Now()
	if err := walk(*window, *keys, *pause, *wait); err != nil {
		fail(err)
	}
	if err := verify(filepath.Join(*data, app.PracticeFolder)); err != nil {
		fail(err)
	}
	fmt.Printf("practicewalk: demo key saved and verified at steps 4, 5, 6 and 9 in %.1f s\n", time.Since(start).Seconds())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "practicewalk:", err)
	os.Exit(1)
}

// walk sends the key strokes to window.
func walk(window, keysFile string, pause, wait time.Duration) error {
	if err := xdotool("windowfocus", "--sync", window); err != nil {
		return err
	}
	f, err := os.Open(keysFile)
	if err != nil {
		return err
	}
	defer f.Close()
	values := strings.NewReplacer("$APPKEY", sim.DemoAppKey, "$APPSECRET", sim.DemoAppSecret,
		"$TOKEN", sim.DemoAccessToken, "$LOGIN", sim.DemoBuyerLogin)
	lines := bufio.NewScanner(f)
	for n := 1; lines.Scan(); n++ {
		line := strings.TrimSpace(lines.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch verb {
		case "tab":
			count, err := strconv.Atoi(arg)
			if err != nil {
				return fmt.Errorf("%s line %d: %w", keysFile, n, err)
			}
			for range count {
				if err := key(window, "Tab", pause); err != nil {
					return err
				}
			}
		case "space":
			err = key(window, "space", pause)
		case "type":
			err = xdotool("type", "--window", window, "--delay", "30", values.Replace(arg))
			time.Sleep(pause)
		case "wait":
			time.Sleep(wait)
		default:
			err = fmt.Errorf("%s line %d: unknown verb %q", keysFile, n, verb)
		}
		if err != nil {
			return err
		}
	}
	return lines.Err()
}

func key(window, name string, pause time.Duration) error {
	err := xdotool("key", "--window", window, name)
	time.Sleep(pause)
	return err
}

func xdotool(args ...string) error {
	out, err := exec.Command("xdotool", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("xdotool %s: %w: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// verify checks the practice database: one key with the demo AppKey, every step done, and the
// live steps checked.
func verify(dir string) error {
	db, err := storage.Open(dir)
	if err != nil {
		return fmt.Errorf("open the practice database (is practice mode still running?): %w", err)
	}
	defer db.Close()
	ctx := context.Background()
	core := app.New(db, dir)
	keys, err := core.Keys(ctx)
	if err != nil {
		return err
	}
	if len(keys) != 1 || keys[0].AppKey != sim.DemoAppKey {
		return fmt.Errorf("want the demo key saved, found %+v", keys)
	}
	steps, err := core.Wizard(keys[0].ID).Progress(ctx)
	if err != nil {
		return err
	}
	var problems []error
	for _, s := range steps {
		if s.State != app.StepDone {
			problems = append(problems, fmt.Errorf("step %s is %s", s.ID, s.State))
		}
		if s.Live && (s.CheckedAt.IsZero() || s.CheckError != "") {
			problems = append(problems, fmt.Errorf("step %s was not verified (last error %q)", s.ID, s.CheckError))
		}
	}
	return errors.Join(problems...)
}
