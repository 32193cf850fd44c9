package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// The CSP allows scripts from 'self' only, so an inline handler
// (onchange="this.form.submit()") silently does nothing: the year pickers
// of /targets and /batch-starts once did not move. Pages use app.js's
// form.autosubmit and data-print-now instead.
func TestTemplatesHaveNoInlineHandlers(t *testing.T) {
	inline := regexp.MustCompile(`\son[a-z]+\s*=\s*["']`)
	err := fs.WalkDir(assets, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := fs.ReadFile(assets, path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if m := inline.FindString(line); m != "" {
				t.Errorf("%s:%d has an inline handler %q, which the CSP blocks", path, i+1, strings.TrimSpace(m))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
