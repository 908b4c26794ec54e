package app

import (
	"errors"

	"caigou/app/open1688"
	"caigou/i18n"
	"caigou/storage"
)

// actionErrorTexts pairs the order actions' errors with their explanation and next step (nil
// when the explanation says it all).
var actionErrorTexts = []struct {
	err               error
	explanation, next *i18n.Message
}{
	{ErrNotNumbered, i18n.ActionErrNotNumbered, i18n.ActionErrNotNumberedNext},
	{ErrCannotCancel, i18n.ActionErrCannotCancel, i18n.ActionErrCannotCancelNext},
	{ErrCancelTooSoon, i18n.ActionErrCancelTooSoon, i18n.ActionErrCancelTooSoonNext},
	{ErrNotPayable, i18n.ActionErrNotPayable, i18n.ActionErrNotPayableNext},
	{ErrTooManyToPay, i18n.ActionErrTooManyToPay, i18n.ActionErrTooManyToPayNext},
	{storage.ErrNoOrder, i18n.ActionErrNoOrder, nil},
	{ErrNoActiveKey, i18n.ActionErrNoKey, i18n.ActionErrNoKeyNext},
}

// ExplainActionError says, in the user's language, why an order action (refresh, pay, cancel)
// failed and what to do next (next may be ""). A refusal by 1688 or any other error is
// explained as ExplainAPIError does, so a screen never shows a raw error.
func ExplainActionError(err error) (explanation, next string) {
	data := map[string]any{"Max": open1688.MaxAlipayOrders}
	for _, t := range actionErrorTexts {
		if errors.Is(err, t.err) {
			if t.next == nil {
				return i18n.T(t.explanation, data), ""
			}
			return i18n.T(t.explanation, data), i18n.T(t.next, data)
		}
	}
	return ExplainAPIError(err)
}
