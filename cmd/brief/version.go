package main

import (
	"regexp"
	"runtime/debug"
	"strings"
)

// Set by the release build: -X main.version=... -X main.commit=... -X main.date=...
var (
	version string
	commit  string
	date    string
)

// buildVersion returns what --version shows, from the release build's
// stamps or, without them, from what the Go toolchain recorded.
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(version, commit, date, info)
}

// versionOf says which version this is: "0.2.0 (1a2b3c4, 2026-12-03)" for
// a release; the module version for `go install module@version`;
// "devel (1a2b3c4, 2026-12-03)" for a `go build` in a git checkout, with
// ", modified" when the checkout had uncommitted changes.
func versionOf(v, c, d string, info *debug.BuildInfo) string {
	// A release built where git could not say (no remote, no history)
	// stamps placeholders; the toolchain's own record may know better.
	if c == "none" {
		c = ""
	}
	if strings.HasPrefix(d, "0001-01-01") {
		d = ""
	}
	var modified bool
	if info != nil {
		var rev, at string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if v == "" {
			v = moduleVersion(info.Main.Version, rev != "")
		}
		if c == "" {
			c = rev
		}
		if d == "" {
			d = at
		}
	}
	if v == "" {
		v = "devel"
	}
	var extra []string
	if c != "" {
		extra = append(extra, c[:min(len(c), 7)])
	}
	if d != "" {
		extra = append(extra, d[:min(len(d), 10)])
	}
	if modified {
		extra = append(extra, "modified")
	}
	if len(extra) > 0 {
		v += " (" + strings.Join(extra, ", ") + ")"
	}
	return v
}

// moduleVersion is the version to show for the main module's recorded
// version, or "" for a development build. Built from a checkout (inCheckout:
// the toolchain recorded a revision), only a clean tag counts: the
// toolchain derives a pseudo-version from any other commit, which says less
// than "devel" and the revision. From the module cache (`go install
// module@version`) the version is the module's, pseudo or not.
func moduleVersion(mv string, inCheckout bool) string {
	if mv == "" || mv == "(devel)" {
		return ""
	}
	if inCheckout && (strings.Contains(mv, "+dirty") || pseudoVersion.MatchString(mv)) {
		return ""
	}
	return mv
}

// pseudoVersion matches the tail of a Go pseudo-version:
// v0.0.0-20261203093600-71c7e9d1a2b3, v1.2.4-0.20261203093600-71c7e9d1a2b3.
var pseudoVersion = regexp.MustCompile(`[-.]\d{14}-[0-9a-f]{12}(\+.*)?$`)
