package sim

import (
	"encoding/json"
	"testing"
)

// BenchmarkChannelPushConfirm is the simulator's share of the loopback
// figure of DESIGN.md §8: push, SERVER_PUSH over a real socket, CONFIRM
// back, with a client that does nothing else.
func BenchmarkChannelPushConfirm(b *testing.B) {
	s, err := Start(Options{Seed: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	c := dialChannel(b, s)
	c.connect()
	go func() {
		for f := range c.frames {
			c.confirm(f)
		}
	}()
	msgs := make([]Message, b.N)
	for i := range msgs {
		msgs[i] = Message{Type: TopicOrderPay, Data: json.RawMessage(`{"orderId":3717426277620540788}`)}
	}
	b.ResetTimer()
	ids, err := s.Channel().PushMessages(DemoAppKey, msgs...)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Channel().WaitConfirmed(b.Context(), ids...); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}
