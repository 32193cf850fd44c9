package excel

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"qianxiang"
)

// The city's GBK CSV (what Excel in China saves) reads as its 40 projects,
// and so does the same text in UTF-8 with a BOM, and a CSV named .xlsx.
func TestReadProjectsCSVInAnyEncoding(t *testing.T) {
	const folder = "city-sectioned-2023"
	want := loadExpected(t, folder).CSV
	gbk := readSample(t, folder, "projects-gbk.csv")
	utf, err := simplifiedchinese.GB18030.NewDecoder().Bytes(gbk)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"projects-gbk.csv":  gbk,
		"utf8-bom.csv":      append([]byte("\xEF\xBB\xBF"), utf...),
		"utf8.csv":          utf,
		"misnamed-csv.xlsx": gbk,
	} {
		t.Run(name, func(t *testing.T) {
			imp, err := ReadProjects(bytes.NewReader(data), name, importOptions())
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range imp.Errors {
				t.Errorf("unexpected error: %s", d)
			}
			n, total, annual := sums(imp.Rows)
			if n != want.Projects || total.String() != want.TotalInvestment || annual.String() != want.AnnualPlan {
				t.Errorf("got %d projects, %s, %s; want %d, %s, %s", n, total, annual, want.Projects, want.TotalInvestment, want.AnnualPlan)
			}
			if imp.Rows[0].Row != 2 || imp.Rows[0].Project.Name != "离石区污水处理厂提标改造（二期）项目" {
				t.Errorf("first row = %d %q", imp.Rows[0].Row, imp.Rows[0].Project.Name)
			}
		})
	}
}

// readCSV reads a CSV list written in the test.
func readCSV(t *testing.T, text string) *ProjectImport {
	t.Helper()
	imp, err := ReadProjects(strings.NewReader(text), "list.csv", importOptions())
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

// A title, a 单位：亿元 row, a two-row header without merged cells, a
// section with a wrong subtotal, a 小计, a note and blank lines: all as
// import-format.md describes.
func TestReadProjectsUnderstandsListLayout(t *testing.T) {
	text := "吕梁市2023年重点项目表,,,,,\n" +
		",,,,,单位：亿元\n" +
		"序号,项目名称,县（市、区）,投资情况,,计划开工时间\n" +
		",,,总投资,2023年计划投资,\n" +
		"一、新开工项目（2个）,,,3.5,1,\n" +
		"（一）产业项目,,,,,\n" +
		"1,甲项目,市直,1.5,0.5,2023年3月\n" +
		"\n" +
		"2,乙项目,离石,2,0.4,2022-12\n" +
		"小计,,,3.6,0.9,\n" +
		"二、续建项目,,,,,\n" +
		"3,丙项目,吕梁市发改委,１．２３４５６７,—,\n" +
		"合计（3个）,,,,,\n" +
		"注：1.本表单位为亿元；\n" +
		"2.续建项目含结转项目。\n"
	imp := readCSV(t, text)
	if imp.Unit != "亿元" {
		t.Errorf("unit = %q", imp.Unit)
	}
	var errs []string
	for _, d := range imp.Errors {
		errs = append(errs, d.String())
	}
	if len(imp.Errors) != 1 || imp.Errors[0].Row != 12 || imp.Errors[0].Field != "annual_plan" {
		t.Errorf("errors: %v, want only row 12's empty annual plan", errs)
	}
	if len(imp.Rows) != 3 {
		t.Fatalf("rows: %+v", imp.Rows)
	}
	a, b, c := imp.Rows[0].Project, imp.Rows[1].Project, imp.Rows[2].Project
	if a.Org.Code != "141100" || a.Kind != qianxiang.KindNew || a.Sector != "产业项目" || a.PlannedStart.String() != "2023-03" {
		t.Errorf("甲 = %+v", a)
	}
	if b.Org.Code != "141102" || b.TotalInvestment != 2*qianxiang.Yi || b.AnnualPlan != 4000*100 || imp.Rows[1].Row != 9 {
		t.Errorf("乙 = %+v on row %d", b, imp.Rows[1].Row)
	}
	if c.Org.Code != "141100-01" || c.Kind != qianxiang.KindContinuing || c.Sector != "" || c.TotalInvestment.String() != "12345.67" {
		t.Errorf("丙 = %+v", c)
	}
	var warns []string
	for _, d := range imp.Warnings {
		warns = append(warns, d.String())
	}
	joined := strings.Join(warns, "\n")
	if len(warns) != 3 {
		t.Errorf("want 3 warnings, got:\n%s", joined)
	}
	for _, want := range []string{
		"row 9, column F (计划开工时间): a new project of the 2023 plan is planned to start in 2022-12",
		"row 5, column E (2023年计划投资): 一、新开工项目（2个） states 10000.00 but its 2 rows add up to 9000.00",
		"row 10, column D (总投资): 小计 states 36000.00 but its 2 rows add up to 35000.00",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing warning %q in:\n%s", want, joined)
		}
	}
}

