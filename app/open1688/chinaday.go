package open1688

import "time"

// chinaTime is UTC+8 without daylight saving. A fixed zone needs no tzdata, which Windows may
// lack (DESIGN §3).
var chinaTime = time.FixedZone("CST", 8*3600)

// ChinaDay is the calendar day of t in China, "YYYY-MM-DD": the day the gateway's daily call
// limit counts in. It changes at 16:00 UTC.
func ChinaDay(t time.Time) string {
	return t.In(chinaTime).Format(time.DateOnly)
}

// NextChinaDay is the instant the China day after t's begins: midnight in China, when the daily
// call limit starts again.
func NextChinaDay(t time.Time) time.Time {
	y, m, d := t.In(chinaTime).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, chinaTime)
}
