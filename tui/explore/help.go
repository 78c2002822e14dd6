package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// helpGroup is one titled group of bindings on the help screen.
type helpGroup struct {
	title    string
	bindings []key.Binding
}

type helpKeys struct {
	Up, Down, Close key.Binding
}

func newHelpKeys() helpKeys {
	return helpKeys{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Close: key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc/?", "close help")),
	}
}

func (k helpKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Close} }
func (k helpKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Up, k.Down, k.Close}} }

// helpModel is the help screen, generated from the key bindings of the
// focused component and the global ones, so it cannot drift from what the
// keys do. Disabled bindings are left out.
type helpModel struct {
	th     *Theme
	keys   helpKeys
	groups []helpGroup
	w, h   int
	off    int
	all    []string // every line, before splitting into columns
	colW   int
	cols   int
	lines  []string
}

func newHelp(th *Theme, groups []helpGroup) helpModel {
	return helpModel{th: th, keys: newHelpKeys(), groups: groups}
}

func (m helpModel) KeyMap() helpKeys { return m.keys }

func (m helpModel) SetTheme(th *Theme) helpModel { m.th = th; return m.SetSize(m.w, m.h) }

func (m helpModel) SetSize(w, h int) helpModel {
	m.w, m.h = w, h
	m.colW = min(w, 38)
	m.cols = max((w+2)/(m.colW+2), 1)
	m.build()
	m.off = clamp(m.off, 0, m.maxOff())
	return m.render()
}

func (m *helpModel) build() {
	kw := 0
	for _, g := range m.groups {
		for _, b := range g.bindings {
			kw = max(kw, len([]rune(b.Help().Key)))
		}
	}
	kw = min(kw, m.colW/3)
	m.all = m.all[:0]
	for _, g := range m.groups {
		if len(m.all) > 0 {
			m.all = append(m.all, fit("", m.colW))
		}
		m.all = append(m.all, m.th.heading.on(fit(g.title, m.colW)))
		for _, b := range g.bindings {
			if !b.Enabled() || b.Help().Key == "" {
				continue
			}
			h := b.Help()
			m.all = append(m.all, m.th.keyText.on(fit(" "+h.Key, kw+1))+" "+fit(h.Desc, m.colW-kw-2))
		}
	}
}

// perCol is the rows of one column; the last row of the screen says how to
// close.
func (m helpModel) perCol() int { return max(m.h-1, 1) }

func (m helpModel) maxOff() int {
	return max((len(m.all)+m.cols-1)/m.cols-m.perCol(), 0)
}

func (m helpModel) Update(msg tea.Msg) (helpModel, tea.Cmd) {
	return pagerKey(m, msg, m.keys.Up, m.keys.Down, m.keys.Close)
}

// pagerKey handles the keys of a screen that only scrolls and closes: the
// help screen, the legend.
func pagerKey[T scroller[T]](m T, msg tea.Msg, up, down, close key.Binding) (T, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(km, close):
		return m, closeModalCmd
	case key.Matches(km, up):
		return m.Scroll(-1), nil
	case key.Matches(km, down):
		return m.Scroll(1), nil
	}
	return m, nil
}

func (m helpModel) Scroll(n int) helpModel {
	m.off = clamp(m.off+n, 0, m.maxOff())
	return m.render()
}

func (m helpModel) render() helpModel {
	if m.w <= 0 || m.h <= 0 {
		m.lines = nil
		return m
	}
	rows := m.perCol()
	// Split into columns of rows lines, or one scrolling column when the
	// lines do not fit the columns there is room for.
	colLen := rows
	if (len(m.all)+rows-1)/rows > m.cols {
		colLen = (len(m.all) + m.cols - 1) / m.cols
	}
	lines := make([]string, 0, m.h)
	for r := 0; r < rows; r++ {
		line := ""
		used := 0
		for c := 0; c < m.cols; c++ {
			i := c*colLen + m.off + r
			if i >= (c+1)*colLen || i >= len(m.all) {
				continue
			}
			if c > 0 {
				line += spaces(c*(m.colW+2) - used)
				used = c * (m.colW + 2)
			}
			line += m.all[i]
			used += m.colW
		}
		lines = append(lines, line+spaces(m.w-used))
	}
	hint := "esc or ? closes help"
	if m.maxOff() > 0 {
		hint += " · ↑/↓ scroll"
	}
	lines = append(lines, m.th.dim.on(fit(hint, m.w)))
	m.lines = lines
	return m
}

func (m helpModel) View() []string { return m.lines }
