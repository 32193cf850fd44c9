package qianxiang

import "testing"

func TestMotionRules(t *testing.T) {
	signers := func(n int) []string { return make([]string, n) }
	ok := Motion{Title: "关于加快吕梁市城区供热管网改造的议案", Reason: "r", Basis: "b", Solution: "s", Proposer: "deputies", Status: MotionSigning}
	cases := []struct {
		name string
		m    Motion
		code string
	}{
		{"nine signatures are not enough", func() Motion { m := ok; m.Signers = signers(9); return m }(), EValidation},
		{"ten signatures", func() Motion { m := ok; m.Signers = signers(10); return m }(), ""},
		{"the government needs no signatures", func() Motion { m := ok; m.Proposer = "government"; return m }(), ""},
		{"submitted twice", func() Motion { m := ok; m.Signers = signers(12); m.Status = MotionSubmitted; return m }(), EValidation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.m.CanSubmit()
			if c.code == "" && err != nil || c.code != "" && ErrorCode(err) != c.code {
				t.Errorf("err = %v, want %q", err, c.code)
			}
		})
	}
	if err := (Motion{Title: "x", Reason: "r", Basis: "b", Proposer: "deputies"}).Validate(); ErrorCode(err) != EValidation {
		t.Errorf("a motion without a solution: %v", err)
	}
	m := ok
	m.Status = MotionSubmitted
	if err := m.Recommend(false, "属于政府职权内的具体工作，作为建议处理"); err != nil || m.Status != MotionConverted {
		t.Errorf("convert: %v %s", err, m.Status)
	}
	if err := m.Recommend(true, "x"); err == nil {
		t.Error("a reviewed motion was reviewed again")
	}
}
