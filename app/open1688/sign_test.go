package open1688

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The expected signatures were computed independently with Python's hmac and hashlib.
func TestSign(t *testing.T) {
	const (
		previewAddress = `{"fullName":"张三","mobile":"13800000000","provinceText":"浙江省","cityText":"杭州市","areaText":"余杭区","address":"文一西路969号"}`
		previewCargo   = `[{"offerId":624788912345,"specId":"b266e0726506185beaf205cbae88a37d","quantity":2}]`
	)
	tests := []struct {
		name    string
		urlPath string
		params  map[string]string
		secret  string
		want    string
	}{
		{
			name:    "V1, the platform's published example",
			urlPath: "param2/1/system/currentTime/1000000",
			params:  map[string]string{"b": "2", "a": "1"},
			secret:  "test123",
			want:    "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88",
		},
		{
			name:    "V4, get.buyerView with token and timestamp",
			urlPath: "param2/1/com.alibaba.trade/alibaba.trade.get.buyerView/1234567",
			params: map[string]string{
				"access_token": "TOKEN-0001", "_aop_timestamp": "1700000000000",
				"orderId": "58218860983545944", "webSite": "1688",
			},
			secret: "testSecret",
			want:   "63E82A09D88BFF30112876F333E79D27D19B47A8",
		},
		{
			// Sorting keys would sign "ac"+"ab1" (13049DB3…); the SDKs sort "ab1" before "ac".
			name:    "key+value strings are sorted, not keys",
			urlPath: "param2/1/ns/api/k",
			params:  map[string]string{"a": "c", "ab": "1"},
			secret:  "s",
			want:    "EA29D57DEE2F8CCB8EFF940BC327678165C974B7",
		},
		{
			name:    "UTF-8 JSON values signed exactly as sent; _aop_signature left out",
			urlPath: "param2/1/com.alibaba.trade/alibaba.createOrder.preview/1234567",
			params: map[string]string{
				"addressParam": previewAddress, "cargoParamList": previewCargo,
				"access_token": "TOKEN-0001", "flow": "general", "_aop_timestamp": "1700000000000",
				"_aop_signature": "IGNORED",
			},
			secret: "testSecret",
			want:   "4BF2448A660AF8B6F051625C186EB2153545739F",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sign(tt.urlPath, tt.params, tt.secret))
		})
	}
}

func BenchmarkSign(b *testing.B) {
	params := map[string]string{
		"access_token": "TOKEN-0001", "_aop_timestamp": "1700000000000",
		"orderId": "58218860983545944", "webSite": "1688",
	}
	const path = "param2/1/com.alibaba.trade/alibaba.trade.get.buyerView/1234567"
	b.ReportAllocs()
	for b.Loop() {
		Sign(path, params, "testSecret")
	}
}
