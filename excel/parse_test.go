package excel

import (
	"strings"
	"testing"

	"qianxiang"
)

func TestParseAmountSpellings(t *testing.T) {
	for _, c := range []struct {
		in     string
		factor int64
		want   string // "" for empty, "err" for a fault
	}{
		{"1234.5600000001", 1, "1234.56"},
		{"3,300.88", 1, "3300.88"},
		{"１２３４．５", 1, "1234.50"},
		{" 1 234.5 ", 1, "1234.50"},
		{"17.948122", 10000, "179481.22"},
		{"0.0806", 10000, "806.00"},
		{"12亿元", 1, "120000.00"},
		{"300万元", 10000, "300.00"},
		{"1.5E+3", 1, "1500.00"},
		{"-500", 1, "-500.00"},
		{"—", 1, ""}, {"-", 1, ""}, {"/", 1, ""}, {"无", 1, ""}, {"", 1, ""}, {"　", 1, ""},
		{"十二万", 1, "err"}, {"1,23", 1, "err"}, {"0x10", 1, "err"}, {"1/2", 1, "err"},
		{"1e99", 1, "err"}, {"99999999999999", 1, "err"}, {"12%", 1, "err"}, {"#N/A", 1, "err"},
	} {
		m, empty, err := parseAmount(c.in, c.factor)
		got := m.String()
		switch {
		case err != nil:
			got = "err"
		case empty:
			got = ""
		}
		if got != c.want {
			t.Errorf("parseAmount(%q, %d) = %q, want %q", c.in, c.factor, got, c.want)
		}
	}
}

