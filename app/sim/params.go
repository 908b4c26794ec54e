package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// requireParams answers gw.ParamMissing, in the gateway's wording
// ("Required argument offerId", 1688.md §4.1), for the first absent name.
func (c *call) requireParams(names ...string) *GatewayError {
	for _, n := range names {
		if c.params.Get(n) == "" {
			return &GatewayError{400, "gw.ParamMissing", "Required argument " + n}
		}
	}
	return nil
}

// int64Param reads a long parameter such as orderId. Ids are parsed as
// int64, never through float64, so the simulator cannot round them either.
func (c *call) int64Param(name string, required bool) (int64, *GatewayError) {
	raw := c.params.Get(name)
	if raw == "" {
		if required {
			return 0, c.requireParams(name)
		}
		return 0, nil
	}
	v, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return 0, c.badParam(name, err)
	}
	return v, nil
}

// jsonParam decodes a complex parameter sent as one JSON string
// (addressParam, cargoParamList, orderIdList; 1688.md §1.2). Numbers are
// decoded with UseNumber so long ids keep every digit.
func (c *call) jsonParam(name string, v any) *GatewayError {
	raw := c.params.Get(name)
	if raw == "" {
		return c.requireParams(name)
	}
	if err := decodeExact([]byte(raw), v); err != nil {
		return c.badParam(name, err)
	}
	return nil
}

func (c *call) badParam(name string, err error) *GatewayError {
	return &GatewayError{400, c.s.opts.Codes.ParamInvalid, fmt.Sprintf("Invalid argument %s: %v", name, err)}
}

// jsonInt64 accepts a long sent as a JSON number or as a string, because
// clients in languages without int64 send ids as strings.
type jsonInt64 int64

func (j *jsonInt64) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	v, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil {
		return fmt.Errorf("%s is not a long", n)
	}
	*j = jsonInt64(v)
	return nil
}

func decodeExact(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

// yuan is an amount written as a decimal JSON number of yuan with two
// places, e.g. 12.50, from an exact number of fen.
type yuan string

func yuanOf(fen int64) yuan {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return yuan(fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100))
}

// MarshalJSON writes the amount as a number, not a string.
func (y yuan) MarshalJSON() ([]byte, error) { return []byte(y), nil }

// errKeys are the names of a business error's code and message; they vary
// by API (1688.md §4.2).
type errKeys struct{ code, msg string }

var (
	keysDefault = errKeys{"errorCode", "errorMessage"} // buyerView, list, cancel, logistics
	keysPreview = errKeys{"errorCode", "errorMsg"}     // createOrder.preview
	keysCreate  = errKeys{"code", "message"}           // fastCreateOrder
	keysAlipay  = errKeys{"errorCode", "erroMsg"}      // alipay.url.get (sic)
)

// businessError is the usual HTTP 200 refusal with success false.
func businessError(code, msg string) map[string]any {
	return bizError(keysDefault, code, msg)
}

func bizError(k errKeys, code, msg string) map[string]any {
	return map[string]any{"success": false, k.code: code, k.msg: msg}
}

// businessCode picks the error code out of a business answer for the
// request log.
func businessCode(body any) string {
	m, ok := body.(map[string]any)
	if !ok {
		return ""
	}
	for _, k := range []string{"errorCode", "code"} {
		if s, ok := m[k].(string); ok && s != "" {
			return s
		}
	}
	return ""
}

// sellerOf returns a copy of a seller, or a zero Seller.
func (w *World) sellerOf(id string) Seller {
	w.mu.Lock()
	defer w.mu.Unlock()
	if s, ok := w.sellers[id]; ok {
		return *s
	}
	return Seller{MemberID: id}
}
