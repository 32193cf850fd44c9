package excel

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"qianxiang"
	"qianxiang/internal/workbooks"
)

// benchRows is the size of a large city's plan: the campaign asks for at
// least 1,000 projects.
const benchRows = 1100

// BenchmarkReadCityWorkbook imports a 1,100-project city list. Compare
// with BenchmarkExcelizeRawCells, the bare cost of opening the same file
// and reading its cells: the import should stay within 4× of it and well
// under a second.
func BenchmarkReadCityWorkbook(b *testing.B) {
	data, _, _ := cityWorkbook(b, benchRows)
	opt := importOptions()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		imp, err := ReadProjects(bytes.NewReader(data), "city.xlsx", opt)
		if err != nil || len(imp.Rows) != benchRows || len(imp.Errors) > 0 {
			b.Fatalf("import: %v, %d rows, %d errors", err, len(imp.Rows), len(imp.Errors))
		}
	}
}

// BenchmarkExcelizeRawCells is the floor: excelize opens the workbook and
// returns every cell of the sheet.
func BenchmarkExcelizeRawCells(b *testing.B) {
	data, _, _ := cityWorkbook(b, benchRows)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.GetRows("项目清单")
		if err != nil || len(rows) < benchRows {
			b.Fatalf("rows: %d, %v", len(rows), err)
		}
		f.Close()
	}
}

// provinceDispatch is a province's month: a 调度表 of n rows over a plan
// of n projects spread over the lvliang counties.
func provinceDispatch(b *testing.B, n int) ([]byte, ReportOptions) {
	orgs := lvliangOrgs()
	counties := orgs[1:14]
	ps := make([]qianxiang.Project, n)
	for i := range ps {
		c := counties[i%len(counties)]
		ps[i] = qianxiang.Project{ID: int64(i + 1), Name: fmt.Sprintf("%s第%d号项目", c.Name, i+1), Org: c.Ref(),
			Kind: qianxiang.KindContinuing, AnnualPlan: qianxiang.Money(100000 + i%5000*100), TotalInvestment: 900000000}
	}
	data, err := workbooks.Dispatch(2025, 3, ps, 500)
	if err != nil {
		b.Fatal(err)
	}
	return data, ReportOptions{Year: 2025, Month: 3, Orgs: orgs, Projects: ps}
}

// BenchmarkReadProvinceDispatch reads a 47,500-row 调度表 (the province
// month of issue 14) with our reader and, for the floor, with excelize's
// GetRows, interleaved; it reports each one's CPU per read.
//
//	go test -run XXX -bench ReadProvinceDispatch -benchtime 3x ./excel/
func BenchmarkReadProvinceDispatch(b *testing.B) {
	const n = 47500
	data, opt := provinceDispatch(b, n)
	var ours, bare time.Duration
	for b.Loop() {
		c0 := cpuNow()
		imp, err := ReadReports(bytes.NewReader(data), "调度表.xlsx", opt)
		if err != nil || len(imp.Rows) != n || len(imp.Errors) > 0 {
			b.Fatalf("read: %v, %d rows, %v", err, len(imp.Rows), imp.Errors[:min(3, len(imp.Errors))])
		}
		c1 := cpuNow()
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.GetRows("Sheet1")
		if err != nil || len(rows) < n {
			b.Fatalf("excelize: %d rows, %v", len(rows), err)
		}
		f.Close()
		ours, bare = ours+c1-c0, bare+cpuNow()-c1
	}
	b.ReportMetric(ours.Seconds()/float64(b.N), "ours-cpu-s")
	b.ReportMetric(bare.Seconds()/float64(b.N), "excelize-cpu-s")
}
