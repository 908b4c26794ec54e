package storage_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// Secrets the source database holds where no keychain exists; a backup must not.
const (
	testAppSecret    = "APPSECRET-7c1e9a0b5d3f4e21"
	testAccessToken  = "ACCESSTOKEN-0f9e8d7c6b5a4321"
	testRefreshToken = "REFRESHTOKEN-a1b2c3d4e5f60718"
)

// writerBase numbers the orders the writer adds, above any seeded one.
const writerBase = 10_000_000

// writeOrders commits one order, its line and its message per transaction until stop is closed,
// numbering them writerBase+1, +2, …, and sends the count of commits after each one.
func writeOrders(db *storage.DB, stop <-chan struct{}, committed chan<- int) error {
	defer close(committed)
	for i := 1; ; i++ {
		select {
		case <-stop:
			return nil
		default:
		}
		tx, err := db.SQL().Begin()
		if err != nil {
			return err
		}
		id, at := writerBase+i, 1_700_000_000_000+int64(i)
		_, err = tx.Exec(`INSERT INTO orders (id, ali_order_id, origin, title, created_at, updated_at)
			VALUES (?, ?, 'message', ?, ?, ?)`, id, fmt.Sprint(3_800_000_000_000_000_000+i), fmt.Sprintf("写入 %d", i), at, at)
		if err == nil {
			_, err = tx.Exec(`INSERT INTO order_lines (order_id, line_no, offer_id, quantity) VALUES (?, 1, ?, 1)`, id, fmt.Sprint(i))
		}
		if err == nil {
			_, err = tx.Exec(`INSERT INTO messages (msg_id, type, received_at, body) VALUES (?, 'ORDER_BUYER_VIEW_ORDER_PAY', ?, '{}')`, fmt.Sprintf("w%d", id), at)
		}
		if err != nil {
			_ = tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		committed <- i
	}
}

// withSecrets stores the test secrets in the database's secret columns.
func withSecrets(t *testing.T, db *storage.DB) {
	t.Helper()
	_, err := db.SQL().Exec(`UPDATE keys SET app_secret = ?;
		INSERT INTO accounts (key_id, login_id, access_token, refresh_token, created_at)
		SELECT id, 'buyer', ?, ?, 1 FROM keys`, testAppSecret, testAccessToken, testRefreshToken)
	require.NoError(t, err)
}

func count(t *testing.T, q *sql.DB, query string) int {
	t.Helper()
	var n int
	require.NoError(t, q.QueryRow(query).Scan(&n))
	return n
}

func openReadOnly(t *testing.T, path string) *sql.DB {
	t.Helper()
	q, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	require.NoError(t, err)
	t.Cleanup(func() { _ = q.Close() })
	return q
}

func TestBackupWhileWritingRestoresTheSameData(t *testing.T) {
	ctx := context.Background()
	src := storagetest.OpenTemp(t)
	storagetest.SeedOrders(t, src, 2000)
	withSecrets(t, src)

	stop, committed := make(chan struct{}), make(chan int)
	writeErr := make(chan error, 1)
	go func() { writeErr <- writeOrders(src, stop, committed) }()
	for n := range committed {
		if n == 20 {
			break
		}
	}
	path := filepath.Join(t.TempDir(), "caigou-20250101-120000.caigou-backup")
	backupErr := make(chan error, 1)
	go func() { backupErr <- src.BackupTo(ctx, path) }()
	written, backedUpAt := 0, 0
	for written = range committed { // writes go on while the backup runs, and after it
		select {
		case err := <-backupErr:
			require.NoError(t, err)
			backupErr, backedUpAt = nil, written
		default:
		}
		if backupErr == nil && written >= backedUpAt+20 {
			break
		}
	}
	close(stop)
	for written = range committed {
	}
	require.NoError(t, <-writeErr)

	info, err := storage.InspectBackup(ctx, path)
	require.NoError(t, err, "the backup passes integrity_check")
	bq := openReadOnly(t, path)
	n := count(t, bq, fmt.Sprintf("SELECT count(*) FROM orders WHERE id > %d", writerBase))
	require.Positive(t, n)
	require.Less(t, n, written, "the writes after the snapshot are not in it")
	assert.Equal(t, writerBase+n, count(t, bq, "SELECT max(id) FROM orders"), "one snapshot: a prefix of the commits")
	assert.Equal(t, n, count(t, bq, "SELECT count(*) FROM messages WHERE msg_id LIKE 'w%'"), "each order with its message")
	assert.Equal(t, n, count(t, bq, fmt.Sprintf("SELECT count(*) FROM order_lines WHERE order_id > %d", writerBase)))
	assert.Equal(t, 2000+n, info.Orders)

	// The source as it was at the snapshot, without its secrets.
	expected := filepath.Join(t.TempDir(), "expected.db")
	_, err = src.SQL().Exec("VACUUM INTO ?", expected)
	require.NoError(t, err)
	raw, err := os.ReadFile(expected)
	require.NoError(t, err)
	require.True(t, bytes.Contains(raw, []byte(testAppSecret)), "a plain copy holds the secret: the check below can fail")
	eq, err := sql.Open("sqlite3", "file:"+expected+"?_foreign_keys=on")
	require.NoError(t, err)
	defer eq.Close()
	_, err = eq.Exec(fmt.Sprintf(`DELETE FROM orders WHERE id > %d; DELETE FROM messages WHERE msg_id LIKE 'w%%' AND CAST(substr(msg_id, 2) AS INTEGER) > %d;
		UPDATE keys SET app_secret = NULL; UPDATE accounts SET access_token = NULL, refresh_token = NULL`,
		writerBase+n, writerBase+n))
	require.NoError(t, err)

	dst := storagetest.OpenTemp(t)
	require.NoError(t, dst.RestoreFrom(ctx, path))
	assert.Equal(t, storage.DataChecksum(t, eq), storage.DataChecksum(t, dst.SQL()), "restored data equals the source at the snapshot")
	assert.Equal(t, storage.DataChecksum(t, bq), storage.DataChecksum(t, dst.SQL()))
	for _, table := range []string{"orders", "order_lines", "order_events", "messages", "keys", "accounts", "logistics"} {
		q := "SELECT count(*) FROM " + table
		assert.Equal(t, count(t, eq, q), count(t, dst.SQL(), q), table)
	}
	assert.Equal(t, 1, count(t, dst.SQL(), "SELECT count(*) FROM accounts WHERE login_id = 'buyer'"), "the account is kept, its tokens are not")

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, secret := range []string{testAppSecret, testAccessToken, testRefreshToken} {
		assert.False(t, bytes.Contains(data, []byte(secret)), "the backup holds no secret bytes")
	}
	assert.Equal(t, uint32(storage.ApplicationID), binary.BigEndian.Uint32(data[68:72]), "application_id kept")
	assert.Equal(t, uint32(storage.SchemaVersion), binary.BigEndian.Uint32(data[60:64]), "user_version kept")
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	leftovers, err := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
	require.NoError(t, err)
	assert.Empty(t, leftovers, "no temporary file is left")

	var mode string
	require.NoError(t, dst.SQL().QueryRow("PRAGMA journal_mode").Scan(&mode))
	assert.Equal(t, "wal", mode, "the live file stays in WAL mode")
	st, err = os.Stat(dst.Path())
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
}

func TestInspectBackupSaysWhatItHolds(t *testing.T) {
	ctx := context.Background()
	db := storagetest.OpenTemp(t)
	path := filepath.Join(t.TempDir(), "empty.caigou-backup")
	require.NoError(t, db.BackupTo(ctx, path))
	info, err := storage.InspectBackup(ctx, path)
	require.NoError(t, err)
	assert.Zero(t, info.Orders)
	assert.True(t, info.FirstOrder.IsZero() && info.LastOrder.IsZero(), "no dates without orders")

	storagetest.SeedOrders(t, db, 300)
	var first, last int64
	require.NoError(t, db.SQL().QueryRow("SELECT min(created_at), max(created_at) FROM orders").Scan(&first, &last))
	require.NoError(t, db.BackupTo(ctx, path)) // replaces the older backup whole
	info, err = storage.InspectBackup(ctx, path)
	require.NoError(t, err)
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, storage.BackupInfo{
		SchemaVersion: storage.SchemaVersion, Keys: 1, Orders: 300,
		FirstOrder: time.UnixMilli(first), LastOrder: time.UnixMilli(last),
		SizeBytes: st.Size(), Modified: st.ModTime(),
	}, info)
}

