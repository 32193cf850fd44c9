package excel

import (
	"bytes"
	"path/filepath"
	"testing"

	"qianxiang"
)

// fuzzSeeds are real files and a few small CSVs: the fuzzer mutates them
// into the broken files people upload. Seeds are kept small (the faulty
// lists, a generated 12-project city list) because the fuzzer minimises
// every new input byte by byte; run with -fuzzminimizetime=5s or so.
func fuzzSeeds(f *testing.F, paths ...string) {
	for _, p := range paths {
		b, err := readFile(filepath.Dir(p), filepath.Base(p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资,计划开工时间\n1,甲,离石,新开工,1,1,2023.3\n",
		"项目名称,县（市、区）,总投资,年度计划投资\n一、续建项目（1个）,,1,1\n甲,市直,\"1,000\",—\n合计,,1,1\n注：无\n",
		"项目代码,项目名称,县（市、区）,本月完成投资,1-3月累计完成投资,是否开工,开工时间\n,甲,离石,1,1,是,2023-03-15\n",
		"\xEF\xBB\xBF项目名称\t县市区\t总投资（亿元）\t年计划投资\n甲\t兴县\t1e3\t0.5\n",
	} {
		f.Add([]byte(s))
	}
}

// checkRefusal asserts the reader's promise: a refusal is always one of our
// errors, and a result always comes with one.
func checkRefusal(t *testing.T, ok bool, err error) {
	if err != nil && qianxiang.AsError(err) == nil {
		t.Fatalf("foreign error: %v", err)
	}
	if err == nil && !ok {
		t.Fatal("no result and no error")
	}
}

func FuzzReadProjects(f *testing.F) {
	fuzzSeeds(f, "city-sectioned-2023/bad.xlsx", "county-yi-2023/bad.xlsx", "city-sectioned-2023/projects-gbk.csv")
	small, _, _ := cityWorkbook(f, 12)
	f.Add(small)
	opt := importOptions()
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, err := ReadProjects(bytes.NewReader(data), "upload.xlsx", opt)
		checkRefusal(t, imp != nil, err)
	})
}

func FuzzReadReports(f *testing.F) {
	fuzzSeeds(f, "county-yi-2023/reports-2023-01.xlsx", "city-sectioned-2023/projects-gbk.csv")
	opt := ReportOptions{Year: 2023, Orgs: lvliangOrgs(), Projects: []qianxiang.Project{{ID: 1, Name: "甲", Org: qianxiang.OrgRef{ID: 2}}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, err := ReadReports(bytes.NewReader(data), "upload.xlsx", opt)
		checkRefusal(t, imp != nil, err)
	})
}
