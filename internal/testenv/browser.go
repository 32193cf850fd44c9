package testenv

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser starts a headless Chromium (Debian's /usr/bin/chromium) and
// returns a context for chromedp.Run. It fails when Chromium is missing:
// .ci/run installs it.
func Browser(tb testing.TB) context.Context {
	tb.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
			if _, err := os.Stat(p); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		if _, err := exec.LookPath("chromium"); err != nil {
			tb.Fatal("Chromium is needed for the browser tests (apt-get install chromium); set CHROMIUM to its path")
		}
		path = "chromium"
	}
	// Chromium may still be writing its profile as the test ends, so the
	// profile is removed after the browser is closed, not by t.TempDir.
	profile, err := os.MkdirTemp("", "qx-chromium-")
	if err != nil {
		tb.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1366, 900),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelC := context.WithTimeout(ctx, 90*time.Second)
	tb.Cleanup(func() {
		cancelC()
		cancelB()
		cancelA()
		os.RemoveAll(profile)
	})
	if err := chromedp.Run(ctx); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// Login fills the login form of the server at base.
func Login(base, username, password string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Navigate(base + "/login"),
		chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=username]`, username, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=password]`, password, chromedp.ByQuery),
		chromedp.Submit(`input[name=password]`, chromedp.ByQuery),
		chromedp.WaitVisible(`header.top`, chromedp.ByQuery),
	}
}

// Screenshot saves a full-page PNG (quality 100 makes Chromium write PNG) under $QIANXIANG_SHOTS (if set), so a
// person can look at what the test saw.
func Screenshot(tb testing.TB, ctx context.Context, name string) {
	dir := os.Getenv("QIANXIANG_SHOTS")
	if dir == "" {
		return
	}
	var buf []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&buf, 100)); err != nil {
		tb.Logf("screenshot %s: %v", name, err)
		return
	}
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
}

// Server is an httptest server; kept here so browser tests share a shape.
type Server = httptest.Server
