package app

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"caigou/app/applog"
	"caigou/storage"
)

// logsFolder is the folder of the data folder that holds caigou's log files.
const logsFolder = "logs"

// LogDir is where the log files of the data folder dataDir are kept.
func LogDir(dataDir string) string { return filepath.Join(dataDir, logsFolder) }

// Limits of the diagnostics file.
const (
	diagnosticsLogLines      = 2000
	diagnosticsGatewayErrors = storage.KeptGatewayErrors
	diagnosticsFailedMsgs    = 200
)

// diagnosticsEntry is one file of the diagnostics zip and what writes its text.
type diagnosticsEntry struct {
	name  string
	write func(ctx context.Context, b *bytes.Buffer) error
}

// WriteDiagnostics writes the diagnostics file, a zip for the person who supports the user:
// about.txt (versions, OS, data folder, schema, where secrets are kept), settings.json (the
// settings, keys and accounts, never a secret), log.txt (the last 2000 lines of the log in
// logDir), channel.txt (the message channel's state and history), gateway-errors.json (the last
// 200 failed calls with their raw bodies), failed-messages.json (the last 200 messages that
// could not be applied) and counts.txt (the rows of every table). Every stored secret is
// registered with the redactor first, and every entry passes through applog.Redact before it is
// written, on top of the redaction its parts already had. now is the time the file states.
func (a *App) WriteDiagnostics(ctx context.Context, w io.Writer, logDir string, now time.Time) error {
	if err := a.registerStoredSecrets(ctx); err != nil {
		return err
	}
	entries := []diagnosticsEntry{
		{"about.txt", func(ctx context.Context, b *bytes.Buffer) error { return a.writeAbout(ctx, b, now) }},
		{"settings.json", a.writeSettings},
		{"log.txt", func(_ context.Context, b *bytes.Buffer) error { return writeLogTail(b, logDir) }},
		{"channel.txt", func(_ context.Context, b *bytes.Buffer) error { return a.writeChannel(b) }},
		{"gateway-errors.json", a.writeGatewayErrors},
		{"failed-messages.json", a.writeFailedMessages},
		{"counts.txt", a.writeCounts},
	}
	zw := zip.NewWriter(w)
	for _, e := range entries {
		var b bytes.Buffer
		if err := e.write(ctx, &b); err != nil {
			return fmt.Errorf("diagnostics: %s: %w", e.name, err)
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return fmt.Errorf("diagnostics: write %s: %w", e.name, err)
		}
		if _, err := io.WriteString(f, applog.Redact(b.String())); err != nil {
			return fmt.Errorf("diagnostics: write %s: %w", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("diagnostics: finish the zip: %w", err)
	}
	return nil
}

// registerStoredSecrets hands every AppSecret and token the keychain or the database holds, and
// the value of every setting named like a secret, to the redactor, so that a log line written
// before one was read this run is redacted too.
func (a *App) registerStoredSecrets(ctx context.Context) error {
	keys, err := a.db.KeyReports(ctx)
	if err != nil {
		return fmt.Errorf("diagnostics: %w", err)
	}
	accounts, err := a.db.AccountReports(ctx)
	if err != nil {
		return fmt.Errorf("diagnostics: %w", err)
	}
	settings, err := a.db.Settings(ctx)
	if err != nil {
		return fmt.Errorf("diagnostics: %w", err)
	}
	for k, v := range settings {
		if secretLooking(k) {
			applog.AddSecret(v)
		}
	}
	appKeys := map[int64]string{}
	for _, k := range keys {
		appKeys[k.ID] = k.AppKey
		// Secrets.AppSecret registers what the keychain holds; the column may hold another value
		// left from a run without a keychain.
		_, _ = a.secrets.AppSecret(ctx, k.ID, k.AppKey)
		if v, _, err := a.db.KeySecret(ctx, k.ID); err == nil {
			applog.AddSecret(v)
		}
	}
	for _, acc := range accounts {
		_, _ = a.secrets.Token(ctx, acc.KeyID, appKeys[acc.KeyID], acc.LoginID)
		if v, _, err := a.db.AccountToken(ctx, acc.KeyID, acc.LoginID); err == nil {
			applog.AddSecret(v)
		}
	}
	return nil
}

func (a *App) writeAbout(ctx context.Context, b *bytes.Buffer, now time.Time) error {
	schema, err := a.db.Version(ctx)
	if err != nil {
		return err
	}
	secretsIn := "the OS keychain"
	if !a.secrets.InKeychain() {
		secretsIn = "the database (no OS keychain works on this computer)"
	}
	fmt.Fprintf(b, "caigou %s\n", a.Version())
	fmt.Fprintf(b, "OS: %s/%s\n", runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(b, "Go: %s\n", runtime.Version())
	fmt.Fprintf(b, "Written: %s (UTC %s)\n", now.Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	fmt.Fprintf(b, "Data folder: %s\n", a.DataDir())
	fmt.Fprintf(b, "Schema version: %d (this build knows %d)\n", schema, storage.SchemaVersion)
	fmt.Fprintf(b, "Secrets kept in: %s\n", secretsIn)
	return nil
}

// diagnosticSettings is settings.json.
type diagnosticSettings struct {
	Settings map[string]string       `json:"settings"`
	Keys     []storage.KeyReport     `json:"keys"`
	Accounts []storage.AccountReport `json:"accounts"`
}

func (a *App) writeSettings(ctx context.Context, b *bytes.Buffer) error {
	settings, err := a.db.Settings(ctx)
	if err != nil {
		return err
	}
	for k := range settings {
		if secretLooking(k) {
			settings[k] = applog.Redacted
		}
	}
	keys, err := a.db.KeyReports(ctx)
	if err != nil {
		return err
	}
	accounts, err := a.db.AccountReports(ctx)
	if err != nil {
		return err
	}
	return writeJSON(b, diagnosticSettings{Settings: settings, Keys: keys, Accounts: accounts})
}

// secretLooking reports whether a setting's name says it holds a secret.
func secretLooking(name string) bool {
	name = strings.ToLower(name)
	for _, w := range []string{"secret", "token", "password", "passwd", "signature"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

func writeLogTail(b *bytes.Buffer, logDir string) error {
	if logDir == "" {
		b.WriteString("(no log folder)\n")
		return nil
	}
	lines, err := applog.Tail(logDir, diagnosticsLogLines)
	if err != nil {
		// The rest of the file still helps; say why the log is missing.
		fmt.Fprintf(b, "(the log could not be read: %v)\n", err)
		return nil
	}
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return nil
}

func (a *App) writeChannel(b *bytes.Buffer) error {
	latest, ok := a.ChannelState()
	if !ok {
		b.WriteString("The message channel has not run since caigou started.\n")
		return nil
	}
	fmt.Fprintf(b, "State: %s since %s\n", latest.Status, latest.At.UTC().Format(time.RFC3339))
	history := a.ChannelHistory()
	fmt.Fprintf(b, "\nLast %d changes, oldest first:\n", len(history))
	for _, c := range history {
		fmt.Fprintf(b, "%s  %-12s %s\n", c.At.UTC().Format(time.RFC3339Nano), c.Status, c.Detail)
	}
	return nil
}

func (a *App) writeGatewayErrors(ctx context.Context, b *bytes.Buffer) error {
	list, err := a.db.GatewayErrors(ctx, diagnosticsGatewayErrors)
	if err != nil {
		return err
	}
	return writeJSON(b, nonNil(list))
}

func (a *App) writeFailedMessages(ctx context.Context, b *bytes.Buffer) error {
	list, err := a.db.FailedMessages(ctx, diagnosticsFailedMsgs)
	if err != nil {
		return err
	}
	return writeJSON(b, nonNil(list))
}

func (a *App) writeCounts(ctx context.Context, b *bytes.Buffer) error {
	counts, err := a.db.TableCounts(ctx)
	if err != nil {
		return err
	}
	for _, c := range counts {
		fmt.Fprintf(b, "%-24s %d\n", c.Table, c.Rows)
	}
	return nil
}

// writeJSON writes v indented, with <, > and & as they are so the text stays readable.
func writeJSON(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return errors.Join(errors.New("encode JSON"), err)
	}
	return nil
}

// nonNil is list, or an empty list, so that JSON shows [] rather than null.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
