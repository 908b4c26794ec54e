package msgchan

import (
	"crypto/md5"
	"encoding/hex"
	"strconv"
	"strings"
)

// Sign returns the signature of a CONNECT or HEARTBEAT frame: the uppercase hex MD5 of secret,
// appKey, content and pubTime concatenated, each part skipped when empty (pubTime when 0). It
// follows the official Java SDK, so the server recomputes the same string.
func Sign(secret, appKey, content string, pubTime int64) string {
	h := md5.New()
	for _, part := range []string{secret, appKey, content} {
		if part != "" {
			h.Write([]byte(part))
		}
	}
	if pubTime != 0 {
		h.Write(strconv.AppendInt(nil, pubTime, 10))
	}
	return strings.ToUpper(hex.EncodeToString(h.Sum(nil)))
}
