package qianxiang

// Reception is one reception day (接待日) at a liaison station: scheduled
// on the station's day of the month, moved to the next working day of the
// office's calendar, then recorded as held (the day, the deputies on duty,
// how many people came). The problems registered that day point to it, so
// a month's reception leads to what the public brought.
type Reception struct {
	ID        int64    `json:"id"`
	StationID int64    `json:"station_id"`
	Month     Date     `json:"month"` // YYYY-MM
	Scheduled Date     `json:"scheduled_on"`
	HeldOn    Date     `json:"received_on,omitzero"`
	People    int      `json:"people"`
	OnDuty    []string `json:"on_duty"` // the deputies' cards
	Note      string   `json:"note,omitempty"`
	Version   int      `json:"version"`
	// Counted: the problems registered at this reception.
	Problems int `json:"problems"`
	// Derived for a day: its day passed with no record.
	Missed bool `json:"missed"`
}

// Held reports a reception recorded as held.
func (r Reception) Held() bool { return !r.HeldOn.IsZero() }

// Derive marks a reception whose scheduled day has passed unrecorded.
func (r *Reception) Derive(today Date) { r.Missed = !r.Held() && r.Scheduled.Before(today) }

// ReceptionRemindDays bounds the reminder for an unrecorded reception:
// a day that passed within this many days is reminded of once; an older
// one (a station added mid-year, a server first started) is only marked
// missed on the station's page, not announced long after anyone recalls
// who came.
const ReceptionRemindDays = 14

// UnrecordedReceptions picks the receptions to remind of on a day: their
// day has passed (yesterday or earlier, within ReceptionRemindDays) with
// no record.
func UnrecordedReceptions(rs []Reception, today Date) []Reception {
	var out []Reception
	oldest := today.AddDays(-ReceptionRemindDays)
	for _, r := range rs {
		if !r.Held() && r.Scheduled.Before(today) && !r.Scheduled.Before(oldest) {
			out = append(out, r)
		}
	}
	return out
}

// ReceptionIn is the station's reception day in a month: its day of the
// month, or the next working day when that is a holiday or a weekend not
// worked (the 10th of June 2023, a Saturday, → Monday the 12th).
func (s Station) ReceptionIn(month Date, cal Calendar) Date {
	d := Date{Year: month.Year, Month: month.Month, Day: s.ReceptionDay}
	for !cal.Workday(d) {
		d = d.AddDays(1)
	}
	return d
}

// ScheduleYear lists the receptions of a year's months from a month on
// (earlier months are not scheduled after the fact), each on its day.
func (s Station) ScheduleYear(year int, from Date, cal Calendar) []Reception {
	var out []Reception
	for m := 1; m <= 12; m++ {
		month := Date{Year: year, Month: m}
		if month.MonthIndex() < from.MonthIndex() {
			continue
		}
		out = append(out, Reception{StationID: s.ID, Month: month, Scheduled: s.ReceptionIn(month, cal), OnDuty: []string{}})
	}
	return out
}

// Record checks a reception's record: held on a day not in the future,
// in its month or on its scheduled day, with the number of people received
// and at least one deputy on duty.
func (r *Reception) Record(on Date, people int, onDuty []string, note string, today Date) error {
	note, err := clean("note", note)
	switch {
	case err != nil:
		return err
	case on.IsZero() || on.MonthOnly():
		return FieldError("received_on", "is required (YYYY-MM-DD)")
	case today.Before(on):
		return FieldError("received_on", "%s is in the future (today is %s)", on.String(), today.String())
	case on != r.Scheduled && (on.Year != r.Month.Year || on.Month != r.Month.Month):
		return FieldError("received_on", "%s is not in %s, the month of this reception (scheduled %s)", on.String(), r.Month.String(), r.Scheduled.String())
	case checkPeople(people) != nil:
		return checkPeople(people)
	case len(onDuty) == 0:
		return FieldError("on_duty", "name at least one of the station's deputies on duty")
	}
	r.HeldOn, r.People, r.OnDuty, r.Note = on, people, onDuty, note
	return nil
}
