package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/i18n"
)

func TestTopicTextNamesEveryTopicUsed(t *testing.T) {
	t.Cleanup(func() { require.NoError(t, i18n.SetLanguage("en")) })
	require.NoError(t, i18n.SetLanguage("ru"))
	seen := map[string]bool{}
	for _, typ := range TopicsUsed {
		text := TopicText(typ)
		assert.NotContains(t, text, typ, "a topic caigou uses is said in plain words")
		assert.False(t, seen[text], "%s shares its words with another topic", typ)
		seen[text] = true
	}
	assert.Len(t, TopicsUsed, len(topicTexts))
	assert.Contains(t, TopicText("SOME_NEW_TOPIC"), "SOME_NEW_TOPIC")
	assert.NotEqual(t, SecretsPlaceText(true), SecretsPlaceText(false))
}
