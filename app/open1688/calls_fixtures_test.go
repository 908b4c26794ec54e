package open1688

import (
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// Response fixtures built from the shapes of 1688.md §3. They are the seed corpora of the fuzz
// targets too, so each one carries an edge case: ids above 2^53 as JSON numbers, success as the
// string "true", yuan with a sub-fen digit, both date patterns.
const (
	bigOrderID      = "3717426277620540788" // float64 would make it …540928
	bigSubItemID    = "3717426277621540789"
	fixtureAppKey   = "1234567"
	fixtureSecret   = "testSecret"
	fixtureToken    = "TOKEN-0001"
	fixtureSpecID   = "b266e0726506185beaa205cbae88a40a"
	fixtureOfferID  = "624117432001"
	fixtureOutOrder = "cg-20240513-0001"
)

const fixtureCurrentTime = `"20261010164552223+0800"`

const fixtureTradeInfo = `{
  "baseInfo": {
    "id": 3717426277620540788,
    "status": "waitbuyerreceive",
    "outOrderId": "cg-20240513-0001",
    "totalAmount": 112.35,
    "shippingFee": "10",
    "sumProductPayment": "102.35",
    "refund": 0,
    "couponFee": "0.05",
    "discount": 150,
    "createTime": "20240513142311000+0800",
    "payTime": "20240513142530123+0800",
    "modifyTime": "20240514090000000+0800",
    "buyerID": "b2b-2207416548",
    "sellerID": "b2b-1676547900b7bb3",
    "sellerLoginId": "杭州某某服饰",
    "tradeTypeCode": "assureTrade",
    "tradeType": 50060,
    "receiverInfo": {"toFullName": "张三", "toMobile": "13800000000", "toPost": "310000",
      "toArea": "浙江省 杭州市 西湖区 文三路 1号", "toDivisionCode": "330106"}
  },
  "productItems": [{
    "productID": 624117432001,
    "skuID": "4567890123456",
    "specId": "b266e0726506185beaa205cbae88a40a",
    "subItemID": 3717426277621540789,
    "name": "纯棉T恤",
    "productImgUrl": ["https://cbu01.alicdn.com/img/ibank/1.jpg"],
    "skuInfos": [{"name": "颜色", "value": "红色"}, {"name": "尺码", "value": "XL"}],
    "price": "51.175",
    "itemAmount": 102.35,
    "quantity": 2,
    "unit": "件",
    "status": "waitbuyerreceive",
    "logisticsStatus": 2
  }],
  "nativeLogistics": {"logisticsItems": [{
    "logisticsCode": "BX110096239", "logisticsBillNo": "SF1234567890",
    "logisticsCompanyName": "顺丰速运", "deliveredTime": "20240514090000000+0800",
    "subItemIds": "3717426277621540789", "status": "alreadysend"
  }]}
}`

const fixtureOrderDetail = `{"result": ` + fixtureTradeInfo + `, "success": "true"}`

// fixtureOrderList has one order with the id as a string only and one with the big number.
const fixtureOrderList = `{"result": [
  {"baseInfo": {"idOfStr": "3717426277620540001", "status": "waitbuyerpay", "totalAmount": "1e2",
    "createTime": "20240513142311000+0800"}},
  ` + fixtureTradeInfo + `
], "totalRecord": "2"}`

const fixtureLogisticsInfos = `{"success": true, "result": [{
  "logisticsId": "BX110096239", "logisticsBillNo": "SF1234567890",
  "orderEntryIds": "3717426277621540789,3717426277621540790", "status": "TRANSPORT",
  "logisticsCompanyId": 7, "logisticsCompanyName": "顺丰速运", "logisticsCompanyNo": "SF",
  "gmtSystemSend": "20240514090000000+0800",
  "sendGoods": [{"goodName": "纯棉T恤", "quantity": "2", "unit": "件"}],
  "receiver": {"receiverName": "张三", "receiverMobile": "13800000000", "receiverProvince": "浙江省",
    "receiverCity": "杭州市", "receiverAddress": "文三路 1号"},
  "sender": {"senderName": "李四", "senderProvince": "广东省", "senderCity": "广州市"}
}]}`

const fixtureLogisticsTrace = `{"success": true, "logisticsTrace": [{
  "logisticsId": "BX110096239", "orderId": 3717426277620540788, "logisticsBillNo": "SF1234567890",
  "logisticsSteps": [
    {"acceptTime": "2018-07-24 21:55:33", "remark": "快件已揽收"},
    {"acceptTime": "2018-07-25 08:01:02", "remark": "快件已到达 杭州中转场"}
  ],
  "traceNodeList": [{"acceptTime": "2018-07-24 21:55:33", "action": "GOT", "areaCode": "440100",
    "remark": "快件已揽收", "facilityType": "1", "facilityName": "广州白云"}]
}]}`

// fixtureTraceEmpty is the "no trace yet" answer seen live (1688.md §3.7).
const fixtureTraceEmpty = `{"errorMessage":"该订单没有物流跟踪信息。","success":true}`

const fixturePreview = `{"success": true, "orderPreviewResuslt": [{
  "status": true, "sumPayment": 11235, "sumCarriage": 1000, "sumPaymentNoCarriage": "10235",
  "discountFee": 0, "flowFlag": "general",
  "tradeModeNameList": ["assureTrade"],
  "tradeModelList": [{"tradeType": "assureTrade", "name": "担保交易", "description": "", "opSupport": "true"}],
  "cargoList": [{"offerId": 624117432001, "specId": "b266e0726506185beaa205cbae88a40a",
    "skuId": 4567890123456, "amount": 102.35, "finalUnitPrice": "51.175"}]
}], "postFeeByDescOfferList": [624117432001], "consignOfferList": []}`

const fixtureCreate = `{"success": true, "result": {"orderId": "3717426277620540788",
  "totalSuccessAmount": 11235, "postFee": "1000", "failedOfferList": []}}`

const fixtureCancel = `{"success": true}`

const fixtureProduct = `{"success": true, "productInfo": {
  "productID": 624117432001, "subject": "纯棉T恤 男款", "status": "published", "referencePrice": "47.50~60",
  "attributes": [{"attributeID": 3216, "attributeName": "颜色", "value": "红色"}],
  "image": {"images": ["img/ibank/2024/1.jpg", "https://cbu01.alicdn.com/img/ibank/2024/2.jpg"]},
  "saleInfo": {"minOrderQuantity": 2, "unit": "件",
    "priceRanges": [{"startQuantity": 2, "price": 55.5}, {"startQuantity": 100, "price": "49.9"}]},
  "skuInfos": [
    {"attributes": [{"attributeID": 3216, "attributeName": "颜色", "attributeValue": "红色",
      "skuImageUrl": "img/ibank/red.jpg"}],
     "price": 51.175, "retailPrice": 69, "amountOnSale": 500, "skuId": 4567890123456,
     "specId": "b266e0726506185beaa205cbae88a40a", "cargoNumber": "T-RED"},
    {"attributes": [{"attributeID": 3216, "attributeValue": "蓝色"}],
     "price": "48.00", "amountOnSale": "0", "skuId": "4567890123457",
     "specId": "c377f1837617296cfbb316dbdf99b51b"}
  ]}}`

const fixtureAlipay = `{"success": true,
  "payUrl": "https://trade.1688.com/order/cashier.htm?orderId=3717426277620540788",
  "payFailureOrderList": [3717426277620540001, {"orderId": "3717426277620540002"}]}`

// fixtures are every success fixture, the seed corpus shared by the fuzz targets.
var fixtures = []string{
	fixtureCurrentTime, fixtureOrderDetail, fixtureOrderList, fixtureLogisticsInfos,
	fixtureLogisticsTrace, fixtureTraceEmpty, fixturePreview, fixtureCreate, fixtureCancel,
	fixtureProduct, fixtureAlipay,
}

// sentRequest is what the fixture server received.
type sentRequest struct {
	Method string
	Path   string
	Form   url.Values
	// SignatureOK says the _aop_signature matched one recomputed with the fixture secret.
	SignatureOK bool
}

// fixtureServer answers every request with status and body and records what arrived.
type fixtureServer struct {
	mu   sync.Mutex
	sent []sentRequest
}

// last is the most recent request; the test fails if there was none.
func (s *fixtureServer) last(t *testing.T) sentRequest {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	require.NotEmpty(t, s.sent, "no request reached the server")
	return s.sent[len(s.sent)-1]
}

func (s *fixtureServer) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sent)
}

