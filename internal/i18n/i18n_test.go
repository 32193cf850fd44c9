package i18n

import (
	"testing"

	"qianxiang"
)

func TestFieldErrorReadsInChinese(t *testing.T) {
	err := qianxiang.FieldError("password", "must be at least 8 characters")
	if got, want := Error("zh", err), "密码：至少 8 个字符"; got != want {
		t.Errorf("zh: %q, want %q", got, want)
	}
	if got, want := Error("en", err), "password: must be at least 8 characters"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	p := qianxiang.Project{Name: "", Year: 2023, Kind: qianxiang.KindContinuing, Org: qianxiang.OrgRef{ID: 1}}
	if got, want := Error("zh", p.Validate("141100")), "项目名称：必填"; got != want {
		t.Errorf("Validate: %q, want %q", got, want)
	}
}

func TestNamedStringArgumentsAreTranslated(t *testing.T) {
	err := qianxiang.Errorf(qianxiang.EValidation, "only a submitted report can be approved; this one is %s", qianxiang.ReportReturned)
	if got, want := Error("zh", err), "只有已报送的月报可以审核，此月报为“已退回”"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestImportDetailReadsInChinese(t *testing.T) {
	d := qianxiang.Detail{Row: 7, Column: "F", Header: "总投资", Field: "total_investment",
		Format: "the %s %s is negative", Args: []any{"total investment", qianxiang.Money(-1250)}}
	if got, want := Detail("zh", d), "第 7 行，F 列（总投资）：总投资 -12.50 为负数"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
