package qianxiang

import (
	"strings"
	"testing"
)

func TestMaturityScoreIsTheWeightedShareOfItemsDone(t *testing.T) {
	items := []ChecklistItem{{"a", "A", 3, true}, {"b", "B", 2, false}, {"c", "C", 3, true}, {"d", "D", 2, false}}
	done := func(keys ...string) map[string]CheckMark {
		m := map[string]CheckMark{}
		for _, k := range keys {
			m[k] = CheckMark{Key: k, Done: true}
		}
		return m
	}
	cases := []struct {
		name    string
		items   []ChecklistItem
		marks   map[string]CheckMark
		score   float64
		band    MaturityBand
		missing string
	}{
		{"nothing done", items, nil, 0, BandLow, "a,c"},
		{"one light item", items, done("b"), 0.2, BandLow, "a,c"},
		{"exactly half", items, done("a", "d"), 0.5, BandMedium, "c"},
		{"the mandatory ones", items, done("a", "c"), 0.6, BandMedium, ""},
		{"exactly 80%", items, done("a", "c", "b"), 0.8, BandHigh, ""},
		{"all done", items, done("a", "b", "c", "d"), 1, BandHigh, ""},
		{"a mark not on the checklist does not count", items, done("x", "b"), 0.2, BandLow, "a,c"},
		{"an undone mark is not done", items, map[string]CheckMark{"a": {Key: "a"}}, 0, BandLow, "a,c"},
		{"empty checklist", nil, done("a"), 0, BandLow, ""},
		{"49 of 100 is low", []ChecklistItem{{"x", "X", 49, false}, {"y", "Y", 51, false}}, done("x"), 0.49, BandLow, ""},
		{"79 of 100 is medium", []ChecklistItem{{"x", "X", 79, false}, {"y", "Y", 21, false}}, done("x"), 0.79, BandMedium, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := MaturityOf(c.items, c.marks)
			if m.Score.Rounded() != c.score || m.Band != c.band {
				t.Errorf("score %v band %s; want %v %s", m.Score.Rounded(), m.Band, c.score, c.band)
			}
			var keys []string
			for _, it := range m.MissingMandatory {
				keys = append(keys, it.Key)
			}
			if strings.Join(keys, ",") != c.missing {
				t.Errorf("missing %v; want %s", keys, c.missing)
			}
		})
	}
}

func TestPromotionRefusedWhenMandatoryItemsAreMissing(t *testing.T) {
	p := Project{Year: 2026, Stage: StageReserve}
	m := MaturityOf(DefaultChecklist, map[string]CheckMark{"feasibility": {Done: true}})
	err := CheckPromotion(p, m, 2027)
	e := AsError(err)
	if e == nil || e.Code != EValidation || len(e.Details) != 2 {
		t.Fatalf("want a refusal naming two items, got %v", err)
	}
	if !strings.Contains(e.Error(), "用地预审") || !strings.Contains(e.Error(), "资金来源落实") || e.Details[0].Field != "checklist.land" {
		t.Errorf("refusal %q %+v", e.Error(), e.Details)
	}
	m = MaturityOf(DefaultChecklist, map[string]CheckMark{"feasibility": {Done: true}, "land": {Done: true}, "funding": {Done: true}})
	if err := CheckPromotion(p, m, 2027); err != nil {
		t.Errorf("mandatory items done: %v", err)
	}
	for _, c := range []struct {
		p    Project
		year int
		want string
	}{
		{Project{Year: 2026, Stage: StagePreparing}, 2027, "reserve pool"},
		{Project{Year: 2026, Stage: StageIdea}, 2025, "before the project's year"},
		{Project{Year: 2026, Stage: StageIdea}, 0, "between 2000 and 2100"},
	} {
		if err := CheckPromotion(c.p, m, c.year); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v → %d: %v; want %q", c.p, c.year, err, c.want)
		}
	}
	p.Promote(2027)
	if p.Year != 2027 || p.Stage != StagePreparing {
		t.Errorf("promoted %+v", p)
	}
}

func TestChecklistConfiguration(t *testing.T) {
	ok := []ChecklistItem{{" feasibility ", " 可研 ", 3, true}}
	if err := CheckChecklist(ok); err != nil || ok[0].Key != "feasibility" || ok[0].Name != "可研" {
		t.Errorf("%v %+v", err, ok)
	}
	for _, c := range []struct {
		items []ChecklistItem
		field string
	}{
		{nil, "items"},
		{[]ChecklistItem{{"Bad Key", "x", 1, false}}, "items[0].key"},
		{[]ChecklistItem{{"a", "x", 1, false}, {"a", "y", 1, false}}, "items[1].key"},
		{[]ChecklistItem{{"a", "", 1, false}}, "items[0].name"},
		{[]ChecklistItem{{"a", "x", 0, false}}, "items[0].weight"},
		{[]ChecklistItem{{"a", "x", 101, false}}, "items[0].weight"},
	} {
		e := AsError(CheckChecklist(c.items))
		if e == nil || e.Details[0].Field != c.field {
			t.Errorf("%+v: %v; want field %s", c.items, e, c.field)
		}
	}
}
