package excel

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"qianxiang"
)

// lvliangOrgs is the lvliang preset: the city, its thirteen county-level
// units and the four city bodies of the seed, each with an id and a path.
func lvliangOrgs() []qianxiang.Org {
	orgs := []qianxiang.Org{{ID: 1, Code: "141100", Name: "吕梁市", Kind: qianxiang.OrgCity, Path: "/1/"}}
	add := func(code, name string, kind qianxiang.OrgKind) {
		id := int64(len(orgs) + 1)
		orgs = append(orgs, qianxiang.Org{ID: id, Code: code, Name: name, Kind: kind, ParentID: 1,
			Path: "/1/" + itoa(id) + "/"})
	}
	for _, c := range [][2]string{
		{"141102", "离石区"}, {"141121", "文水县"}, {"141122", "交城县"}, {"141123", "兴县"},
		{"141124", "临县"}, {"141125", "柳林县"}, {"141126", "石楼县"}, {"141127", "岚县"},
		{"141128", "方山县"}, {"141129", "中阳县"}, {"141130", "交口县"}, {"141181", "孝义市"},
		{"141182", "汾阳市"},
	} {
		add(c[0], c[1], qianxiang.OrgCounty)
	}
	for i, n := range []string{"市发改委", "市城管局", "市新区建管中心", "市卫健委"} {
		add("141100-0"+itoa(int64(i+1)), n, qianxiang.OrgDepartment)
	}
	return orgs
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func importOptions() ImportOptions {
	return ImportOptions{Year: 2023, CityCode: "141100", Orgs: lvliangOrgs()}
}

// samplesDir is shared/samples beside the repository: the repo is checked
// out next to shared/, here and in CI.
var samplesDir = filepath.Join("..", "..", "shared", "samples")

var sampleFolders = []string{"city-sectioned-2023", "county-flat-2023", "county-yi-2023"}

// expected is a sample folder's expected.json, the parts the importer
// answers for.
type expected struct {
	Projects        int             `json:"projects"`
	TotalInvestment string          `json:"total_investment"`
	AnnualPlan      string          `json:"annual_plan"`
	Kinds           map[string]int  `json:"kinds"`
	ByCounty        map[string]int  `json:"by_county"`
	RowsSample      map[string]int  `json:"rows_sample"`
	BadRows         map[string]int  `json:"bad_rows"`
	CSV             *expectedTotals `json:"csv"`
	Dispatch        map[string]struct {
		Total struct {
			Projects       int    `json:"projects"`
			CompletedYTD   string `json:"completed_ytd"`
			ReportsMissing int    `json:"reports_missing"`
		} `json:"total"`
	} `json:"dispatch"`
}

type expectedTotals struct {
	Projects        int    `json:"projects"`
	TotalInvestment string `json:"total_investment"`
	AnnualPlan      string `json:"annual_plan"`
}

func loadExpected(t testing.TB, folder string) expected {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(samplesDir, folder, "expected.json"))
	if err != nil {
		t.Fatalf("sample %s: %v (shared/samples must sit beside the repository)", folder, err)
	}
	var e expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("expected.json of %s: %v", folder, err)
	}
	return e
}

func readSample(t testing.TB, folder, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(samplesDir, folder, name))
	if err != nil {
		t.Fatalf("sample %s/%s: %v", folder, name, err)
	}
	return b
}

// mustReadProjects reads a sample list and fails on any error in it.
func mustReadProjects(t testing.TB, folder, name string) *ProjectImport {
	t.Helper()
	imp, err := ReadProjects(bytes.NewReader(readSample(t, folder, name)), name, importOptions())
	if err != nil {
		t.Fatalf("%s/%s: %v", folder, name, err)
	}
	for _, d := range imp.Errors {
		t.Errorf("%s/%s: unexpected error: %s", folder, name, d)
	}
	return imp
}

func bytesOf(t testing.TB, folder, name string) *bytes.Reader {
	return bytes.NewReader(readSample(t, folder, name))
}

func readFile(folder, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(samplesDir, folder, name))
}
