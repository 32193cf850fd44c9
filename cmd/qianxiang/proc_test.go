package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests run the real binary as separate processes: two servers on
// one database, a server killed with SIGKILL mid-write and started again.
// The binary is built once per test run.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// TestMain removes the built binary after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

func qxBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "qianxiang-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "qianxiang")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// syncBuf is a buffer the process's output goroutine and the test share.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// proc is one `qianxiang serve` process.
type proc struct {
	t      *testing.T
	cmd    *exec.Cmd
	Base   string
	Out    *syncBuf // stdout
	Err    *syncBuf // stderr: the JSON log
	Logins map[string]string
	done   chan struct{}
}

var servingLine = regexp.MustCompile(`Qianxiang is serving on (http://\S+)`)
var loginLine = regexp.MustCompile(`(?m)^\s+(\S+)\s+(\S+)\s+\S+\s+`)

// startQX starts `qianxiang serve` on a free port and waits until it
// listens (a demo fill on a loaded machine takes a while: two minutes).
func startQX(t *testing.T, dsn, key string, args ...string) *proc {
	t.Helper()
	full := append([]string{"serve", "--db", dsn, "--audit-key", key, "--addr", "127.0.0.1:0"}, args...)
	cmd := exec.Command(qxBinary(t), full...)
	cmd.Env = append(os.Environ(), "QIANXIANG_LANG=en", "QIANXIANG_DB_READ=")
	p := &proc{t: t, cmd: cmd, Out: &syncBuf{}, Err: &syncBuf{}, Logins: map[string]string{}, done: make(chan struct{})}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = p.Err
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	base := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			p.Out.Write([]byte(line + "\n"))
			if m := servingLine.FindStringSubmatch(line); m != nil {
				base <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() { cmd.Wait(); close(p.done) }()
	t.Cleanup(func() { p.Kill() })
	select {
	case p.Base = <-base:
	case <-p.done:
		t.Fatalf("qianxiang serve %v exited:\n%s\n%s", args, p.Out.String(), p.Err.String())
	case <-time.After(3 * time.Minute):
		t.Fatalf("qianxiang serve did not start in 3 minutes:\n%s\n%s", p.Out.String(), p.Err.String())
	}
	for _, m := range loginLine.FindAllStringSubmatch(p.Out.String(), -1) {
		p.Logins[m[1]] = m[2]
	}
	return p
}

// Kill ends the process with SIGKILL: no shutdown, no flush, as a
// machine that loses power.
func (p *proc) Kill() {
	if p.cmd.Process != nil {
		p.cmd.Process.Signal(syscall.SIGKILL)
	}
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		p.t.Errorf("process did not end after SIGKILL")
	}
}

// client speaks to a server as one logged-in person, cookie and CSRF
// token kept by hand so the same session can be taken to another server.
type client struct {
	t       *testing.T
	Base    string
	Cookie  string
	CSRF    string
	Session string // the session's cookie value
	hc      *http.Client
}

func newClient(t *testing.T, base string) *client {
	return &client{t: t, Base: base, hc: &http.Client{Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// on is the same person (same session) talking to another server.
func (c *client) on(base string) *client {
	d := *c
	d.Base = base
	return &d
}

func (c *client) login(user, pass string) {
	c.t.Helper()
	if pass == "" {
		c.t.Fatalf("no password for %s", user)
	}
	body, _ := json.Marshal(map[string]string{"username": user, "password": pass})
	resp, err := c.hc.Post(c.Base+"/api/v1/session", "application/json", bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ CSRF string }
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || json.Unmarshal(b, &out) != nil {
		c.t.Fatalf("login %s: %d %s", user, resp.StatusCode, b)
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == "qx_session" {
			c.Session = ck.Value
		}
	}
	c.CSRF = out.CSRF
}

// do sends a request and returns status, body and the response.
func (c *client) do(method, path string, body any) (int, []byte, *http.Response, error) {
	var rd io.Reader
	if body != nil {
		switch b := body.(type) {
		case string:
			rd = strings.NewReader(b)
		case []byte:
			rd = bytes.NewReader(b)
		default:
			j, _ := json.Marshal(b)
			rd = bytes.NewReader(j)
		}
	}
	req, err := http.NewRequest(method, c.Base+path, rd)
	if err != nil {
		return 0, nil, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Session != "" {
		req.AddCookie(&http.Cookie{Name: "qx_session", Value: c.Session})
	}
	if c.Cookie != "" {
		req.Header.Add("Cookie", c.Cookie)
	}
	if c.CSRF != "" && method != http.MethodGet {
		req.Header.Set("X-CSRF-Token", c.CSRF)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp, err
}

// must sends a request and fails the test unless the status is want.
func (c *client) must(want int, method, path string, body any) []byte {
	c.t.Helper()
	code, b, _, err := c.do(method, path, body)
	if err != nil {
		c.t.Fatalf("%s %s%s: %v", method, c.Base, path, err)
	}
	if code != want {
		c.t.Fatalf("%s %s%s: %d (want %d) %s", method, c.Base, path, code, want, b)
	}
	return b
}

// eventually polls cond until it holds or the time is up.
func eventually(t *testing.T, within time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	end := time.Now().Add(within)
	last := ""
	for time.Now().Before(end) {
		ok, s := cond()
		if ok {
			return
		}
		last = s
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("%s: not within %s (last: %s)", what, within, last)
}
