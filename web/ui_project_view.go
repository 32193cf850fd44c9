package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"unicode/utf8"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// projectViewData is what project.html shows.
type projectViewData struct {
	P          qianxiang.Project
	Light      qianxiang.ProjectLight
	LightMonth int
	Reports    []qianxiang.Report
	History    []historyEntry
	Problems   []qianxiang.Problem
	CanEdit    bool
	CanRaise   bool // may raise a problem on it
	// Factors is the project's factor guarantee (要素保障), Orders the
	// supervision orders about it.
	Factors  qianxiang.Factors
	Orders   []qianxiang.Order
	CanOrder bool // may issue a supervision order about it
	// Gallery is its progress photos month by month; Place its location
	// on the map (Located false when it has none).
	Gallery qianxiang.Gallery
	Place   qianxiang.Point
	Located bool
	// Lead is the investment lead the project landed from (招大引强), if
	// the reader may see it.
	Lead *qianxiang.Lead
	// Entry is the project's statistics entry (项目入库, ui_statentry.go).
	Entry *app.EntryView

	// Lists are the office's classification lists (for the names of the
	// project's classes); Batch is the batch start it is in, if any.
	Lists qianxiang.ClassLists
	Batch *qianxiang.BatchStart
	// Voices: deputies' suggestions and station problems about it (module 7).
	Voices app.ProjectVoices
}

// historyEntry is one audit entry as people read it.
type historyEntry struct {
	At      string
	Actor   string
	Action  string
	Changes []fieldChange
}

// fieldChange names a changed field; Old and New are empty when the values
// are too long or structured (team, target) to show in a line.
type fieldChange struct {
	Field    string
	Old, New string
}

func (s *Server) projectPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	d, err := s.projectView(r, id)
	if err != nil {
		return err
	}
	if d.Lead, err = s.App.LeadOfProject(r.Context(), actor(r), id); err != nil {
		return err
	}
	p := s.page(r, "Project", "projects", d)
	p.Title = d.P.Name
	if r.URL.Query().Get("saved") == "1" {
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "project", p)
}

func (s *Server) projectView(r *http.Request, id int64) (*projectViewData, error) {
	ctx, a := r.Context(), actor(r)
	pr, err := s.App.Project(ctx, a, id)
	if err != nil {
		return nil, err
	}
	d := &projectViewData{P: pr, CanEdit: a.Can(qianxiang.ActEditProject, pr.ScopeOf()), CanRaise: a.Can(qianxiang.ActWriteProblem, pr.ScopeOf())}
	// ?month= comes from a list or dispatch that showed the light of that
	// month; without it, the month the registry shows by default.
	month := 0
	if m := r.URL.Query().Get("month"); m != "" {
		if month, err = strconv.Atoi(m); err != nil {
			return nil, qianxiang.FieldError("month", "must be between 1 and 12")
		}
	}
	if d.Light, d.LightMonth, err = s.App.ProjectLight(ctx, a, id, month); err != nil {
		return nil, err
	}
	if d.Reports, err = s.App.ProjectReports(ctx, a, id, pr.Year); err != nil {
		return nil, err
	}
	h, err := s.App.ProjectHistory(ctx, a, id)
	if err != nil {
		return nil, err
	}
	orgs, _ := s.App.Directory(ctx, a)
	d.History = s.historyView(info(r).Lang, h, orgs)
	if err := s.projectFactorsView(r, d); err != nil {
		return nil, err
	}
	if err := s.projectEntryView(r, d); err != nil {
		return nil, err
	}
	if d.Problems, err = s.App.ProjectProblems(ctx, a, id); err != nil {
		return nil, err
	}
	if d.Gallery, err = s.App.ProjectGallery(ctx, a, id); err != nil {
		return nil, err
	}
	if d.Place, d.Located, err = s.App.ProjectPlace(ctx, a, id); err != nil {
		return nil, err
	}
	s.projectChainsView(r, d)
	if d.Voices, err = s.App.ProjectVoices(ctx, a, id); err != nil {
		return nil, err
	}
	return d, nil
}

