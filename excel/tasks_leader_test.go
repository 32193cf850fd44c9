package excel

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// The responsible city leader column is optional, read under either of
// its usual headers, and written back by the export.
func TestTaskLeaderColumnRoundTrips(t *testing.T) {
	for _, header := range []string{"责任领导", "分管市领导", ""} {
		f := excelize.NewFile()
		head := []any{"序号", "重点任务", "牵头单位", "配合单位", "3月"}
		r1 := []any{1, "推进煤炭清洁高效利用", "市发改委", "", "制定方案"}
		r2 := []any{2, "优化营商环境攻坚", "市行政审批局", "", ""}
		if header != "" {
			head, r1, r2 = append(head, header), append(r1, " 张广勇 "), append(r2, "")
		}
		f.SetSheetRow("Sheet1", "A1", &head)
		f.SetSheetRow("Sheet1", "A2", &r1)
		f.SetSheetRow("Sheet1", "A3", &r2)
		var in bytes.Buffer
		if err := f.Write(&in); err != nil {
			t.Fatal(err)
		}
		s, err := ReadTasks(&in, "tasks.xlsx", 2026)
		if err != nil || len(s.Rows) != 2 {
			t.Fatalf("%q: %v", header, err)
		}
		want := map[bool]string{true: "张广勇", false: ""}[header != ""]
		if s.Rows[0].Task.Leader != want || s.Rows[1].Task.Leader != "" || len(s.Rows[0].Task.Milestones) != 1 {
			t.Fatalf("%q: read %+v", header, s.Rows)
		}

		tasks := []qianxiang.Task{s.Rows[0].Task, s.Rows[1].Task}
		tasks[0].LeadOrg.Name, tasks[1].LeadOrg.Name = "市发改委", "市行政审批局"
		var out bytes.Buffer
		if err := WriteTasks(&out, "台账", 2026, tasks, func(l qianxiang.Light) string { return string(l) }); err != nil {
			t.Fatal(err)
		}
		again, err := ReadTasks(&out, "export.xlsx", 2026)
		if err != nil || len(again.Rows) != 2 {
			t.Fatalf("%q: export reads again: %v", header, err)
		}
		if again.Rows[0].Task.Leader != want || again.Rows[1].Task.Leader != "" || again.Rows[0].Task.Milestones[0].Month != "2026-03" {
			t.Fatalf("%q: after the round trip %+v", header, again.Rows)
		}
	}
}
