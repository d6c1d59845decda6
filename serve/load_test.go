//go:build load && linux

// The load test of aect serve: .ci/serve-load.sh starts the server as its own process
// and runs this benchmark against it. Alone:
//
//	AECT_LOAD_ADDR=127.0.0.1:PORT AECT_LOAD_PID=PID AECT_LOAD_DB=FILE AECT_LOAD_CODE=CODE \
//	go test -tags load -run '^$' -bench ServeLoad -benchtime 1x ./serve

package serve

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"aect/storage"
	"aect/wizard"
	"aect/wizard/samples"
)

// loadSample is the plan every participant types.
const loadSample = "02-convention-eau-senegal"

// keyBytes are the bytes a terminal sends for the keys the typist presses.
var keyBytes = map[string]string{
	"enter": "\r", "down": "\x1b[B", "up": "\x1b[A", "space": " ", "tab": "\t", "esc": "\x1b",
}

// typist turns the answers of a plan into the keys a user presses to give them, knowing
// only the questions and how each kind of field works (as tui's end-to-end test does).
type typist struct {
	want *wizard.Plan
	keys []string
}

func (ty *typist) press(names ...string) {
	for _, n := range names {
		if b, ok := keyBytes[n]; ok {
			ty.keys = append(ty.keys, b)
		} else {
			ty.keys = append(ty.keys, n)
		}
	}
}

// text types s one character at a time, as a person does.
func (ty *typist) text(s string) {
	for _, r := range s {
		ty.keys = append(ty.keys, string(r))
	}
}

func (ty *typist) answer(q *wizard.Question) {
	v := q.Get(ty.want)
	switch q.Kind {
	case wizard.KindChoice:
		if q.Searchable {
			ty.text(wizard.Fold(q.OptionLabel(v)))
			ty.press("enter")
			return
		}
		i := slices.IndexFunc(q.Options, func(o wizard.Option) bool { return o.Value == v })
		for range i {
			ty.press("down")
		}
		ty.press("enter")
	case wizard.KindMulti:
		cursor := 0
		for _, x := range strings.Split(v, ",") {
			i := slices.IndexFunc(q.Options, func(o wizard.Option) bool { return o.Value == x })
			for ; cursor < i; cursor++ {
				ty.press("down")
			}
			for ; cursor > i; cursor-- {
				ty.press("up")
			}
			ty.press("space")
		}
		ty.press("enter")
	case wizard.KindConfirm:
		if v == "oui" {
			ty.press("o")
		} else {
			ty.press("n")
		}
	default:
		ty.text(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(v))
		ty.press("enter")
	}
}

func (ty *typist) section(qs []wizard.Question, skip string) {
	for i := range qs {
		if qs[i].ID == skip || !qs[i].AppliesTo(ty.want) {
			continue
		}
		ty.answer(&qs[i])
	}
}

// planKeys returns the keys that type the whole plan into the draft just created, then
// go to the documents, back to the list, and quit.
func planKeys(want *wizard.Plan) []string {
	ty := &typist{want: want}
	for s := wizard.SecAuthority; s <= wizard.SecActions; s++ {
		ty.section(wizard.SectionQuestions(s), "title")
	}
	for i := range want.Actions {
		ty.press("a")
		ty.section(wizard.ActionQuestions(i), "")
	}
	ty.press("tab")
	for i := range want.Funding {
		ty.press("a")
		ty.section(wizard.FundingQuestions(i), "")
	}
	ty.press("tab")
	ty.section(wizard.SectionQuestions(wizard.SecSession), "")
	ty.press("tab", "esc", "q")
	return ty.keys
}

// loadClient is one participant: an SSH session with a terminal, whose output is
// timestamped to measure the time from a key to the frame that answers it.
type loadClient struct {
	name   string
	sess   *gossh.Session
	in     io.Writer
	frames chan time.Time
	mu     sync.Mutex
	out    bytes.Buffer
	done   chan struct{}
}

