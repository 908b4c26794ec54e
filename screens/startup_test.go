package screens

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"caigou/i18n"
	"caigou/storage"
)

func TestDescribeOpenErrorSaysWhatToDo(t *testing.T) {
	resetLanguage(t)
	const path = "/home/buyer/.config/caigou/caigou.db"
	tests := []struct {
		name string
		err  error
		want string
	}{
		{
			"newer database", &storage.OpenError{Path: path, Found: 3, Supported: 1, Kind: storage.ErrNewerDatabase},
			"The database /home/buyer/.config/caigou/caigou.db was made by a newer caigou (data version 3; this caigou reads up to version 1).",
		},
		{"not a database", &storage.OpenError{Path: path, Kind: storage.ErrNotDatabase}, "is not a caigou database"},
		{"disk full", &storage.OpenError{Path: path, Kind: storage.ErrDiskFull}, "Free some space on the disk"},
		{
			"not writable", &storage.OpenError{Path: "/home/buyer/.config/caigou", Kind: storage.ErrFolderNotWritable},
			"cannot write to its data folder, /home/buyer/.config/caigou.",
		},
		{"anything else", &storage.OpenError{Path: path, Err: errors.New("database is locked")}, "Close other copies of caigou"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DescribeOpenError(tt.err)
			assert.Contains(t, got, tt.want)
			assert.NotContains(t, got, "database is locked", "the raw error belongs in the log")
		})
	}
}

func TestDescribeOpenErrorIsTranslated(t *testing.T) {
	resetLanguage(t)
	err := &storage.OpenError{Path: "/data/caigou.db", Kind: storage.ErrDiskFull}
	english := DescribeOpenError(err)
	for _, lang := range []string{"ru", "zh"} {
		if err := i18n.SetLanguage(lang); err != nil {
			t.Fatal(err)
		}
		got := DescribeOpenError(err)
		assert.NotEqual(t, english, got, lang)
		assert.Contains(t, got, "/data/caigou.db", lang)
	}
}
