package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// projectFormData is what project_form.html shows. Values holds every input
// as the user typed it, so nothing they typed is lost when a save is refused.
type projectFormData struct {
	ID      int64
	New     bool
	Version int
	Values  map[string]string
	Team    []qianxiang.TeamMember
	Errs    map[string]string // field → message, shown next to the field
	Theirs  map[string]string // field → the value someone else saved meanwhile
	Orgs    []qianxiang.Org
	Kinds   []qianxiang.Kind
	Stages  []qianxiang.Stage
	Groups  []orgGroup
	Sectors []string // the office's list of sectors (issue 15.5)
	Leaders []string // the users with the leader role
	// FreeSector, FreeLeader: the office allows a value off the list, so
	// the field is typed with the list as suggestions rather than chosen.
	FreeSector, FreeLeader bool
	lang                   string

	// ClassLists are the office's lists the form offers; Classes what the
	// project carries (or what was ticked).
	ClassLists qianxiang.ClassLists
	Classes    qianxiang.Classes
}

func (s *Server) projectFormPage(r *http.Request, d *projectFormData) (*projectFormData, error) {
	orgs, err := s.App.Directory(r.Context(), actor(r))
	if err != nil {
		return nil, err
	}
	// Counties, departments and the city: project units are not places.
	for _, o := range orgs {
		if o.Kind != qianxiang.OrgUnit {
			d.Orgs = append(d.Orgs, o)
		}
	}
	d.Kinds, d.Stages = qianxiang.Kinds, qianxiang.Stages
	d.ClassLists, _ = s.App.ClassLists(r.Context(), actor(r))
	lists, err := s.App.ProjectLists(r.Context())
	if err != nil {
		return nil, err
	}
	d.Sectors, d.FreeSector, d.FreeLeader = lists.Sectors, lists.AllowOtherSector, lists.AllowOtherLeader
	if d.Leaders, err = s.App.LeaderNames(r.Context()); err != nil {
		return nil, err
	}
	for len(d.Team) < 3 || d.Team[len(d.Team)-1].Name != "" {
		d.Team = append(d.Team, qianxiang.TeamMember{})
	}
	return d, nil
}

func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, status int, d *projectFormData, errMsg string, details []string) error {
	d, err := s.projectFormPage(r, d)
	if err != nil {
		return err
	}
	title := "Edit project"
	if d.New {
		title = "New project"
	}
	p := s.page(r, title, "projects", d)
	p.Error, p.Details = errMsg, details
	d.lang, d.Groups = p.Lang, orgGroups(p, d.Orgs)
	return s.render(w, r, status, "project_form", p)
}

func (s *Server) projectNewPage(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	if !a.Role.AtLeast(qianxiang.RoleOrgAdmin) {
		return qianxiang.ErrForbidden()
	}
	p := qianxiang.Project{Year: s.App.DefaultYear(r.Context()), Kind: qianxiang.KindNew}
	// A county files its own projects; a department leads them.
	if u := info(r).User; u != nil {
		switch u.Org.Kind {
		case qianxiang.OrgCounty:
			p.Org.Code = u.Org.Code
		case qianxiang.OrgDepartment:
			p.LeadOrg.Code = u.Org.Code
		}
	}
	return s.renderForm(w, r, 200, &projectFormData{New: true, Values: formValues(p), Team: p.Team}, "", nil)
}

func (s *Server) projectEditPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.App.Project(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	if !actor(r).Can(qianxiang.ActEditProject, p.ScopeOf()) {
		return qianxiang.ErrForbidden()
	}
	d := &projectFormData{ID: id, Version: p.Version, Values: formValues(p), Team: p.Team, Classes: p.Classes}
	return s.renderForm(w, r, 200, d, "", nil)
}

