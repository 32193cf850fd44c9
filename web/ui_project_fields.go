package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// fieldInputs are the fields the project form shows, each with a place for
// its error message.
var fieldInputs = map[string]bool{
	"year": true, "code": true, "name": true, "owner": true, "org": true, "lead_org": true, "kind": true,
	"stage": true, "sector": true, "scope": true, "total_investment": true, "annual_plan": true,
	"planned_start": true, "planned_end": true, "started_on": true, "leader": true, "contact": true,
	"phone": true, "notes": true, "in_stats": true, "team": true, "target": true, "confidential": true,
}

// textFields are copied from the form as they are.
var textFields = []string{"code", "name", "owner", "org", "lead_org", "kind", "stage", "sector", "scope",
	"leader", "contact", "phone", "notes", "target_text"}

// formValues gives a project's fields as the form's inputs show them.
func formValues(p qianxiang.Project) map[string]string {
	v := map[string]string{
		"year": strconv.Itoa(p.Year), "code": p.Code, "name": p.Name, "owner": p.Owner,
		"org": p.Org.Code, "lead_org": p.LeadOrg.Code, "kind": string(p.Kind), "stage": string(p.Stage),
		"sector": p.Sector, "scope": p.Scope, "planned_start": p.PlannedStart.String(),
		"planned_end": p.PlannedEnd.String(), "started_on": p.StartedOn.String(), "leader": p.Leader,
		"contact": p.Contact, "phone": p.Phone, "notes": p.Notes,
		"target_start_by": p.Target.StartBy, "target_complete_by": p.Target.CompleteBy, "target_text": p.Target.Text,
	}
	if p.Year == 0 {
		v["year"] = ""
	}
	if p.ID != 0 || p.TotalInvestment != 0 || p.AnnualPlan != 0 {
		v["total_investment"], v["annual_plan"] = p.TotalInvestment.String(), p.AnnualPlan.String()
	}
	if p.Target.InvestAtLeast != 0 {
		v["target_invest"] = p.Target.InvestAtLeast.String()
	}
	if p.InStats {
		v["in_stats"] = "1"
	}
	if p.Confidential {
		v["confidential"] = "1"
	}
	if p.Org.Code == p.LeadOrg.Code {
		v["lead_org"] = "" // "same as the county", so moving the county moves the lead
	}
	return v
}

// readProjectForm reads the posted form into d (for redisplay) and into a
// project. ok is false when an input could not be read; d.Errs says which.
func readProjectForm(r *http.Request, d *projectFormData) (qianxiang.Project, bool) {
	lang := info(r).Lang
	d.Values, d.Errs = map[string]string{}, map[string]string{}
	for _, f := range append(textFields, "year", "total_investment", "annual_plan", "planned_start", "planned_end",
		"started_on", "target_start_by", "target_complete_by", "target_invest", "in_stats", "confidential") {
		d.Values[f] = strings.TrimSpace(r.FormValue(f))
	}
	v := d.Values
	bad := func(field, msg string) { d.Errs[field] = i18n.T(lang, msg) }
	p := qianxiang.Project{Code: v["code"], Name: v["name"], Owner: v["owner"], Org: qianxiang.OrgRef{Code: v["org"]},
		LeadOrg: qianxiang.OrgRef{Code: v["lead_org"]}, Kind: qianxiang.Kind(v["kind"]), Stage: qianxiang.Stage(v["stage"]),
		Sector: v["sector"], Scope: v["scope"], Leader: v["leader"], Contact: v["contact"], Phone: v["phone"],
		Notes: v["notes"], InStats: v["in_stats"] == "1", Confidential: v["confidential"] == "1"}
	if y, err := strconv.Atoi(v["year"]); err == nil {
		p.Year = y
	} else {
		bad("year", "must be a year such as 2023")
	}
	money := func(field string, dst *qianxiang.Money) {
		s := strings.NewReplacer("，", ",", " ", "").Replace(v[field])
		if s == "" {
			return
		}
		m, err := qianxiang.ParseMoney(s)
		if qianxiang.AmountFault(err) == qianxiang.FaultNotNumber {
			bad(field, "is not a number")
			return
		}
		if e := qianxiang.AsError(err); e != nil { // a number beyond the bounds: say which
			d.Errs[field] = i18n.T(lang, e.Format, e.Args...)
			return
		}
		*dst = m
	}
	money("total_investment", &p.TotalInvestment)
	money("annual_plan", &p.AnnualPlan)
	money("target_invest", &p.Target.InvestAtLeast)
	date := func(field string, dst *qianxiang.Date) {
		dt, err := parseFormDate(v[field])
		if err != nil {
			bad(field, "is not a date: write 2023-03 or 2023-03-15")
		}
		*dst = dt
	}
	date("planned_start", &p.PlannedStart)
	date("planned_end", &p.PlannedEnd)
	date("started_on", &p.StartedOn)
	for _, f := range []string{"target_start_by", "target_complete_by"} {
		dt, err := parseFormDate(v[f])
		if err != nil {
			d.Errs["target"] = i18n.T(lang, "is not a month: write 2023-06")
		}
		dt.Day = 0
		if f == "target_start_by" {
			p.Target.StartBy = dt.String()
		} else {
			p.Target.CompleteBy = dt.String()
		}
	}
	p.Target.Text = v["target_text"]
	names, roles, phones := r.Form["team_name"], r.Form["team_role"], r.Form["team_phone"]
	p.Team = []qianxiang.TeamMember{}
	for i := range names {
		m := qianxiang.TeamMember{Name: strings.TrimSpace(names[i]), Role: strings.TrimSpace(at(roles, i)), Phone: strings.TrimSpace(at(phones, i))}
		if m == (qianxiang.TeamMember{}) {
			continue
		}
		if m.Name == "" {
			bad("team", "each team member needs a name")
		}
		p.Team = append(p.Team, m)
	}
	d.Team = append([]qianxiang.TeamMember(nil), p.Team...)
	// The classification lists the form showed, each named by a hidden
	// class_list input so that a list with nothing ticked is cleared.
	for _, code := range r.Form["class_list"] {
		if p.Classes == nil {
			p.Classes = qianxiang.Classes{}
		}
		p.Classes[code] = append([]string{}, r.Form["class."+code]...)
	}
	d.Classes = p.Classes
	return p, len(d.Errs) == 0
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

var formDate = regexp.MustCompile(`^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:[-./月]\s*(\d{1,2})\s*日?|月)?$`)

// parseFormDate reads what people type for a date: 2023-03, 2023-03-15,
// 2023.3, 2023/3/15, 2023年3月(15日). A month without a day means the month.
func parseFormDate(s string) (qianxiang.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return qianxiang.Date{}, nil
	}
	m := formDate.FindStringSubmatch(s)
	if m == nil {
		return qianxiang.Date{}, qianxiang.Errorf(qianxiang.EValidation, "not a date")
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || day < 0 || day > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return qianxiang.Date{}, qianxiang.Errorf(qianxiang.EValidation, "not a date")
	}
	return qianxiang.Date{Year: y, Month: mo, Day: day}, nil
}

