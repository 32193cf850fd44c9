package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// compileOC4IDS compiles the OC4IDS 0.9 package schema kept in testdata
// (the published files, under the ids they reference each other by).
func compileOC4IDS(t *testing.T) *jsonschema.Schema {
	t.Helper()
	const base = "https://standard.open-contracting.org/infrastructure/schema/0__9__4/"
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, name := range []string{"project-package-schema.json", "project-schema.json"} {
		f, err := os.Open(filepath.Join("..", "..", "testdata", "oc4ids", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(base+name, doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile(base + "project-package-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// qianxiang report oc4ids over the public city sample: the file validates
// against the schema, holds every public project and no confidential one,
// and each budget is the registry's 万元 × 10,000 in yuan. Bad input: no
// year is a usage error (2), a year without public projects is refused (1).
func TestCLIReportOC4IDSValidates(t *testing.T) {
	t.Setenv("LANG", "C")
	schema := compileOC4IDS(t)
	dir := t.TempDir()
	db, key := filepath.Join(dir, "q.db"), filepath.Join(dir, "audit.key")
	t.Setenv("QIANXIANG_AUDIT_KEY_FILE", key)
	mustRun(t, "init", "--preset", "lvliang", "--db", db)
	mustRun(t, "import", "projects", "--db", db, "--year", "2023", filepath.Join(testenv.Samples(t), "city-sectioned-2023", "projects.xlsx"))
	a := testenv.OpenDSN(t, db, key)
	ctx := context.Background()
	ps, err := a.DB.PublicProjects(ctx, 2023)
	if err != nil || len(ps) < 2 {
		t.Fatalf("%d public projects, %v", len(ps), err)
	}
	secret := ps[0]
	if _, err := a.PatchProject(ctx, qianxiang.SystemActor, secret.ID, app.AnyVersion, []byte(`{"confidential":true}`)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "oc4ids.json")
	mustRun(t, "report", "oc4ids", "--db", db, "--year", "2023", "-o", out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("the file does not validate: %v", err)
	}
	raw, _ := os.ReadFile(out)
	var pkg struct {
		Version  string `json:"version"`
		Projects []struct {
			ID     string `json:"id"`
			Budget struct {
				Amount struct {
					Amount   json.Number `json:"amount"`
					Currency string      `json:"currency"`
				} `json:"amount"`
			} `json:"budget"`
		} `json:"projects"`
	}
	if err := json.Unmarshal(raw, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Version != "0.9" || len(pkg.Projects) != len(ps)-1 {
		t.Fatalf("version %q, %d projects, want %d", pkg.Version, len(pkg.Projects), len(ps)-1)
	}
	prefix := app.OC4IDSPrefix("141100")
	want := map[string]qianxiang.Money{}
	for _, p := range ps[1:] {
		id := p.Code
		if id == "" {
			id = fmt.Sprint(p.ID)
		}
		want[prefix+id] = p.TotalInvestment
	}
	for _, o := range pkg.Projects {
		m, ok := want[o.ID]
		if !ok {
			t.Fatalf("%s is not a public project of the registry (the confidential one is %s)", o.ID, secret.Name)
		}
		// Money is hundredths of 万元: × 10,000 yuan / 100 = × 100.
		if got := o.Budget.Amount.Amount.String(); got != fmt.Sprint(int64(m)*100) || o.Budget.Amount.Currency != "CNY" {
			t.Errorf("%s: %s %s, registry %s 万元", o.ID, got, o.Budget.Amount.Currency, m)
		}
	}
	if code, _, errs := run(t, "", "report", "oc4ids", "--db", db); code != 2 {
		t.Errorf("without --year: exit %d %s", code, errs)
	}
	code, _, errs := run(t, "", "report", "oc4ids", "--db", db, "--year", "2031", "-o", filepath.Join(dir, "none.json"))
	if code != 1 {
		t.Errorf("a year without public projects: exit %d", code)
	}
	testenv.Contains(t, errs, "no public projects in the 2031 plan")
}