// projectDelete deletes at the version the page showed, so a project that
// someone changed meanwhile is not deleted unseen.
func (s *Server) projectDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx, a := r.Context(), actor(r)
	pr, err := s.App.Project(ctx, a, id)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.FormValue("version"))
	if err := s.App.DeleteProject(ctx, a, id, version); err != nil {
		d, verr := s.projectView(r, id)
		if verr != nil {
			return err
		}
		p := s.page(r, "Project", "projects", d)
		p.Title, p.Error = d.P.Name, i18n.Error(p.Lang, err)
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "project", p)
	}
	http.Redirect(w, r, fmt.Sprintf("/projects?year=%d&deleted=1", pr.Year), http.StatusSeeOther)
	return nil
}

// colLabels are the catalog keys of the snapshot's columns.
var colLabels = map[string]string{
	"org_id": "org", "lead_org_id": "lead_org", "team": "Team (专班)", "target": "Target (一个目标)",
	"in_stats": "In the statistics", "contact": "Contact", "phone": "Phone", "notes": "Notes", "extra": "Other columns",
}

// historyView turns audit entries into lines a person can read: who, when,
// what, and which fields changed (from the snapshots before and after).
func (s *Server) historyView(lang string, h []qianxiang.AuditEntry, orgs []qianxiang.Org) []historyEntry {
	orgName := map[string]string{}
	for _, o := range orgs {
		orgName[strconv.FormatInt(o.ID, 10)] = o.Name
	}
	out := make([]historyEntry, 0, len(h))
	for i := len(h) - 1; i >= 0; i-- { // newest first
		e := h[i]
		he := historyEntry{At: e.At.In(s.App.Loc).Format("2006-01-02 15:04"), Actor: e.Actor, Action: i18n.T(lang, e.Action)}
		if e.Before != "" && e.After != "" {
			he.Changes = snapshotChanges(lang, e, orgName)
		}
		out = append(out, he)
	}
	return out
}

// snapshotChanges shows the fields an entry changed, old and new values
// read from its snapshots (every value a string).
func snapshotChanges(lang string, e qianxiang.AuditEntry, orgName map[string]string) []fieldChange {
	var b, a map[string]*string
	if json.Unmarshal([]byte(e.Before), &b) != nil || json.Unmarshal([]byte(e.After), &a) != nil {
		return nil
	}
	cols := e.Changed()
	out := make([]fieldChange, 0, len(cols))
	for _, c := range cols {
		label := c
		if l, ok := colLabels[c]; ok {
			label = l
		}
		fc := fieldChange{Field: i18n.T(lang, label)}
		fc.Old, fc.New = colValue(lang, c, str(b[c]), orgName), colValue(lang, c, str(a[c]), orgName)
		if fc.Old == "\x00" || fc.New == "\x00" {
			fc.Old, fc.New = "", ""
		}
		out = append(out, fc)
	}
	return out
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// colValue formats a stored value for reading; "\x00" means "do not show".
func colValue(lang, col, v string, orgName map[string]string) string {
	switch col {
	case "team", "target", "extra":
		return "\x00"
	case "total_investment", "annual_plan":
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return v
		}
		return fmtMoney(qianxiang.Money(n))
	case "org_id", "lead_org_id":
		if n, ok := orgName[v]; ok {
			return n
		}
	case "kind":
		return i18n.T(lang, v)
	case "stage":
		if v == string(qianxiang.StageCompleted) {
			return i18n.T(lang, "completed_stage")
		}
		return i18n.T(lang, v)
	case "in_stats":
		if v == "1" {
			return i18n.T(lang, "Yes")
		}
		return i18n.T(lang, "No")
	}
	if v == "" {
		return "—"
	}
	if utf8.RuneCountInString(v) > 40 {
		return "\x00"
	}
	return v
}
