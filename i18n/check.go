package i18n

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Report is what a translator's locale file lacks or gets wrong compared with caigou's English.
type Report struct {
	File string // the file as given to CheckLocale
	Lang string // the language tag its name carries

	Missing      []string // English message IDs with no text in the file: they show in English
	Extra        []string // IDs caigou does not have: misspelt, or removed since the file was made
	Placeholders []string // "ID: en {{.Count}} vs file {{.N}}", or a template that does not parse
	PluralForms  []string // "ID: missing few, many": forms the language's plural rules pick
}

// OK reports whether the file has no problems.
func (r Report) OK() bool {
	return len(r.Missing)+len(r.Extra)+len(r.Placeholders)+len(r.PluralForms) == 0
}

// String lists the problems, one a line, for a translator reading a terminal.
func (r Report) String() string {
	var lines []string
	add := func(prefix string, items []string, hint string) {
		for _, item := range items {
			lines = append(lines, prefix+item+hint)
		}
	}
	add("missing: ", r.Missing, " (English is shown instead)")
	add("extra: ", r.Extra, " (not a caigou message: misspelt, or no longer used)")
	add("placeholder: ", r.Placeholders, "")
	add("plural forms: ", r.PluralForms, "")
	if len(lines) == 0 {
		return fmt.Sprintf("%s (%s): OK", r.File, r.Lang)
	}
	head := fmt.Sprintf("%s (%s): %s", r.File, r.Lang, countNoun(len(lines), "problem"))
	return strings.Join(append([]string{head}, lines...), "\n")
}

// CheckLocale compares a translator's locale file, such as de.toml, with caigou's English.
// An error means the file cannot be read or parsed, or its name is not a language tag.
func CheckLocale(path string) (Report, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return Report{}, err
	}
	r, err := checkLocale(buf, filepath.Base(path))
	if err != nil {
		return Report{}, fmt.Errorf("%s: %w", path, err)
	}
	r.File = path
	return r, nil
}

func checkLocale(buf []byte, fileName string) (Report, error) {
	loc, err := parseLocale(buf, fileName)
	if err != nil {
		return Report{}, err
	}
	used, err := pluralFormsOf(loc.tag)
	if err != nil {
		return Report{}, err
	}
	r := Report{File: fileName, Lang: loc.tag.String(), Missing: missingIDs(loc)}
	english := englishMessages()
	for id, m := range translated(loc) {
		en := english[id]
		if en == nil {
			r.Extra = append(r.Extra, id)
			continue
		}
		r.Placeholders = append(r.Placeholders, placeholderProblems(en, m)...)
		if problem := formProblem(en, m, used); problem != "" {
			r.PluralForms = append(r.PluralForms, problem)
		}
	}
	slices.Sort(r.Extra)
	slices.Sort(r.Placeholders)
	slices.Sort(r.PluralForms)
	return r, nil
}

// isPlural reports whether the English message has plural forms, i.e. is meant for N.
func isPlural(en *goi18n.Message) bool {
	return len(forms(en)) > 1 || en.Other == ""
}

// placeholderProblems compares each form of m with the placeholders of the English message:
// a placeholder English lacks renders as "<no value>", and a dropped one loses information.
func placeholderProblems(en, m *goi18n.Message) []string {
	var want []string
	for _, text := range forms(en) {
		set, _ := placeholders(text, en.LeftDelim, en.RightDelim)
		want = append(want, set...)
	}
	slices.Sort(want)
	want = slices.Compact(want)

	var problems []string
	have := forms(m)
	for _, form := range pluralFormNames {
		text, ok := have[form]
		if !ok {
			continue
		}
		label := m.ID
		if isPlural(en) {
			label += " (" + form + ")"
		}
		got, err := placeholders(text, m.LeftDelim, m.RightDelim)
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("%s: %v", label, err))
		case !slices.Equal(got, want):
			problems = append(problems, fmt.Sprintf("%s: en %s vs file %s", label, showSet(want), showSet(got)))
		}
	}
	return problems
}

func showSet(set []string) string {
	if len(set) == 0 {
		return "(none)"
	}
	return strings.Join(set, " ")
}

