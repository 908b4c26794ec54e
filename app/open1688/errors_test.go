package open1688

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBusinessError(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		want    bool // a business error
		kind    Kind
		code    string
		message string
	}{
		{
			name: "errorCode/errorMessage, success false",
			body: `{"success":false,"errorCode":"ORDER_STATUS_ERROR","errorMessage":"订单状态不允许取消"}`,
			want: true, kind: KindBusiness, code: "ORDER_STATUS_ERROR", message: "订单状态不允许取消",
		},
		{
			name: "errorCode/errorMsg of createOrder.preview",
			body: `{"success":false,"errorCode":"500_001","errorMsg":"商品不可购买"}`,
			want: true, kind: KindBusiness, code: "500_001", message: "商品不可购买",
		},
		{
			name: "erroMsg of alipay.url.get",
			body: `{"success":"false","errorCode":"PARAM_ERROR","erroMsg":"订单不存在"}`,
			want: true, kind: KindBusiness, code: "PARAM_ERROR", message: "订单不存在",
		},
		{
			name: "code/message of fastCreateOrder with a numeric code",
			body: `{"success":false,"code":500,"message":"不是自己的订单"}`,
			want: true, kind: KindBusiness, code: "500", message: "不是自己的订单",
		},
		{
			name: "success as the string FALSE",
			body: `{"success":"FALSE","code":"x","message":"m"}`,
			want: true, kind: KindBusiness, code: "x", message: "m",
		},
		{
			name: "a not-found code keeps its kind",
			body: `{"success":false,"errorCode":"ORDER_NOT_EXIST","errorMessage":"订单不存在"}`,
			want: true, kind: KindNotFound, code: "ORDER_NOT_EXIST", message: "订单不存在",
		},
		{
			name: "no success flag but an errorCode, as getBuyerOrderList answers",
			body: `{"errorCode":"400_3","errorMessage":"参数错误"}`,
			want: true, kind: KindBusiness, code: "400_3", message: "参数错误",
		},
		{
			name: "success false without any code",
			body: `{"success":false}`,
			want: true, kind: KindBusiness,
		},
		{name: "success true with an error message: an empty trace", body: `{"errorMessage":"该订单没有物流跟踪信息。","success":true}`},
		{name: "success as the string true", body: `{"success":"true","result":{"baseInfo":{"id":3717426277620540788}}}`},
		{name: "no flag, empty errorCode", body: `{"result":[],"totalRecord":0,"errorCode":"","errorMessage":""}`},
		{name: "no flag, a bare code is data", body: `{"code":"200","message":"ok"}`},
		{name: "a JSON string, as system.currentTime answers", body: `"20261010164552223+0800"`},
		{name: "not JSON", body: `<html>oops</html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := businessError([]byte(tt.body))
			if !tt.want {
				assert.Nil(t, got)
				return
			}
			require.NotNil(t, got)
			assert.Equal(t, tt.kind, got.Kind)
			assert.Equal(t, tt.code, got.Code)
			assert.Equal(t, tt.message, got.Message)
			assert.Equal(t, 200, got.Status)
			assert.Equal(t, tt.body, string(got.Body))
		})
	}
}

func TestGatewayError(t *testing.T) {
	tests := []struct {
		name      string
		status    int
		body      string
		kind      Kind
		code      string
		requestID string
	}{
		{"signature", 400, `{"error_code":"gw.SignatureInvalid","error_message":"Signature invalid","request_id":"0bb1"}`, KindSignature, "gw.SignatureInvalid", "0bb1"},
		{"unknown app key", 400, `{"error_code":"gw.AppKeyNotFound","error_message":"AppKey not found"}`, KindSignature, "gw.AppKeyNotFound", ""},
		{"token", 401, `{"error_code":"401","error_message":"Request need user authorized"}`, KindAuth, "401", ""},
		{"ACL", 400, `{"error_code":"gw.APIACLDecline","error_message":"AppKey is not allowed(acl)"}`, KindPermission, "gw.APIACLDecline", ""},
		{"missing parameter", 400, `{"error_code":"gw.ParamMissing","error_message":"Required argument offerId"}`, KindBadParameter, "gw.ParamMissing", ""},
		{"request rate", 400, `{"error_code":"gw.QosRequestLimit","error_message":"limited"}`, KindRateLimit, "gw.QosRequestLimit", ""},
		{"another Qos code", 400, `{"error_code":"gw.QosSomethingNew"}`, KindRateLimit, "gw.QosSomethingNew", ""},
		{"app frequency: a rate limit, unless it persists", 400, `{"error_code":"gw.QosAppFrequencyLimit","error_message":"App call exceeds limited frequency"}`, KindRateLimit, "gw.QosAppFrequencyLimit", ""},
		{"no usage left", 400, `{"error_code":"gw.NoUsageLeftError","error_message":"SLA bill has no usage left"}`, KindQuota, "gw.NoUsageLeftError", ""},
		{"wrong namespace", 400, `{"error_code":"gw.APIUnsupported"}`, KindNotFound, "gw.APIUnsupported", ""},
		{"camel-case fallback", 400, `{"errorCode":"gw.SignatureInvalid","errorMessage":"x"}`, KindSignature, "gw.SignatureInvalid", ""},
		{"OAuth refusal", 400, `{"error":"invalid_grant","error_description":"refresh token expired"}`, KindAuth, "invalid_grant", ""},
		{"HTML from a proxy, 502", 502, `<html>Bad Gateway</html>`, KindNetwork, "", ""},
		{"unknown gw code", 400, `{"error_code":"gw.Mystery"}`, KindUnknown, "gw.Mystery", ""},
		{"429 without a body", 429, ``, KindRateLimit, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := gatewayError(tt.status, []byte(tt.body))
			assert.Equal(t, tt.kind, got.Kind, got.Kind.String())
			assert.Equal(t, tt.code, got.Code)
			assert.Equal(t, tt.requestID, got.RequestID)
			assert.Equal(t, tt.status, got.Status)
		})
	}
}

func TestErrorTextAndUnwrap(t *testing.T) {
	e := &Error{
		Kind: KindSignature, API: "system.currentTime", Status: 400, Code: "gw.SignatureInvalid",
		Message: "Signature invalid", RequestID: "0bb1", Body: []byte(`{"raw":"body"}`),
	}
	assert.Equal(t, "open1688: system.currentTime: signature (HTTP 400): gw.SignatureInvalid: Signature invalid [request 0bb1]", e.Error())
	assert.NotContains(t, e.Error(), "raw", "the body stays out of the text")

	budget := &Error{Kind: KindBudget, Err: ErrBudgetExhausted}
	wrapped := fmt.Errorf("sync: %w", budget)
	assert.ErrorIs(t, wrapped, ErrBudgetExhausted)
	assert.Equal(t, KindBudget, KindOf(wrapped))
	assert.Equal(t, KindUnknown, KindOf(errors.New("plain")))
	assert.Equal(t, KindUnknown, KindOf(nil))
}

func TestKindNames(t *testing.T) {
	seen := map[string]Kind{}
	for k := KindUnknown; k <= KindNetwork; k++ {
		name := k.String()
		assert.NotContains(t, name, "kind(", "kind %d has no name", int(k))
		if prev, dup := seen[name]; dup {
			t.Errorf("kinds %d and %d share the name %q", prev, k, name)
		}
		seen[name] = k
	}
	assert.Equal(t, "kind(99)", Kind(99).String())
}

func TestTruncateBody(t *testing.T) {
	long := strings.Repeat("中", maxKeptBody) // 3 bytes each
	got := truncateBody([]byte(long))
	assert.LessOrEqual(t, len(got), maxKeptBody)
	assert.Greater(t, len(got), maxKeptBody-3)
	assert.True(t, strings.HasPrefix(long, string(got)), "cut at a character boundary")
	assert.Equal(t, "short", string(truncateBody([]byte("short"))))
}
