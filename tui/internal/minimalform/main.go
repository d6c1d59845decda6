// Command minimalform is the yardstick of the start-up benchmark (.ci/startup-bench.sh):
// the smallest full-screen huh form, started and measured the same way as aect (the time
// of its first frame goes to the file named by AECT_BENCH_READY). It is not part of the
// product.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// timed writes the time of the first frame, then behaves as the form.
type timed struct {
	*huh.Form
	ready string
}

func (m *timed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	f, cmd := m.Form.Update(msg)
	m.Form = f.(*huh.Form)
	if m.Form.State != huh.StateNormal {
		return m, tea.Quit
	}
	return m, cmd
}

func (m *timed) View() string {
	v := m.Form.View()
	if m.ready != "" {
		_ = os.WriteFile(m.ready, []byte(strconv.FormatInt(time.Now().UnixNano(), 10)), 0o600)
		m.ready = ""
	}
	return v
}

func main() {
	var name string
	form := huh.NewForm(huh.NewGroup(huh.NewInput().Title("Nom du projet").Value(&name)))
	m := &timed{Form: form, ready: os.Getenv("AECT_BENCH_READY")}
	if _, err := tea.NewProgram(m, tea.WithAltScreen()).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
