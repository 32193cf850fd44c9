package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"syscall"
	"time"
)

// serverProc is one `qianxiang serve` started for the run: a real process
// on its own loopback port, on the run's database, as behind a reverse
// proxy in production.
type serverProc struct {
	cmd  *exec.Cmd
	base string // http://127.0.0.1:PORT
	log  string // its stderr: the JSON log
	done chan error
}

// startServer starts bin serve on dsn with its clock at day (the deadline
// day the city was built for) and waits until it listens.
func startServer(bin, dsn string, day time.Time, logPath string) (*serverProc, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer logf.Close() // the child has its own descriptor
	cmd := exec.Command(bin, "serve", "--db", dsn, "--addr", "127.0.0.1:0", "--trust-proxy", "--clock", day.Format(time.RFC3339))
	cmd.Stderr = logf
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &serverProc{cmd: cmd, log: logPath, done: make(chan error, 1)}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "Qianxiang is serving on "); ok {
				addr <- a
			}
		}
		p.done <- cmd.Wait()
	}()
	select {
	case p.base = <-addr:
		fmt.Printf("server %d listening on %s (log %s)\n", cmd.Process.Pid, p.base, logPath)
		return p, nil
	case err := <-p.done:
		p.done <- err
		return p, fmt.Errorf("%s serve stopped before listening (%v); its log: %s", bin, err, tail(logPath))
	case <-time.After(2 * time.Minute):
		return p, fmt.Errorf("%s serve did not listen within 2 minutes; its log: %s", bin, tail(logPath))
	}
}

// stopServers asks each server to stop as an operator would (SIGINT: the
// requests in flight finish) and kills one that has not stopped in 20 s.
func stopServers(ps []*serverProc) {
	for _, p := range ps {
		p.cmd.Process.Signal(os.Interrupt)
	}
	for _, p := range ps {
		select {
		case <-p.done:
		case <-time.After(20 * time.Second):
			p.cmd.Process.Signal(syscall.SIGKILL)
			<-p.done
		}
	}
}

// summariseLogs counts each server's log lines by level and prints the
// warnings and errors, most frequent first: a run with none is clean.
func summariseLogs(ps []*serverProc) {
	for i, p := range ps {
		b, err := os.ReadFile(p.log)
		if err != nil {
			fmt.Printf("server %d: %v\n", i+1, err)
			continue
		}
		levels := map[string]int{}
		msgs := map[string]int{}
		other := 0
		for _, line := range bytes.Split(b, []byte("\n")) {
			if len(line) == 0 {
				continue
			}
			var l struct{ Level, Msg, Path, Op, Err string }
			if json.Unmarshal(line, &l) != nil || l.Level == "" {
				// Not a log line: Go's own server log ("http: superfluous
				// response.WriteHeader", accept errors) is plain text.
				other++
				msgs[string(line[:min(len(line), 100)])]++
				continue
			}
			levels[l.Level]++
			if l.Level == "WARN" || l.Level == "ERROR" {
				// Errors name the operation and the cause; a cause is
				// cut to its start so that ids and times do not split
				// one kind of failure into many.
				msgs[strings.TrimSpace(l.Level+" "+l.Msg+" "+l.Path+" "+l.Op+" "+l.Err[:min(len(l.Err), 90)])]++
			}
		}
		fmt.Printf("server %d log: %d request lines and other INFO, %d WARN, %d ERROR, %d plain-text lines\n",
			i+1, levels["INFO"], levels["WARN"], levels["ERROR"], other)
		var keys []string
		for k := range msgs {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return msgs[keys[a]] > msgs[keys[b]] })
		for _, k := range keys[:min(len(keys), 10)] {
			fmt.Printf("  %6d × %s\n", msgs[k], k)
		}
	}
}

// tail is the end of a log, for an error message.
func tail(path string) string {
	b, _ := os.ReadFile(path)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}
