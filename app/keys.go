package app

import "caigou/app/open1688"

// The limits a new key starts with (1688.md §6 and §9). They stay editable per key: the product
// limit has changed once already, from 5000 to 1000. The daily call limit is the gateway
// client's, so the budget and the meter start from the same number.
const (
	DefaultProductLimit   = 1000
	DefaultDailyCallLimit = open1688.DefaultDailyLimit
)
