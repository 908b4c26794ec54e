package open1688

import (
	"context"
	"errors"
	"time"
)

// specCurrentTime is system.currentTime (1688.md §2.3, §7.3). It needs no token, so it checks
// only the AppKey and the signature made with the AppSecret: the wizard's signature check.
var specCurrentTime = apiSpec{namespace: "system", name: "currentTime", version: 1, retry: true}

// CurrentTime asks the gateway for its clock. A success proves that the AppKey exists and that
// the AppSecret signs correctly; an error of KindSignature means the AppSecret must be copied
// again. The time comes back in UTC.
func (c *Client) CurrentTime(ctx context.Context) (time.Time, error) {
	body, err := c.call(ctx, specCurrentTime, map[string]string{})
	if err != nil {
		return time.Time{}, err
	}
	return parseCurrentTime(body)
}

// parseCurrentTime reads the answer of system.currentTime: a bare JSON string such as
// "20261010164552223+0800". An object holding the time under result is accepted as well, in
// case the gateway wraps it like the other APIs (GUESS; no wrapped sample was seen).
func parseCurrentTime(body []byte) (time.Time, error) {
	var text jsonText
	if err := decodeBody(body, &text); err != nil {
		var wrapped struct {
			Result jsonText `json:"result"`
		}
		if decodeBody(body, &wrapped) != nil {
			return time.Time{}, malformed(specCurrentTime.name, body, err)
		}
		text = wrapped.Result
	}
	t, err := ParseTime(string(text))
	if err == nil && t.IsZero() {
		err = errors.New("no time in the answer")
	}
	if err != nil {
		return time.Time{}, malformed(specCurrentTime.name, body, err)
	}
	return t, nil
}
