package web

import (
	"fmt"
	"net/http"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

func init() {
	funcs["taskReason"] = func(r string) string { return taskReasonKey[r] }
	funcs["milestoneClass"] = milestoneClass
}

var taskReasonKey = map[string]string{qianxiang.TaskReasonOverdueMilestone: "Milestone overdue", qianxiang.TaskReasonMissingProgress: "Progress not reported"}

// milestoneClass marks a milestone chip: reached, missed (its month has
// ended unreached) or still ahead.
func milestoneClass(m qianxiang.Milestone, today string) string {
	switch {
	case !m.DoneOn.IsZero():
		return "done"
	case len(today) >= 7 && m.Month < today[:7]:
		return "missed"
	}
	return ""
}

// tasksData is what tasks.html shows.
type tasksData struct {
	Lists     []qianxiang.TaskList
	Tasks     []qianxiang.Task
	Q         app.TaskQuery
	Lights    qianxiang.LightCounts
	CanImport bool
	Today     string
	Year      int
	// LightNames are the light filter's choices.
	LightNames []string
}

func (s *Server) tasksView(r *http.Request) (*tasksData, error) {
	q, err := taskQuery(r)
	if err != nil {
		return nil, err
	}
	ctx, a := r.Context(), actor(r)
	today := s.App.Today()
	d := &tasksData{Q: q, CanImport: a.Can(qianxiang.ActImportPlan, qianxiang.Scope{}), Today: today.String(), Year: today.Year,
		LightNames: []string{"green", "yellow", "red"}}
	if d.Lists, err = s.App.TaskLists(ctx, a, q.Year); err != nil {
		return nil, err
	}
	if d.Tasks, err = s.App.Tasks(ctx, a, q); err != nil {
		return nil, err
	}
	for _, t := range d.Tasks {
		switch t.Light {
		case qianxiang.LightGreen:
			d.Lights.Green++
		case qianxiang.LightYellow:
			d.Lights.Yellow++
		case qianxiang.LightRed:
			d.Lights.Red++
		}
	}
	return d, nil
}

func (s *Server) tasksPage(w http.ResponseWriter, r *http.Request) error {
	d, err := s.tasksView(r)
	if err != nil {
		return err
	}
	p := s.page(r, "Key tasks", "tasks", d)
	if r.URL.Query().Get("imported") != "" {
		p.Flash = p.T("Task list imported.")
	}
	return s.render(w, r, 200, "tasks", p)
}

func (s *Server) tasksImport(w http.ResponseWriter, r *http.Request) error {
	l, err := s.importTasks(r)
	if err != nil {
		if c := qianxiang.ErrorCode(err); c != qianxiang.EValidation && c != qianxiang.EInvalid {
			return err
		}
		d, verr := s.tasksView(r)
		if verr != nil {
			return verr
		}
		p := s.page(r, "Key tasks", "tasks", d)
		p.Error = i18n.Error(p.Lang, err)
		if e := qianxiang.AsError(err); e != nil {
			for _, dt := range e.Details {
				p.Details = append(p.Details, i18n.Detail(p.Lang, dt))
			}
		}
		return s.render(w, r, Status(qianxiang.ErrorCode(err)), "tasks", p)
	}
	http.Redirect(w, r, fmt.Sprintf("/tasks?list=%d&imported=1", l.ID), http.StatusSeeOther)
	return nil
}

// taskData is what task.html shows.
type taskData struct {
	T         qianxiang.Task
	CanReport bool
	IsLead    bool
	Today     string
	Month     string // the month the form reports, by default this one
	CanOrder  bool   // may issue a supervision order about it
}

func (s *Server) taskPage(w http.ResponseWriter, r *http.Request) error {
	flash := ""
	if r.URL.Query().Get("saved") == "1" {
		flash = "Progress saved."
	}
	return s.renderTask(w, r, 200, flash, nil)
}

func (s *Server) renderTask(w http.ResponseWriter, r *http.Request, status int, flash string, failed error) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a := actor(r)
	t, err := s.App.Task(r.Context(), a, id)
	if err != nil {
		return err
	}
	today := s.App.Today()
	org, ok := t.Responsible(a)
	d := &taskData{T: t, CanReport: ok, IsLead: ok && org.ID == t.LeadOrg.ID, Today: today.String(), Month: today.String()[:7],
		CanOrder: qianxiang.CanIssueOrders(a)}
	p := s.page(r, "Key task", "tasks", d)
	p.Title = fmt.Sprintf("%d. %s", t.No, t.Title)
	if flash != "" {
		p.Flash = p.T(flash)
	}
	if failed != nil {
		p.Error = i18n.Error(p.Lang, failed)
	}
	return s.render(w, r, status, "task", p)
}

func (s *Server) taskProgress(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	in := app.ProgressIn{Month: r.FormValue("month"), Text: r.FormValue("text"), MilestoneDone: r.FormValue("milestone_done") == "1"}
	if _, err := s.App.ReportTaskProgress(r.Context(), actor(r), id, in); err != nil {
		if qianxiang.ErrorCode(err) != qianxiang.EValidation {
			return err
		}
		return s.renderTask(w, r, Status(qianxiang.ErrorCode(err)), "", err)
	}
	http.Redirect(w, r, fmt.Sprintf("/tasks/%d?saved=1", id), http.StatusSeeOther)
	return nil
}