// newFixtureClient starts a server answering status and body and a Client pointed at it. The
// client does not retry, so each call is one request, unless an option changes its Config.
func newFixtureClient(t *testing.T, status int, body string, opts ...func(*Config)) (*Client, *fixtureServer) {
	t.Helper()
	fs := &fixtureServer{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(raw))
		params := map[string]string{}
		for k := range form {
			params[k] = form.Get(k)
		}
		signed := strings.TrimPrefix(r.URL.Path, "/openapi/")
		fs.mu.Lock()
		fs.sent = append(fs.sent, sentRequest{
			Method: r.Method, Path: r.URL.Path, Form: form,
			SignatureOK: form.Get("_aop_signature") == Sign(signed, params, fixtureSecret),
		})
		fs.mu.Unlock()
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	cfg := Config{
		BaseURL: srv.URL + "/openapi", AppKey: fixtureAppKey, AppSecret: fixtureSecret,
		AccessToken: fixtureToken, Retry: RetryPolicy{Attempts: 1}, Logf: t.Logf,
	}
	for _, o := range opts {
		o(&cfg)
	}
	c, err := New(cfg)
	require.NoError(t, err)
	return c, fs
}

// assertSent checks the parts every signed buyer call shares: a POST to the API's path in its
// namespace, a valid signature, and the token exactly when the API needs one.
func assertSent(t *testing.T, got sentRequest, namespace, api string, token bool) {
	t.Helper()
	require.Equal(t, http.MethodPost, got.Method)
	require.Equal(t, "/openapi/param2/1/"+namespace+"/"+api+"/"+fixtureAppKey, got.Path)
	require.True(t, got.SignatureOK, "the signature must match one recomputed by the server")
	if token {
		require.Equal(t, fixtureToken, got.Form.Get("access_token"))
	} else {
		require.NotContains(t, got.Form, "access_token")
	}
}

// keys lists a form's keys, sorted.
func keys(form url.Values) []string { return slices.Sorted(maps.Keys(form)) }
