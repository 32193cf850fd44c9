package qianxiang

import "testing"

// The funnel of eight leads counted by hand:
//
//	孝义市 141181: talking, talking, signed, landed, serving  → 5 leads
//	  at       2 1 1 0 1      reached 5 3 2 1 1
//	  steps    3/5 2/3 1/2 1/1; landed 2/5
//	汾阳市 141182: signed, investing                           → 2 leads
//	  reached  2 2 1 1 0; steps 2/2 1/2 1/1 0/1; landed 1/2
//	离石区 141102: talking                                     → 1 lead
//	  reached  1 0 0 0 0; steps 0/1 0/0 (no rate) …; landed 0/1
//	all: reached 8 5 3 2 1; steps 5/8 3/5 2/3 1/2; landed 3/8
func TestFunnelByCountyCountedByHand(t *testing.T) {
	xy, fy, ls := OrgRef{Code: "141181", Name: "孝义市"}, OrgRef{Code: "141182", Name: "汾阳市"}, OrgRef{Code: "141102", Name: "离石区"}
	mk := func(c OrgRef, s LeadStage, src string, amount Money) Lead {
		return Lead{County: c, Stage: s, Source: src, Industry: "新材料", Intended: 100, ContractAmount: amount}
	}
	leads := []Lead{
		mk(xy, LeadTalking, "fair", 0), mk(xy, LeadTalking, "fair", 0), mk(xy, LeadSigned, "promotion", 300),
		mk(xy, LeadLanded, "fair", 500), mk(xy, LeadServing, "business", 700),
		mk(fy, LeadSigned, "fair", 200), mk(fy, LeadInvesting, "business", 900),
		mk(ls, LeadTalking, "fair", 0),
	}
	f, err := BuildFunnel("county", leads)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Rows) != 3 || f.Rows[0].Key != "141181" || f.Rows[1].Key != "141182" || f.Rows[2].Key != "141102" {
		t.Fatalf("rows %+v", f.Rows)
	}
	ratios := func(r FunnelRow) [][2]int {
		var out [][2]int
		for _, s := range r.Steps {
			out = append(out, [2]int{s.Num, s.Den})
		}
		return append(out, [2]int{r.Landed.Num, r.Landed.Den})
	}
	check := func(name string, r FunnelRow, at, reached []int, want [][2]int) {
		t.Helper()
		if !equalInts(r.At, at) || !equalInts(r.Reached, reached) {
			t.Errorf("%s: at %v reached %v", name, r.At, r.Reached)
		}
		got := ratios(r)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: ratios %v, want %v", name, got, want)
				break
			}
		}
	}
	check("孝义市", f.Rows[0], []int{2, 1, 1, 0, 1}, []int{5, 3, 2, 1, 1}, [][2]int{{3, 5}, {2, 3}, {1, 2}, {1, 1}, {2, 5}})
	check("汾阳市", f.Rows[1], []int{0, 1, 0, 1, 0}, []int{2, 2, 1, 1, 0}, [][2]int{{2, 2}, {1, 2}, {1, 1}, {0, 1}, {1, 2}})
	check("离石区", f.Rows[2], []int{1, 0, 0, 0, 0}, []int{1, 0, 0, 0, 0}, [][2]int{{0, 1}, {0, 0}, {0, 0}, {0, 0}, {0, 1}})
	check("all", f.Total, []int{3, 2, 1, 1, 1}, []int{8, 5, 3, 2, 1}, [][2]int{{5, 8}, {3, 5}, {2, 3}, {1, 2}, {3, 8}})
	if f.Rows[2].Steps[1].Rate != nil {
		t.Error("0/0 has a rate")
	}
	if r := f.Total.Steps[0].Rate; r == nil || r.Rounded() != 0.625 {
		t.Errorf("5/8 = %v", r)
	}
	if f.Total.Signed != 300+500+700+200+900 || f.Total.Intended != 800 {
		t.Errorf("money: signed %v intended %v", f.Total.Signed, f.Total.Intended)
	}

	bySource, _ := BuildFunnel("source", leads)
	if len(bySource.Rows) != 3 || bySource.Rows[0].Key != "fair" || bySource.Rows[0].Leads != 5 || bySource.Rows[0].Landed.Num != 1 {
		t.Errorf("by source %+v", bySource.Rows)
	}
	if _, err := BuildFunnel("colour", leads); ErrorCode(err) != EValidation {
		t.Errorf("unknown grouping: %v", err)
	}
	empty, _ := BuildFunnel("industry", nil)
	if empty.Rows == nil || empty.Total.Landed.Rate != nil {
		t.Errorf("empty funnel %+v", empty)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