func TestParseDateSpellings(t *testing.T) {
	for _, c := range []struct {
		in     string
		format cellFormat
		want   string
	}{
		{"2023.3", fmtPlain, "2023-03"}, {"2023.03", fmtPlain, "2023-03"}, {"2023.10", fmtPlain, "2023-10"},
		{"2023年3月", fmtPlain, "2023-03"}, {"2023-3", fmtPlain, "2023-03"}, {"2023/3", fmtPlain, "2023-03"},
		{"2023年3月底", fmtPlain, "2023-03"}, {"２０２３年３月", fmtPlain, "2023-03"},
		{"2023/3/15", fmtPlain, "2023-03-15"}, {"2023年3月15日", fmtPlain, "2023-03-15"},
		{"2023-03-15 00:00:00", fmtPlain, "2023-03-15"}, {"2023.3.15", fmtPlain, "2023-03-15"},
		{"20230315", fmtPlain, "2023-03-15"}, {"202303", fmtPlain, "2023-03"},
		{"44966", fmtDate, "2023-02-09"}, {"44966", fmtPlain, "2023-02-09"}, {"44986", fmtMonth, "2023-03"},
		{"44966.5", fmtDate, "2023-02-09"},
		{"—", fmtPlain, ""}, {"", fmtPlain, ""},
		{"2023年13月", fmtPlain, "err"}, {"2023-02-30", fmtPlain, "err"}, {"2023", fmtPlain, "err"},
		{"2023-2025", fmtPlain, "err"}, {"明年", fmtPlain, "err"}, {"02-09-23", fmtPlain, "err"}, {"5", fmtPlain, "err"},
	} {
		d, empty, err := parseDate(c.in, c.format, false)
		got := d.String()
		switch {
		case err != nil:
			got = "err"
		case empty:
			got = ""
		}
		if got != c.want {
			t.Errorf("parseDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseSpan(t *testing.T) {
	for in, want := range map[string]string{
		"2023-2025": "2023-01..2025-12", "2021—2024年": "2021-01..2024-12", "2023年-2025年": "2023-01..2025-12",
		"2023.3-2025.6": "2023-03..2025-06", "2023至2025": "2023-01..2025-12", "2023": "2023-01..2023-12",
		"2025-2023": "err", "两年": "err",
	} {
		s, e, _, err := parseSpan(in)
		got := s.String() + ".." + e.String()
		if err != nil {
			got = "err"
		}
		if got != want {
			t.Errorf("parseSpan(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeaderKeyNormalises(t *testing.T) {
	for in, want := range map[string]string{
		"总投资\n（万元）": "总投资", "2023年计划投资（万元）": "年度计划投资", "2024年度计划投资": "年度计划投资",
		"县（市、区）": "县(市区)", " 项目 名称 ": "项目名称", "*项目名称": "项目名称", "总投资(亿元)": "总投资",
		"1-3月累计完成投资": "累计完成投资", "2023年1-3月累计完成投资": "年度累计完成投资", "总投资万元": "总投资",
		"【总投资】": "[总投资]",
	} {
		if got := headerKey(in).key; got != want {
			t.Errorf("headerKey(%q) = %q, want %q", in, got, want)
		}
	}
	if h := headerKey("年度计划投资\n（亿元）"); h.unit != "亿元" {
		t.Errorf("unit = %q", h.unit)
	}
	if h := headerKey("1-3月累计完成投资"); h.monthTo != 3 {
		t.Errorf("monthTo = %d", h.monthTo)
	}
}

func TestOrgResolution(t *testing.T) {
	ix := newOrgIndex(lvliangOrgs())
	for in, want := range map[string]string{
		"离石区": "141102", "离石": "141102", "141181": "141181", "孝义": "141181", "市直": "141100",
		"市发改委": "141100-01", "吕梁市城管局": "141100-02", " 兴县 ": "141123", "吕梁市": "141100",
	} {
		if r := ix.resolve(in); r.org == nil || r.org.Code != want {
			t.Errorf("resolve(%q) = %+v, want %s", in, r, want)
		}
	}
	if r := ix.resolve("离石县"); r.org != nil || len(r.close) == 0 || r.close[0] != "离石区" {
		t.Errorf("离石县 must not resolve but suggest 离石区: %+v", r)
	}
	if r := ix.resolve("市发展改革委"); r.org != nil {
		t.Errorf("市发展改革委 resolved to %v", r.org)
	}
	dup := append(lvliangOrgs(), qianxiang.Org{ID: 99, Code: "999999", Name: "离石市", Kind: qianxiang.OrgCounty})
	if r := newOrgIndex(dup).resolve("离石"); r.org != nil || len(r.ambiguous) != 2 {
		t.Errorf("ambiguous 离石 = %+v", r)
	}
}

// Files that cannot be read are refused with a validation error that
// says what is wrong.
func TestReadProjectsRefusesUnreadableFiles(t *testing.T) {
	for name, c := range map[string]struct{ data, want string }{
		"empty.xlsx":   {"", "empty"},
		"blank.csv":    {" \n\n", "empty"},
		"old.xls":      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", ".xls"},
		"broken.xlsx":  {"PK\x03\x04garbage", "damaged"},
		"image.png":    {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a spreadsheet"},
		"noheader.csv": {"a,b,c\n1,2,3\n", "no header row"},
		"missing.csv":  {"序号,项目名称,项目代码,县（市、区）\n1,甲,,离石\n", "总投资 (total_investment), 年度计划投资 (annual_plan)"},
		"nokind.csv":   {"项目名称,县（市、区）,总投资,年度计划投资\n甲,离石,2,1\n", "项目类型"},
		"yuan.csv":     {"项目名称,县（市、区）,总投资（元）,年度计划投资\n甲,离石,2,1\n", "元"},
	} {
		_, err := ReadProjects(strings.NewReader(c.data), name, importOptions())
		e := qianxiang.AsError(err)
		if e == nil || e.Code != qianxiang.EValidation || !strings.Contains(e.Error(), c.want) {
			t.Errorf("%s: err = %v, want a validation error mentioning %q", name, err, c.want)
		}
	}
}

// Row faults the samples do not show: a kind nobody knows, an unknown lead
// organisation, a new project without a start, the same project twice
// without a code.
func TestReadProjectsRowFaultsAndWarnings(t *testing.T) {
	imp := readCSV(t, "项目名称,县（市、区）,责任单位,项目类型,总投资,年度计划投资,计划开工时间,是否入库\n"+
		"甲,离石,市城建局,新开工,10,5,2023.5,是\n"+
		"乙,离石,,扩建,10,5,,\n"+
		"丙,离石,,新建,10,5,,\n"+
		"甲,离石区,,续建,10,5,,也许\n")
	want := map[int]string{2: "lead_org", 3: "kind", 4: "planned_start"}
	if len(imp.Errors) != len(want) {
		t.Errorf("errors: %v", imp.Errors)
	}
	for _, d := range imp.Errors {
		if want[d.Row] != d.Field {
			t.Errorf("unexpected error %s", d)
		}
	}
	warned := map[string]bool{}
	for _, d := range imp.Warnings {
		warned[d.Field+"@"+itoa(int64(d.Row))] = true
	}
	if !warned["name@5"] || !warned["in_stats@5"] || len(imp.Warnings) != 2 {
		t.Errorf("warnings: %v", imp.Warnings)
	}
}

// Without a year in the options, the plan year comes from the title row.
func TestReadProjectsTakesTheYearFromTheTitle(t *testing.T) {
	opt := importOptions()
	opt.Year = 0
	imp, err := ReadProjects(bytesOf(t, "city-sectioned-2023", "projects.xlsx"), "p.xlsx", opt)
	if err != nil || len(imp.Errors) > 0 || imp.Rows[0].Project.Year != 2023 {
		t.Fatalf("err %v, errors %v", err, imp.Errors)
	}
	_, err = ReadProjects(strings.NewReader("项目名称,县（市、区）,项目类型,总投资,年度计划投资\n甲,离石,续建,2,1\n"), "l.csv", opt)
	if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EInvalid {
		t.Errorf("no year anywhere: err = %v", err)
	}
}
