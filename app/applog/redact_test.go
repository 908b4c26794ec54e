package applog

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRedactFields(t *testing.T) {
	cases := []struct{ in, want string }{
		{"GET /x?access_token=abc123def&a=1", "GET /x?access_token=[redacted]&a=1"},
		{"refresh_token=r-1 next", "refresh_token=[redacted] next"},
		{"_aop_signature=0A1B2C3D&x", "_aop_signature=[redacted]&x"},
		{"client_secret=zzz", "client_secret=[redacted]"},
		{`{"access_token":"ab\"cd","expires_in":"36000"}`, `{"access_token":"[redacted]","expires_in":"36000"}`},
		{`{"refresh_token" : "one two"}`, `{"refresh_token" : "[redacted]"}`},
		{"AppSecret: hunter22 rest", "AppSecret: [redacted] rest"},
		{"app_secret=q", "app_secret=[redacted]"},
		{"Password = pw123, user = bob", "Password = [redacted], user = bob"},
		{"ACCESS_TOKEN%3Dabcdef%26b", "ACCESS_TOKEN%3D[redacted]"},
		{"map[accessToken:xyz789]", "map[accessToken:[redacted]]"},
		{"passwordless=true and the token expired", "passwordless=true and the token expired"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Redact(c.in), c.in)
		assert.Equal(t, c.want, Redact(Redact(c.in)), "redacting twice changes nothing: %s", c.in)
	}
}

func TestRedactRegisteredSecrets(t *testing.T) {
	var r redactor
	r.add("short")  // under 6 characters: would blank out words
	r.add("  ab  ") // spaces do not count
	r.add("tok/en+with=signs")
	assert.Equal(t, "a short ab text", r.redact("a short ab text"))
	assert.Equal(t, "x [redacted] y [redacted] z [redacted]",
		r.redact(`x tok/en+with=signs y tok%2Fen%2Bwith%3Dsigns z tok%2Fen+with=signs`),
		"the URL-escaped forms go too")
}

func TestRedactSecretsOverlappingTheMarker(t *testing.T) {
	var r redactor
	r.add("acted]abc")
	r.add("d=[redacted]")
	for _, in := range []string{"[red" + "acted]abc" + "abc", "password=1234567", "[redacted]abc"} {
		out := r.redact(in)
		assert.NotContains(t, out, "acted]abc", in)
		assert.NotContains(t, out, "d=[redacted]", in)
	}
}

// FuzzRedactRemovesSecret: a registered secret never survives Redact, whatever surrounds it and
// however often it repeats.
func FuzzRedactRemovesSecret(f *testing.F) {
	f.Add("S3cretValue99", "before ", " after", 2)
	f.Add("[redacted]", "x", "y", 1)
	f.Add("acted]acted]", "[red", "", 3)
	f.Add("abcabcabc", "abcab", "cabc", 2)
	f.Add("password=xyz", `{"password":"`, `"}`, 1)
	f.Fuzz(func(t *testing.T, secret, before, after string, repeat int) {
		if len([]rune(strings.TrimSpace(secret))) < minSecretRunes || len(before)+len(after) > 4096 {
			t.Skip()
		}
		var r redactor
		r.add(secret)
		in := before + strings.Repeat(secret+after, 1+int(uint(repeat)%4))
		out := r.redact(in)
		if strings.Contains(out, secret) {
			t.Fatalf("secret %q survived in %q (from %q)", secret, out, in)
		}
	})
}