// badBackups makes each kind of file a restore must refuse, from good, a valid backup.
var badBackups = []struct {
	name string
	want error
	make func(t *testing.T, good, path string)
}{
	{"random bytes", storage.ErrNotBackup, func(t *testing.T, _, path string) {
		writeFile(t, path, rand.Text()+rand.Text())
	}},
	{"empty file", storage.ErrNotBackup, func(t *testing.T, _, path string) { writeFile(t, path, "") }},
	{"truncated", storage.ErrBackupCorrupt, func(t *testing.T, good, path string) {
		data := readFile(t, good)
		writeFile(t, path, string(data[:len(data)/2]))
	}},
	{"flipped bytes", storage.ErrBackupCorrupt, func(t *testing.T, good, path string) {
		data := readFile(t, good)
		for page := 2; page < len(data)/4096; page += 3 {
			for i := range 24 { // the b-tree page headers and the start of their cell pointers
				data[page*4096+i] ^= 0x5a
			}
		}
		writeFile(t, path, string(data))
	}},
	{"SQLite without caigou's application_id", storage.ErrNotBackup, func(t *testing.T, good, path string) {
		data := readFile(t, good)
		binary.BigEndian.PutUint32(data[68:72], 0)
		writeFile(t, path, string(data))
	}},
	{"caigou's application_id without its tables", storage.ErrNotBackup, func(t *testing.T, _, path string) {
		q, err := sql.Open("sqlite3", "file:"+path)
		require.NoError(t, err)
		defer q.Close()
		_, err = q.Exec(fmt.Sprintf("PRAGMA application_id = %d; CREATE TABLE notes (body TEXT)", storage.ApplicationID))
		require.NoError(t, err)
	}},
	{"a newer schema", storage.ErrBackupNewer, func(t *testing.T, good, path string) {
		writeFile(t, path, string(readFile(t, good)))
		q, err := sql.Open("sqlite3", "file:"+path)
		require.NoError(t, err)
		defer q.Close()
		_, err = q.Exec(fmt.Sprintf("PRAGMA user_version = %d", storage.SchemaVersion+1))
		require.NoError(t, err)
	}},
	{"no such file", storage.ErrBackupCorrupt, func(*testing.T, string, string) {}},
}

func TestRestoreRefusesBadFilesAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	other := storagetest.OpenTemp(t)
	storagetest.SeedOrders(t, other, 500)
	good := filepath.Join(t.TempDir(), "good.caigou-backup")
	require.NoError(t, other.BackupTo(ctx, good))

	live := storagetest.OpenTemp(t)
	storagetest.SeedOrders(t, live, 50)
	before := storage.DataChecksum(t, live.SQL())
	for _, c := range badBackups {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.caigou-backup")
			c.make(t, good, path)
			fileBefore := fileSum(path)

			_, err := storage.InspectBackup(ctx, path)
			require.ErrorIs(t, err, c.want)
			err = live.RestoreFrom(ctx, path)
			require.ErrorIs(t, err, c.want)

			assert.Equal(t, before, storage.DataChecksum(t, live.SQL()), "the live data is untouched")
			assert.Equal(t, fileBefore, fileSum(path), "the refused file is not written")
			others, err := filepath.Glob(filepath.Join(filepath.Dir(path), "*"))
			require.NoError(t, err)
			assert.LessOrEqual(t, len(others), 1, "nothing is made beside it: %v", others)
		})
	}
	require.NoError(t, live.RestoreFrom(ctx, good), "the good backup restores")
	assert.Equal(t, storage.DataChecksum(t, other.SQL()), storage.DataChecksum(t, live.SQL()))
}

func TestBackupToAnUnwritableFolderLeavesNothing(t *testing.T) {
	db := storagetest.OpenTemp(t)
	dir := filepath.Join(t.TempDir(), "gone")
	err := db.BackupTo(context.Background(), filepath.Join(dir, "b.caigou-backup"))
	require.Error(t, err)
	assert.NoFileExists(t, filepath.Join(dir, "b.caigou-backup"))
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(data), 0o600))
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}

// fileSum is the sha256 of the file at path; "" when there is none.
func fileSum(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

func TestOpenRemovesARestoreACrashLeftStaged(t *testing.T) {
	dir := t.TempDir()
	db, err := storage.Open(dir)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	staged := filepath.Join(dir, ".restore-123.tmp")
	require.NoError(t, os.WriteFile(staged, []byte("a staged copy"), 0o600))
	mine := filepath.Join(dir, "notes.tmp")
	require.NoError(t, os.WriteFile(mine, []byte("the user's"), 0o600))

	db, err = storage.Open(dir)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	assert.NoFileExists(t, staged)
	assert.FileExists(t, mine, "nothing but the staged copies is removed")
}
