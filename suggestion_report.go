package qianxiang

import "sort"

// UnitHandling is one lead unit's row of the handling report: how many
// it was given, answered, answered on time, and how the signers rated them.
type UnitHandling struct {
	Org        OrgRef `json:"org"`
	Assigned   int    `json:"assigned"`
	CoAssigned int    `json:"co_assigned"` // as a co-unit (协办 / 会办)
	Answered   int    `json:"answered"`
	OnTime     int    `json:"on_time"`
	Rated      int    `json:"rated"`
	Satisfied  int    `json:"satisfied"` // 满意 or 基本满意
	FullySat   int    `json:"fully_satisfied"`
	Basically  int    `json:"basically"`
	// By the class of the latest answer: A solved or adopted, B being
	// solved, C planned, D for reference (the published tables' columns).
	ClassA       int       `json:"class_a"`
	ClassB       int       `json:"class_b"`
	ClassC       int       `json:"class_c"`
	ClassD       int       `json:"class_d"`
	Unsatisfied  int       `json:"unsatisfied"`
	Overdue      int       `json:"overdue"`
	HandlingRate *Fraction `json:"handling_rate"` // answered / assigned
	OnTimeRate   *Fraction `json:"on_time_rate"`  // first answer on time / answered
	Satisfaction *Fraction `json:"satisfaction"`  // satisfied or basically / rated
}

// HandlingReport is the year's report of suggestions (or proposals) as
// congress offices publish it: per lead unit and in total.
type HandlingReport struct {
	Units []UnitHandling `json:"units"`
	Total UnitHandling   `json:"total"`
}

// Counts: a suggestion counts for its lead unit once assigned; answered
// once it has an answer; on time when its first answer met the first due
// date; rated by its latest verdict (an unsatisfied one still being
// handled counts unsatisfied until its new answer is rated).
func (u *UnitHandling) add(s *Suggestion) {
	u.Assigned++
	if len(s.Answers) > 0 {
		u.Answered++
		if s.Answers[0].OnTime {
			u.OnTime++
		}
		switch s.Answers[len(s.Answers)-1].Class {
		case "A":
			u.ClassA++
		case "B":
			u.ClassB++
		case "C":
			u.ClassC++
		case "D":
			u.ClassD++
		}
	}
	switch s.Rating {
	case Satisfied, Basically:
		u.Rated++
		u.Satisfied++
		if s.Rating == Satisfied {
			u.FullySat++
		} else {
			u.Basically++
		}
	case Unsatisfied:
		u.Rated++
		u.Unsatisfied++
	}
	if s.Overdue {
		u.Overdue++
	}
}

func (u *UnitHandling) rates() {
	frac := func(n, d int) *Fraction {
		f, ok := fractionOf(int64(n), int64(d))
		if !ok {
			return nil
		}
		return &f
	}
	u.HandlingRate, u.OnTimeRate, u.Satisfaction = frac(u.Answered, u.Assigned), frac(u.OnTime, u.Answered), frac(u.Satisfied, u.Rated)
}

// ReportHandling counts derived suggestions by lead unit, in order of
// organisation code, with each unit's co-unit share; suggestions not (or
// no longer) assigned are left out.
func ReportHandling(ss []Suggestion) HandlingReport {
	by := map[int64]*UnitHandling{}
	var r HandlingReport
	unit := func(o OrgRef) *UnitHandling {
		u := by[o.ID]
		if u == nil {
			u = &UnitHandling{Org: o}
			by[o.ID] = u
		}
		return u
	}
	for i := range ss {
		s := &ss[i]
		if s.LeadOrg == nil {
			continue
		}
		unit(*s.LeadOrg).add(s)
		r.Total.add(s)
		for _, c := range s.CoOrgs {
			unit(c).CoAssigned++
			r.Total.CoAssigned++
		}
	}
	for _, u := range by {
		u.rates()
		r.Units = append(r.Units, *u)
	}
	sort.Slice(r.Units, func(i, j int) bool { return r.Units[i].Org.Code < r.Units[j].Org.Code })
	if r.Units == nil {
		r.Units = []UnitHandling{}
	}
	r.Total.Org = OrgRef{Name: "合计"}
	r.Total.rates()
	return r
}
