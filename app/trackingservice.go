package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"caigou/app/msgchan"
)

// TrackingService keeps the active key's orders current while caigou runs: its message channel
// (with catch-up after every connect) and the background sync of what messages have not
// settled. The screens read its Events and the channel's State.
type TrackingService struct {
	channel *MessageChannel
	syncer  *Syncer
	tracker *Tracker
	history *channelHistory // the App's, fed with the channel's state changes
	stop    context.CancelFunc
	// unsubscribe ends the history's subscription to the channel's states.
	unsubscribe func()
	done        sync.WaitGroup
}

// syncEvery is how often the background sync looks for due orders.
const syncEvery = 5 * time.Minute

// StartTracking starts the message channel and the background sync of the active key;
// ErrNoActiveKey when there is none. Close stops both.
func (a *App) StartTracking(ctx context.Context) (*TrackingService, error) {
	client, ak, err := a.Client(ctx)
	if err != nil {
		return nil, err
	}
	secret, err := a.secrets.AppSecret(ctx, ak.Key.ID, ak.Key.AppKey)
	if err != nil {
		return nil, fmt.Errorf("the AppSecret of %s: %w", ak.Key.AppKey, err)
	}
	tracker := NewTracker(a.db, ak.Key.ID)
	syncer, err := NewSyncer(SyncerConfig{DB: a.db, KeyID: ak.Key.ID, API: client, Tracker: tracker})
	if err != nil {
		return nil, err
	}
	channel, err := NewMessageChannel(MessageChannelConfig{
		DB: a.db, KeyID: ak.Key.ID, Tracker: tracker, Syncer: syncer, Replayer: client,
		Channel: msgchan.Config{URL: a.endpoints.Channel, AppKey: ak.Key.AppKey, AppSecret: secret},
	})
	if err != nil {
		return nil, err
	}
	runCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s := &TrackingService{channel: channel, syncer: syncer, tracker: tracker, history: &a.channels, stop: stop}
	// Subscribed before the channel runs, so its first connect is in the history.
	var states <-chan msgchan.Event
	states, s.unsubscribe = channel.Subscribe()
	s.done.Add(3)
	go func() {
		defer s.done.Done()
		s.history.follow(states)
	}()
	go func() {
		defer s.done.Done()
		_ = channel.Run(runCtx) // it returns only when stopped
	}()
	go func() {
		defer s.done.Done()
		syncer.Run(runCtx, syncEvery)
	}()
	return s, nil
}

// Events carries an OrderChanged for every order a message or a sync changed, a MockReceived
// for each test message, and a MessageFailed for a message that could not be applied.
func (s *TrackingService) Events() <-chan Event { return s.tracker.Events() }

// ChannelState is the message channel's state now.
func (s *TrackingService) ChannelState() msgchan.State { return s.channel.State() }

// SubscribeChannel delivers every change of the channel's state until unsubscribe is called.
func (s *TrackingService) SubscribeChannel() (<-chan msgchan.Event, func()) {
	return s.channel.Subscribe()
}

// LastSync is the background sync's last round.
func (s *TrackingService) LastSync() SyncStatus { return s.syncer.LastRound() }

// Close stops the channel and the sync and waits for them. The history's subscription ends
// only once the channel is closed, so its last state is recorded too.
func (s *TrackingService) Close() {
	s.stop()
	s.channel.Close()
	s.unsubscribe()
	s.done.Wait()
	s.tracker.Close()
}
