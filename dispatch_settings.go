package qianxiang

import "math"

// DispatchSettings are the thresholds of the monthly dispatch that the
// campaign office may change (domain.md, "Rules of the monthly dispatch").
type DispatchSettings struct {
	// YellowBand: a project behind time progress by at most this fraction
	// is yellow rather than red.
	YellowBand float64 `json:"yellow_band"`
	// DeadlineDay: a month's report is due by this day of that month.
	DeadlineDay int `json:"deadline_day"`
	// ReportingKinds are the kinds of project that are due to report.
	ReportingKinds []Kind `json:"reporting_kinds"`
}

// DefaultDispatchSettings gives the rules as domain.md states them.
func DefaultDispatchSettings() DispatchSettings {
	return DispatchSettings{
		YellowBand:     0.10,
		DeadlineDay:    25,
		ReportingKinds: []Kind{KindNew, KindContinuing, KindPreparatory},
	}
}

// Validate checks the settings; the error names the faulty field.
func (s DispatchSettings) Validate() error {
	if math.IsNaN(s.YellowBand) || s.YellowBand < 0 || s.YellowBand > 1 {
		return FieldError("yellow_band", "must be between 0 and 1")
	}
	if s.DeadlineDay < 1 || s.DeadlineDay > 28 {
		return FieldError("deadline_day", "must be a day between 1 and 28")
	}
	if len(s.ReportingKinds) == 0 {
		return FieldError("reporting_kinds", "must name at least one kind")
	}
	for _, k := range s.ReportingKinds {
		if !k.Valid() {
			return FieldError("reporting_kinds", "%q is not a kind of project", string(k))
		}
	}
	return nil
}

// reports says whether projects of kind k are due to report.
func (s DispatchSettings) reports(k Kind) bool {
	for _, x := range s.ReportingKinds {
		if x == k {
			return true
		}
	}
	return false
}

// bandScale is the denominator the yellow band is held in, so that the band
// test is exact integer arithmetic: 0.10 is 100_000_000 / 1e9, not the
// binary float just above or below a tenth.
const bandScale = 1_000_000_000

// bandUnits gives the yellow band in units of 1/bandScale.
func (s DispatchSettings) bandUnits() int64 { return int64(math.Round(s.YellowBand * bandScale)) }
