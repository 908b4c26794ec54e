package app

import (
	"context"

	"caigou/storage"
)

// PendingOrders are the orders sent to 1688 whose answer never came and that were not found
// yet: ResolvePending looks them up again. Order entry offers that when the list is not empty.
func (a *App) PendingOrders(ctx context.Context) ([]storage.PendingOrder, error) {
	return a.db.PendingOrders(ctx)
}
