package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestYuanFollowsTheLanguage(t *testing.T) {
	t.Cleanup(func() { _ = SetLanguage("en") })
	cases := []struct {
		lang string
		fen  int64
		want string
	}{
		{"en", 123450, "¥1,234.50"},
		{"en", 5, "¥0.05"},
		{"ru", 123450, "1\u00a0234,50\u00a0¥"},
		{"zh", 123450, "¥1,234.50"},
		{"en", -250, "¥-2.50"},
	}
	for _, c := range cases {
		require.NoError(t, SetLanguage(c.lang))
		assert.Equal(t, c.want, Yuan(c.fen), "%s %d", c.lang, c.fen)
	}
}
