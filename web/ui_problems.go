package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"qianxiang/excel"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// problemsView is what problems.html reads.
type problemsView struct {
	Items      []qianxiang.Problem
	Latest     map[int64]qianxiang.Instruction
	ByOrg      []qianxiang.ProblemCount
	ByCategory []qianxiang.ProblemCount
	Orgs       []qianxiang.Org
	Categories []qianxiang.ProblemCategory
	Statuses   []qianxiang.ProblemStatus
	Q          app.ProblemQuery
	Export     string
	Leader     bool
	Overdue    int
}

func (s *Server) problemsPage(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	q, err := problemQuery(r)
	if err != nil {
		return err
	}
	ps, err := s.App.Problems(ctx, a, q)
	if err != nil {
		return err
	}
	v := &problemsView{Items: ps, Q: q, Categories: qianxiang.ProblemCategories, Statuses: qianxiang.ProblemStatuses,
		Export: "/problems/export.xlsx?" + r.URL.RawQuery, Leader: a.Role == qianxiang.RoleLeader,
		ByOrg: qianxiang.CountProblems(ps, qianxiang.ByOwner), ByCategory: qianxiang.CountProblems(ps, qianxiang.ByCategory)}
	for _, p := range ps {
		if p.Overdue {
			v.Overdue++
		}
	}
	if v.Latest, err = s.App.LatestInstructions(ctx, ps); err != nil {
		return err
	}
	if v.Orgs, err = s.App.Directory(ctx, a); err != nil {
		return err
	}
	return s.render(w, r, 200, "problems", s.page(r, "Problems", "problems", v))
}

// problemView is what problem.html reads: the problem and the steps the
// actor may take, asked of the same rule the services ask.
type problemView struct {
	*app.ProblemDetail
	May  map[string]bool
	Orgs []qianxiang.Org
	// The liaison station's record it was raised from, if any.
	FromStation int64
}

func (s *Server) loadProblemView(r *http.Request, id int64) (*problemView, error) {
	a := actor(r)
	d, err := s.App.ProblemDetail(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	v := &problemView{ProblemDetail: d, May: map[string]bool{}}
	for _, act := range []qianxiang.ProblemAction{qianxiang.PAStart, qianxiang.PAResolve, qianxiang.PAClose, qianxiang.PAReopen,
		qianxiang.PAReassign, qianxiang.PAExtend, qianxiang.PAInstruct, qianxiang.PAAck} {
		if !d.MayAct(a, act) {
			continue
		}
		if _, err := qianxiang.NextStatus(d.Status, act); err == nil || act == qianxiang.PAInstruct || act == qianxiang.PAAck ||
			((act == qianxiang.PAReassign || act == qianxiang.PAExtend) && d.Status.Pending()) {
			v.May[string(act)] = true
		}
	}
	if v.May[string(qianxiang.PAReassign)] {
		if v.Orgs, err = s.App.Directory(r.Context(), a); err != nil {
			return nil, err
		}
	}
	if v.FromStation, err = s.App.StationOrigin(r.Context(), a, id); err != nil {
		return nil, err
	}
	return v, nil
}

func (s *Server) problemPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.loadProblemView(r, id)
	if err != nil {
		return err
	}
	if err := s.App.NotificationsSeen(r.Context(), actor(r), "problems", id); err != nil {
		return err
	}
	p := s.page(r, "Problem", "problems", v)
	p.Flash = flashFor(p, r.URL.Query().Get("done"))
	return s.render(w, r, 200, "problem", p)
}

func flashFor(p *Page, done string) string {
	switch done {
	case "":
		return ""
	case "created":
		return p.T("The problem was raised; its owner has been told.")
	case "instruct":
		return p.T("The instruction was sent to the owner organisation.")
	}
	return p.T("Saved.")
}

