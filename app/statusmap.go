package app

import (
	"context"

	"caigou/storage"
)

// StatusMapping is how caigou shows each 1688 order status, in the order an order goes through
// them; the own statuses are those of storage.OwnStatuses.
func (a *App) StatusMapping(ctx context.Context) ([]storage.StatusMapping, error) {
	return a.db.StatusMap(ctx)
}

// SetOwnStatus shows the 1688 status as ownStatus from now on. Orders keep only their 1688
// status, so every order, old or new, shows the new own status at once. An own status not in
// storage.OwnStatuses is refused with storage.ErrUnknownOwnStatus.
func (a *App) SetOwnStatus(ctx context.Context, status, ownStatus string) error {
	return a.db.SetOwnStatus(ctx, status, ownStatus)
}
