package open1688

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// The replay parsers feed catch-up, where a misread msgId confirms the wrong message and a
// misread isSuccess loses one for good. Beyond "no panic, every failure an *Error", each target
// checks what catch-up relies on against a plain encoding/json reading of the same body.

// pushSeeds are the replay fixtures, the failure shapes of calls_push_test.go and the error
// shapes every parser is seeded with.
func pushSeeds(f *testing.F, extra ...string) {
	seeds := []string{
		fixtureQueryMessages, fixtureCursorMessages,
		`{"pushMessagePage": {"totalCount": 1, "datas": [{"type": "X"}]}}`,
		`{"pushMessagePage": {"totalCount": 1, "datas": [{"msgId": 1.5e3}]}}`,
		`{"pushMessagePage": {"totalCount": 1, "datas": [{"msgId": 1, "data": "{oops"}]}}`,
		`{"pushMessagePage": `,
		`{"result": {"pushMessagePage": {"totalCount": 0, "datas": []}}}`,
		`{"result": {"pushMessageList": [{"msgId": "7", "data": "\"[]\""}]}}`,
		`{"isSuccess": true}`, `{"isSuccess": false}`, `{"isSuccess": "false"}`,
		`{"result": {"isSuccess": "TRUE"}}`, `{"isSuccess": null, "result": {"isSuccess": true}}`,
	}
	for _, s := range append(append(seeds, errorSeeds...), extra...) {
		f.Add([]byte(s))
	}
}

// checkPushError requires err to be an *Error of api.
func checkPushError(t *testing.T, api string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *Error", err)
	}
	if e.API != api {
		t.Fatalf("error of %q names API %q", api, e.API)
	}
}

// plainDecode reads b with encoding/json alone, numbers kept as text.
func plainDecode(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("accepted body is not JSON to encoding/json: %v", err)
	}
	return v
}

// member is v's member named key when v is an object. encoding/json matches names without
// regard to case, the last of several matches winning; a map has lost that order, so a body
// with two such names is skipped rather than guessed at.
func member(t *testing.T, v any, key string) (any, bool) {
	t.Helper()
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	var found any
	n := 0
	for k, m := range obj {
		if strings.EqualFold(k, key) {
			found, n = m, n+1
		}
	}
	if n > 1 {
		t.Skipf("the body has %d members named %q in some case", n, key)
	}
	return found, n == 1
}

// wrapped is the value under key at the top of body, or under result when the top has none; a
// JSON null counts as none, as it does for the parsers' pointer fields.
func wrapped(t *testing.T, body any, key string) (any, bool) {
	t.Helper()
	if v, ok := member(t, body, key); ok && v != nil {
		return v, true
	}
	if r, ok := member(t, body, "result"); ok {
		if v, ok := member(t, r, key); ok && v != nil {
			return v, true
		}
	}
	return nil, false
}

// checkReplayed checks accepted messages against the plain reading of the list they came from,
// then again after the caller's buffer is overwritten: a message must own its bytes, since
// catch-up keeps Raw and Data after the HTTP body is gone.
func checkReplayed(t *testing.T, body []byte, list any, msgs []ReplayedMessage) {
	t.Helper()
	datas, ok := list.([]any)
	if !ok {
		t.Fatalf("accepted a message list that is %T", list)
	}
	if len(datas) != len(msgs) {
		t.Fatalf("%d messages in the body, %d parsed", len(datas), len(msgs))
	}
	want := make([]string, len(msgs))
	for i, d := range datas {
		id, _ := member(t, d, "msgId")
		text := strings.TrimSpace(jsonScalar(id))
		// An unreadable message may have no msgId; any msgId it has is read exactly.
		unreadableWithout := msgs[i].Err != nil && msgs[i].MsgID == ""
		if !unreadableWithout && (text != msgs[i].MsgID || !isDigits(msgs[i].MsgID)) {
			t.Fatalf("msgId %v parsed as %q", id, msgs[i].MsgID)
		}
		want[i] = msgs[i].MsgID
	}
	for i := range body {
		body[i] = '!'
	}
	for i, m := range msgs {
		if m.Err != nil {
			if !json.Valid(m.Raw) || m.MsgID != want[i] {
				t.Fatalf("unreadable message %d lost its raw JSON or msgId: raw %q id %q", i, m.Raw, m.MsgID)
			}
			continue
		}
		if !json.Valid(m.Raw) || !json.Valid(m.Data) {
			t.Fatalf("message %d keeps invalid JSON: raw %q data %q", i, m.Raw, m.Data)
		}
		if m.MsgID != want[i] {
			t.Fatalf("message %d changed its msgId to %q", i, m.MsgID)
		}
		if m.Type == "" && m.TopicGroup != "" {
			t.Fatalf("message %d has topicGroup %q but no type", i, m.TopicGroup)
		}
	}
}

// jsonScalar is a plainly decoded number or string as text; anything else is "".
func jsonScalar(v any) string {
	switch v := v.(type) {
	case json.Number:
		return string(v)
	case string:
		return v
	}
	return ""
}

func FuzzParseQueryMessages(f *testing.F) {
	pushSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := parseQueryMessages(body)
		if err != nil {
			checkPushError(t, specQueryMessages.name, err)
			return
		}
		page, ok := wrapped(t, plainDecode(t, body), "pushMessagePage")
		if !ok {
			t.Fatal("accepted a body without pushMessagePage")
		}
		datas, _ := member(t, page, "datas")
		if datas == nil {
			datas = []any{}
		}
		checkReplayed(t, body, datas, res.Messages)
	})
}

func FuzzParseCursorMessages(f *testing.F) {
	pushSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		msgs, err := parseCursorMessages(body)
		if err != nil {
			checkPushError(t, specCursorMessages.name, err)
			return
		}
		list, ok := wrapped(t, plainDecode(t, body), "pushMessageList")
		if !ok {
			t.Fatal("accepted a body without pushMessageList")
		}
		checkReplayed(t, body, list, msgs)
	})
}

// FuzzParseConfirmMessages holds parseConfirmMessages to its promise: only an explicit true
// (a boolean, or the string in any case) is a confirmation.
func FuzzParseConfirmMessages(f *testing.F) {
	pushSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		err := parseConfirmMessages(body)
		if err != nil {
			checkPushError(t, specConfirmMessages.name, err)
			return
		}
		v := plainDecode(t, body)
		ok, found := wrapped(t, v, "isSuccess")
		confirmed := ok == true
		if s, isText := ok.(string); isText {
			confirmed = strings.EqualFold(strings.TrimSpace(s), "true")
		}
		if !found || !confirmed {
			t.Fatalf("%q taken as a confirmation", body)
		}
		if s, found := member(t, v, "success"); found {
			if s == false || strings.EqualFold(strings.TrimSpace(plainString(s)), "false") {
				t.Fatalf("%q says success false yet is taken as a confirmation", body)
			}
		}
	})
}

// plainString is a plainly decoded string, else "".
func plainString(v any) string {
	s, _ := v.(string)
	return s
}
