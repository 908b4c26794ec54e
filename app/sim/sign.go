package sim

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
)

// signature recomputes _aop_signature as 1688.md §1.4 describes, from the
// decoded parameters the gateway received. It is written here rather than
// imported from open1688 so that the simulator checks the client
// independently.
//
// The official SDKs sort the concatenated key+value strings, not the keys;
// the two differ when one key is a prefix of another. Java sorts by UTF-16
// code units and Go by bytes, which agree for all BMP text.
func signature(urlPath string, params url.Values, secret string) string {
	parts := make([]string, 0, len(params))
	for k, vs := range params {
		if k == "_aop_signature" || len(vs) == 0 {
			continue
		}
		parts = append(parts, k+vs[0])
	}
	sort.Strings(parts)
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(urlPath))
	for _, p := range parts {
		mac.Write([]byte(p))
	}
	return strings.ToUpper(hex.EncodeToString(mac.Sum(nil)))
}

// signatureMatches compares case-insensitively, as 1688.md §1.4 advises,
// and in constant time because the value guards the AppSecret.
func signatureMatches(got, want string) bool {
	return hmac.Equal([]byte(strings.ToUpper(got)), []byte(want))
}