func (c *loadClient) read(r io.Reader) {
	defer close(c.done)
	buf := make([]byte, 64*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			now := time.Now()
			c.mu.Lock()
			c.out.Write(buf[:n])
			c.mu.Unlock()
			if bytes.Contains(buf[:n], []byte("\x1b[c")) {
				io.WriteString(c.in, "\x1b[?62;22c") // the terminal's device attributes
			}
			select {
			case c.frames <- now:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

func (c *loadClient) screen() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return ansi.Strip(c.out.String())
}

// waitText waits until the session has shown s.
func (c *loadClient) waitText(s string) error { return c.waitTextAfter(0, s) }

// written returns how many bytes the session has written so far.
func (c *loadClient) written() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out.Len()
}

// waitTextAfter waits until the session has shown s after its first from bytes.
func (c *loadClient) waitTextAfter(from int, s string) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		c.mu.Lock()
		found := strings.Contains(ansi.Strip(c.out.String()[from:]), s)
		c.mu.Unlock()
		if found {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: « %s » never shown", c.name, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// press sends one key and returns the time until the next frame (false if none came).
func (c *loadClient) press(k string) (time.Duration, bool) {
	for len(c.frames) > 0 {
		<-c.frames
	}
	t0 := time.Now()
	io.WriteString(c.in, k)
	select {
	case t := <-c.frames:
		return t.Sub(t0), true
	case <-time.After(2 * time.Second):
		return 0, false
	}
}

// connect signs participant i in from its own loopback address (127.0.0.2, .3…): one
// computer each, as in a room.
func connect(addr, code string, i int) (*loadClient, error) {
	name := fmt.Sprintf("charge%02d", i+1)
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+i))}, Timeout: 10 * time.Second}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{User: name,
		Auth: []gossh.AuthMethod{gossh.Password(code)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return nil, err
	}
	sess, err := gossh.NewClient(cc, chans, reqs).NewSession()
	if err != nil {
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	c := &loadClient{name: name, sess: sess, in: in, frames: make(chan time.Time, 4096), done: make(chan struct{})}
	go c.read(out)
	return c, sess.Shell()
}

// cpuTime returns the CPU time process pid used (user and system), from /proc.
func cpuTime(pid string) time.Duration {
	data, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses: utime and stime are
	// the 14th and 15th fields of the line, in clock ticks (100 a second on Linux).
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return time.Duration(u+s) * 10 * time.Millisecond
}

// rssKB returns the resident memory of process pid, in kB.
func rssKB(pid string) int {
	data, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	return 0
}

// BenchmarkServeLoad: AECT_LOAD_SESSIONS participants (30) type the whole sample 02 at
// once, one key every AECT_LOAD_PAUSE ± 50 % (none by default: as fast as the frames come back;
// .ci/serve-load.sh gives 200ms, a fast typist).
// It reports the time from a key to the frame that answers it (median, 99th
// percentile), the server's resident memory per session, and checks the database: every
// answer there, integrity_check ok, no « database is locked ».
func BenchmarkServeLoad(b *testing.B) {
	addr, pid, dbPath, code := os.Getenv("AECT_LOAD_ADDR"), os.Getenv("AECT_LOAD_PID"), os.Getenv("AECT_LOAD_DB"), os.Getenv("AECT_LOAD_CODE")
	if addr == "" || pid == "" || dbPath == "" || code == "" {
		b.Skip("run by .ci/serve-load.sh (AECT_LOAD_ADDR, AECT_LOAD_PID, AECT_LOAD_DB, AECT_LOAD_CODE)")
	}
	n := 30
	if v, err := strconv.Atoi(os.Getenv("AECT_LOAD_SESSIONS")); err == nil && v > 0 {
		n = v
	}
	var pause time.Duration
	if v := os.Getenv("AECT_LOAD_PAUSE"); v != "" {
		var err error
		if pause, err = time.ParseDuration(v); err != nil {
			b.Fatal(err)
		}
	}
	smp, _ := samples.Get(loadSample)
	want, err := wizard.Decode(smp.Data)
	if err != nil {
		b.Fatal(err)
	}
	keys := planKeys(want)
	base := rssKB(pid)
	cpu0, self0 := cpuTime(pid), cpuTime("self")

	for range b.N {
		var (
			mu        sync.Mutex
			latencies []time.Duration
			misses    int
			errs      []error
			wg        sync.WaitGroup
			peak      = base
			stop      = make(chan struct{})
		)
		go func() { // the server's memory, sampled while the room types
			t := time.NewTicker(100 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					if r := rssKB(pid); r > peak {
						mu.Lock()
						peak = r
						mu.Unlock()
					}
				}
			}
		}()
		start := time.Now()
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				fail := func(err error) {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
				c, err := connect(addr, code, i)
				if err != nil {
					fail(fmt.Errorf("participant %d: %w", i+1, err))
					return
				}
				defer c.sess.Close()
				if err := c.waitText("Bienvenue"); err != nil {
					fail(err)
					return
				}
				c.press("n")
				if err := c.waitText("Nouveau projet"); err != nil {
					fail(err)
					return
				}
				for _, r := range want.Title {
					c.press(string(r))
				}
				c.press("\r")
				if err := c.waitText("1/10 Collectivité"); err != nil {
					fail(err)
					return
				}
				var own []time.Duration
				missed := 0
				for j, k := range keys {
					if pause > 0 { // a person's pace: pause ± 50 %
						time.Sleep(pause/2 + time.Duration(rand.Int64N(int64(pause))))
					}
					mark := c.written()
					if d, ok := c.press(k); ok {
						own = append(own, d)
					} else {
						missed++
					}
					if k == keyBytes["esc"] && j+1 < len(keys) {
						// ESC and the next key read together would be alt+key, in any
						// terminal: the next key waits for the list.
						if err := c.waitTextAfter(mark, "Vos projets"); err != nil {
							fail(err)
							return
						}
					}
				}
				select {
				case <-c.done:
				case <-time.After(30 * time.Second):
					fail(fmt.Errorf("%s: the session did not end after q", c.name))
				}
				if s := c.screen(); strings.Contains(s, "non enregistré") || strings.Contains(s, "enregistrement a échoué") {
					fail(fmt.Errorf("%s: a save failed on screen", c.name))
				}
				mu.Lock()
				latencies = append(latencies, own...)
				misses += missed
				mu.Unlock()
			}()
		}
		wg.Wait()
		elapsed := time.Since(start)
		close(stop)
		for _, err := range errs {
			b.Error(err)
		}
		if len(latencies) == 0 {
			b.Fatal("no latency measured")
		}
		slices.Sort(latencies)
		median, p99 := latencies[len(latencies)/2], latencies[len(latencies)*99/100]
		perSession := float64(peak-base) / 1024 / float64(n)
		b.ReportMetric(float64(median.Microseconds())/1000, "ms-median")
		b.ReportMetric(float64(p99.Microseconds())/1000, "ms-p99")
		b.ReportMetric(perSession, "MB-RSS/session")
		b.Logf("%d sessions, %d keys each (%d measured, %d without a frame within 2 s), %s, pause %v between keys",
			n, len(keys)+len(want.Title)+2, len(latencies), misses, elapsed.Round(time.Millisecond), pause)
		b.Logf("key → frame: median %v, p99 %v, max %v", median, p99, latencies[len(latencies)-1])
		b.Logf("server RSS: %.1f MB idle, %.1f MB at the peak: %.2f MB per session", float64(base)/1024, float64(peak)/1024, perSession)
		cpu := cpuTime(pid) - cpu0
		b.Logf("server CPU: %v for %d keys, %.2f ms a key (%.0f %% of one core over the run)", cpu.Round(time.Millisecond),
			len(latencies), float64(cpu.Microseconds())/1000/float64(len(latencies)), 100*cpu.Seconds()/elapsed.Seconds())
		self := cpuTime("self") - self0
		b.Logf("the %d clients of this test, on the same cores: %v (%.0f %% of one core)", n, self.Round(time.Millisecond),
			100*self.Seconds()/elapsed.Seconds())
		checkLoadDB(b, dbPath, n, want)
	}
}

