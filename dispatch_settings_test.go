package qianxiang

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestDispatchSettingsValidate(t *testing.T) {
	if err := DefaultDispatchSettings().Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	tests := []struct {
		field string
		edit  func(*DispatchSettings)
	}{
		{"yellow_band", func(s *DispatchSettings) { s.YellowBand = -0.01 }},
		{"yellow_band", func(s *DispatchSettings) { s.YellowBand = 1.01 }},
		{"yellow_band", func(s *DispatchSettings) { s.YellowBand = math.NaN() }},
		{"deadline_day", func(s *DispatchSettings) { s.DeadlineDay = 0 }},
		{"deadline_day", func(s *DispatchSettings) { s.DeadlineDay = 29 }},
		{"reporting_kinds", func(s *DispatchSettings) { s.ReportingKinds = nil }},
		{"reporting_kinds", func(s *DispatchSettings) { s.ReportingKinds = []Kind{"other"} }},
		{"", func(s *DispatchSettings) { s.YellowBand, s.DeadlineDay, s.ReportingKinds = 1, 28, []Kind{KindNew} }},
		{"", func(s *DispatchSettings) { s.YellowBand, s.DeadlineDay = 0, 1 }},
	}
	for _, tt := range tests {
		s := DefaultDispatchSettings()
		tt.edit(&s)
		err := s.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", s, err)
			}
			continue
		}
		e := AsError(err)
		if e == nil || e.Code != EValidation || len(e.Details) != 1 || e.Details[0].Field != tt.field {
			t.Errorf("%+v: got %v, want a validation error on %s", s, err, tt.field)
		}
	}
}

func TestCmpProductsIsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vals := func() int64 {
		switch rng.IntN(4) {
		case 0:
			return rng.Int64() - rng.Int64()
		case 1:
			return math.MinInt64 + rng.Int64N(3)
		case 2:
			return math.MaxInt64 - rng.Int64N(3)
		}
		return rng.Int64N(2001) - 1000
	}
	for range 100000 {
		a, b, c, d := vals(), vals(), vals(), vals()
		x := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
		y := new(big.Int).Mul(big.NewInt(c), big.NewInt(d))
		if got, want := cmpProducts(a, b, c, d), x.Cmp(y); got != want {
			t.Fatalf("cmpProducts(%d,%d,%d,%d) = %d, want %d", a, b, c, d, got, want)
		}
	}
}
