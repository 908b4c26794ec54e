package screens

import (
	"context"
	"errors"
	"log"
	"maps"
	"slices"

	"fyne.io/fyne/v2"

	"caigou/app"
)

// The shell runs the active key's TrackingService for the whole window and hands its events to
// whichever screens listen, on the event goroutine: one reader, so no screen takes another's
// events.

// StartTracking starts tracking the active key's orders, if a key is active, off the event
// goroutine (reading the keychain can take a moment); it replaces a service already running,
// for a key that was just made active. Call it once the window shows.
func (s *Shell) StartTracking() {
	s.stopTracking()
	gen := s.trackingGen
	s.trackingStarts.Add(1)
	go func() {
		defer s.trackingStarts.Done()
		svc, err := s.app.StartTracking(context.Background())
		if err != nil {
			if !errors.Is(err, app.ErrNoActiveKey) {
				log.Printf("start tracking: %v", err)
			}
			return
		}
		fyne.Do(func() {
			if gen != s.trackingGen { // stopped or restarted meanwhile
				svc.Close()
				return
			}
			s.setTracking(svc)
			s.status.follow(svc)
			events := svc.Events()
			go func() {
				for ev := range events {
					fyne.Do(func() { s.dispatch(ev) })
				}
			}()
			s.dispatchState()
		})
	}()
}

// stopTracking stops the service, if one runs, and any start in flight.
func (s *Shell) stopTracking() {
	s.trackingGen++
	s.status.stop()
	if svc := s.currentTracking(); svc != nil {
		svc.Close()
		s.setTracking(nil)
	}
	s.status.forget()
}

// currentTracking is the running service, nil while none runs.
func (s *Shell) currentTracking() *app.TrackingService {
	s.trackingMu.Lock()
	defer s.trackingMu.Unlock()
	return s.tracking
}

func (s *Shell) setTracking(svc *app.TrackingService) {
	s.trackingMu.Lock()
	defer s.trackingMu.Unlock()
	s.tracking = svc
}

// listen calls fn on the event goroutine for every tracking event until remove is called, and
// with nil when the service starts. Listeners are called in the order they registered.
func (s *Shell) listen(fn func(app.Event)) (remove func()) {
	s.listenersMu.Lock()
	defer s.listenersMu.Unlock()
	s.nextListener++
	id := s.nextListener
	if s.listeners == nil {
		s.listeners = map[int]func(app.Event){}
	}
	s.listeners[id] = fn
	return func() {
		s.listenersMu.Lock()
		defer s.listenersMu.Unlock()
		delete(s.listeners, id)
	}
}

// notify shows a desktop notification for an order that shipped, closed or had a refund event,
// unless the user switched that kind off in Settings.
func (s *Shell) notify(ev app.Event) {
	if ev == nil {
		s.status.update() // tracking started
		return
	}
	changed, ok := ev.(app.OrderChanged)
	if !ok {
		return
	}
	s.status.kick() // the order may count on the product meter
	if n, ok := s.app.NotificationFor(context.Background(), changed); ok {
		fyne.CurrentApp().SendNotification(fyne.NewNotification(n.Title, n.Body))
	}
}

// dispatchState tells the listeners that the service started or stopped, with a nil event.
func (s *Shell) dispatchState() { s.dispatch(nil) }

// dispatch runs on the event goroutine; the lock is for Fyne's test driver, which runs fyne.Do
// on the caller's goroutine.
func (s *Shell) dispatch(ev app.Event) {
	s.listenersMu.Lock()
	ids := slices.Sorted(maps.Keys(s.listeners)) // in the order they registered
	fns := make([]func(app.Event), 0, len(ids))
	for _, id := range ids {
		fns = append(fns, s.listeners[id])
	}
	s.listenersMu.Unlock()
	for _, fn := range fns {
		fn(ev)
	}
}
