package main

import (
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The peer's accounts exist only in its throwaway data directory on
// loopback, so fixed credentials are enough.
const (
	peerSuperuser = "qxbench-admin@example.com"
	peerUser      = "qxbench-user@example.com"
	peerPassword  = "qxbench-peer-2026"
)

// peer sets PocketBase up as the peer of section 6 of BENCHMARKS.md: it
// runs a binary the user supplies (we neither ship nor build PocketBase),
// through its CLI and public HTTP API only, so anyone can rerun the
// comparison with an official release.
func peer(args []string) error {
	fs := flag.NewFlagSet("peer", flag.ContinueOnError)
	bin := fs.String("pocketbase", "", "path to a PocketBase binary (e.g. from its releases page; tested with v0.39.11)")
	rowsPath := fs.String("rows", "", "the rows `qxbench seed --rows` wrote")
	dir := fs.String("dir", "", "PocketBase's data directory: must not exist or be empty")
	addr := fs.String("addr", "127.0.0.1:8090", "address PocketBase listens on")
	batch := fs.Int("batch", 500, "rows per batch request")
	wait := fs.Bool("wait", false, "stay in the foreground and stop PocketBase on SIGINT or SIGTERM (default: leave it running)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *bin == "" || *rowsPath == "" || *dir == "" {
		return errors.New("peer needs --pocketbase, --rows and --dir")
	}
	if *batch < 1 {
		return errors.New("--batch must be at least 1")
	}
	rows, err := readRowsFile(*rowsPath)
	if err != nil {
		return err
	}
	if err := emptyDir(*dir); err != nil {
		return err
	}
	// Created before serve starts, so serve finds a superuser and does
	// not open its installer.
	out, err := exec.Command(*bin, "superuser", "upsert", peerSuperuser, peerPassword, "--dir", *dir, "--dev=false").CombinedOutput()
	if err != nil {
		return fmt.Errorf("superuser upsert: %v: %s", err, strings.TrimSpace(string(out)))
	}
	if v, err := exec.Command(*bin, "--version").Output(); err == nil {
		fmt.Fprintf(os.Stderr, "peer: %s\n", strings.TrimSpace(string(v)))
	}
	pb, err := startPocketBase(*bin, *dir, *addr)
	if err != nil {
		return err
	}
	token, err := setUpPeer(pb.client, rows, *batch)
	if err != nil {
		pb.stop()
		return fmt.Errorf("%w (PocketBase's log: %s)", err, pb.log)
	}
	fmt.Printf("pid=%d\nurl=%s\ntoken=%s\n", pb.cmd.Process.Pid, pb.client.base, token)
	if !*wait {
		fmt.Fprintf(os.Stderr, "PocketBase runs on as process %d (log: %s)\n", pb.cmd.Process.Pid, pb.log)
		return nil
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	select {
	case <-sig:
		pb.stop()
		return nil
	case <-pb.exited:
		return fmt.Errorf("PocketBase stopped by itself (log: %s)", pb.log)
	}
}

// setUpPeer takes a fresh PocketBase from its superuser to a user's token
// for the projects list; each step's error names the step.
func setUpPeer(c *pbClient, rows []row, batch int) (string, error) {
	if err := c.authenticate("_superusers", peerSuperuser, peerPassword); err != nil {
		return "", err
	}
	steps := []func() error{
		func() error { return c.enableBatch(batch) },
		func() error { return c.createCollection(projectsCollection()) },
		func() error { return c.loadRows(rows, batch) },
		func() error { return c.createUser(peerUser, peerPassword) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return "", err
		}
	}
	user := &pbClient{base: c.base, http: c.http}
	if err := user.authenticate("users", peerUser, peerPassword); err != nil {
		return "", err
	}
	return user.token, nil
}

// emptyDir refuses a directory with anything in it: a second load into
// the same PocketBase would double the rows or fail half-way.
func emptyDir(dir string) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(ents) > 0 {
		return fmt.Errorf("--dir %s is not empty: give a new directory", dir)
	}
	return nil
}

// pocketBase is a running `pocketbase serve`.
type pocketBase struct {
	cmd    *exec.Cmd
	client *pbClient
	log    string
	exited chan struct{}
}

func startPocketBase(bin, dir, addr string) (*pocketBase, error) {
	logPath := filepath.Join(dir, "serve.log")
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer logf.Close() // the child holds its own descriptor
	// --dev=false: PocketBase takes a binary under the temporary directory
	// (or Go's build cache) for `go run` and then logs every SQL statement,
	// which would slow the peer down. --automigrate=false: the release
	// binary would write a migration file for the new collection into
	// DIR/../pb_migrations, outside the directory we were given. (A build
	// without that flag ignores it: PocketBase whitelists unknown flags.)
	cmd := exec.Command(bin, "serve", "--dir", dir, "--http", addr, "--dev=false", "--automigrate=false")
	// Its output goes to a file, not ours: a caller reading our output
	// through a pipe would otherwise wait for PocketBase to exit.
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("serve: %v", err)
	}
	pb := &pocketBase{cmd: cmd, log: logPath, exited: make(chan struct{}),
		client: &pbClient{base: "http://" + addr, http: &http.Client{Timeout: 5 * time.Minute}}}
	go func() { cmd.Wait(); close(pb.exited) }()
	// Written at once, so whoever runs us can stop PocketBase even if we
	// are killed half-way through the set-up.
	pidPath := filepath.Join(dir, "pocketbase.pid")
	if err := os.WriteFile(pidPath, []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o644); err != nil {
		pb.stop()
		return nil, err
	}
	if err := pb.waitHealthy(30 * time.Second); err != nil {
		pb.stop()
		return nil, fmt.Errorf("serve: %v (log: %s)", err, logPath)
	}
	return pb, nil
}

func (pb *pocketBase) waitHealthy(limit time.Duration) error {
	quick := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); {
		select {
		case <-pb.exited:
			return errors.New("PocketBase exited before it answered")
		case <-time.After(100 * time.Millisecond):
		}
		resp, err := quick.Get(pb.client.base + "/api/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("no answer from %s/api/health within %s", pb.client.base, limit)
}

func (pb *pocketBase) stop() {
	pb.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-pb.exited:
	case <-time.After(5 * time.Second):
		pb.cmd.Process.Kill()
		<-pb.exited
	}
}