func (s *Server) projectCreate(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActEditProject); err != nil {
		return err
	}
	d := &projectFormData{New: true}
	p, ok := readProjectForm(r, d)
	if !ok {
		return s.formInvalid(w, r, d, p)
	}
	out, err := s.App.CreateProject(r.Context(), actor(r), p)
	if err != nil {
		return s.formRefused(w, r, d, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/projects/%d?saved=1", out.ID), http.StatusSeeOther)
	return nil
}

func (s *Server) projectSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx, a := r.Context(), actor(r)
	// Out of scope is not found, and a role that may not edit is
	// forbidden, before anything about the form is said.
	if _, err := s.App.ProjectFor(ctx, a, id, qianxiang.ActEditProject); err != nil {
		return err
	}
	d := &projectFormData{ID: id}
	d.Version, _ = strconv.Atoi(r.FormValue("version"))
	p, ok := readProjectForm(r, d)
	if !ok {
		return s.formInvalid(w, r, d, p)
	}
	patch, err := json.Marshal(mergePatch(p))
	if err != nil {
		return err
	}
	if _, err := s.App.PatchProject(ctx, a, id, d.Version, patch); err != nil {
		if qianxiang.ErrorCode(err) == qianxiang.EConflict {
			return s.formStale(w, r, d)
		}
		return s.formRefused(w, r, d, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/projects/%d?saved=1", id), http.StatusSeeOther)
	return nil
}

// mergePatch is the JSON merge patch of every field the form edits; the
// fields it does not show (extra columns from imports) are left alone.
func mergePatch(p qianxiang.Project) map[string]any {
	m := map[string]any{
		"year": p.Year, "code": p.Code, "name": p.Name, "owner": p.Owner,
		"org": map[string]string{"code": p.Org.Code}, "lead_org": map[string]string{"code": p.LeadOrg.Code},
		"kind": p.Kind, "stage": p.Stage, "sector": p.Sector, "scope": p.Scope,
		"total_investment": p.TotalInvestment, "annual_plan": p.AnnualPlan,
		"planned_start": p.PlannedStart, "planned_end": p.PlannedEnd, "started_on": p.StartedOn,
		"leader": p.Leader, "team": p.Team, "in_stats": p.InStats, "confidential": p.Confidential,
		// Every key spelled out: the patch is decoded into the stored
		// target, and an omitted (emptied) key would keep its old value.
		"target": map[string]any{"start_by": p.Target.StartBy, "complete_by": p.Target.CompleteBy,
			"invest_at_least": p.Target.InvestAtLeast, "text": p.Target.Text},
		"contact": p.Contact, "phone": p.Phone, "notes": p.Notes,
	}
	if p.Classes != nil {
		// Every list the form showed is spelled out (an empty one clears).
		m["classes"] = p.Classes
	}
	return m
}

// formInvalid shows the form's own parse errors (numbers, dates) together
// with everything else the service would refuse in what did parse, so the
// user sees every faulty field at once.
func (s *Server) formInvalid(w http.ResponseWriter, r *http.Request, d *projectFormData, p qianxiang.Project) error {
	lang := info(r).Lang
	for _, err := range []error{s.App.ValidateProject(r.Context(), p), s.App.CheckProjectChoices(r.Context(), actor(r), p, d.ID)} {
		if e := qianxiang.AsError(err); e != nil && e.Code == qianxiang.EValidation {
			for _, det := range e.Details {
				if _, shown := fieldInputs[det.Field]; shown && d.Errs[det.Field] == "" {
					d.Errs[det.Field] = i18n.Message(lang, det)
				}
			}
		}
	}
	return s.renderForm(w, r, http.StatusUnprocessableEntity, d, i18n.T(lang, "Please correct the %d marked fields.", len(d.Errs)), nil)
}

// formRefused shows what the service refused, each detail next to its field.
func (s *Server) formRefused(w http.ResponseWriter, r *http.Request, d *projectFormData, err error) error {
	lang := info(r).Lang
	e := qianxiang.AsError(err)
	if e == nil || e.Code == qianxiang.EInternal {
		return err
	}
	d.Errs = map[string]string{}
	var unplaced []string
	for _, det := range e.Details {
		msg := i18n.Message(lang, det)
		if det.Field == "code" && det.Format == "%s" {
			// Project.Validate flattens the code check's error to English
			// text; asking the check again gives a message we can translate.
			if cerr := qianxiang.CheckProjectCode(d.Values["code"], s.App.CityCode(r.Context())); cerr != nil {
				msg = i18n.Error(lang, cerr)
			}
		}
		if _, shown := fieldInputs[det.Field]; shown {
			d.Errs[det.Field] = msg
		} else {
			unplaced = append(unplaced, i18n.Detail(lang, det))
		}
	}
	msg := i18n.Error(lang, err)
	if len(e.Details) > 0 {
		msg = i18n.T(lang, "Please correct the %d marked fields.", len(e.Details))
	}
	return s.renderForm(w, r, Status(e.Code), d, msg, unplaced)
}

// formStale answers a save on a stale version: the user's input stays in
// the form, the fields someone else changed meanwhile are marked with their
// new values, and the form now carries the current version, so saving again
// is a deliberate choice to replace what the other person saved.
func (s *Server) formStale(w http.ResponseWriter, r *http.Request, d *projectFormData) error {
	ctx, a, lang := r.Context(), actor(r), info(r).Lang
	cur, gerr := s.App.Project(ctx, a, d.ID)
	if gerr != nil {
		return gerr // deleted meanwhile: not found says it
	}
	d.Theirs = map[string]string{}
	if h, herr := s.App.ProjectHistory(ctx, a, d.ID); herr == nil {
		for _, f := range changedSince(h, d.Version) {
			d.Theirs[f] = shownValue(lang, cur, f)
		}
	}
	d.Version = cur.Version
	// Not the service's "reload and edit again": the form offers better.
	msg := i18n.T(lang, "Not saved: someone else changed this project after you opened it.")
	details := []string{i18n.T(lang, "Your input is kept below. Fields someone else changed are marked with their new value; saving again replaces them with yours.")}
	return s.renderForm(w, r, http.StatusConflict, d, msg, details)
}

// shownValue is a field of a saved project as a person reads it.
func shownValue(lang string, p qianxiang.Project, field string) string {
	v := formValues(p)[field]
	switch field {
	case "org":
		v = p.Org.Name
	case "lead_org":
		v = p.LeadOrg.Name
	case "kind":
		v = i18n.T(lang, v)
	case "stage":
		if p.Stage == qianxiang.StageCompleted {
			v = "completed_stage"
		}
		v = i18n.T(lang, v)
	case "total_investment", "annual_plan":
		v = fmtMoney(map[string]qianxiang.Money{"total_investment": p.TotalInvestment, "annual_plan": p.AnnualPlan}[field])
	case "in_stats":
		v = i18n.T(lang, map[bool]string{true: "Yes", false: "No"}[p.InStats])
	case "team":
		var names []string
		for _, m := range p.Team {
			names = append(names, m.Name)
		}
		v = strings.Join(names, "、")
	case "target":
		v = strings.TrimSpace(strings.Join([]string{p.Target.StartBy, p.Target.CompleteBy, p.Target.Text}, " "))
	}
	if v == "" {
		return i18n.T(lang, "(empty)")
	}
	return v
}
