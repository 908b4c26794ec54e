package open1688

import (
	"crypto/hmac"
	"crypto/sha1"
	"io"
	"slices"
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
	for k, v := range params {
		if k != signatureParam {
			pairs = append(pairs, k+v)
		}
	}
	// Go compares strings bytewise; for UTF-8 that is code point order, which matches Java's
	// UTF-16 order for everything but characters above U+FFFF against U+E000–U+FFFF.
	slices.Sort(pairs)

	mac := hmac.New(sha1.New, []byte(secret))
	io.WriteString(mac, urlPath)
	for _, p := range pairs {
		io.WriteString(mac, p)
	}
	var sum [sha1.Size]byte
	var out [2 * sha1.Size]byte
	const upperHex = "0123456789ABCDEF"
	for i, b := range mac.Sum(sum[:0]) {
		out[2*i], out[2*i+1] = upperHex[b>>4], upperHex[b&0x0f]
	}
	return string(out[:])
}
