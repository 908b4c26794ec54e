// Package storagetest gives tests and benchmarks a fresh caigou database and realistic data in it.
package storagetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/storage"
)

// OpenTemp opens a fresh database in tb.TempDir() and closes it at cleanup.
func OpenTemp(tb testing.TB) *storage.DB {
	tb.Helper()
	db, err := storage.Open(tb.TempDir())
	require.NoError(tb, err)
	tb.Cleanup(func() { assert.NoError(tb, db.Close()) })
	return db
}
