package i18n

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// localeTOML encodes messages (ID → form → text) as a locale file.
func localeTOML(t testing.TB, messages map[string]map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, toml.NewEncoder(&buf).Encode(messages))
	return buf.String()
}

// russianMessages is the built-in Russian translation as ID → form → text.
func russianMessages(t testing.TB) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, loc := range builtins() {
		if loc.tag.String() == "ru" {
			for _, m := range loc.messages {
				out[m.ID] = forms(m)
			}
		}
	}
	require.NotEmpty(t, out)
	return out
}

func TestCheckLocaleGoodFile(t *testing.T) {
	buf, err := builtinFiles.ReadFile("locales/active.ru.toml")
	require.NoError(t, err)
	file := writeLocale(t, t.TempDir(), "ru.toml", string(buf)+"\n[TestIgnoredKeys]\n")
	r, err := CheckLocale(file)
	require.NoError(t, err)
	assert.True(t, r.OK(), r.String())
	assert.Equal(t, file, r.File)
	assert.Equal(t, "ru", r.Lang)
	assert.Equal(t, file+" (ru): OK", r.String())
}

func TestCheckLocaleAcceptsExtractOutput(t *testing.T) {
	en, err := builtinFiles.ReadFile("locales/active.en.toml")
	require.NoError(t, err)
	r, err := CheckLocale(writeLocale(t, t.TempDir(), "en-GB.toml", string(en)))
	require.NoError(t, err, "description keys are allowed")
	assert.True(t, r.OK(), r.String())
}

func TestCheckLocaleProblems(t *testing.T) {
	messages := russianMessages(t)
	delete(messages, "LanguageName")
	messages["NoSuchMessage"] = map[string]string{"other": "лишнее"}
	product := messages["ProductCount"]
	product["one"] = "{{.N}} товар"
	product["many"] = "{{.Count товаров"
	delete(product, "few")
	file := writeLocale(t, t.TempDir(), "active.ru.toml", localeTOML(t, messages))

	r, err := CheckLocale(file)
	require.NoError(t, err)
	assert.False(t, r.OK())
	assert.Equal(t, []string{"LanguageName"}, r.Missing)
	assert.Equal(t, []string{"NoSuchMessage"}, r.Extra)
	require.Len(t, r.Placeholders, 2, r.Placeholders)
	assert.Contains(t, r.Placeholders[0], "ProductCount (many): broken template")
	assert.Equal(t, "ProductCount (one): en {{.Count}} vs file {{.N}}", r.Placeholders[1])
	assert.Equal(t, []string{"ProductCount: missing few"}, r.PluralForms)

	report := r.String()
	for _, want := range []string{
		file + " (ru): 5 problems",
		"\nmissing: LanguageName",
		"\nextra: NoSuchMessage",
		"\nplaceholder: ProductCount (one): en {{.Count}} vs file {{.N}}",
		"\nplaceholder: ProductCount (many): broken template",
		"\nplural forms: ProductCount: missing few",
	} {
		assert.Contains(t, report, want)
	}
}

func TestCheckLocalePluralFormsFollowTheLanguage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		file, content string
		want          []string
	}{
		{"de.toml", "[ProductCount]\nother = \"{{.Count}} Produkte\"\n", []string{"ProductCount: missing one"}},
		{"ja.toml", "[ProductCount]\nother = \"{{.Count}} 個\"\n", nil},
		{"pl.toml", "[ProductCount]\none = \"{{.Count}} produkt\"\nother = \"{{.Count}} produktu\"\n", []string{"ProductCount: missing few, many"}},
		{"de-CH.toml", "[LanguageName]\none = \"Deutsch\"\n", []string{"LanguageName: missing other"}},
	}
	for _, tt := range tests {
		r, err := CheckLocale(writeLocale(t, dir, tt.file, tt.content))
		require.NoError(t, err, tt.file)
		assert.Equal(t, tt.want, r.PluralForms, tt.file)
		assert.Empty(t, r.Placeholders, tt.file)
	}
}

func TestCheckLocalePlaceholderSyntax(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"no placeholders", nil},
		{"{{.Count}} of {{ .Total }}", []string{"{{.Count}}", "{{.Total}}"}},
		{"{{if .Urgent}}!{{else}}{{.Name}}{{end}}", []string{"{{.Name}}", "{{.Urgent}}"}},
		{"{{printf \"%05d\" .Count}} {{.Count}}", []string{"{{.Count}}"}},
		{"{{.Order.ID}}", []string{"{{.Order}}"}},
	}
	for _, tt := range tests {
		got, err := placeholders(tt.text, "", "")
		require.NoError(t, err, tt.text)
		assert.Equal(t, tt.want, got, tt.text)
	}
	_, err := placeholders("{{.Count", "", "")
	assert.Error(t, err)
}

func TestCheckLocaleErrors(t *testing.T) {
	dir := t.TempDir()
	tests := map[string]string{
		filepath.Join(dir, "absent.toml"):                        "",
		writeLocale(t, dir, "de.toml", "[LanguageName\n"):        "not a valid locale file",
		writeLocale(t, dir, "deutsch-sprache.toml", "a = \"b\""): "does not name a language",
		writeLocale(t, dir, "tlh.toml", "a = \"b\""):             "plural rules",
	}
	for file, want := range tests {
		_, err := CheckLocale(file)
		require.Error(t, err, file)
		assert.Contains(t, err.Error(), want, file)
	}
}

// FuzzLoadLocale feeds arbitrary bytes as a translator's de.toml: neither the check nor loading
// and translating every message with it may panic, and no translation may come out empty.
func FuzzLoadLocale(f *testing.F) {
	for _, name := range []string{"locales/active.en.toml", "locales/active.ru.toml", "locales/active.zh.toml"} {
		buf, err := builtinFiles.ReadFile(name)
		require.NoError(f, err)
		f.Add(buf)
	}
	for _, seed := range []string{
		"",
		"LanguageName = 1\n",
		"ProductCount = \"{{.Count\"\n",
		"[ProductCount]\none = \"{{if}}\"\nother = \"{{.Count}} {{template \\\"x\\\"}}\"\n",
		"[ProductCount]\nleftdelim = \"<\"\nrightdelim = \">\"\none = \"<.Count>\"\n",
		"[[a]]\nid = \"LanguageName\"\ntranslation = \"x\"\n",
		"[a.b.c]\nother = \"\"\n",
	} {
		f.Add([]byte(seed))
	}
	english := englishMessages()
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := checkLocale(data, "de.toml"); err == nil {
			_ = r.String()
		}
		loc, err := parseLocale(data, "de.toml")
		if err != nil {
			return
		}
		s := newState(builtins(), []locale{loc}, "de", nil)
		for id, m := range english {
			if text := s.localize(m, nil, nil); text == "" {
				t.Errorf("T(%s) is empty", id)
			}
			for _, count := range []int{0, 1, 2, 5, 21} {
				if text := s.localize(m, count, map[string]any{"Count": count}); text == "" {
					t.Errorf("N(%s, %d) is empty", id, count)
				}
			}
		}
	})
}
