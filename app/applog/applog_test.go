package applog

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// logFiles are the names of the log files in dir.
func logFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestLogRotatesKeepingFiveFilesInOrder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "logs")
	l, err := open(dir, nil, 1000)
	require.NoError(t, err)
	// 100 lines of 100 bytes: 10 lines a file, so 10 files' worth of which 5 are kept.
	for i := range 100 {
		_, err := fmt.Fprintf(l, "line %03d %s\n", i, strings.Repeat("x", 90))
		require.NoError(t, err)
	}
	require.NoError(t, l.Close())

	assert.ElementsMatch(t, []string{"caigou.log", "caigou.1.log", "caigou.2.log", "caigou.3.log", "caigou.4.log"}, logFiles(t, dir))
	for i := range maxFiles {
		info, err := os.Stat(filePath(dir, i))
		require.NoError(t, err)
		assert.LessOrEqual(t, info.Size(), int64(1000), "no file grows past the limit")
		if runtime.GOOS != "windows" {
			assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "only the user reads the log")
		}
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(dir)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o700), info.Mode().Perm())
	}
	oldest, err := os.ReadFile(filePath(dir, 4))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(oldest), "line 050 "), "the oldest kept file starts where the dropped ones end")
	current, err := os.ReadFile(filePath(dir, 0))
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(current), "line 099 "+strings.Repeat("x", 90)+"\n"))

	lines, err := Tail(dir, 25)
	require.NoError(t, err)
	require.Len(t, lines, 25, "read across three files")
	for i, line := range lines {
		assert.True(t, strings.HasPrefix(line, fmt.Sprintf("line %03d ", 75+i)), "oldest first: %q", line)
	}
	all, err := Tail(dir, 2000)
	require.NoError(t, err)
	assert.Len(t, all, 50, "every kept line, no more")
	assert.True(t, strings.HasPrefix(all[0], "line 050 "))
}

func TestLogAppendsAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	for run := range 2 {
		l, err := Open(dir, nil)
		require.NoError(t, err)
		_, _ = fmt.Fprintf(l, "run %d\n", run)
		require.NoError(t, l.Close())
	}
	lines, err := Tail(dir, 10)
	require.NoError(t, err)
	assert.Equal(t, []string{"run 0", "run 1"}, lines)
}

func TestTailOfAFolderWithoutLog(t *testing.T) {
	lines, err := Tail(t.TempDir(), 10)
	require.NoError(t, err)
	assert.Empty(t, lines)
}

func TestLogRedactsBeforeTheFileAndTheMirror(t *testing.T) {
	dir := t.TempDir()
	var mirror bytes.Buffer
	l, err := Open(dir, &mirror)
	require.NoError(t, err)
	AddSecret("S3cretAppSecretValue")
	logger := log.New(l, "", 0)
	logger.Printf("calling with secret S3cretAppSecretValue and access_token=tok-abcdef-123456&x=1")
	require.NoError(t, l.Close())

	file, err := os.ReadFile(filepath.Join(dir, FileName))
	require.NoError(t, err)
	for name, text := range map[string]string{"file": string(file), "mirror": mirror.String()} {
		assert.NotContains(t, text, "S3cretAppSecretValue", name)
		assert.NotContains(t, text, "tok-abcdef-123456", name)
		assert.Contains(t, text, "calling with secret [redacted] and access_token=[redacted]&x=1", name)
	}
}

func TestLogSurvivesAFullDisk(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full to stand for a full disk")
	}
	dir := t.TempDir()
	require.NoError(t, os.Symlink("/dev/full", filepath.Join(dir, FileName)))
	var mirror bytes.Buffer
	l, err := Open(dir, &mirror)
	require.NoError(t, err)
	clock := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return clock }

	for i := range 3 {
		n, err := fmt.Fprintf(l, "line %d\n", i)
		require.NoError(t, err, "the caller never sees the file's failure")
		assert.Equal(t, len(fmt.Sprintf("line %d\n", i)), n)
	}
	out := mirror.String()
	assert.Equal(t, 1, strings.Count(out, "cannot be written"), "reported once, not on every line: %s", out)
	for i := range 3 {
		assert.Contains(t, out, fmt.Sprintf("line %d\n", i), "every line still reaches the console")
	}

	clock = clock.Add(2 * retryEvery)
	_, _ = fmt.Fprintln(l, "later")
	assert.Equal(t, 1, strings.Count(mirror.String(), "cannot be written"), "a retry that fails again stays quiet")
	require.NoError(t, l.Close())
}

func TestLogTakesConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	l, err := open(dir, nil, 4000)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				_, _ = fmt.Fprintf(l, "g%d-%02d %s\n", g, i, strings.Repeat("y", 40))
			}
		}()
	}
	wg.Wait()
	require.NoError(t, l.Close())
	lines, err := Tail(dir, 2000)
	require.NoError(t, err)
	require.NotEmpty(t, lines)
	for _, line := range lines {
		assert.Regexp(t, `^g\d-\d\d y{40}$`, line, "lines are never interleaved")
	}
}
