package app

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"caigou/app/open1688"
	"caigou/i18n"
	"caigou/storage"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The storage database is the call counter the 1688 clients are given.
var _ open1688.CallCounter = (*storage.DB)(nil)

func TestExplainAPIError(t *testing.T) {
	t.Cleanup(func() { require.NoError(t, i18n.SetLanguage("en")) })
	moscow := time.FixedZone("MSK", 3*3600)
	now := time.Date(2026, 3, 9, 10, 0, 0, 0, moscow) // 15:00 in China; the day resets at 19:00 MSK

	signature := fmt.Errorf("check key: %w", &open1688.Error{
		Kind: open1688.KindSignature, Code: "gw.SignatureInvalid", Message: "Signature invalid",
		Body: []byte(`{"error_code":"gw.SignatureInvalid","raw":"do not show"}`),
	})
	budget := &open1688.Error{Kind: open1688.KindBudget, Err: open1688.ErrBudgetExhausted}
	tests := []struct {
		lang                  string
		err                   error
		explanation, nextStep string
	}{
		{
			"en", signature,
			"1688 did not accept the AppKey and AppSecret: one of them was copied wrongly, or the AppSecret was reset in the console.",
			"In the 1688 console under 我的应用, press 查看 next to AppSecret, copy it again and paste it into caigou. Check the AppKey too.",
		},
		{
			"ru", signature,
			"1688 не принял AppKey и AppSecret: один из них скопирован с ошибкой, или AppSecret был сброшен в консоли.",
			"В консоли 1688 в разделе 我的应用 нажмите 查看 рядом с AppSecret, скопируйте его заново и вставьте в caigou. Проверьте и AppKey.",
		},
		{
			"en", budget,
			"Today's calls of this key are used up, so caigou did not send this request. Background updates stop earlier, keeping the last calls of the day for what you do yourself.",
			"The count starts again at midnight China time, at 19:00 your time. For more calls, ask 1688 for them with 申请流量 in the console, then raise the key's daily limit in Key usage; or switch to another key.",
		},
		{
			"ru", budget,
			"Вызовы этого ключа на сегодня исчерпаны, поэтому caigou не отправил запрос. Фоновые обновления останавливаются раньше, чтобы последние вызовы дня остались для ваших собственных действий.",
			"Счёт начнётся заново в полночь по китайскому времени, в 19:00 по вашему времени. Чтобы получить больше вызовов, запросите их у 1688 кнопкой 申请流量 в консоли и поднимите дневной лимит ключа в разделе «Расход ключа»; или переключитесь на другой ключ.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+open1688.KindOf(tt.err).String(), func(t *testing.T) {
			require.NoError(t, i18n.SetLanguage(tt.lang))
			explanation, nextStep := explainAPIError(tt.err, now)
			assert.Equal(t, tt.explanation, explanation)
			assert.Equal(t, tt.nextStep, nextStep)
			assert.NotContains(t, explanation+nextStep, "do not show")
		})
	}
}

func TestExplainAPIErrorEveryKind(t *testing.T) {
	t.Cleanup(func() { require.NoError(t, i18n.SetLanguage("en")) })
	for _, lang := range []string{"en", "ru", "zh"} {
		require.NoError(t, i18n.SetLanguage(lang))
		seen := map[string]open1688.Kind{}
		for kind := open1688.KindUnknown; kind <= open1688.KindNetwork; kind++ {
			_, ok := apiErrorTexts[kind]
			assert.True(t, ok, "%s has no texts", kind)
			explanation, nextStep := ExplainAPIError(&open1688.Error{Kind: kind, Message: "原因"})
			assert.NotEmpty(t, explanation)
			assert.NotEmpty(t, nextStep)
			if prev, dup := seen[explanation]; dup {
				t.Errorf("%s: %s and %s explain alike", lang, prev, kind)
			}
			seen[explanation] = kind
		}
	}
}

func TestExplainBusinessError(t *testing.T) {
	t.Cleanup(func() { require.NoError(t, i18n.SetLanguage("en")) })
	require.NoError(t, i18n.SetLanguage("en"))
	now := time.Now()
	tests := []struct {
		name string
		err  *open1688.Error
		want string
	}{
		{"1688's reason", &open1688.Error{Kind: open1688.KindBusiness, Code: "500", Message: "不是自己的订单"}, "1688 declined the request. Its reason: 不是自己的订单"},
		{"only a code", &open1688.Error{Kind: open1688.KindBusiness, Code: "CLOSE_ORDER_TOO_FAST"}, "1688 declined the request. Its reason: CLOSE_ORDER_TOO_FAST"},
		{"nothing", &open1688.Error{Kind: open1688.KindBusiness}, "1688 declined the request without giving a reason."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			explanation, _ := explainAPIError(tt.err, now)
			assert.Equal(t, tt.want, explanation)
		})
	}
	explanation, nextStep := explainAPIError(errors.New("not from open1688"), now)
	assert.Equal(t, "1688 answered with an error caigou does not recognise.", explanation)
	assert.Contains(t, nextStep, "diagnostics")
}
