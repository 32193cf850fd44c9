package qianxiang

import (
	"strconv"
	"time"
)

// Station is a deputies' liaison station (代表联络站): the deputies who
// receive the public there, its reception day each month, and the city
// leaders who must visit it once a month.
type Station struct {
	ID           int64       `json:"id"`
	Name         string      `json:"name"`
	Org          OrgRef      `json:"org"` // the county (or district) it serves
	Address      string      `json:"address"`
	ReceptionDay int         `json:"reception_day"` // e.g. the 10th of each month
	Deputies     []Signer    `json:"deputies"`
	Leaders      []LeaderRef `json:"leaders"`
	Version      int         `json:"version"`
	// Counted for the station page.
	Problems int `json:"problems"`
	Solved   int `json:"solved"`
}

// Validate checks a new station.
func (s *Station) Validate() error {
	var err error
	if s.Name, err = clean("name", s.Name); err != nil {
		return err
	}
	if s.Address, err = clean("address", s.Address); err != nil {
		return err
	}
	switch {
	case s.Name == "":
		return FieldError("name", "is required")
	case s.ReceptionDay < 1 || s.ReceptionDay > 28:
		return FieldError("reception_day", "must be a day of the month from 1 to 28")
	}
	return nil
}

// Visit is a leader's monthly visit to a station: scheduled, then
// recorded with the day and how many people were received.
type Visit struct {
	ID        int64     `json:"id"`
	StationID int64     `json:"station_id"`
	Leader    LeaderRef `json:"leader"`
	Month     Date      `json:"month"` // the month it counts for (YYYY-MM)
	Scheduled Date      `json:"scheduled_on"`
	VisitedOn Date      `json:"visited_on"`
	People    int       `json:"people"`
	Note      string    `json:"note,omitempty"`
}

// Done reports a visit that took place.
func (v Visit) Done() bool { return !v.VisitedOn.IsZero() }

// RecordVisit checks a visit's record: on a day not in the future, in
// its month, with the number of people received.
func (v *Visit) Record(on Date, people int, note string, today Date) error {
	note, err := clean("note", note)
	switch {
	case err != nil:
		return err
	case on.IsZero() || on.MonthOnly():
		return FieldError("visited_on", "is required (YYYY-MM-DD)")
	case today.Before(on):
		return FieldError("visited_on", "%s is in the future (today is %s)", on.String(), today.String())
	}
	if err := checkPeople(people); err != nil {
		return err
	}
	v.VisitedOn, v.People, v.Note, v.Month = on, people, note, Date{Year: on.Year, Month: on.Month}
	return nil
}

// maxPeople bounds the people one visit or reception day records: a
// liaison station receives tens, a city's hall a few thousand; more is a
// typing slip that would swell every count it is added to.
const maxPeople = 100000

// checkPeople refuses a count of people received below 0 or past maxPeople.
func checkPeople(n int) error {
	if n < 0 || n > maxPeople {
		return FieldError("people", "must be between 0 and 100,000")
	}
	return nil
}

// MissedVisits lists, for a month that has ended, each station leader
// with no visit in it: they are reminded.
func MissedVisits(stations []Station, visits []Visit, month Date) []struct {
	Station Station
	Leader  LeaderRef
} {
	done := map[[2]int64]bool{}
	for _, v := range visits {
		if v.Done() && v.VisitedOn.Year == month.Year && v.VisitedOn.Month == month.Month {
			done[[2]int64{v.StationID, v.Leader.ID}] = true
		}
	}
	var out []struct {
		Station Station
		Leader  LeaderRef
	}
	for _, s := range stations {
		for _, l := range s.Leaders {
			if !done[[2]int64{s.ID, l.ID}] {
				out = append(out, struct {
					Station Station
					Leader  LeaderRef
				}{s, l})
			}
		}
	}
	return out
}

// StationStatus follows a visitor's problem: registered → forwarded to
// the responsible unit (and chased) → answered → return visit → archived.
type StationStatus string

const (
	StRegistered StationStatus = "registered"
	StForwarded  StationStatus = "forwarded"
	StAnswered   StationStatus = "answered"
	StVisited    StationStatus = "visited" // the return visit was made
	StArchived   StationStatus = "archived"
)

// StationStatuses in order.
var StationStatuses = []StationStatus{StRegistered, StForwarded, StAnswered, StVisited, StArchived}

// Label is the English label, the catalog's key for the Chinese one.
func (s StationStatus) Label() string {
	switch s {
	case StRegistered:
		return "Registered"
	case StForwarded:
		return "Forwarded to the unit"
	case StAnswered:
		return "Answered by the unit"
	case StVisited:
		return "Return visit made"
	case StArchived:
		return "Archived"
	}
	return string(s)
}