// snapshotFields maps a snapshot column to the form field that shows it.
var snapshotFields = map[string]string{"org_id": "org", "lead_org_id": "lead_org"}

// changedSince lists the form fields that audited saves changed after the
// given version was read, from the snapshots in the history.
func changedSince(h []qianxiang.AuditEntry, version int) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range h {
		var b map[string]*string
		if e.Before == "" || json.Unmarshal([]byte(e.Before), &b) != nil {
			continue
		}
		if v, err := strconv.Atoi(str(b["version"])); err != nil || v < version {
			continue
		}
		for _, k := range e.Changed() {
			f := k
			if sf, ok := snapshotFields[k]; ok {
				f = sf
			}
			if fieldInputs[f] && !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// formField is one input of the project form, ready for the
// projects_input partial.
type formField struct {
	Name, Label, Value, Hint string
	Err, Theirs, TheirsLabel string
	List                     string // id of a <datalist> of suggestions
	Req, Money               bool
	// Choices: the field is a choice from these (sector, leader), with the
	// stored value kept as an option even when it is off the list.
	Choose    bool
	Choices   []string
	OffList   bool // the value is not among Choices
	EmptyText string
}

var requiredFields = map[string]bool{"year": true, "name": true, "org": true, "kind": true,
	"total_investment": true, "annual_plan": true}

var moneyFields = map[string]bool{"total_investment": true, "annual_plan": true, "target_invest": true}

// F gives the input named name with its label and placeholder translated.
func (d *projectFormData) F(name, label, hint string) formField {
	f := formField{Name: name, Label: i18n.T(d.lang, label), Value: d.Values[name], Err: d.Errs[name],
		Theirs: d.Theirs[name], Req: requiredFields[name], Money: moneyFields[name]}
	if name == "sector" || name == "leader" {
		f.List = "list-" + name
		choices, free := d.Sectors, d.FreeSector
		if name == "leader" {
			choices, free = d.Leaders, d.FreeLeader
		}
		if !free && len(choices) > 0 {
			f.Choose, f.Choices, f.List, f.EmptyText = true, choices, "", i18n.T(d.lang, "— choose —")
			f.OffList = f.Value != "" && !slices.Contains(choices, f.Value)
		}
	}
	if hint != "" {
		f.Hint = i18n.T(d.lang, hint)
	}
	if f.Theirs != "" {
		f.TheirsLabel = i18n.T(d.lang, "Changed meanwhile by someone else to: ")
	}
	return f
}
