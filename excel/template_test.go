package excel

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The template imports as an empty list and explains every column.
func TestWriteTemplateImportsEmptyAndExplains(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, 2024); err != nil {
		t.Fatal(err)
	}
	imp, err := ReadProjects(bytes.NewReader(buf.Bytes()), "template.xlsx", ImportOptions{Year: 2024, Orgs: lvliangOrgs()})
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Rows) != 0 || len(imp.Errors) != 0 || imp.Sheet != listSheet {
		t.Errorf("template import: sheet %q, %d rows, errors %v", imp.Sheet, len(imp.Rows), imp.Errors)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(instructionSheet)
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	for _, want := range []string{"2024年", "县（市、区）", "所在地", "2023年3月15日", "亿元", "新开工"} {
		if !strings.Contains(text, want) {
			t.Errorf("instructions do not mention %s", want)
		}
	}
	dvs, err := f.GetDataValidations(listSheet)
	if err != nil || len(dvs) != 2 {
		t.Errorf("data validations: %d, %v", len(dvs), err)
	}
}