// StationProblem is one visitor's problem (急难愁盼) received at a station.
type StationProblem struct {
	ID           int64         `json:"id"`
	StationID    int64         `json:"station_id"`
	StationName  string        `json:"station"`
	Visitor      string        `json:"visitor"`
	Text         string        `json:"text"`
	Deputy       *Signer       `json:"deputy"` // who received it
	RegisteredOn Date          `json:"registered_on"`
	Org          *OrgRef       `json:"org"` // the responsible unit
	OrgPath      string        `json:"-"`
	Status       StationStatus `json:"status"`
	Chases       int           `json:"chases"`
	LastChased   Date          `json:"last_chased,omitzero"`
	Answer       string        `json:"answer"`
	AnsweredOn   Date          `json:"answered_on,omitzero"`
	ReturnVisit  string        `json:"return_visit"`
	Solved       bool          `json:"solved"` // the visitor said at the return visit it is solved
	Project      *ProjectRef   `json:"project,omitempty"`
	CampaignID   int64         `json:"campaign_problem,omitempty"` // the module-4 problem it became
	ReceptionID  int64         `json:"reception,omitempty"`        // the reception day it was brought to
	Version      int           `json:"version"`
	CreatedAt    time.Time     `json:"created_at"`
}

// Validate checks a newly registered problem.
func (p *StationProblem) Validate(today Date) error {
	var err error
	if p.Visitor, err = clean("visitor", p.Visitor); err != nil {
		return err
	}
	if p.Text, err = clean("text", p.Text); err != nil {
		return err
	}
	switch {
	case p.Text == "":
		return FieldError("text", "is required: the visitor's problem")
	case p.RegisteredOn.IsZero() || p.RegisteredOn.MonthOnly():
		return FieldError("registered_on", "is required (YYYY-MM-DD)")
	case today.Before(p.RegisteredOn):
		return FieldError("registered_on", "%s is in the future (today is %s)", p.RegisteredOn.String(), today.String())
	}
	return nil
}

// StationStep is one step of the station problem's workflow.
type StationStep string

const (
	SSForward StationStep = "forward"
	SSChase   StationStep = "chase"
	SSAnswer  StationStep = "answer"
	SSVisit   StationStep = "return-visit"
	SSArchive StationStep = "archive"
)

// Step applies a step on a day. Forward names the unit (set by the caller
// first); answer and return visit take text; a return visit says whether
// the visitor finds it solved.
func (p *StationProblem) Step(step StationStep, text string, solved bool, today Date) error {
	text, err := clean("text", text)
	if err != nil {
		return err
	}
	bad := func() error {
		return Errorf(EValidation, "a station problem that is %s cannot be given the step %s", p.Status.Label(), string(step))
	}
	switch step {
	case SSForward:
		if p.Status != StRegistered && p.Status != StForwarded {
			return bad()
		}
		if p.Org == nil {
			return FieldError("org", "is required: the responsible unit")
		}
		p.Status = StForwarded
	case SSChase:
		if p.Status != StForwarded {
			return bad()
		}
		p.Chases++
		p.LastChased = today
	case SSAnswer:
		if p.Status != StForwarded {
			return bad()
		}
		if text == "" {
			return FieldError("text", "is required: what the unit did")
		}
		p.Status, p.Answer, p.AnsweredOn = StAnswered, text, today
	case SSVisit:
		if p.Status != StAnswered {
			return bad()
		}
		if text == "" {
			return FieldError("text", "is required: what the visitor said at the return visit")
		}
		p.Status, p.ReturnVisit, p.Solved = StVisited, text, solved
	case SSArchive:
		if p.Status != StVisited {
			return bad()
		}
		p.Status = StArchived
	default:
		return FieldError("step", "%q is not a step (forward, chase, answer, return-visit, archive)", string(step))
	}
	return nil
}

// SolvedCount is a count of problems received and solved for one
// station, deputy or unit.
type SolvedCount struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Problems int    `json:"problems"`
	Solved   int    `json:"solved"`
}

// CountSolved counts problems and solved ones (the visitor confirmed it
// at the return visit) by station, by receiving deputy and by unit: the
// seed's "5,700 problems solved", each traceable to its record.
func CountSolved(ps []StationProblem) (byStation, byDeputy, byUnit []SolvedCount) {
	add := func(m map[string]*SolvedCount, order *[]string, key, name string, solved bool) {
		c := m[key]
		if c == nil {
			c = &SolvedCount{Key: key, Name: name}
			m[key] = c
			*order = append(*order, key)
		}
		c.Problems++
		if solved {
			c.Solved++
		}
	}
	ms, md, mu := map[string]*SolvedCount{}, map[string]*SolvedCount{}, map[string]*SolvedCount{}
	var os, od, ou []string
	for _, p := range ps {
		add(ms, &os, strconv.FormatInt(p.StationID, 10), p.StationName, p.Solved)
		if p.Deputy != nil {
			add(md, &od, p.Deputy.Card, p.Deputy.Name, p.Solved)
		}
		if p.Org != nil {
			add(mu, &ou, p.Org.Code, p.Org.Name, p.Solved)
		}
	}
	flat := func(m map[string]*SolvedCount, order []string) []SolvedCount {
		out := []SolvedCount{}
		for _, k := range order {
			out = append(out, *m[k])
		}
		return out
	}
	return flat(ms, os), flat(md, od), flat(mu, ou)
}

// NextReception is the station's next reception day from today: this
// month's (moved to a working day), or next month's once it has passed.
func (s Station) NextReception(today Date, cal Calendar) Date {
	if s.ReceptionDay < 1 {
		return Date{}
	}
	month := Date{Year: today.Year, Month: today.Month}
	if r := s.ReceptionIn(month, cal); !r.Before(today) {
		return r
	}
	return s.ReceptionIn(AddMonths(Date{Year: month.Year, Month: month.Month, Day: 1}, 1), cal)
}
