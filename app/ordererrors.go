package app

import (
	"errors"

	"caigou/app/open1688"
	"caigou/i18n"
	"caigou/storage"
)

// orderErrorTexts pairs order entry's sentinel errors with their explanation and next step
// (nil when there is nothing more to do than the explanation says).
var orderErrorTexts = []struct {
	err               error
	explanation, next *i18n.Message
}{
	{ErrUnknownSKU, i18n.OrderErrUnknownSKU, i18n.OrderErrUnknownSKUNext},
	{ErrCartEmpty, i18n.OrderErrCartEmpty, i18n.OrderErrCartEmptyNext},
	{storage.ErrNoCartLine, i18n.OrderErrCartLineGone, nil},
	{storage.ErrNothingToPlace, i18n.OrderErrCartEmpty, i18n.OrderErrCartEmptyNext},
	{ErrNoAddress, i18n.OrderErrNoAddress, i18n.OrderErrNoAddressNext},
	{ErrAddressNameRequired, i18n.OrderErrAddressName, nil},
	{ErrAddressStreetRequired, i18n.OrderErrAddressStreet, nil},
	{ErrAddressPhoneRequired, i18n.OrderErrAddressPhone, nil},
	{ErrAddressMobileInvalid, i18n.OrderErrAddressMobile, nil},
	{ErrAddressPhoneInvalid, i18n.OrderErrAddressPhoneChars, nil},
	{ErrOrderIDInvalid, i18n.OrderErrOrderID, i18n.OrderErrOrderIDNext},
	{ErrPlaceUnclear, i18n.OrderErrUnclear, i18n.OrderErrUnclearNext},
	{ErrPendingTooRecent, i18n.OrderErrPendingTooRecent, i18n.OrderErrPendingTooRecentNext},
	{ErrPendingOtherKey, i18n.OrderErrPendingOtherKey, i18n.OrderErrPendingOtherKeyNext},
	{ErrNotPending, i18n.OrderErrNotPending, nil},
}

// ExplainOrderError says, in the user's language, why an order entry action failed and what to
// do next (next may be ""). It covers order entry's own errors, and explains a 1688 refusal or
// any other error as ExplainAPIError does, so a screen never shows a raw error.
func ExplainOrderError(err error) (explanation, next string) {
	var newSeller *NewSellerError
	if errors.As(err, &newSeller) {
		return i18n.T(i18n.OrderErrNewSeller, map[string]any{"Seller": newSeller.SellerLoginID}),
			i18n.T(i18n.OrderErrNewSellerNext, nil)
	}
	var below ErrQuantityBelowMin
	if errors.As(err, &below) {
		data := map[string]any{"Min": below.Min}
		return i18n.T(i18n.OrderErrQuantityBelowMin, data), i18n.T(i18n.OrderErrQuantityBelowMinNext, data)
	}
	if usage := ExplainUsageError(err); usage != "" { // the key's product cap
		return usage, ""
	}
	if errors.Is(err, ErrImportStopped) {
		_, next = ExplainAPIError(err)
		return i18n.T(i18n.OrderErrImportStopped, nil), next
	}
	for _, t := range orderErrorTexts {
		if errors.Is(err, t.err) {
			if t.next != nil {
				next = i18n.T(t.next, nil)
			}
			return i18n.T(t.explanation, nil), next
		}
	}
	var refusal *PreviewRefusal
	if errors.As(err, &refusal) {
		err = &open1688.Error{Kind: open1688.KindBusiness, Code: refusal.Code, Message: refusal.Message}
	}
	return ExplainAPIError(err)
}
