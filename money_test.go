package qianxiang

import (
	"encoding/json"
	"fmt"
	"math"
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
		{"0.005", 1, "", true}, // more than two decimals: refused, not rounded
		{"12.345", 1, "", true},
		{"-0.005", 1, "", true},
		{"92233720368547758.07", 1, "", true},  // wrapped to a negative before
		{"184467440737095516.16", 1, "", true}, // wrapped to 0 before
		{"9223372036854775807", 1, "", true},
		{"99999999999999999999", 1, "", true},
		{"1e308", 1, "", true},
		{"1e99999", 1, "", true},
		{"999999999999", 1, "", true},           // 万元: above 10,000 亿元
		{"100000000", 1, "100000000.00", false}, // exactly 10,000 亿元
		{"100000000.01", 1, "", true},
		{"10000", 10000, "100000000.00", false}, // 10,000 亿元 written in 亿元
		{"10000.000001", 10000, "", true},
		{"-100000000", 1, "-100000000.00", false},
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

func TestParseMoneyTolerantTakesSpreadsheetNoise(t *testing.T) {
	cases := []struct {
		in   string
		want string
		err  bool
	}{
		{"1234.5600000000001", "1234.56", false},
		{"1234.5599999999999", "1234.56", false},
		{"12.345", "", true},
		{"12.3449", "", true},
		{"1e308", "", true},
	}
	for _, c := range cases {
		m, err := ParseMoneyTolerant(c.in, 1)
		if (err != nil) != c.err || !c.err && m.String() != c.want {
			t.Errorf("%q: %s, %v", c.in, m, err)
		}
	}
}

func TestMoneyJSONRefusalNamesTheField(t *testing.T) {
	for _, body := range []string{`{"completed": 92233720368547758.07}`, `{"completed": 1e308}`,
		`{"completed": 184467440737095516.16}`, `{"completed": 9223372036854775807}`, `{"completed": 12.345}`, `{"completed": "x"}`} {
		var v struct {
			Completed *Money `json:"completed"`
		}
		err := json.Unmarshal([]byte(body), &v)
		e := AmountError(err)
		if e == nil || e.Code != EValidation || len(e.Details) != 1 || e.Details[0].Field != "completed" {
			t.Errorf("%s: %v → %#v", body, err, e)
		}
	}
}

func TestAddMoneyDetectsOverflow(t *testing.T) {
	if _, ok := AddMoney(Money(math.MaxInt64), 1); ok {
		t.Fatal("MaxInt64 + 1 must overflow")
	}
	if _, ok := AddMoney(Money(math.MinInt64), -1); ok {
		t.Fatal("MinInt64 - 1 must overflow")
	}
	if s, ok := AddMoney(MaxAmount, MaxAmount); !ok || s != 2*MaxAmount {
		t.Fatal("two bounded amounts add")
	}
	if Money(math.MinInt64).String() != "-92233720368547758.08" {
		t.Fatalf("MinInt64 prints as %s", Money(math.MinInt64))
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

// TestMoneyAppendIsTheFormat: Append (and so String and MarshalJSON)
// writes what the former fmt format wrote, for every sign and size.
func TestMoneyAppendIsTheFormat(t *testing.T) {
	for _, m := range []Money{0, 1, 9, 10, 99, 100, 101, 123456, -1, -99, -100, -123456, MaxAmount, -MaxAmount,
		math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		sign, v := "", uint64(m)
		if m < 0 {
			sign, v = "-", uint64(-(m+1))+1
		}
		want := fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
		if got := m.String(); got != want {
			t.Errorf("%d: String %q, want %q", int64(m), got, want)
		}
		if got, _ := m.MarshalJSON(); string(got) != want {
			t.Errorf("%d: MarshalJSON %q, want %q", int64(m), got, want)
		}
		if got := string(m.Append([]byte("x"))); got != "x"+want {
			t.Errorf("%d: Append %q", int64(m), got)
		}
	}
}
