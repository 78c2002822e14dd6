package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func buildInfo(version string, settings ...string) *debug.BuildInfo {
	info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/brief-cli/brief", Version: version}}
	for i := 0; i+1 < len(settings); i += 2 {
		info.Settings = append(info.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	return info
}

func TestVersionOf(t *testing.T) {
	const rev = "1c62b2c8d186cbc59f070df518029c30fc2447b0"
	checkout := []string{"vcs", "git", "vcs.revision", rev, "vcs.time", "2026-12-03T09:43:10Z", "vcs.modified", "false"}
	dirty := []string{"vcs", "git", "vcs.revision", rev, "vcs.time", "2026-12-03T09:43:10Z", "vcs.modified", "true"}
	for _, tc := range []struct {
		name             string
		version, c, date string
		info             *debug.BuildInfo
		want             string
	}{
		{"release stamps", "0.2.0", "abcdef0123", "2026-11-30T10:00:00Z", buildInfo("(devel)"), "0.2.0 (abcdef0, 2026-11-30)"},
		{"release placeholders give way to the record", "0.2.0", "none", "0001-01-01T00:00:00Z", buildInfo("(devel)", checkout...), "0.2.0 (1c62b2c, 2026-12-03)"},
		{"go build in a checkout (older toolchains)", "", "", "", buildInfo("(devel)", checkout...), "devel (1c62b2c, 2026-12-03)"},
		{"go build in a checkout: pseudo-version", "", "", "", buildInfo("v0.0.0-20261203094310-1c62b2c8d186", checkout...), "devel (1c62b2c, 2026-12-03)"},
		{"go build with uncommitted changes", "", "", "", buildInfo("v0.0.0-20261203094310-1c62b2c8d186+dirty", dirty...), "devel (1c62b2c, 2026-12-03, modified)"},
		{"go build at a tag", "", "", "", buildInfo("v0.3.0", checkout...), "v0.3.0 (1c62b2c, 2026-12-03)"},
		{"go build at a tag, modified", "", "", "", buildInfo("v0.3.0+dirty", dirty...), "devel (1c62b2c, 2026-12-03, modified)"},
		{"go install module@version", "", "", "", buildInfo("v0.3.0"), "v0.3.0"},
		{"go install module@commit", "", "", "", buildInfo("v0.3.1-0.20261203094310-1c62b2c8d186"), "v0.3.1-0.20261203094310-1c62b2c8d186"},
		{"no record at all", "", "", "", nil, "devel"},
		{"go build outside a checkout", "", "", "", buildInfo("(devel)"), "devel"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionOf(tc.version, tc.c, tc.date, tc.info); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFlagValueErrors runs the command line with bad flag values: each is a
// usage error that says what the value must be, in brief's words.
func TestFlagValueErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"print", "--width", "abc"}, `invalid value "abc" for --width: must be a whole number`},
		{[]string{"print", "-w", "99999999999999999999"}, `invalid value "99999999999999999999" for --width: out of range`},
		{[]string{"present", "--duration", "5q"}, `invalid value "5q" for --duration: must be a duration such as 90s, 20m or 1h30m`},
		{[]string{"present", "--clock=maybe"}, `invalid value "maybe" for --clock: must be true or false`},
		{[]string{"--theme", "pink"}, `invalid value "pink" for --theme: must be one of auto, dark, light or high-contrast`},
		{[]string{"print", "--width"}, `--width needs a value`},
	} {
		root := newRootCmd()
		root.SetArgs(tc.args)
		var out bytes.Buffer
		root.SetOut(&out)
		root.SetErr(&out)
		err := root.Execute()
		if err == nil {
			t.Errorf("brief %s: no error", strings.Join(tc.args, " "))
			continue
		}
		if code := exitCode(err); code != exitUsage {
			t.Errorf("brief %s: exit %d, want %d", strings.Join(tc.args, " "), code, exitUsage)
		}
		if err.Error() != tc.want {
			t.Errorf("brief %s:\n got %q\nwant %q", strings.Join(tc.args, " "), err.Error(), tc.want)
		}
		if strings.Contains(err.Error(), "strconv") || strings.Contains(err.Error(), "time:") {
			t.Errorf("brief %s: the parser's words leak out: %q", strings.Join(tc.args, " "), err.Error())
		}
	}
}
