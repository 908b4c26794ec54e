package open1688

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// webSite is the site parameter every buyer API takes; caigou buys only on 1688.com.
const webSite = "1688"

// ErrInvalidRequest is wrapped by every error a typed call returns before sending anything
// because its request is incomplete or malformed, such as a CreateOrder without an OutOrderID.
// Such an error is a programming error, not something the platform said.
var ErrInvalidRequest = errors.New("open1688: invalid request")

// invalid wraps ErrInvalidRequest with what is wrong.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidRequest, fmt.Sprintf(format, args...))
}

// checkID refuses an id that is not a string of digits before it reaches the gateway, where it
// would cost a call and come back as a parameter error.
func checkID(field, id string) error {
	if !isDigits(id) {
		return invalid("%s %q is not a 1688 id", field, id)
	}
	return nil
}

// idListParam writes ids as a JSON array of numbers, the form the platform's long[] parameters
// take. json.Number keeps every digit; the ids were checked to be digits first.
func idListParam(field string, ids []string) (string, error) {
	nums := make([]json.Number, len(ids))
	for i, id := range ids {
		if err := checkID(field, id); err != nil {
			return "", err
		}
		nums[i] = json.Number(id)
	}
	return marshalParam(nums)
}

// splitList splits a comma-separated list the platform returns (sub-item ids of a shipment, order
// ids of a multi-seller order), dropping blanks.
func splitList(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// setIf adds a parameter only when it has a value: the signature covers exactly what is sent,
// and an empty optional parameter may be read by the gateway as a filter.
func setIf(params map[string]string, key, value string) {
	if value != "" {
		params[key] = value
	}
}

// setFlag adds a boolean parameter only when it is true.
func setFlag(params map[string]string, key string, on bool) {
	if on {
		params[key] = "true"
	}
}

// addExtra adds caller-supplied parameters: the escape hatch for parameters that 1688.md lists
// only from newer docs, so they can be tried without a code change. It never replaces one the
// call set itself, so Extra cannot drop CreateOrder's outOrderId or change the cart.
func addExtra(params, extra map[string]string) {
	for k, v := range extra {
		if _, set := params[k]; !set {
			params[k] = v
		}
	}
}
