package qianxiang

import (
	"encoding/json"
	"testing"
)

func TestParseMoney(t *testing.T) {
	cases := []struct {
		in     string
		factor int64
		want   string
		err    bool
	}{
		{"1234.56", 1, "1234.56", false},
		{"1,234.5", 1, "1234.50", false},
		{"0.005", 1, "0.01", false}, // half away from zero
		{"-0.005", 1, "-0.01", false},
		{"12.3456", 10000, "123456.00", false}, // 亿元 → 万元 exactly
		{"0.00001", 10000, "0.10", false},
		{"1.5E+3", 1, "1500.00", false},
		{"abc", 1, "", true},
		{"1/2", 1, "", true},
		{"", 1, "", true},
	}
	for _, c := range cases {
		m, err := ParseMoneyScaled(c.in, c.factor)
		if (err != nil) != c.err {
			t.Errorf("%q: err = %v", c.in, err)
			continue
		}
		if !c.err && m.String() != c.want {
			t.Errorf("%q ×%d = %s, want %s", c.in, c.factor, m, c.want)
		}
	}
}

func TestMoneySumsAreExact(t *testing.T) {
	// 0.1 + 0.2 in float64 is not 0.3; in Money it is.
	a, _ := ParseMoney("0.10")
	b, _ := ParseMoney("0.20")
	if (a + b).String() != "0.30" {
		t.Fatalf("0.10 + 0.20 = %s", a+b)
	}
	var total Money
	for i := 0; i < 1000; i++ {
		total += a
	}
	if total.String() != "100.00" {
		t.Fatalf("1000 × 0.10 = %s", total)
	}
}

func TestMoneyJSON(t *testing.T) {
	b, _ := json.Marshal(struct{ M Money }{Money(-12345)})
	if string(b) != `{"M":-123.45}` {
		t.Fatalf("got %s", b)
	}
	var v struct{ M Money }
	if err := json.Unmarshal([]byte(`{"M":123.45}`), &v); err != nil || v.M != 12345 {
		t.Fatalf("got %v %v", v.M, err)
	}
	if err := json.Unmarshal([]byte(`{"M":"x"}`), &v); err == nil {
		t.Fatal("a non-number must be refused")
	}
}

func TestProjectCode(t *testing.T) {
	cases := []struct {
		code string
		ok   bool
	}{
		{"2023-141102-48-01-012345", true},
		{"2023-141102-48-01-01234", false},  // short random part
		{"2023-14110-48-01-0123456", false}, // short place
		{"2023-140102-48-01-012345", false}, // 太原, outside 吕梁
		{"2023_141102_48_01_012345", false},
	}
	for _, c := range cases {
		if err := CheckProjectCode(c.code, "141100"); (err == nil) != c.ok {
			t.Errorf("%s: err = %v, want ok=%v", c.code, err, c.ok)
		}
	}
}

func TestMoneyGrouped(t *testing.T) {
	for in, want := range map[Money]string{0: "0.00", 5: "0.05", 123456: "1,234.56", 100000000: "1,000,000.00", -123456789: "-1,234,567.89"} {
		if got := in.Grouped(); got != want {
			t.Errorf("%d: %s, want %s", in, got, want)
		}
	}
}