// A CSV saved from a merged two-row header keeps the group text in its
// first cell only: the group's unit still covers the columns under it, and
// a lower row of names the importer does not know is still a header.
func TestReadProjectsCSVTwoRowHeaderWithoutMerges(t *testing.T) {
	imp := readCSV(t, "项目名称,县（市、区）,项目类型,投资情况（亿元）,,资金来源,\n"+
		",,,总投资,年度计划投资,其中：中央资金,其中：地方资金\n"+
		"甲,离石,续建,2,0.5,0.1,0.2\n")
	if len(imp.Errors) > 0 || len(imp.Rows) != 1 || imp.Rows[0].Row != 3 {
		t.Fatalf("rows %+v errors %v", imp.Rows, imp.Errors)
	}
	p := imp.Rows[0].Project
	if p.TotalInvestment.String() != "20000.00" || p.AnnualPlan.String() != "5000.00" {
		t.Errorf("amounts %s %s, want both in 亿元", p.TotalInvestment, p.AnnualPlan)
	}
	if p.Extra["其中：中央资金"] != "0.1" || p.Extra["其中：地方资金"] != "0.2" {
		t.Errorf("extra = %v", p.Extra)
	}
	imp = readCSV(t, "项目名称,县（市、区）,项目类型,总投资,年度计划投资,资金来源,\n,,,,,其他1,其他2\n甲,离石,续建,2,1,3,4\n")
	if len(imp.Rows) != 1 || imp.Rows[0].Project.Extra["其他1"] != "3" || imp.Rows[0].Project.Extra["其他2"] != "4" {
		t.Errorf("sub-header of unknown names under a group: rows %+v, errors %v", imp.Rows, imp.Errors)
	}
}

// A known header over sub-columns the importer does not know names its
// first column: 总投资 over 合计 | 其中：中央资金.
func TestReadProjectsKnownGroupOverUnknownColumns(t *testing.T) {
	imp := readCSV(t, "项目名称,县（市、区）,项目类型,总投资（万元）,,年度计划投资\n"+
		",,,合计,其中：中央资金,\n甲,离石,续建,100,30,50\n")
	if len(imp.Errors) > 0 || len(imp.Rows) != 1 || len(imp.Warnings) > 0 {
		t.Fatalf("rows %+v errors %v warnings %v", imp.Rows, imp.Errors, imp.Warnings)
	}
	p := imp.Rows[0].Project
	if p.TotalInvestment.String() != "100.00" || p.AnnualPlan.String() != "50.00" || p.Extra["其中：中央资金"] != "30" {
		t.Errorf("project = %+v", p)
	}
}

// A CSV whose header was saved as UTF-8 and whose rows were pasted from a
// GBK file is refused as of undetermined encoding, naming what was tried
// and a line of each, not as a file without a header row (issue 7, 10).
func TestReadProjectsMixedEncodingCSV(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("1,离石区道路改造项目,离石区,新开工,100,50\n")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"mixed.csv":     "序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资\n" + gbk,
		"mixed-bom.csv": "\xEF\xBB\xBF序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资\n" + gbk,
	} {
		_, err := ReadProjects(strings.NewReader(data), name, importOptions())
		e := qianxiang.AsError(err)
		if e == nil {
			t.Fatalf("%s: accepted", name)
		}
		msg := e.Error()
		for _, want := range []string{"encoding of " + name + " could not be determined", "UTF-8, UTF-16 and GB18030", "line 1 is UTF-8 but line 2 is not"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: %q does not say %q", name, msg, want)
			}
		}
	}
}
