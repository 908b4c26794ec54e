package app

import (
	"errors"
	"time"

	"caigou/app/open1688"
	"caigou/i18n"
)

// apiErrorTexts are the catalog messages that explain each kind of gateway error and say what
// to do next (DESIGN §5).
var apiErrorTexts = map[open1688.Kind]struct{ explanation, nextStep *i18n.Message }{
	open1688.KindAuth:         {i18n.APIErrAuth, i18n.APIErrAuthNext},
	open1688.KindPermission:   {i18n.APIErrPermission, i18n.APIErrPermissionNext},
	open1688.KindSignature:    {i18n.APIErrSignature, i18n.APIErrSignatureNext},
	open1688.KindBadParameter: {i18n.APIErrBadParameter, i18n.APIErrBadParameterNext},
	open1688.KindRateLimit:    {i18n.APIErrRateLimit, i18n.APIErrRateLimitNext},
	open1688.KindQuota:        {i18n.APIErrQuota, i18n.APIErrDailyResetNext},
	open1688.KindBudget:       {i18n.APIErrBudget, i18n.APIErrDailyResetNext},
	open1688.KindNotFound:     {i18n.APIErrNotFound, i18n.APIErrNotFoundNext},
	open1688.KindBusiness:     {i18n.APIErrBusiness, i18n.APIErrBusinessNext},
	open1688.KindNetwork:      {i18n.APIErrNetwork, i18n.APIErrNetworkNext},
	open1688.KindUnknown:      {i18n.APIErrUnknown, i18n.APIErrUnknownNext},
}

// ExplainAPIError says, in the user's language, why a call to 1688 failed and what to do next.
// It never shows the raw answer; a business refusal quotes only 1688's own reason. An error that
// is not an *open1688.Error is explained as an unknown one.
func ExplainAPIError(err error) (explanation, nextStep string) {
	return explainAPIError(err, time.Now())
}

// explainAPIError is ExplainAPIError at the instant now, whose location is the user's zone.
func explainAPIError(err error, now time.Time) (explanation, nextStep string) {
	var e *open1688.Error
	kind := open1688.KindUnknown
	if errors.As(err, &e) {
		kind = e.Kind
	}
	texts, ok := apiErrorTexts[kind]
	if !ok {
		texts = apiErrorTexts[open1688.KindUnknown]
	}
	data := map[string]any{
		// The China day starts at 16:00 UTC; the user sees that moment on their own clock.
		"ResetTime": open1688.NextChinaDay(now).In(now.Location()).Format("15:04"),
	}
	if kind == open1688.KindBusiness {
		data["Reason"] = businessReason(e)
		if data["Reason"] == "" {
			texts.explanation = i18n.APIErrBusinessNoReason
		}
	}
	return i18n.T(texts.explanation, data), i18n.T(texts.nextStep, data)
}

// businessReason is 1688's message for a refusal, else its code, else "".
func businessReason(e *open1688.Error) string {
	if e.Message != "" {
		return e.Message
	}
	return e.Code
}
