package qianxiang

import (
	"strings"
	"testing"
)

// Issue numbers count a year's circulars, not its months (issue 15.8).
func TestCircularIssuesCountPerYear(t *testing.T) {
	var is CircularIssues
	if x, kept := is.For(11); x.Number != 1 || kept {
		t.Errorf("first circular of the year: %+v kept %v, want No. 1 proposed", x, kept)
	}
	is, err := is.Set(2026, CircularIssue{Month: 3, Number: 1})
	if err != nil {
		t.Fatal(err)
	}
	is, err = is.Set(2026, CircularIssue{Month: 5, Number: 2, IssuedOn: Date{Year: 2026, Month: 6, Day: 3}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		month, want int
		kept        bool
	}{{1, 1, false}, {3, 1, true}, {4, 2, false}, {5, 2, true}, {11, 3, false}}
	for _, c := range cases {
		if x, kept := is.For(c.month); x.Number != c.want || kept != c.kept {
			t.Errorf("month %d: No. %d kept %v, want No. %d kept %v", c.month, x.Number, kept, c.want, c.kept)
		}
	}
	if _, err := is.Set(2026, CircularIssue{Month: 11, Number: 2}); err == nil || !strings.Contains(err.Error(), "month 5") {
		t.Errorf("a number used twice: %v, want a refusal naming month 5", err)
	}
	bad := []CircularIssue{{Month: 6, Number: 0}, {Month: 6, Number: 1000}, {Month: 13, Number: 4},
		{Month: 6, Number: 4, IssuedOn: Date{Year: 2024, Month: 1, Day: 1}}}
	for _, x := range bad {
		if _, err := is.Set(2026, x); AsError(err) == nil || AsError(err).Code != EValidation {
			t.Errorf("%+v: %v, want a validation error", x, err)
		}
	}
	// Renumbering a month replaces its number.
	is, _ = is.Set(2026, CircularIssue{Month: 5, Number: 7})
	if x, _ := is.For(11); x.Number != 8 || len(is) != 2 {
		t.Errorf("after renumbering: %+v (%d kept)", x, len(is))
	}
}

func TestCircularSettings(t *testing.T) {
	s := DefaultCircularSettings("吕梁市")
	if s.Issuer != "吕梁市“千项千亿”项目建设大会战指挥部办公室" || s.DocNumber(2026, 11) != "吕千项办〔2026〕11号" || s.Printer() != s.Issuer {
		t.Errorf("defaults: %+v, 文号 %s", s, s.DocNumber(2026, 11))
	}
	if err := s.Validate(); err != nil {
		t.Errorf("defaults refused: %v", err)
	}
	bad := CircularSettings{Issuer: " ", NumberFormat: "吕千项办〔{year}〕号", Report: "a\x00b"}
	e := AsError(bad.Validate())
	if e == nil || len(e.Details) != 3 {
		t.Fatalf("bad settings: %v, want three faults at once", e)
	}
	for i, f := range []string{"circular.report", "circular.issuer", "circular.number_format"} {
		if e.Details[i].Field != f {
			t.Errorf("fault %d names %s, want %s", i, e.Details[i].Field, f)
		}
	}
	s.PrintedBy = "吕梁市人民政府办公室"
	if s.Printer() != "吕梁市人民政府办公室" {
		t.Error("印发机关 does not follow the setting")
	}
}
