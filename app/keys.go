package app

// The limits a new key starts with (1688.md §6 and §9). They stay editable per key: the product
// limit has changed once already, from 5000 to 1000.
const (
	DefaultProductLimit   = 1000
	DefaultDailyCallLimit = 5000
)
