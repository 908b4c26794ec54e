package msgchan

import (
	"crypto/md5"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSign(t *testing.T) {
	upperMD5 := func(s string) string {
		sum := md5.Sum([]byte(s))
		return strings.ToUpper(hex.EncodeToString(sum[:]))
	}
	tests := []struct {
		name                    string
		secret, appKey, content string
		pubTime                 int64
		want                    string
	}{
		// The vector of 1688.md §5.3, also the official SDK's heartbeat test.
		{"1688 vector", "secretXYZ", "mykey", "", 1700000000000, "B9E65D4592778AE92A46050E139FABC6"},
		{"content is signed between key and time", "s", "k", "c", 5, upperMD5("skc5")},
		{"empty key skipped", "s", "", "c", 5, upperMD5("sc5")},
		{"zero time skipped", "s", "k", "", 0, upperMD5("sk")},
		{"UTF-8 bytes", "密钥", "键", "内容", 1, upperMD5("密钥键内容1")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sign(tt.secret, tt.appKey, tt.content, tt.pubTime))
		})
	}
}
