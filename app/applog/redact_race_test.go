package applog

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// TestRedactWhileSecretsAreAdded checks that a registered secret never survives Redact while
// other secrets are being added: add must not change the slice a redact in flight walks.
func TestRedactWhileSecretsAreAdded(t *testing.T) {
	var r redactor
	const known = "known-secret-value"
	r.add(known)
	line := "token " + known + " in a log line"

	const adders, redactors, perAdder, perRedactor = 4, 4, 500, 3000
	var survived atomic.Int64
	var wg sync.WaitGroup
	for a := range adders {
		wg.Go(func() {
			for i := range perAdder {
				// Lengths vary, so the sort moves the known secret about.
				r.add(fmt.Sprintf("fresh-%d-%d-%s", a, i, strings.Repeat("x", i%40)))
			}
		})
	}
	for range redactors {
		wg.Go(func() {
			for range perRedactor {
				if strings.Contains(r.redact(line), known) {
					survived.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if n := survived.Load(); n > 0 {
		t.Fatalf("the registered secret survived Redact %d times in %d", n, redactors*perRedactor)
	}
	if got := r.redact(line); got != "token [redacted] in a log line" {
		t.Fatalf("redact(%q) = %q", line, got)
	}
}
