package qianxiang

import "slices"

// ProjectLists are the lists the project form chooses 行业 and 包联市领导
// from (issue 15.5). The sectors are the campaign office's list; the
// leaders are the users with the leader role. Free text is accepted only
// where the office allows it.
type ProjectLists struct {
	Sectors          []string `json:"sectors"`
	AllowOtherSector bool     `json:"allow_other_sector"`
	AllowOtherLeader bool     `json:"allow_other_leader"`
}

// Clean checks each sector (CleanText), drops blanks and repeats, and
// names every faulty line. A list left empty is refused: once saved, the
// list binds the project form, so an empty one (a form sent blank) would
// leave no sector to choose and stop every project from being saved.
func (l *ProjectLists) Clean() error {
	var out []string
	var ds []Detail
	for i, s := range l.Sectors {
		v, d := CleanText("sector", s)
		if d != nil {
			ds = append(ds, Detail{Row: i + 1, Field: "sectors", Format: d.Format, Args: d.Args})
			continue
		}
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if len(ds) == 0 && len(out) == 0 {
		ds = append(ds, Detail{Field: "sectors", Format: "list at least one sector, one a line"})
	}
	if len(ds) > 0 {
		e := FieldError(ds[0].Field, ds[0].Format, ds[0].Args...)
		e.Details = ds
		return e
	}
	l.Sectors = out
	return nil
}

// AddSectors gives the list with the sectors it lacks appended, and those.
func (l ProjectLists) AddSectors(ss ...string) (ProjectLists, []string) {
	var added []string
	out := l
	out.Sectors = slices.Clone(l.Sectors)
	for _, s := range ss {
		if s != "" && !slices.Contains(out.Sectors, s) {
			out.Sectors = append(out.Sectors, s)
			added = append(added, s)
		}
	}
	return out, added
}

// CheckChoices names p's sector and leader when they are not on the lists
// and the office does not allow others. A value kept as it was stored (was,
// nil for a new project) passes: older projects named leaders before the
// lists existed, and editing another field must not be refused for that.
// An empty list binds nothing: before any user has the leader role (or any
// sector is listed) there is nothing to choose from, so the value is typed.
func (l ProjectLists) CheckChoices(p Project, was *Project, leaders []string) []Detail {
	var ds []Detail
	if p.Sector != "" && !l.AllowOtherSector && len(l.Sectors) > 0 && !slices.Contains(l.Sectors, p.Sector) && (was == nil || was.Sector != p.Sector) {
		ds = append(ds, Detail{Field: "sector", Format: "%q is not in the campaign office's list of sectors; choose one from the list", Args: []any{p.Sector}})
	}
	if p.Leader != "" && !l.AllowOtherLeader && len(leaders) > 0 && !slices.Contains(leaders, p.Leader) && (was == nil || was.Leader != p.Leader) {
		ds = append(ds, Detail{Field: "leader", Format: "%q is not a city leader with a login; choose one from the list", Args: []any{p.Leader}})
	}
	return ds
}
