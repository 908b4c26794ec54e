package i18n

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

const extractHint = "run `go tool goi18n extract -outdir i18n/locales ./i18n` from the repository root"

// catalogMessages reads the &goi18n.Message{...} literals of the package's non-test files the
// way `goi18n extract` does: by syntax, with constant string values.
func catalogMessages(t *testing.T) map[string]*goi18n.Message {
	t.Helper()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		files = append(files, file)
	}
	// Imports are not loaded: the type check is only there to evaluate constant expressions.
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	_, _ = (&types.Config{Error: func(error) {}}).Check("caigou/i18n", fset, files, info)

	catalog := map[string]*goi18n.Message{}
	for _, file := range files {
		alias := goi18nAlias(file)
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if id, isIdent := lit.Type.(*ast.Ident); isIdent && id.Name == "Message" {
				t.Errorf("%s: write &goi18n.Message{...}: goi18n extract does not see the Message alias", fset.Position(lit.Pos()))
			}
			if !isMessageType(lit.Type, alias) {
				return true
			}
			m := messageFromLiteral(t, fset, info, lit)
			if _, dup := catalog[m.ID]; dup {
				t.Errorf("%s: message ID %q is declared twice", fset.Position(lit.Pos()), m.ID)
			}
			catalog[m.ID] = m
			return true
		})
	}
	return catalog
}

func goi18nAlias(file *ast.File) string {
	for _, imp := range file.Imports {
		if imp.Path.Value == strconv.Quote("github.com/nicksnyder/go-i18n/v2/i18n") {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return "i18n"
		}
	}
	return ""
}

func isMessageType(expr ast.Expr, alias string) bool {
	sel, ok := expr.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Message" {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && alias != "" && x.Name == alias
}

func messageFromLiteral(t *testing.T, fset *token.FileSet, info *types.Info, lit *ast.CompositeLit) *goi18n.Message {
	m := &goi18n.Message{}
	fields := reflect.ValueOf(m).Elem()
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			t.Errorf("%s: use field names in goi18n.Message literals", fset.Position(elt.Pos()))
			continue
		}
		key := kv.Key.(*ast.Ident).Name
		value := info.Types[kv.Value].Value
		if value == nil || value.Kind() != constant.String {
			t.Errorf("%s: %s must be a constant string, or goi18n extract cannot see it", fset.Position(kv.Pos()), key)
			continue
		}
		fields.FieldByName(key).SetString(constant.StringVal(value))
	}
	if m.ID == "" {
		t.Errorf("%s: message without an ID", fset.Position(lit.Pos()))
	}
	return m
}

// builtinLocale is an embedded locale file as translators see it, descriptions included (the
// program's own copy leaves them out).
func builtinLocale(t *testing.T, tag string) locale {
	t.Helper()
	name := "active." + tag + ".toml"
	buf, err := builtinFiles.ReadFile("locales/" + name)
	require.NoError(t, err, "locales/%s is not embedded", name)
	loc, err := parseLocale(buf, name)
	require.NoError(t, err)
	return loc
}

// TestEnglishFileMatchesCatalog fails when messages.go changed and goi18n extract was not run.
func TestEnglishFileMatchesCatalog(t *testing.T) {
	catalog := catalogMessages(t)
	require.NotEmpty(t, catalog)
	inFile := map[string]*goi18n.Message{}
	for _, m := range builtinLocale(t, "en").messages {
		inFile[m.ID] = m
	}
	for id, want := range catalog {
		got := inFile[id]
		if got == nil {
			t.Errorf("en: %s is in messages.go but not in locales/active.en.toml; %s", id, extractHint)
			continue
		}
		assert.Equal(t, forms(want), forms(got), "en: %s: text differs between messages.go and active.en.toml; %s", id, extractHint)
		assert.Equal(t, want.Description, got.Description, "en: %s: description differs; %s", id, extractHint)
	}
	for id := range inFile {
		if catalog[id] == nil {
			t.Errorf("en: %s is in locales/active.en.toml but no longer in messages.go; %s", id, extractHint)
		}
	}
}

func TestPluralFormsOfBuiltinLanguages(t *testing.T) {
	for tag, want := range map[string][]string{
		"en": {"one", "other"},
		"ru": {"one", "few", "many", "other"},
		"zh": {"other"},
		"de": {"one", "other"},
		"ar": {"zero", "one", "two", "few", "many", "other"},
	} {
		got, err := pluralFormsOf(language.MustParse(tag))
		require.NoError(t, err)
		assert.Equal(t, want, got, tag)
	}
}

// TestTranslationsComplete fails, naming the ID and the language, when a message lacks a
// translation, a plural form, or has stale IDs.
func TestTranslationsComplete(t *testing.T) {
	tags := builtinTags()
	require.Equal(t, builtinOrder, tags[:min(len(tags), len(builtinOrder))], "en, ru and zh are embedded")
	english := englishMessages()
	for _, loc := range builtins()[1:] {
		tag := loc.tag.String()
		t.Run(tag, func(t *testing.T) {
			used, err := pluralFormsOf(loc.tag)
			require.NoError(t, err)
			have := translated(loc)
			for id, en := range english {
				m := have[id]
				if m == nil {
					t.Errorf("%s: %s is not translated; run goi18n merge (see Translating caigou in README.md)", tag, id)
					continue
				}
				if problem := formProblem(en, m, used); problem != "" {
					t.Errorf("%s: %s", tag, problem)
				}
				if unused := unusedForms(m, used); isPlural(en) && len(unused) > 0 {
					t.Errorf("%s: %s has forms %s never picks: %v", tag, id, tag, unused)
				}
			}
			for id := range have {
				if english[id] == nil {
					t.Errorf("%s: %s is translated but not an English message; remove it from active.%s.toml", tag, id, tag)
				}
			}
		})
	}
}

func builtinTags() []string {
	var tags []string
	for _, loc := range builtins() {
		tags = append(tags, loc.tag.String())
	}
	return tags
}

func unusedForms(m *goi18n.Message, used []string) []string {
	var unused []string
	for form := range forms(m) {
		if !slices.Contains(used, form) {
			unused = append(unused, form)
		}
	}
	slices.Sort(unused)
	return unused
}

// TestPlaceholdersAgree fails when a translation's {{.X}} placeholders, in any plural form,
// differ from English: the screens fill in exactly the English ones.
func TestPlaceholdersAgree(t *testing.T) {
	english := englishMessages()
	for _, loc := range builtins() {
		tag := loc.tag.String()
		t.Run(tag, func(t *testing.T) {
			for id, m := range translated(loc) {
				if en := english[id]; en != nil {
					for _, problem := range placeholderProblems(en, m) {
						t.Errorf("%s: %s", tag, problem)
					}
				}
			}
		})
	}
}

// TestBuiltinFilesPassCheckLocale keeps the translator's tool and the built-in files in step.
func TestBuiltinFilesPassCheckLocale(t *testing.T) {
	for _, loc := range builtins() {
		buf, err := builtinFiles.ReadFile("locales/active." + loc.tag.String() + ".toml")
		require.NoError(t, err)
		r, err := checkLocale(buf, "active."+loc.tag.String()+".toml")
		require.NoError(t, err)
		assert.True(t, r.OK(), r.String())
	}
}