// problemSubmit takes a step from the problem page's forms; a refusal is
// shown on the page with what was typed kept.
func (s *Server) problemSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx, a := r.Context(), actor(r)
	act := r.PathValue("action")
	switch qianxiang.ProblemAction(act) {
	case qianxiang.PAStart, qianxiang.PAResolve, qianxiang.PAClose, qianxiang.PAReopen:
		_, err = s.App.StepProblem(ctx, a, id, qianxiang.ProblemAction(act), r.FormValue("text"))
	case qianxiang.PAExtend:
		_, err = s.App.ExtendProblem(ctx, a, id, r.FormValue("due"), r.FormValue("reason"))
	case qianxiang.PAReassign:
		_, err = s.App.ReassignProblem(ctx, a, id, r.FormValue("owner_org"), nil, r.FormValue("reason"))
	case "instructions":
		act = "instruct"
		_, err = s.App.Instruct(ctx, a, id, r.FormValue("text"))
	default:
		return qianxiang.Errorf(qianxiang.ENotFound, "%s not found", "page "+r.URL.Path)
	}
	if err != nil {
		return s.problemRefused(w, r, id, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/problems/%d?done=%s", id, act), http.StatusSeeOther)
	return nil
}

func (s *Server) problemRefused(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	code := qianxiang.ErrorCode(err)
	if code == qianxiang.ENotFound || code == qianxiang.EInternal {
		return err
	}
	v, lerr := s.loadProblemView(r, id)
	if lerr != nil {
		return lerr
	}
	p := s.page(r, "Problem", "problems", v)
	s.setError(p, err)
	return s.render(w, r, Status(code), "problem", p)
}

func (s *Server) ackSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	iid, err := pathID(r, "iid")
	if err != nil {
		return err
	}
	if _, err := s.App.AckInstruction(r.Context(), actor(r), id, iid); err != nil {
		return s.problemRefused(w, r, id, err)
	}
	http.Redirect(w, r, fmt.Sprintf("/problems/%d?done=ack", id), http.StatusSeeOther)
	return nil
}

// newProblemView is the form to raise a problem on a project.
type newProblemView struct {
	Project    qianxiang.Project
	Orgs       []qianxiang.Org
	Categories []qianxiang.ProblemCategory
	In         app.ProblemInput
	Today      string
}

func (s *Server) newProblemForm(r *http.Request, in app.ProblemInput) (*newProblemView, error) {
	pr, err := s.App.Project(r.Context(), actor(r), in.Project)
	if err != nil {
		return nil, err
	}
	v := &newProblemView{Project: pr, Categories: qianxiang.ProblemCategories, In: in, Today: s.App.Today().String()}
	if v.In.OwnerOrg == "" {
		v.In.OwnerOrg = pr.LeadOrg.Code
	}
	v.Orgs, err = s.App.Directory(r.Context(), actor(r))
	return v, err
}

func (s *Server) newProblemPage(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.URL.Query().Get("project"), 10, 64)
	if err != nil || id <= 0 {
		return qianxiang.FieldError("project", "must be a positive number")
	}
	v, err := s.newProblemForm(r, app.ProblemInput{Project: id, Due: s.App.Today().AddDays(14).String()})
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "problem_new", s.page(r, "Raise a problem", "problems", v))
}

func (s *Server) newProblemSubmit(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.FormValue("project"), 10, 64)
	in := app.ProblemInput{Project: id, Category: r.FormValue("category"), Description: r.FormValue("description"),
		OwnerOrg: r.FormValue("owner_org"), Due: r.FormValue("due")}
	for _, c := range r.Form["co_orgs"] {
		if c = strings.TrimSpace(c); c != "" {
			in.CoOrgs = append(in.CoOrgs, c)
		}
	}
	p, err := s.App.CreateProblem(r.Context(), actor(r), in)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/problems/%d?done=created", p.ID), http.StatusSeeOther)
		return nil
	}
	code := qianxiang.ErrorCode(err)
	if code == qianxiang.ENotFound || code == qianxiang.EInternal || id <= 0 {
		return err
	}
	v, ferr := s.newProblemForm(r, in)
	if ferr != nil {
		return ferr
	}
	pg := s.page(r, "Raise a problem", "problems", v)
	s.setError(pg, err)
	return s.render(w, r, Status(code), "problem_new", pg)
}

// problemsExport writes the filtered list as a workbook.
func (s *Server) problemsExport(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	q, err := problemQuery(r)
	if err != nil {
		return err
	}
	ps, err := s.App.Problems(ctx, actor(r), q)
	if err != nil {
		return err
	}
	latest, err := s.App.LatestInstructions(ctx, ps)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	city, _ := s.App.City(ctx)
	today := s.App.Today()
	if err := excel.WriteProblems(&b, fmt.Sprintf("%s问题清单（%s）", city.Name, today), ps, latest); err != nil {
		return err
	}
	name := fmt.Sprintf("problems-%s.xlsx", today)
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, name, url.PathEscape("问题清单-"+today.String()+".xlsx")))
	_, err = b.WriteTo(w)
	return err
}
