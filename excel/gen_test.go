package excel

import (
	"bytes"
	"testing"

	"qianxiang"
	"qianxiang/internal/workbooks"
)

// cityWorkbook builds a city office's compiled list of n projects in the
// layout of city-sectioned-2023 (workbooks.City) over the counties and
// departments of lvliangOrgs. It returns the file and the sums it holds.
func cityWorkbook(tb testing.TB, n int) (data []byte, total, annual qianxiang.Money) {
	tb.Helper()
	orgs := lvliangOrgs()
	data, total, annual, err := workbooks.City(n, orgs[1:14], orgs[14:])
	if err != nil {
		tb.Fatal(err)
	}
	return data, total, annual
}

// The generated workbook (the benchmark's input) imports cleanly: every
// spelling understood, every subtotal agreeing.
func TestGeneratedCityWorkbookImportsCleanly(t *testing.T) {
	data, total, annual := cityWorkbook(t, 1100)
	imp, err := ReadProjects(bytes.NewReader(data), "city.xlsx", importOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(imp.Errors, imp.Warnings...) {
		t.Errorf("%s", d)
	}
	n, gotTotal, gotAnnual := sums(imp.Rows)
	if n != 1100 || gotTotal != total || gotAnnual != annual {
		t.Errorf("got %d projects %s %s, want 1100 %s %s", n, gotTotal, gotAnnual, total, annual)
	}
}
