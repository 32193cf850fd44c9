package excel

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// smallBook is a workbook of the rows, as a fuzz seed.
func smallBook(f *testing.F, rows [][]any) []byte {
	f.Helper()
	x := excelize.NewFile()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		x.SetSheetRow("Sheet1", cell, &row)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzReadRoster: a congress roster (the deputies' import) is read or
// refused with our error; a read roster has a name and card on every row.
func FuzzReadRoster(f *testing.F) {
	fuzzSeeds(f, "congress-roster/roster-120.xlsx")
	f.Add(smallBook(f, [][]any{{"吕梁市第四届人民代表大会代表名册"}, {"序号", "姓名", "代表团", "性别", "民族", "职务", "座位号", "代表证号", "主席团成员"},
		{1, "王建国", "离石区代表团", "男", "汉族", "农民", "1排1座", "4-0001", "是"}, {2, "", "文水县代表团", "女", "", "", "", "4-0002", "否"}}))
	f.Add([]byte("序号,姓名,代表团,代表证号\n1,李华,离石区代表团,4-0001\n2,李华,离石区代表团,4-0001\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ReadRoster(bytes.NewReader(data), "roster.xlsx")
		checkRefusal(t, rows != nil, err)
		if err == nil {
			for i, r := range rows {
				if r.Deputy.Name == "" || r.Deputy.Card == "" {
					t.Fatalf("row %d read without name or card: %+v", i, r)
				}
			}
		}
	})
}

// FuzzReadTargets: the targets' workbook is read or refused with our
// error; targets read are never negative.
func FuzzReadTargets(f *testing.F) {
	f.Add(smallBook(f, [][]any{{"2023年千项千亿目标任务分解表"}, {"单位", "项目数（个）", "年度投资（亿元）", "新开工项目（个）"},
		{"合计", 1000, 1000, ""}, {"离石", 80, 85.5, 30}, {"孝义市", 90, "120", 35}}))
	f.Add([]byte("单位,项目数（个）,年度投资（亿元）,新开工项目（个）\n离石,-1,1e9,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadTargets(bytes.NewReader(data), "targets.xlsx", targetOrgs)
		checkRefusal(t, true, err)
		if err == nil {
			for _, o := range got.Orgs {
				if o.Projects < 0 || o.AnnualPlan < 0 || o.NewStarts < 0 {
					t.Fatalf("negative target read: %+v", o)
				}
			}
		}
	})
}

// FuzzReadTasks: the task list (督查 tasks) is read or refused with our error.
func FuzzReadTasks(f *testing.F) {
	f.Add(smallBook(f, [][]any{{"2026年重点任务清单"}, {"序号", "任务", "牵头单位", "配合单位", "完成时限", "责任领导"},
		{1, "建成新区学校", "离石区", "市教育局", "2026-12", "张三"}}))
	f.Add([]byte("序号,任务,牵头单位\n1,甲,离石区\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadTasks(bytes.NewReader(data), "tasks.xlsx", 2026)
		checkRefusal(t, s != nil, err)
	})
}
