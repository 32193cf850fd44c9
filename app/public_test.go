package app_test

import (
	"bytes"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// The OC4IDS 0.9 schemas as published (open-contracting/infrastructure,
// branch 0.9, schema/project-level), kept in testdata.
const (
	oc4idsPackageURL = "https://standard.open-contracting.org/infrastructure/schema/0__9__4/project-package-schema.json"
	oc4idsProjectURL = "https://standard.open-contracting.org/infrastructure/schema/0__9__4/project-schema.json"
)

func oc4idsSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for url, file := range map[string]string{oc4idsPackageURL: "project-package-schema.json", oc4idsProjectURL: "project-schema.json"} {
		f, err := os.Open(filepath.Join("..", "testdata", "oc4ids", file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile(oc4idsPackageURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// importCitySample loads the public city sample as the campaign office would.
func importCitySample(t *testing.T, a *app.App) []qianxiang.Project {
	t.Helper()
	a.Now = func() time.Time { return time.Date(2023, 3, 10, 9, 0, 0, 0, a.Loc) }
	testenv.Lvliang(t, a)
	f, err := os.Open(filepath.Join(testenv.Samples(t), "city-sectioned-2023", "projects.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := a.ImportProjects(ctx, qianxiang.SystemActor, 2023, "projects.xlsx", f, false, false); err != nil {
		t.Fatalf("import: %v", err)
	}
	// Every project is public until someone marks one confidential.
	ps, err := a.DB.PublicProjects(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// TestPublicOC4IDSOfTheCitySampleValidates exports the city sample with one
// project marked confidential, validates the package against the published
// schema, and checks every amount against the registry × 10,000.
func TestPublicOC4IDSOfTheCitySampleValidates(t *testing.T) {
	schema := oc4idsSchema(t)
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ps := importCitySample(t, a)
		if len(ps) < 2 {
			t.Fatalf("sample has %d projects", len(ps))
		}
		secret := ps[0]
		if _, err := a.PatchProject(ctx, qianxiang.SystemActor, secret.ID, app.AnyVersion, []byte(`{"confidential":true}`)); err != nil {
			t.Fatal(err)
		}
		pkg, err := a.PublicOC4IDS(ctx, 2023, "https://example.org/api/v1/public/oc4ids?year=2023")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(pkg)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Fatalf("package does not validate: %v", err)
		}
		if len(pkg.Projects) != len(ps)-1 {
			t.Fatalf("%d projects exported, want %d", len(pkg.Projects), len(ps)-1)
		}
		byID := map[string]qianxiang.Project{}
		prefix := app.OC4IDSPrefix(a.CityCode(ctx))
		for _, p := range ps {
			id := p.Code
			if id == "" {
				id = itoa64(p.ID)
			}
			byID[prefix+id] = p
		}
		for _, o := range pkg.Projects {
			p, ok := byID[o.ID]
			if !ok {
				t.Fatalf("exported id %s is no project", o.ID)
			}
			if p.ID == secret.ID {
				t.Fatalf("confidential project %d exported", p.ID)
			}
			// registry 万元 (exact decimal) × 10,000 = yuan
			want, ok := new(big.Rat).SetString(p.TotalInvestment.String())
			if !ok {
				t.Fatalf("amount %q", p.TotalInvestment.String())
			}
			want.Mul(want, big.NewRat(10000, 1))
			got, ok := new(big.Rat).SetString(o.Budget.Amount.Amount.String())
			if !ok || got.Cmp(want) != 0 {
				t.Errorf("%s: amount %s yuan, registry %s 万元", o.ID, o.Budget.Amount.Amount, p.TotalInvestment)
			}
		}
	})
}

// TestPublicConfidentialFlagOnlyCampaignOffice: a county may not hide its
// project from the public; the campaign office may, and it is audited.
func TestPublicConfidentialFlagOnlyCampaignOffice(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		ps := importCitySample(t, a)
		var p qianxiang.Project
		for _, x := range ps {
			if x.Org.Code == "141102" {
				p = x
			}
		}
		if p.ID == 0 {
			t.Fatal("no 离石区 project in the sample")
		}
		county := testenv.User(t, a, "lishi-admin", qianxiang.RoleOrgAdmin, "141102")
		office := testenv.User(t, a, "office", qianxiang.RoleCommand, a.CityCode(ctx))
		_, err := a.PatchProject(ctx, county, p.ID, app.AnyVersion, []byte(`{"confidential":true}`))
		if qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("county marking confidential: %v", err)
		}
		// The county may still edit other fields of the project.
		if _, err := a.PatchProject(ctx, county, p.ID, app.AnyVersion, []byte(`{"notes":"ok"}`)); err != nil {
			t.Fatalf("county edit: %v", err)
		}
		np, err := a.PatchProject(ctx, office, p.ID, app.AnyVersion, []byte(`{"confidential":true}`))
		if err != nil || !np.Confidential {
			t.Fatalf("office marking confidential: %v %v", np.Confidential, err)
		}
		if got, _ := a.Project(ctx, office, p.ID); !got.Confidential {
			t.Fatal("flag not stored")
		}
		if _, err := a.PublicProject(ctx, p.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Fatalf("confidential public project: %v", err)
		}
		if _, err := a.PublicProject(ctx, ps[len(ps)-1].ID); ps[len(ps)-1].ID != p.ID && err != nil {
			t.Fatalf("public project: %v", err)
		}
	})
}

func itoa64(n int64) string { return big.NewInt(n).String() }
