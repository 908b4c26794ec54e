package applog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
)

// Tail is the last n lines of the log in dir, oldest first, read across the rotated files
// (newest file first, so only as many files are read as the lines need). A folder without any
// log file gives no lines and no error.
func Tail(dir string, n int) ([]string, error) {
	if n <= 0 {
		return nil, nil
	}
	var chunks [][]string // newest file first
	have := 0
	for i := 0; i < maxFiles && have < n; i++ {
		data, err := os.ReadFile(filePath(dir, i))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("applog: read the log: %w", err)
		}
		lines := splitLines(data)
		if len(lines) > n-have {
			lines = lines[len(lines)-(n-have):]
		}
		chunks = append(chunks, lines)
		have += len(lines)
	}
	slices.Reverse(chunks)
	return slices.Concat(chunks...), nil
}

// splitLines splits a file into lines without their line ends; a last line without one (being
// written as the file is read) still counts.
func splitLines(data []byte) []string {
	data = bytes.TrimSuffix(data, []byte("\n"))
	if len(data) == 0 {
		return nil
	}
	parts := bytes.Split(data, []byte("\n"))
	lines := make([]string, len(parts))
	for i, p := range parts {
		lines[i] = string(bytes.TrimSuffix(p, []byte("\r")))
	}
	return lines
}
