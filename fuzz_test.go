package qianxiang

import (
	"strings"
	"testing"
)

// The parsers of outside input in the domain: dates, amounts, national
// project codes and a city's GeoJSON. Each fuzz target states the promise
// the rest of the code relies on, beyond "does not panic".

// FuzzParseDate: a date read is a real calendar date that prints back to
// the same date; a refusal names the text.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-03-15", "2023-03", "", " 2024-02-29 ", "2023-02-29", "2023-13-01", "0000-01", "9999-12-31", "2023-3-5", "２０２３-03",
		"2024-02-29", "1900-02-29", "2000-02-29", "2023-04-31", "2023-04-30", "2023-00", "2023-12-00", "0001-01-01", "2023-05x", "2023/05/01", "2023-05-1a", "-023-05"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		// The digits' short cut gives what time.Parse gives.
		slow, slowErr := parseDateLayouts(s)
		if d != slow || (err == nil) != (slowErr == nil) {
			t.Fatalf("%q: ParseDate %v, %v; through time.Parse %v, %v", s, d, err, slow, slowErr)
		}
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("%q: refused but gave %v", s, d)
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("%q: accepted as no date", s)
			}
			return
		}
		if d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
			t.Fatalf("%q: impossible date %+v", s, d)
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q → %v → %v, %v", s, d, back, err)
		}
	})
}

// FuzzParseMoney: an amount read is exact, within the bounds, and prints
// back to itself; a refusal is one of ours (a 422 naming the text), never
// a rounded or float-mangled value.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"0", "1234.56", "-0.01", "1e3", "12.345", "1,000", "９９", "NaN", "Inf", "0x10", "99999999999999999999", " 7 ", "1.5e-2", "—"} {
		f.Add(s, int64(1))
		f.Add(s, int64(10000))
	}
	f.Fuzz(func(t *testing.T, s string, factor int64) {
		if factor <= 0 || factor > 1_000_000 {
			factor = 1
		}
		for _, parse := range []func(string, int64) (Money, error){ParseMoneyScaled, ParseMoneyTolerant} {
			m, err := parse(s, factor)
			if err != nil {
				if AsError(err) == nil {
					t.Fatalf("%q: foreign error %v", s, err)
				}
				continue
			}
			if m > MaxAmount || m < -MaxAmount {
				t.Fatalf("%q ×%d = %v: beyond the bound", s, factor, m)
			}
			back, err := ParseMoney(m.String())
			if err != nil || back != m {
				t.Fatalf("%q → %v → %v, %v", s, m, back, err)
			}
		}
	})
}

// FuzzCheckProjectCode: a code accepted has the national shape and lies
// in the city; nothing panics on short or multi-byte input.
func FuzzCheckProjectCode(f *testing.F) {
	for _, s := range []string{"2023-141102-48-01-000123", "2023-140000-48-01-000123", "", "2023-141102-48-01-00012", "2023-１41102-48-01-000123", "----"} {
		f.Add(s, "141100")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, code, city string) {
		err := CheckProjectCode(code, city)
		if err != nil {
			if AsError(err) == nil {
				t.Fatalf("%q: foreign error %v", code, err)
			}
			return
		}
		if !codeShape.MatchString(code) {
			t.Fatalf("%q accepted without the national shape", code)
		}
		if len(city) >= 4 && code[5:9] != city[:4] {
			t.Fatalf("%q accepted outside city %q", code, city)
		}
	})
}

// FuzzParseCityMap: a map read has a valid shape for every county it
// names, and only counties of the city; a refusal is one of ours.
func FuzzParseCityMap(f *testing.F) {
	f.Add([]byte(fc(feature(`{"adcode":141102}`, "Polygon", square(111, 37)), feature(`{"name":"文水"}`, "Polygon", square(112, 37)))))
	f.Add([]byte(fc(feature(`{"code":"141102"}`, "MultiPolygon", "["+square(111, 37)+","+square(113, 37)+"]"))))
	f.Add([]byte(fc(feature(`{"name":"离石区"}`, "Polygon", `[[[111,37],[112,37],[111,37]]]`))))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":null}]}`))
	f.Add([]byte(`{"type":`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, missing, err := ParseCityMap(data, testCounties)
		if err != nil {
			if AsError(err) == nil {
				t.Fatalf("foreign error %v", err)
			}
			return
		}
		if len(m.Counties)+len(missing) != len(testCounties) {
			t.Fatalf("%d shapes + %d missing for %d counties", len(m.Counties), len(missing), len(testCounties))
		}
		for _, c := range m.Counties {
			if c.Code != "141102" && c.Code != "141121" {
				t.Fatalf("a shape for %+v, not a county of the city", c)
			}
			if len(c.Polygons) == 0 {
				t.Fatalf("county %s without a polygon", c.Code)
			}
			for _, pg := range c.Polygons {
				for _, ring := range pg {
					for _, p := range ring {
						if !p.Valid() {
							t.Fatalf("county %s: point %v off the globe", c.Code, p)
						}
					}
				}
			}
		}
	})
}
