package msgchan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// chinaTime is UTC+8 without daylight saving, the zone of every text time in a payload. A fixed
// zone needs no tzdata, which Windows may lack (DESIGN §3).
var chinaTime = time.FixedZone("CST", 8*3600)

// payloadTimeLayout is msgSendTime's yyyy-MM-dd HH:mm:ss.
const payloadTimeLayout = "2006-01-02 15:04:05"

func decodeOrderEvent(data json.RawMessage) (OrderEvent, error) {
	var raw struct {
		OrderID        flexID   `json:"orderId"`
		CurrentStatus  string   `json:"currentStatus"`
		MsgSendTime    flexTime `json:"msgSendTime"`
		BuyerMemberID  string   `json:"buyerMemberId"`
		SellerMemberID string   `json:"sellerMemberId"`
	}
	if err := unmarshalData(data, &raw); err != nil {
		return OrderEvent{}, err
	}
	if raw.OrderID == "" {
		return OrderEvent{}, ErrNoOrderID
	}
	return OrderEvent{
		OrderID: string(raw.OrderID), CurrentStatus: raw.CurrentStatus,
		MsgSendTime: time.Time(raw.MsgSendTime), BuyerMemberID: raw.BuyerMemberID,
		SellerMemberID: raw.SellerMemberID,
	}, nil
}

func decodeBatchPay(data json.RawMessage) ([]BatchPayment, error) {
	var raw struct {
		BatchPay []struct {
			OrderID flexID `json:"orderId"`
			Status  string `json:"status"`
		} `json:"batchPay"`
	}
	if err := unmarshalData(data, &raw); err != nil {
		return nil, err
	}
	pays := make([]BatchPayment, 0, len(raw.BatchPay))
	for _, p := range raw.BatchPay {
		if p.OrderID == "" {
			return nil, ErrNoOrderID
		}
		pays = append(pays, BatchPayment{OrderID: string(p.OrderID), Status: p.Status})
	}
	return pays, nil
}

// rawLogsItem is an entry of orderLogsItems.
type rawLogsItem struct {
	OrderID      flexID `json:"orderId"`
	OrderEntryID flexID `json:"orderEntryId"`
}

// logsItems converts orderLogsItems. A parcel message names at least one order: without one
// there is nothing to attach it to.
func logsItems(raw []rawLogsItem) ([]OrderLogsItem, error) {
	if len(raw) == 0 {
		return nil, ErrNoOrderID
	}
	items := make([]OrderLogsItem, len(raw))
	for i, it := range raw {
		if it.OrderID == "" {
			return nil, ErrNoOrderID
		}
		items[i] = OrderLogsItem{OrderID: string(it.OrderID), OrderEntryID: string(it.OrderEntryID)}
	}
	return items, nil
}

func decodeLogisticsTrace(data json.RawMessage) (LogisticsTrace, error) {
	// The wrapper key is capitalised in the topic doc (1688.md §5.6).
	var raw struct {
		Model *struct {
			LogisticsID   flexID        `json:"logisticsId"`
			CPCode        string        `json:"cpCode"`
			MailNo        string        `json:"mailNo"`
			StatusChanged string        `json:"statusChanged"`
			ChangeTime    flexTime      `json:"changeTime"`
			Items         []rawLogsItem `json:"orderLogsItems"`
		} `json:"OrderLogisticsTracingModel"`
	}
	if err := unmarshalData(data, &raw); err != nil {
		return LogisticsTrace{}, err
	}
	if raw.Model == nil || raw.Model.LogisticsID == "" {
		return LogisticsTrace{}, fmt.Errorf("%w: no OrderLogisticsTracingModel.logisticsId", ErrBadPayload)
	}
	items, err := logsItems(raw.Model.Items)
	if err != nil {
		return LogisticsTrace{}, err
	}
	m := raw.Model
	return LogisticsTrace{
		LogisticsID: string(m.LogisticsID), CPCode: m.CPCode, MailNo: m.MailNo,
		StatusChanged: m.StatusChanged, ChangeTime: time.Time(m.ChangeTime), Items: items,
	}, nil
}

func decodeMailNoChange(data json.RawMessage) (MailNoChange, error) {
	var raw struct {
		Model *struct {
			LogisticsID flexID        `json:"logisticsId"`
			OldCPCode   string        `json:"oldCpCode"`
			NewCPCode   string        `json:"newCpCode"`
			OldMailNo   string        `json:"oldMailNo"`
			NewMailNo   string        `json:"newMailNo"`
			EventTime   flexTime      `json:"eventTime"`
			Items       []rawLogsItem `json:"orderLogsItems"`
		} `json:"MailNoChangeModel"`
	}
	if err := unmarshalData(data, &raw); err != nil {
		return MailNoChange{}, err
	}
	if raw.Model == nil || raw.Model.LogisticsID == "" {
		return MailNoChange{}, fmt.Errorf("%w: no MailNoChangeModel.logisticsId", ErrBadPayload)
	}
	items, err := logsItems(raw.Model.Items)
	if err != nil {
		return MailNoChange{}, err
	}
	m := raw.Model
	return MailNoChange{
		LogisticsID: string(m.LogisticsID), OldCPCode: m.OldCPCode, NewCPCode: m.NewCPCode,
		OldMailNo: m.OldMailNo, NewMailNo: m.NewMailNo, EventTime: time.Time(m.EventTime),
		Items: items,
	}, nil
}

// flexID is an id sent as a JSON number or a string. A number is kept as its decimal text, so a
// 19-digit id never passes through float64; a number that is not an integer is refused.
type flexID string

// UnmarshalJSON implements json.Unmarshaler.
func (id *flexID) UnmarshalJSON(b []byte) error {
	switch {
	case bytes.Equal(b, []byte("null")):
		*id = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = flexID(s)
	default:
		if !isInteger(b) {
			return fmt.Errorf("id %s: %w", b, errNotAnInteger)
		}
		*id = flexID(b)
	}
	return nil
}

// isInteger reports whether b is an optionally negative run of decimal digits.
func isInteger(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// flexInt is an integer sent as a JSON number or a decimal string (gmtBorn has been seen as both
// in SDK models).
type flexInt int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *flexInt) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*n = 0
		return nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		b = []byte(s)
	}
	v, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("integer %s: %w", b, errNotAnInteger)
	}
	*n = flexInt(v)
	return nil
}

// flexTime is a payload time: "yyyy-MM-dd HH:mm:ss" in China time, or ms since the epoch as a
// number. Empty and null are the zero time.
type flexTime time.Time

// UnmarshalJSON implements json.Unmarshaler.
func (t *flexTime) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*t = flexTime{}
		return nil
	}
	if b[0] != '"' {
		ms, err := strconv.ParseInt(string(b), 10, 64)
		if err != nil {
			return fmt.Errorf("time %s: %w", b, errNotAnInteger)
		}
		*t = flexTime(time.UnixMilli(ms).UTC())
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*t = flexTime{}
		return nil
	}
	v, err := time.ParseInLocation(payloadTimeLayout, s, chinaTime)
	if err != nil {
		return err
	}
	*t = flexTime(v)
	return nil
}
