package app

import (
	"context"
	"errors"
	"time"

	"caigou/app/applog"
	"caigou/app/open1688"
	"caigou/storage"
)

// recordTimeout bounds the write of one gateway error: the caller of the failed call waits for it.
const recordTimeout = 2 * time.Second

// recordGatewayErrors is the open1688.Config.OnError of the clients of appKey: it keeps each
// failed call in gateway_errors for the diagnostics file, its texts redacted once more. A budget
// refusal is left out, since no request reached the gateway, and so is a call caigou cancelled
// (at a restore, a move or the end): writes may be held off then. A failure to record is only logged.
func recordGatewayErrors(db *storage.DB, appKey string, logf func(format string, args ...any)) func(*open1688.Error) {
	return func(e *open1688.Error) {
		if e.Kind == open1688.KindBudget || errors.Is(e.Err, context.Canceled) {
			return // no request reached the gateway, or caigou itself stopped waiting for it
		}
		message := e.Message
		if e.Err != nil {
			if message != "" {
				message += ": "
			}
			message += e.Err.Error()
		}
		ctx, cancel := context.WithTimeout(context.Background(), recordTimeout)
		defer cancel()
		err := db.AddGatewayError(ctx, storage.GatewayError{
			At: time.Now(), AppKey: appKey, API: e.API, Kind: e.Kind.String(), Status: e.Status,
			Code: e.Code, Message: applog.Redact(message), RequestID: e.RequestID, Body: applog.Redact(string(e.Body)),
		})
		if err != nil {
			logf("diagnostics: record a failed call of %s: %v", e.API, err)
		}
	}
}
