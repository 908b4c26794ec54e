package open1688

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"strings"
)

// signatureParam is the parameter that carries the signature; it is never part of what is signed.
const signatureParam = "_aop_signature"

// Sign computes the gateway's _aop_signature (1688.md §1.4) for a request to urlPath, the path
// after "/openapi/" with its appKey, e.g. "param2/1/system/currentTime/1000000".
//
// Every parameter except _aop_signature is written as its key immediately followed by its raw,
// un-encoded value; those strings, not the keys, are sorted, appended to urlPath and signed with
// HMAC-SHA1 under secret. The result is 40 uppercase hex digits. Sorting the joined strings is
// what the official SDKs do, and it differs from sorting keys when one key is a prefix of
// another ("ab1" sorts before "ac").
func Sign(urlPath string, params map[string]string, secret string) string {
	pairs := make([]string, 0, len(params))
	size := len(urlPath)
	for k, v := range params {
		if k == signatureParam {
			continue
		}
		pairs = append(pairs, k+v)
		size += len(k) + len(v)
	}
	// Go compares strings bytewise; for UTF-8 that is code point order, which matches Java's
	// UTF-16 order for everything but characters above U+FFFF against U+E000–U+FFFF.
	slices.Sort(pairs)

	var msg strings.Builder
	msg.Grow(size)
	msg.WriteString(urlPath)
	for _, p := range pairs {
		msg.WriteString(p)
	}
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(msg.String()))
	return strings.ToUpper(hex.EncodeToString(mac.Sum(nil)))
}
