package msgchan

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/url"
	"time"
)

// DefaultURL is the channel's endpoint in the official SDK's example. The SDK never uses
// wss; whether 1688 offers it is unknown, so Config.URL accepts either scheme.
const DefaultURL = "ws://message.1688.com/websocket"

// Consumer applies pushes durably. Apply returns nil once every push in batch is committed
// (malformed ones stored with their error), and only then does the client CONFIRM them. An error
// means none of them is confirmed: 1688 redelivers.
type Consumer interface {
	Apply(ctx context.Context, batch []Push) error
}

// Backoff bounds the wait before a reconnect. The n-th consecutive failure waits a random
// time between half and all of Min·2ⁿ, never more than Max; the randomness keeps many
// clients that lost the server together from returning together.
type Backoff struct {
	Min time.Duration // 0 means 1 s
	Max time.Duration // 0 means 1 min
}

// Config configures a Client. Only AppKey, AppSecret and Consumer are required; the zero value
// of every other field picks the default that follows the official SDK.
type Config struct {
	URL       string // ws:// or wss://; empty means DefaultURL
	AppKey    string
	AppSecret string // signs CONNECT and HEARTBEAT; never logged
	Consumer  Consumer

	HeartbeatEvery time.Duration // 0 means 30 s, the SDK's fixed rate
	AckTimeout     time.Duration // CONNECT is resent after this long without CONNECT_ACK; 0 means 10 s, the SDK's checker
	Backoff        Backoff

	BatchSize int           // most pushes in one Apply; 0 means 100
	BatchWait time.Duration // how long a batch waits for more pushes after its first; 0 means 5 ms

	DialTimeout  time.Duration // handshake limit; 0 means 15 s
	WriteTimeout time.Duration // limit of one frame write; 0 means 10 s
	CloseWait    time.Duration // how long shutdown waits for the server's close reply; 0 means 1 s, so Close ends within 2 s
	ReadLimit    int64         // largest frame accepted; 0 means 1 MiB

	// IsBadCredentials tells a SYSTEM text that refuses the app key or secret. 1688 does not
	// document the texts, so nil means a guess on keywords (see defaultIsBadCredentials).
	IsBadCredentials func(text string) bool

	Logf func(format string, args ...any) // nil means log.Printf
	Now  func() time.Time                 // nil means time.Now; tests fix it
}

func (cfg Config) withDefaults() (Config, error) {
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "ws" && u.Scheme != "wss") || u.Host == "" {
		return cfg, fmt.Errorf("msgchan: URL %q must be ws://host/path or wss://host/path", cfg.URL)
	}
	switch {
	case cfg.AppKey == "":
		return cfg, errors.New("msgchan: AppKey is empty")
	case cfg.AppSecret == "":
		return cfg, errors.New("msgchan: AppSecret is empty")
	case cfg.Consumer == nil:
		return cfg, errors.New("msgchan: Consumer is nil")
	}
	if cfg.Backoff.Min > 0 && cfg.Backoff.Max > 0 && cfg.Backoff.Min > cfg.Backoff.Max {
		return cfg, fmt.Errorf("msgchan: Backoff.Min %v is above Backoff.Max %v", cfg.Backoff.Min, cfg.Backoff.Max)
	}
	setDefault(&cfg.HeartbeatEvery, 30*time.Second)
	setDefault(&cfg.AckTimeout, 10*time.Second)
	setDefault(&cfg.Backoff.Min, time.Second)
	setDefault(&cfg.Backoff.Max, time.Minute)
	setDefault(&cfg.BatchSize, 100)
	setDefault(&cfg.BatchWait, 5*time.Millisecond)
	setDefault(&cfg.DialTimeout, 15*time.Second)
	setDefault(&cfg.WriteTimeout, 10*time.Second)
	setDefault(&cfg.CloseWait, time.Second)
	setDefault(&cfg.ReadLimit, 1<<20)
	if cfg.Backoff.Min > cfg.Backoff.Max {
		cfg.Backoff.Max = cfg.Backoff.Min
	}
	if cfg.IsBadCredentials == nil {
		cfg.IsBadCredentials = defaultIsBadCredentials
	}
	if cfg.Logf == nil {
		cfg.Logf = log.Printf
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return cfg, nil
}

func setDefault[T time.Duration | int | int64](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}
