package storage_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
	"caigou/storage/storagetest"
)

func TestCopyToIsOneMomentWhileWritesGoOn(t *testing.T) {
	ctx := context.Background()
	db := storagetest.OpenTemp(t)
	storagetest.SeedOrders(t, db, 2000)
	require.NoError(t, db.SetSetting(ctx, "ui.language", "ru"))

	stop := make(chan struct{})
	var writes sync.WaitGroup
	writes.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			assert.NoError(t, db.SetSetting(ctx, fmt.Sprintf("test.%d", i), "x"))
		}
	})
	path := filepath.Join(t.TempDir(), storage.FileName)
	var reports int
	var last, total int64
	counts, err := db.CopyTo(ctx, path, func(done, all int64) { reports, last, total = reports+1, done, all })
	close(stop)
	writes.Wait()
	require.NoError(t, err)

	assert.Positive(t, reports)
	assert.Equal(t, total, last, "the last report is the whole database")
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	rep, err := storage.VerifyCopy(ctx, path)
	require.NoError(t, err)
	assert.Equal(t, storage.SchemaVersion, rep.Version)
	assert.Equal(t, counts, rep.Counts, "the counts are the copy's own moment")
	assert.EqualValues(t, 2000, rep.Counts["orders"])
	assert.Contains(t, rep.Counts, "gateway_errors")
	assert.Equal(t, []string{storage.FileName}, dirNames(t, filepath.Dir(path)), "checking the copy leaves no -wal or -shm beside it")

	copied, err := storage.Open(filepath.Dir(path))
	require.NoError(t, err)
	v, _, err := copied.Setting(ctx, "ui.language")
	require.NoError(t, copied.Close())
	require.NoError(t, err)
	assert.Equal(t, "ru", v, "caigou opens the copy with its data")
}

func TestCopyToRefusesAnExistingFileAndLeavesItAlone(t *testing.T) {
	db := storagetest.OpenTemp(t)
	path := filepath.Join(t.TempDir(), "copy.db")
	require.NoError(t, os.WriteFile(path, []byte("mine"), 0o600))
	_, err := db.CopyTo(context.Background(), path, nil)
	require.Error(t, err)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "mine", string(got))
}

func TestCopyToCancelledLeavesNoFile(t *testing.T) {
	db := storagetest.OpenTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(t.TempDir(), "copy.db")
	_, err := db.CopyTo(ctx, path, nil)
	require.Error(t, err)
	assert.NoFileExists(t, path)
}

func TestVerifyCopyRefusesADamagedFile(t *testing.T) {
	ctx := context.Background()
	db := storagetest.OpenTemp(t)
	storagetest.SeedOrders(t, db, 500)
	path := filepath.Join(t.TempDir(), "copy.db")
	_, err := db.CopyTo(ctx, path, nil)
	require.NoError(t, err)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	info, err := f.Stat()
	require.NoError(t, err)
	junk := make([]byte, 8192)
	for i := range junk {
		junk[i] = 0xA5
	}
	_, err = f.WriteAt(junk, info.Size()/2)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	_, err = storage.VerifyCopy(ctx, path)
	assert.ErrorIs(t, err, storage.ErrCopyDamaged)
}

func TestHoldWritesKeepsWritersOutUntilRelease(t *testing.T) {
	ctx := context.Background()
	db := storagetest.OpenTemp(t)
	hold, err := db.HoldWrites(ctx)
	require.NoError(t, err)
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	assert.Error(t, db.SetSetting(short, "k", "held"), "a writer cannot commit while writes are held")
	hold.Release()
	require.NoError(t, db.SetSetting(ctx, "k", "v"))
	v, _, err := db.Setting(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, "v", v)
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
