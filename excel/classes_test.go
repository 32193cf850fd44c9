package excel

import (
	"strings"
	"testing"

	"qianxiang"
)

// A list's column is found by the list's name, its headers or the usual
// aliases of its code; entries are split and matched, an unknown one is an
// error naming row and cell, and the column is not kept as an extra.
func TestProjectListClassColumns(t *testing.T) {
	opt := importOptions()
	opt.Classes = qianxiang.ClassLists{
		{ID: 1, Code: "chain", Name: "985重点产业链", Entries: []qianxiang.ClassEntry{{ID: 10, Name: "新能源"}, {ID: 11, Name: "氢能"}}},
		{ID: 2, Code: "town", Name: "1+7+N专业镇", Entries: []qianxiang.ClassEntry{{ID: 20, Name: "孝义铝镁专业镇"}}},
		{ID: 3, Code: "zone", Name: "开发区", Headers: []string{"所属园区"}, Entries: []qianxiang.ClassEntry{{ID: 30, Name: "孝义经济开发区"}}},
	}
	csv := "项目名称,县（市、区）,项目类型,总投资,年度计划投资,计划开工时间,产业链,特色小镇,所属园区,其他\n" +
		"甲项目,孝义市,新开工,100,50,2023-03,氢能；新能源产业链,孝义铝镁,孝义经济开发区,x\n" +
		"乙项目,孝义市,新开工,100,50,2023-03,,,,\n" +
		"丙项目,孝义市,新开工,100,50,2023-03,光伏,,,\n"
	imp, err := ReadProjects(strings.NewReader(csv), "list.csv", opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Errors) != 1 || imp.Errors[0].Row != 4 || imp.Errors[0].Column != "G" || imp.Errors[0].Field != "classes.chain" {
		t.Fatalf("errors: %+v", imp.Errors)
	}
	a := imp.Rows[0].Project
	if strings.Join(a.Classes["chain"], ",") != "氢能,新能源" || strings.Join(a.Classes["town"], ",") != "孝义铝镁专业镇" ||
		strings.Join(a.Classes["zone"], ",") != "孝义经济开发区" || a.Extra["其他"] != "x" || len(a.Extra) != 1 {
		t.Errorf("row 2: %v %v", a.Classes, a.Extra)
	}
	if b := imp.Rows[1].Project; b.Classes == nil || len(b.Classes["chain"]) != 0 || b.Classes["chain"] == nil {
		t.Errorf("row 3 (empty cells set the lists to none): %#v", b.Classes)
	}
	// Without lists the columns are extras, as before.
	imp, err = ReadProjects(strings.NewReader(csv), "list.csv", importOptions())
	if err != nil || len(imp.Errors) != 0 || imp.Rows[0].Project.Extra["产业链"] != "氢能；新能源产业链" || imp.Rows[0].Project.Classes != nil {
		t.Errorf("without lists: %v %+v", err, imp.Rows[0].Project)
	}
}
