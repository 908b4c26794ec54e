package open1688

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCurrentTimeIsSignedWithoutToken(t *testing.T) {
	c, srv := newFixtureClient(t, http.StatusOK, fixtureCurrentTime)
	got, err := c.CurrentTime(context.Background())
	require.NoError(t, err)

	want := time.Date(2026, 10, 10, 8, 45, 52, 223*int(time.Millisecond), time.UTC)
	assert.True(t, want.Equal(got), "got %v", got)
	sent := srv.last(t)
	assertSent(t, sent, "system", "currentTime", false)
	assert.Equal(t, []string{"_aop_signature"}, keys(sent.Form), "currentTime sends only the signature")
}

func TestCurrentTimeSignatureErrorKeepsItsKind(t *testing.T) {
	c, _ := newFixtureClient(t, http.StatusBadRequest,
		`{"error_code":"gw.SignatureInvalid","error_message":"Signature invalid","request_id":"r-1"}`)
	_, err := c.CurrentTime(context.Background())
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, KindSignature, e.Kind)
	assert.Equal(t, "r-1", e.RequestID)
}

func TestParseCurrentTime(t *testing.T) {
	got, err := parseCurrentTime([]byte(`{"result": "20261010164552223+0800"}`))
	require.NoError(t, err)
	assert.Equal(t, 2026, got.Year())

	for _, junk := range []string{`""`, `null`, `"soon"`, `{}`, `[1]`, `"2026"x`} {
		_, err := parseCurrentTime([]byte(junk))
		assert.Equal(t, KindUnknown, KindOf(err), junk)
	}
}