// checkLoadDB checks every participant's draft against the sample, and the database's
// integrity, from this process, while the server keeps it open.
func checkLoadDB(b *testing.B, path string, n int, want *wizard.Plan) {
	s, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	exp := normalised(b, want)
	complete := 0
	for i := range n {
		name := fmt.Sprintf("charge%02d", i+1)
		st := s.ForOwner(name)
		list, err := st.List("")
		if err != nil || len(list) != 1 {
			b.Errorf("%s: drafts %v, %v", name, list, err)
			continue
		}
		d, err := st.Get(list[0].ID)
		if err != nil {
			b.Error(err)
			continue
		}
		if got := normalised(b, d.Plan); !reflect.DeepEqual(got, exp) {
			g, _ := wizard.Encode(got)
			e, _ := wizard.Encode(exp)
			b.Errorf("%s: the saved plan differs from the sample:\n%s", name, lineDiff(string(g), string(e)))
			continue
		}
		complete++
	}
	if err := s.Check(); err != nil {
		b.Errorf("integrity_check: %v", err)
	}
	if log := os.Getenv("AECT_LOAD_LOG"); log != "" {
		data, _ := os.ReadFile(log)
		for _, bad := range []string{"database is locked", "SQLITE_BUSY", "occupée", "level=ERROR"} {
			if bytes.Contains(data, []byte(bad)) {
				b.Errorf("the server's log holds %q", bad)
			}
		}
	}
	b.Logf("database: %d of %d plans typed are saved whole; integrity_check ok", complete, n)
}

func normalised(b *testing.B, p *wizard.Plan) *wizard.Plan {
	data, err := wizard.Encode(p)
	if err != nil {
		b.Fatal(err)
	}
	out, err := wizard.Decode(data)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// lineDiff lists the lines of got and want that differ, side by side.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var out []string
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			out = append(out, fmt.Sprintf("line %d:\n  got  %s\n  want %s", i+1, a, b))
		}
		if len(out) > 10 {
			break
		}
	}
	return strings.Join(out, "\n")
}
