// Package applog is caigou's log file: a writer for log.SetOutput that keeps the last few
// megabytes of the log in the data folder, in rotated files, and removes every secret it knows
// of, and every value that looks like one, before a line reaches the file or the console. The
// diagnostics file reads the log back with Tail. It has no Fyne imports.
package applog

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// FileName is the current log file in the log folder; older ones are caigou.1.log (the newest)
// to caigou.4.log.
const FileName = "caigou.log"

const (
	// maxFiles is how many files the log keeps, the current one included.
	maxFiles = 5
	// defaultMaxSize is the size at which the current file is rotated.
	defaultMaxSize = 5 << 20
	// retryEvery is how long the log waits before it tries the file again after a failure.
	retryEvery = time.Minute
)

// Log is the rotating, redacting log writer. It is safe for concurrent use. A file that cannot be
// written (a full disk, a folder gone) never fails or blocks the caller: the lines still reach
// the mirror, the failure is reported there once, and the file is tried again a minute later.
type Log struct {
	dir     string
	mirror  io.Writer
	maxSize int64
	now     func() time.Time

	mu       sync.Mutex
	file     *os.File // nil after a failure, until the file opens again
	size     int64
	failedAt time.Time // when the file last failed; zero while it works
	closed   bool
}

// Open starts the log in dir (created 0700 when missing), appending to FileName. Every line also
// goes to mirror, usually os.Stderr; nil means the file only.
func Open(dir string, mirror io.Writer) (*Log, error) {
	return open(dir, mirror, defaultMaxSize)
}

func open(dir string, mirror io.Writer, maxSize int64) (*Log, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("applog: create the log folder: %w", err)
	}
	l := &Log{dir: dir, mirror: mirror, maxSize: maxSize, now: time.Now}
	if err := l.openFile(); err != nil {
		return nil, err
	}
	return l, nil
}

// Write redacts p and writes it to the file and the mirror. It always reports the whole of p as
// written: the standard logger has nowhere better to send a failure.
func (l *Log) Write(p []byte) (int, error) {
	line := []byte(Redact(string(p)))
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.mirror != nil {
		_, _ = l.mirror.Write(line)
	}
	if l.closed {
		return len(p), nil
	}
	if l.file == nil && l.now().Sub(l.failedAt) >= retryEvery {
		if err := l.openFile(); err != nil {
			l.failedAt = l.now()
		}
	}
	if l.file != nil {
		if err := l.writeFile(line); err != nil {
			l.fail(err)
		}
	}
	return len(p), nil
}

// Close closes the file; later writes reach the mirror only.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if l.file == nil {
		return nil
	}
	err := l.file.Close()
	l.file = nil
	return err
}

// writeFile appends line, rotating first when it would take the file past maxSize.
func (l *Log) writeFile(line []byte) error {
	if l.size > 0 && l.size+int64(len(line)) > l.maxSize {
		if err := l.rotate(); err != nil {
			return err
		}
	}
	n, err := l.file.Write(line)
	l.size += int64(n)
	if err == nil {
		l.failedAt = time.Time{}
	}
	return err
}

// fail drops the file after a failed write and says so on the mirror, once per failure: a full
// disk would otherwise repeat the complaint on every line.
func (l *Log) fail(err error) {
	if l.file != nil {
		_ = l.file.Close()
		l.file = nil
	}
	if l.failedAt.IsZero() && l.mirror != nil {
		msg := fmt.Sprintf("caigou: the log file in %s cannot be written (%v); the log goes to the console only until it can\n", l.dir, err)
		_, _ = l.mirror.Write([]byte(Redact(msg)))
	}
	l.failedAt = l.now()
}

// rotate shifts caigou.log to caigou.1.log and each older file one place up, dropping the
// oldest, then starts an empty caigou.log.
func (l *Log) rotate() error {
	if err := l.file.Close(); err != nil {
		l.file = nil
		return err
	}
	l.file = nil
	if err := os.Remove(l.path(maxFiles - 1)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	for i := maxFiles - 2; i >= 0; i-- {
		if err := os.Rename(l.path(i), l.path(i+1)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return l.openFile()
}

func (l *Log) openFile() error {
	f, err := os.OpenFile(l.path(0), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("applog: open the log file: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return fmt.Errorf("applog: open the log file: %w", err)
	}
	l.file, l.size = f, info.Size()
	return nil
}

func (l *Log) path(i int) string { return filePath(l.dir, i) }

// filePath is the i-th log file in dir: 0 is the current one, maxFiles-1 the oldest.
func filePath(dir string, i int) string {
	if i == 0 {
		return filepath.Join(dir, FileName)
	}
	return filepath.Join(dir, "caigou."+strconv.Itoa(i)+".log")
}
