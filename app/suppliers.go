package app

import (
	"context"

	"caigou/storage"
)

// Supplier is a seller already bought from: one the API may place orders with.
type Supplier = storage.Supplier

// Suppliers are the sellers of the orders that are not closed, the one ordered from last first,
// with their order counts and spending.
func (a *App) Suppliers(ctx context.Context) ([]Supplier, error) {
	return a.db.Suppliers(ctx)
}
