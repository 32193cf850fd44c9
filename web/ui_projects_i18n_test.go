package web_test

import (
	"os"
	"regexp"
	"testing"

	"qianxiang/internal/i18n"
)

// TestProjectPagesAreTranslated fails when a label of the registry or
// import pages has no Chinese: the pages are Chinese first, and a missing
// entry shows English to every user.
func TestProjectPagesAreTranslated(t *testing.T) {
	keys := regexp.MustCompile(`\.T "([^"]+)"|\.F "[a-z_]+" "([^"]*)" "([^"]*)"`)
	latin := regexp.MustCompile(`[a-z]{2}`)
	for _, f := range []string{"projects.html", "project.html", "project_form.html", "imports.html"} {
		b, err := os.ReadFile("templates/" + f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keys.FindAllStringSubmatch(string(b), -1) {
			for _, k := range m[1:] {
				if k != "" && latin.MatchString(k) && i18n.T("zh", k) == k {
					t.Errorf("%s: %q has no Chinese translation", f, k)
				}
			}
		}
	}
	// The messages and labels the handlers produce.
	calls := regexp.MustCompile(`(?:\bT\((?:lang|d\.lang|p\.Lang), |p\.T\(|bad\("[a-z_]+", |Errorf\(qianxiang\.E[A-Za-z]+, )"([^"]+)"|"([A-Z][a-z]+[^"\n]*)"`)
	for _, f := range []string{"ui_projects.go", "ui_project_view.go", "ui_project_form.go", "ui_project_fields.go", "ui_imports.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range calls.FindAllStringSubmatch(string(b), -1) {
			if k := m[1] + m[2]; !ignoredKey[k] && i18n.T("zh", k) == k {
				t.Errorf("%s: %q has no Chinese translation", f, k)
			}
		}
	}
}

// ignoredKey are string literals of the handlers that are not shown.
var ignoredKey = map[string]bool{"Content-Type": true, "Content-Disposition": true, "not a date": true}
