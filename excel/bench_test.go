package excel

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
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
