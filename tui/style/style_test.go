package style

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

func TestCheckTheme(t *testing.T) {
	for _, ok := range append([]string{""}, Themes...) {
		if err := CheckTheme(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	err := CheckTheme("pink")
	if err == nil || !strings.Contains(err.Error(), "auto, dark, light or high-contrast") {
		t.Errorf("pink: %v", err)
	}
}

func TestNoColor(t *testing.T) {
	for env, want := range map[string]bool{"NO_COLOR=1": true, "NO_COLOR=": false, "NO_COLORS=1": false, "TERM=xterm": false} {
		if got := NoColor([]string{"A=b", env}); got != want {
			t.Errorf("%s: NoColor = %v", env, got)
		}
	}
}

func TestPaintWrapsText(t *testing.T) {
	p := NewPaint(lipgloss.NewStyle().Bold(true))
	if got := p.On("word"); !strings.Contains(got, "word") || got == "word" {
		t.Errorf("bold paint gave %q", got)
	}
	if got := NewPaint(lipgloss.NewStyle()).On("word"); got != "word" {
		t.Errorf("an empty style painted %q", got)
	}
}

func TestNoColorLastWins(t *testing.T) {
	if NoColor([]string{"NO_COLOR=1", "NO_COLOR="}) {
		t.Error("a later empty NO_COLOR did not turn colour back on")
	}
	if NoColor([]string{}) {
		t.Error("an empty environment (not nil) read the process's")
	}
}
