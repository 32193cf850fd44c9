package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
)

// uiKey finds the words the pages translate: {{.T "…"}} in templates and
// .T("…") / i18n.T(lang, "…") in the web code.
var uiKey = regexp.MustCompile(`(?:\.T\s+"([^"]+)"|\.T\("([^"]+)"|i18n\.T\(\w+,\s*"([^"]+)")`)

// TestEveryPageWordHasChinese keeps the UI Chinese first: a label added to a
// page without its translation fails here.
func TestEveryPageWordHasChinese(t *testing.T) {
	root := filepath.Join("..", "..") // tests run in the package folder
	var files []string
	for _, glob := range []string{"web/templates/*.html", "web/*.go"} {
		m, _ := filepath.Glob(filepath.Join(root, glob))
		files = append(files, m...)
	}
	missing := map[string]string{}
	for _, f := range files {
		if filepath.Ext(f) == ".go" && regexp.MustCompile(`_test\.go$`).MatchString(f) {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range uiKey.FindAllStringSubmatch(string(b), -1) {
			key := m[1] + m[2] + m[3]
			if _, ok := zh[key]; ok {
				continue
			}
			if _, ok := terms[key]; ok {
				continue
			}
			missing[key] = filepath.Base(f)
		}
	}
	var keys []string
	for k := range missing {
		keys = append(keys, missing[k]+": "+k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("no Chinese for %s", k)
	}
}
