package storage_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

// BenchmarkBackup100kOrders is "Back up now" on a full database: 100 000 orders with their lines
// and events, copied, its secret columns emptied and vacuumed, synced and renamed into place.
// bytes/backup is the size of the file a user keeps seven of.
func BenchmarkBackup100kOrders(b *testing.B) {
	ctx := context.Background()
	db, err := storage.Open(b.TempDir())
	require.NoError(b, err)
	b.Cleanup(func() { _ = db.Close() })
	storagetest.SeedOrders(b, db, 100_000)
	path := filepath.Join(b.TempDir(), "caigou.caigou-backup")
	for b.Loop() {
		require.NoError(b, db.BackupTo(ctx, path))
	}
	st, err := os.Stat(path)
	require.NoError(b, err)
	b.ReportMetric(float64(st.Size()), "bytes/backup")
}

// BenchmarkRestore100kOrders restores that backup over a database of the same size.
func BenchmarkRestore100kOrders(b *testing.B) {
	ctx := context.Background()
	db, err := storage.Open(b.TempDir())
	require.NoError(b, err)
	b.Cleanup(func() { _ = db.Close() })
	storagetest.SeedOrders(b, db, 100_000)
	path := filepath.Join(b.TempDir(), "caigou.caigou-backup")
	require.NoError(b, db.BackupTo(ctx, path))
	for b.Loop() {
		require.NoError(b, db.RestoreFrom(ctx, path))
	}
}
