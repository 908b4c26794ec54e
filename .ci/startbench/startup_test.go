// Package startbench measures caigou's start to first frame under Xvfb, beside a bare Fyne window
// started in the same run, so the budget (DESIGN.md §8) is a ratio to what Fyne alone costs here.
// It lives under .ci so `go test ./...` does not build it: it needs Xvfb and two GL binaries.
package startbench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"caigou/storage"
	"caigou/storage/storagetest"
)

const seededOrders = 100_000

// BenchmarkStartToFirstFrame starts caigou on a database of 100 000 orders and a bare Fyne window,
// alternately, and reports the median time until each window is visible and its resident memory.
func BenchmarkStartToFirstFrame(b *testing.B) {
	display := startXvfb(b)
	dir := b.TempDir()
	caigou := buildBinary(b, dir, "caigou", "../..")
	bare := buildBinary(b, dir, "barewindow", "../barewindow")
	data := seedDataFolder(b, filepath.Join(dir, "data"))

	var appTimes, bareTimes, appRSS, bareRSS []float64
	b.ResetTimer()
	for b.Loop() {
		t, rss := startAndMeasure(b, display, caigou, "--data", data, "--lang", "en")
		appTimes, appRSS = append(appTimes, t), append(appRSS, rss)
		t, rss = startAndMeasure(b, display, bare)
		bareTimes, bareRSS = append(bareTimes, t), append(bareRSS, rss)
	}
	app, base := median(appTimes), median(bareTimes)
	appMem, baseMem := median(appRSS), median(bareRSS)
	b.ReportMetric(app, "caigou-ms")
	b.ReportMetric(base, "bare-ms")
	b.ReportMetric(app/base, "time-ratio")
	b.ReportMetric(appMem, "caigou-RSS-MB")
	b.ReportMetric(baseMem, "bare-RSS-MB")
	b.ReportMetric(appMem/baseMem, "RSS-ratio")
	fmt.Printf("start to first frame, %d orders: caigou %.0f ms, bare window %.0f ms, ratio %.2f (budget 1.5, never over 1000 ms); RSS caigou %.0f MB, bare %.0f MB, ratio %.2f (budget 1.2)\n",
		seededOrders, app, base, app/base, appMem, baseMem, appMem/baseMem)
}

func startXvfb(b *testing.B) string {
	if _, err := exec.LookPath("Xvfb"); err != nil {
		b.Skip("Xvfb is not installed (make bench installs it)")
	}
	for _, tool := range []string{"xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Skipf("%s is not installed (make bench installs it)", tool)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		b.Fatal(err)
	}
	// -noreset: by default Xvfb resets when its last client leaves, and a start during the reset
	// cannot open the display.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-noreset", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	w.Close()
	b.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	buf := make([]byte, 16)
	n, err := r.Read(buf)
	if err != nil {
		b.Fatalf("Xvfb did not report its display: %v", err)
	}
	return ":" + strings.TrimSpace(string(buf[:n]))
}

func buildBinary(b *testing.B, dir, name, pkg string) string {
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build %s: %v\n%s", name, err, msg)
	}
	return out
}

func seedDataFolder(b *testing.B, dir string) string {
	db, err := storage.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	storagetest.SeedOrders(b, db, seededOrders)
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	return dir
}

// startAndMeasure starts bin, polls every 10 ms until its window is visible, reads its resident
// memory once the window settles, and stops it. It returns milliseconds and megabytes.
func startAndMeasure(b *testing.B, display, bin string, args ...string) (ms, rssMB float64) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	pid := strconv.Itoa(cmd.Process.Pid)
	for {
		search := exec.Command("xdotool", "search", "--onlyvisible", "--pid", pid)
		search.Env = cmd.Env
		out, _ := search.Output()
		if len(bytes.TrimSpace(out)) > 0 {
			break
		}
		if ctx.Err() != nil {
			b.Fatalf("%s showed no window in 30 s:\n%s", filepath.Base(bin), logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	elapsed := time.Since(start)
	time.Sleep(500 * time.Millisecond)
	rss := residentMB(b, pid)
	// The exit itself is the smoke test's business; a bare window dies of SIGTERM.
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	return float64(elapsed.Microseconds()) / 1000, rss
}

func residentMB(b *testing.B, pid string) float64 {
	status, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		b.Fatal(err)
	}
	for line := range strings.Lines(string(status)) {
		if fields := strings.Fields(line); len(fields) >= 2 && fields[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(fields[1], 64)
			return kb / 1024
		}
	}
	b.Fatal("no VmRSS in /proc status")
	return 0
}

func median(values []float64) float64 {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	return sorted[len(sorted)/2]
}
