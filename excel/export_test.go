package excel

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// An exported list imports again as the same projects, for every sample
// (sections, 亿元, spans and extra columns included), with no warning.
func TestWriteProjectsRoundTrips(t *testing.T) {
	for _, folder := range sampleFolders {
		t.Run(folder, func(t *testing.T) {
			first := mustReadProjects(t, folder, "projects.xlsx")
			var in []ProjectRow
			for i, r := range first.Rows {
				p := r.Project
				if i%7 == 0 { // unknown columns travel as extra attributes
					p.Extra = map[string]string{"审批文号": "吕发改审批〔2023〕" + itoa(int64(i)) + "号"}
				}
				in = append(in, ProjectRow{Project: p})
			}
			var buf bytes.Buffer
			ps := make([]qianxiang.Project, len(in))
			for i := range in {
				ps[i] = in[i].Project
			}
			if err := WriteProjects(&buf, 2023, "吕梁市", ps); err != nil {
				t.Fatal(err)
			}
			again, err := ReadProjects(bytes.NewReader(buf.Bytes()), "export.xlsx", importOptions())
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range append(again.Errors, again.Warnings...) {
				t.Errorf("re-import: %s", d)
			}
			if len(again.Rows) != len(ps) {
				t.Fatalf("re-import gives %d projects, want %d", len(again.Rows), len(ps))
			}
			for i, r := range again.Rows {
				if r.Row != i+4 {
					t.Errorf("project %d on row %d, want %d", i, r.Row, i+4)
				}
				if !reflect.DeepEqual(r.Project, ps[i]) {
					t.Errorf("project %d differs:\n got %+v\nwant %+v", i, r.Project, ps[i])
				}
			}
		})
	}
}

// The written list is laid out for people: title, unit, frozen bold
// header, 0.00 amounts and a 合计 row.
func TestWriteProjectsLayout(t *testing.T) {
	imp := mustReadProjects(t, "county-flat-2023", "projects.xlsx")
	ps := make([]qianxiang.Project, len(imp.Rows))
	for i, r := range imp.Rows {
		ps[i] = r.Project
	}
	var buf bytes.Buffer
	if err := WriteProjects(&buf, 2023, "吕梁市", ps); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	get := func(axis string) string { v, _ := f.GetCellValue(listSheet, axis); return v }
	if got := get("A1"); got != "吕梁市2023年“千项千亿”项目清单" {
		t.Errorf("title = %q", got)
	}
	if get("A2") != "单位：万元" || get("B3") != "项目名称" || get("K3") != "2023年计划投资（万元）" {
		t.Errorf("unit %q, headers %q %q", get("A2"), get("B3"), get("K3"))
	}
	last := itoa(int64(len(ps) + 4))
	if get("A"+last) != "合计（120个）" || get("J"+last) != "4289525.84" || get("K"+last) != "986079.81" {
		t.Errorf("total row: %q %q %q", get("A"+last), get("J"+last), get("K"+last))
	}
	if get("J4") != "25085.72" || get("K4") != "7024.00" {
		t.Errorf("amounts shown as %q %q, want 0.00 format", get("J4"), get("K4"))
	}
	panes, err := f.GetPanes(listSheet)
	if err != nil || !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes = %+v, %v", panes, err)
	}
	id, _ := f.GetCellStyle(listSheet, "B3")
	if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold {
		t.Error("header is not bold")
	}
}
