package screens

import (
	"sync"

	"fyne.io/fyne/v2"
)

// inBackground runs fetch off the event goroutine and hands its result to apply on it: the one
// boundary between a screen's slow work and its widgets. work counts the runs in flight, for
// tests and for a screen that must wait before it closes; a run is done once apply is queued,
// so waiting on the event goroutine never waits for the event goroutine. (Fyne's test driver
// runs apply at once, so there a finished run has applied.)
func inBackground[T any](work *sync.WaitGroup, fetch func() T, apply func(T)) {
	work.Add(1)
	go func() {
		defer work.Done()
		r := fetch()
		fyne.Do(func() { apply(r) })
	}()
}
