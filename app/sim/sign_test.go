package sim

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSignatureMatchesPublishedVectors(t *testing.T) {
	cases := []struct {
		name, path, secret, want string
		params                   url.Values
	}{
		{
			name: "V1 official example", path: "param2/1/system/currentTime/1000000", secret: "test123",
			params: url.Values{"b": {"2"}, "a": {"1"}}, want: "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88",
		},
		{
			name: "V2 with system params", path: "param2/1/com.alibaba.trade/alibaba.trade.getBuyerOrderList/1234567", secret: "secretXYZ",
			params: url.Values{
				"access_token": {"tok-abc"}, "_aop_datatype": {"application/json"}, "_aop_timestamp": {"1700000000000"},
				"page": {"1"}, "pageSize": {"20"},
			},
			want: "D01C12C8FCD4B59367FFDD51E1DEC31C7C237A4C",
		},
		{
			name: "V4 with a long order id", path: "param2/1/com.alibaba.trade/alibaba.trade.get.buyerView/1234567", secret: "testSecret",
			params: url.Values{
				"access_token": {"TOKEN-0001"}, "_aop_timestamp": {"1700000000000"},
				"orderId": {"58218860983545944"}, "webSite": {"1688"},
				"_aop_signature": {"ignored: never part of the message"},
			},
			want: "63E82A09D88BFF30112876F333E79D27D19B47A8",
		},
		{
			// "ab3" sorts before "az"; sorting by key would put a first.
			name: "key+value strings are sorted, not keys", path: "param2/1/ns/api/k", secret: "s",
			params: url.Values{"a": {"z"}, "ab": {"3"}}, want: "9A0890C1BBA55B0D1C89BE8B9ACD241F597F77E9",
		},
		{
			name: "UTF-8 JSON value and secret", path: "param2/1/com.alibaba.trade/alibaba.createOrder.preview/7654321", secret: "密钥secret",
			params: url.Values{"addressParam": {`{"fullName":"张三","address":"义乌市稠城街道1号"}`}, "access_token": {"tok"}},
			want:   "4CAF1379F0B056927BC2BD5B1D0E3BEF52C671A5",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, signature(tc.path, tc.params, tc.secret))
		})
	}
}

func TestSignatureComparisonIgnoresCase(t *testing.T) {
	want := "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88"
	assert.True(t, signatureMatches("33e54f4f7b989e3e0e912d3fbd2f1a03ca7cce88", want))
	assert.False(t, signatureMatches("33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE89", want))
	assert.False(t, signatureMatches("", want))
}
