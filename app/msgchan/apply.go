package msgchan

import (
	"context"
	"fmt"
	"time"
)

// applyLoop group-commits pushes: it takes the first waiting push, gathers whatever follows
// within BatchWait up to BatchSize, hands the batch to the consumer and confirms it. One
// commit for many pushes is what lets a burst keep up (DESIGN.md §4). It is the only caller
// of Apply while its session lives, and the session waits for it before the next one starts.
func (s *session) applyLoop(ctx context.Context) {
	for {
		var first Push
		select {
		case first = <-s.pushes:
		case <-s.life.Done():
			return
		}
		batch := s.gather(first)
		s.applyAndConfirm(ctx, batch)
	}
}

func (s *session) gather(first Push) []Push {
	batch := make([]Push, 1, s.c.cfg.BatchSize)
	batch[0] = first
	wait := time.NewTimer(s.c.cfg.BatchWait)
	defer wait.Stop()
	for len(batch) < s.c.cfg.BatchSize {
		select {
		case p := <-s.pushes:
			batch = append(batch, p)
		case <-wait.C:
			return batch
		case <-s.life.Done():
			// Applied without a confirm, these come again and are dropped as duplicates, but
			// the user sees them now rather than after the redelivery.
			return batch
		}
	}
	return batch
}

func (s *session) applyAndConfirm(ctx context.Context, batch []Push) {
	cfg := &s.c.cfg
	if err := cfg.Consumer.Apply(ctx, batch); err != nil {
		// The connection stays: 1688 redelivers unconfirmed pushes, and the consumer may
		// recover (a locked database) before then.
		cfg.Logf("msgchan: %d pushes not applied, so not confirmed; 1688 will deliver them again: %v", len(batch), err)
		return
	}
	for i, p := range batch {
		if err := s.write(newConfirmFrame(cfg.AppKey, p, cfg.Now())); err != nil {
			cfg.Logf("msgchan: %d applied pushes not confirmed; 1688 will deliver them again: %v", len(batch)-i, err)
			s.stopReading(fmt.Errorf("msgchan: send CONFIRM: %w", err))
			return
		}
	}
}
