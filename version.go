package main

import (
	_ "embed"
	"fmt"
	"runtime/debug"

	"github.com/BurntSushi/toml"
)

// fyneAppTOML is the app's metadata file, the one `fyne package` reads: its version is the
// version caigou reports, so a package and `caigou --version` never disagree.
//
//go:embed FyneApp.toml
var fyneAppTOML string

// commit names the source the binary was built from; `make build` sets it with
// -ldflags "-X main.commit=$(git describe …)". Package builds, which `fyne package` makes, cannot
// pass it; they are built with -buildvcs=true, and buildCommit reads the revision instead.
var commit string

// buildCommit is commit, or the short revision Go recorded at build time ("-dirty" when the work
// tree had changes), or "" when neither is known.
func buildCommit() string {
	if commit != "" {
		return commit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var revision, dirty string
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			revision = s.Value[:min(len(s.Value), 7)]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "-dirty"
		}
	}
	if revision == "" {
		return ""
	}
	return revision + dirty
}

// appVersion is the version FyneApp.toml carries with its build number, and the commit when the
// build recorded one: "0.1.0 (build 1, 3f2a9c1)".
func appVersion() string {
	var meta struct {
		Details struct {
			Version string
			Build   int
		}
	}
	if _, err := toml.Decode(fyneAppTOML, &meta); err != nil || meta.Details.Version == "" {
		panic(fmt.Sprintf("FyneApp.toml has no [Details] Version: %v", err)) // caught by the tests
	}
	v := fmt.Sprintf("%s (build %d", meta.Details.Version, meta.Details.Build)
	if c := buildCommit(); c != "" {
		v += ", " + c
	}
	return v + ")"
}
