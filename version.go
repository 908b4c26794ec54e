package main

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"
)

// fyneAppTOML is the app's metadata file, the one `fyne package` reads: its version is the
// version caigou reports, so a package and `caigou --version` never disagree.
//
//go:embed FyneApp.toml
var fyneAppTOML string

// commit names the source the binary was built from; the Makefile sets it with
// -ldflags "-X main.commit=$(git describe …)". Package builds leave it empty.
var commit string

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
	if commit != "" {
		v += ", " + commit
	}
	return v + ")"
}
