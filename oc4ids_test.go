package qianxiang

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestOC4IDSStatus(t *testing.T) {
	for _, c := range []struct {
		stage Stage
		want  string
	}{
		{StageIdea, "identification"}, {StageReserve, "identification"}, {StagePreparing, "preparation"},
		{StageConstruction, "implementation"}, {StageCompleted, "completion"}, {StageOperating, "completion"},
	} {
		if got := OC4IDSStatus(c.stage); got != c.want {
			t.Errorf("%s: got %s, want %s", c.stage, got, c.want)
		}
	}
}

func TestToOC4IDS(t *testing.T) {
	pub := OC4IDSPublisher{Name: "吕梁市", Prefix: "oc4ids-test-", URI: "https://example.org/oc4ids/2023.json", CityCode: "141100"}
	county := func(p Project) (string, string) {
		if p.Org.Code == "141102" {
			return "141102", "离石区"
		}
		return "", ""
	}
	at := time.Date(2023, 3, 10, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	cases := []struct {
		name string
		p    Project
		want string // fragment of the project's JSON
		out  bool   // left out of the package
	}{
		{"code and amount", Project{ID: 7, Code: "2023-141102-48-01-000001", Name: "路", Stage: StageConstruction, TotalInvestment: 123456, Org: OrgRef{ID: 2, Code: "141102"}},
			`"id":"oc4ids-test-2023-141102-48-01-000001","title":"路","status":"implementation","budget":{"amount":{"amount":12345600,"currency":"CNY"}}`, false},
		{"no code uses the id", Project{ID: 9, Name: "桥", Stage: StageIdea, TotalInvestment: 1}, `"id":"oc4ids-test-9"`, false},
		{"amount exact beyond float", Project{ID: 10, Name: "大", Stage: StagePreparing, TotalInvestment: 90071992547409}, `"amount":9007199254740900,`, false},
		{"month-only period", Project{ID: 11, Name: "期", Stage: StageCompleted, PlannedStart: Date{Year: 2023, Month: 2}, PlannedEnd: Date{Year: 2024, Month: 2}},
			`"period":{"startDate":"2023-02-01T00:00:00+08:00","endDate":"2024-02-29T00:00:00+08:00"}`, false},
		{"county gazetteer", Project{ID: 12, Name: "县", Stage: StageIdea, Owner: "业主公司", Org: OrgRef{ID: 2, Code: "141102"}, LeadOrg: OrgRef{ID: 3, Code: "fgw", Name: "发改委"}},
			`"publicAuthority":{"id":"owner-12","name":"业主公司"},"parties":[{"id":"owner-12","name":"业主公司","roles":["publicAuthority"]},{"id":"org-fgw","name":"发改委","roles":["administrativeEntity"]}],"locations":[{"id":"1","description":"离石区","gazetteer":{"scheme":"CN-GB2260","identifiers":["141102"]}}]`, false},
		{"city code when no county", Project{ID: 13, Name: "市", Stage: StageIdea}, `"identifiers":["141100"]`, false},
		{"confidential left out", Project{ID: 14, Name: "密", Stage: StageIdea, Confidential: true}, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pkg := ToOC4IDS(pub, at, []Project{c.p}, county)
			if pkg.Version != "0.9" || pkg.PublishedDate != "2023-03-10T09:00:00+08:00" {
				t.Fatalf("package head %+v", pkg)
			}
			if c.out {
				if len(pkg.Projects) != 0 {
					t.Fatalf("confidential project exported: %+v", pkg.Projects)
				}
				return
			}
			b, _ := json.Marshal(pkg.Projects[0])
			if !strings.Contains(string(b), c.want) {
				t.Errorf("got %s\nwant fragment %s", b, c.want)
			}
		})
	}
}
