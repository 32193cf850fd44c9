package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLogLevelParsesTheFourLevels(t *testing.T) {
	for in, want := range map[string]slog.Level{"": slog.LevelInfo, "info": slog.LevelInfo, "DEBUG": slog.LevelDebug,
		"warn": slog.LevelWarn, " error ": slog.LevelError} {
		if got, err := ParseLogLevel(in); err != nil || got != want {
			t.Errorf("ParseLogLevel(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseLogLevel("loud"); err == nil || !strings.Contains(err.Error(), "debug, info, warn or error") {
		t.Errorf("a bad level: %v", err)
	}
}

// serve refuses a bad level before opening anything, from the flag and
// from the environment alike; a good one is taken.
func TestServeLogLevelFlagAndEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	code, _, errs := run(t, "", "serve", "--db", db, "--log-level", "loud")
	if code != 2 || !strings.Contains(errs, "--log-level") {
		t.Errorf("--log-level loud: exit %d, %s", code, errs)
	}
	t.Setenv("QIANXIANG_LOG_LEVEL", "verbose")
	code, _, errs = run(t, "", "serve", "--db", db)
	if code != 2 || !strings.Contains(errs, "verbose") {
		t.Errorf("QIANXIANG_LOG_LEVEL=verbose: exit %d, %s", code, errs)
	}
	// warn: the server starts and says nothing per request.
	var stderr bytes.Buffer
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: &stderr}
	s, err := StartServer(context.Background(), env, ServeConfig{DSN: db, Addr: "127.0.0.1:0", LogLevel: "warn",
		AuditKey: filepath.Join(t.TempDir(), "k")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for range 3 {
		res, err := httpGet("http://" + s.Addr + "/api/v1/healthz")
		if err != nil || res != 200 {
			t.Fatal(res, err)
		}
	}
	time.Sleep(50 * time.Millisecond)
	if strings.Contains(stderr.String(), `"request"`) {
		t.Errorf("at warn the requests were logged:\n%s", stderr.String())
	}
}

func httpGet(url string) (int, error) {
	res, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	return res.StatusCode, nil
}
