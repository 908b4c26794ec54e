package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVersionFlag(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{"--version"}, &out, &errOut))
	meta, err := os.ReadFile("FyneApp.toml")
	require.NoError(t, err)
	want := regexp.MustCompile(`(?m)^\s*Version = "([^"]+)"`).FindSubmatch(meta)
	require.NotNil(t, want, "FyneApp.toml carries a Version")
	assert.Regexp(t, `^caigou `+regexp.QuoteMeta(string(want[1]))+` \(build \d+(, [^)]+)?\)\n$`, out.String(),
		"--version prints the version FyneApp.toml carries")
}

func TestDataFolderComesFromFlagThenEnvironment(t *testing.T) {
	t.Setenv("CAIGOU_DATA", "/from/env")
	opts, err := parseFlags(nil, &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, "/from/env", opts.dataDir)

	opts, err = parseFlags([]string{"--data", "/from/flag"}, &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, "/from/flag", opts.dataDir)

	t.Setenv("CAIGOU_DATA", "")
	opts, err = parseFlags(nil, &bytes.Buffer{})
	require.NoError(t, err)
	config, err := os.UserConfigDir()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(config, "caigou"), opts.dataDir)
}

func TestUnknownLanguageIsRefusedBeforeAnyWindow(t *testing.T) {
	var errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"--data", t.TempDir(), "--lang", "xx"}, &bytes.Buffer{}, &errOut))
	assert.Contains(t, errOut.String(), `--lang "xx"`)
}

func TestCheckLocaleExitCodes(t *testing.T) {
	dir := t.TempDir()
	russian, err := os.ReadFile("i18n/locales/active.ru.toml")
	require.NoError(t, err)
	complete := filepath.Join(dir, "ru.toml")
	require.NoError(t, os.WriteFile(complete, russian, 0o600))

	var out bytes.Buffer
	assert.Equal(t, 0, run([]string{"--check-locale", complete}, &out, &bytes.Buffer{}), out.String())
	assert.True(t, strings.HasSuffix(out.String(), "\n"))

	partial := filepath.Join(dir, "de.toml")
	require.NoError(t, os.WriteFile(partial, []byte("[LanguageName]\nother = \"Deutsch\"\n"), 0o600))
	out.Reset()
	assert.Equal(t, 1, run([]string{"--check-locale", partial}, &out, &bytes.Buffer{}))
	assert.Contains(t, out.String(), "NavSetup", "the report names what is missing")

	var errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"--check-locale", filepath.Join(dir, "missing.toml")}, &bytes.Buffer{}, &errOut))
	assert.NotEmpty(t, errOut.String())
}
