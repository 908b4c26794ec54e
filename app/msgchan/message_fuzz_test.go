package msgchan

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

// FuzzParseMessage checks that no body panics the parser, that every error has one of the
// documented kinds, and that a parsed message marshals to JSON that parses back to the same
// message and payload.
func FuzzParseMessage(f *testing.F) {
	for _, seed := range []string{
		`{"msgId":3717426277620540788,"type":"ORDER_BUYER_VIEW_ORDER_PAY","userInfo":"b2b-1",` +
			`"gmtBorn":1700000000000,"data":{"orderId":3717426277620540788,"currentStatus":"waitsellersend",` +
			`"msgSendTime":"2018-05-30 19:34:27","buyerMemberId":"b2b-1","sellerMemberId":"b2b-2"}}`,
		`{"msgId":"77","type":"LOGISTICS_BUYER_VIEW_TRACE","data":{"OrderLogisticsTracingModel":` +
			`{"logisticsId":"BX1","cpCode":"YUNDA","mailNo":"4300","statusChanged":"SIGN",` +
			`"changeTime":"2024-01-02 03:04:05","orderLogsItems":[{"orderId":1,"orderEntryId":2}]}}}`,
		`{"msgId":78,"type":"LOGISTICS_MAIL_NO_CHANGE","data":{"MailNoChangeModel":{"logisticsId":"BX1",` +
			`"newCpCode":"SF","newMailNo":"SF9","eventTime":1700000000000,"orderLogsItems":[{"orderId":"1"}]}}}`,
		`{"msgId":5,"type":"ORDER_BATCH_PAY","data":{"batchPay":[{"orderId":1,"status":"successed"}]}}`,
		`{"msgId":6,"type":"PRODUCT_PRODUCT_INVENTORY_CHANGE","data":null}`,
		`{"msgId":1.5,"type":"X"}`,
		`{"type":"X"}`,
		`not json`,
		``,
	} {
		f.Add([]byte(seed))
	}
	kinds := []error{ErrNotJSON, ErrNoMsgID, ErrNoType, ErrNoOrderID, ErrBadPayload, ErrUnknownType}
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := ParseMessage(body)
		if err != nil {
			if !isOneOf(err, kinds) {
				t.Fatalf("error of no documented kind: %v", err)
			}
			return
		}
		if m.MsgID == "" || m.Type == "" {
			t.Fatalf("parsed without msgId or type: %+v", m)
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("marshal %+v: %v", m, err)
		}
		again, err := ParseMessage(out)
		if err != nil {
			t.Fatalf("re-parse %s: %v", out, err)
		}
		if again.MsgID != m.MsgID || again.Type != m.Type || again.UserInfo != m.UserInfo ||
			again.GmtBorn != m.GmtBorn || again.BizKey != m.BizKey {
			t.Fatalf("envelope changed: %+v, then %+v", m, again)
		}
		if !reflect.DeepEqual(decodeAny(t, m.Data), decodeAny(t, again.Data)) {
			t.Fatalf("data changed: %s, then %s", m.Data, again.Data)
		}
		if !payloadEqual(m, again) {
			t.Fatalf("payload changed: %+v, then %+v", m.payload, again.payload)
		}
	})
}

func isOneOf(err error, kinds []error) bool {
	for _, k := range kinds {
		if errors.Is(err, k) {
			return true
		}
	}
	return false
}

// decodeAny is b as generic JSON, numbers kept as text, so two spellings of the same value
// (json.Marshal escapes & < > in a RawMessage) compare equal.
func decodeAny(t *testing.T, b []byte) any {
	if len(b) == 0 {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("data is not JSON: %s", b)
	}
	return v
}

// payloadEqual compares the payloads, times by instant: the zone is not part of the value.
func payloadEqual(a, b Message) bool {
	switch a.Topic() {
	case TopicOrder:
		x, _ := a.Order()
		y, _ := b.Order()
		same := x.MsgSendTime.Equal(y.MsgSendTime)
		x.MsgSendTime, y.MsgSendTime = time.Time{}, time.Time{}
		return same && x == y
	case TopicLogisticsTrace:
		x, _ := a.LogisticsTrace()
		y, _ := b.LogisticsTrace()
		same := x.ChangeTime.Equal(y.ChangeTime)
		x.ChangeTime, y.ChangeTime = time.Time{}, time.Time{}
		return same && reflect.DeepEqual(x, y)
	case TopicMailNoChange:
		x, _ := a.MailNoChange()
		y, _ := b.MailNoChange()
		same := x.EventTime.Equal(y.EventTime)
		x.EventTime, y.EventTime = time.Time{}, time.Time{}
		return same && reflect.DeepEqual(x, y)
	}
	return reflect.DeepEqual(a.payload, b.payload)
}