// placeholders returns the sorted, distinct fields a message template reads, as "{{.Count}}".
func placeholders(text, leftDelim, rightDelim string) ([]string, error) {
	if leftDelim == "" {
		leftDelim = "{{"
	}
	if rightDelim == "" {
		rightDelim = "}}"
	}
	if !strings.Contains(text, leftDelim) {
		return nil, nil // go-i18n shows such text as it is
	}
	tmpl, err := template.New("").Delims(leftDelim, rightDelim).Parse(text)
	if err != nil {
		return nil, fmt.Errorf("broken template: %w", err)
	}
	seen := map[string]bool{}
	if tmpl.Tree != nil {
		collectFields(tmpl.Tree.Root, seen)
	}
	set := make([]string, 0, len(seen))
	for field := range seen {
		set = append(set, "{{."+field+"}}")
	}
	slices.Sort(set)
	return set, nil
}

func collectFields(node parse.Node, seen map[string]bool) {
	if field, ok := node.(*parse.FieldNode); ok {
		seen[field.Ident[0]] = true
	}
	for _, child := range children(node) {
		collectFields(child, seen)
	}
}

// children lists the nodes under node that can hold fields; nil nodes have none.
func children(node parse.Node) []parse.Node {
	switch n := node.(type) {
	case *parse.ListNode:
		if n != nil {
			return n.Nodes
		}
	case *parse.PipeNode:
		if n != nil {
			return commandNodes(n.Cmds)
		}
	case *parse.CommandNode:
		return n.Args
	case *parse.ActionNode:
		return []parse.Node{n.Pipe}
	case *parse.TemplateNode:
		return []parse.Node{n.Pipe}
	case *parse.ChainNode:
		return []parse.Node{n.Node}
	case *parse.IfNode:
		return branch(&n.BranchNode)
	case *parse.RangeNode:
		return branch(&n.BranchNode)
	case *parse.WithNode:
		return branch(&n.BranchNode)
	}
	return nil
}

func branch(n *parse.BranchNode) []parse.Node {
	return []parse.Node{n.Pipe, n.List, n.ElseList}
}

func commandNodes(cmds []*parse.CommandNode) []parse.Node {
	nodes := make([]parse.Node, len(cmds))
	for i, cmd := range cmds {
		nodes[i] = cmd
	}
	return nodes
}

// formProblem names the plural forms m needs but lacks. A plural message needs every form the
// language's rules pick for a whole number, and "other", which go-i18n falls back to; any
// other message needs just "other".
func formProblem(en, m *goi18n.Message, used []string) string {
	need := []string{"other"}
	if isPlural(en) {
		need = used
	}
	have := forms(m)
	var missing []string
	for _, form := range need {
		if have[form] == "" {
			missing = append(missing, form)
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return fmt.Sprintf("%s: missing %s", m.ID, strings.Join(missing, ", "))
}

// pluralCache maps a language tag to the plural forms N can pick in it.
var pluralCache sync.Map

// probeCounts covers every residue the CLDR integer rules test (n mod 10, 100, 1000 and
// millions), so each form a count can pick shows up.
var probeCounts = func() []int {
	counts := []int{10_000, 100_000, 1_000_000, 2_000_000, 10_000_000, 1_000_000_000}
	for n := 0; n <= 1100; n++ {
		counts = append(counts, n)
	}
	return counts
}()

// pluralFormsOf asks go-i18n itself which forms it picks for whole numbers in tag, so that the
// check agrees with what N does. go-i18n's rule tables are internal, hence the probe.
func pluralFormsOf(tag language.Tag) ([]string, error) {
	if cached, ok := pluralCache.Load(tag.String()); ok {
		return cached.([]string), nil
	}
	// Built field by field: a composite literal here would be picked up by goi18n extract.
	probe := new(goi18n.Message)
	probe.ID = "PluralProbe"
	probe.Zero, probe.One, probe.Two = "zero", "one", "two"
	probe.Few, probe.Many, probe.Other = "few", "many", "other"
	bundle := goi18n.NewBundle(tag)
	if err := bundle.AddMessages(tag, probe); err != nil {
		return nil, fmt.Errorf("caigou does not know the plural rules of %s: %w", tag, err)
	}
	localizer := goi18n.NewLocalizer(bundle, tag.String())
	picked := map[string]bool{"other": true}
	for _, n := range probeCounts {
		form, err := localizer.Localize(&goi18n.LocalizeConfig{MessageID: probe.ID, PluralCount: n})
		if err == nil {
			picked[form] = true
		}
	}
	var used []string
	for _, form := range pluralFormNames {
		if picked[form] {
			used = append(used, form)
		}
	}
	pluralCache.Store(tag.String(), used)
	return used, nil
}
