package app

import (
	"context"
	"strings"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/store"
)

// TaskQuery filters the ledger: GET /api/v1/tasks?year=&list=&light=&org=.
type TaskQuery struct {
	Year    int
	ListID  int64
	Light   string
	OrgCode string
}

// TaskLists lists the ledger's lists of a year; everyone sees the lists
// (the city's decisions are not secret), each with the tasks they may see.
func (a *App) TaskLists(ctx context.Context, actor qianxiang.Actor, year int) ([]qianxiang.TaskList, error) {
	ls, err := a.DB.TaskLists(ctx, year)
	return ls, a.internal(ctx, "task lists", err)
}

// Tasks lists the tasks the actor may see (city roles: all; others: those
// their organisation leads or helps with), with lights and the latest
// progress.
func (a *App) Tasks(ctx context.Context, actor qianxiang.Actor, q TaskQuery) ([]qianxiang.Task, error) {
	if q.Light != "" && q.Light != string(qianxiang.LightGreen) && q.Light != string(qianxiang.LightYellow) && q.Light != string(qianxiang.LightRed) {
		return nil, qianxiang.FieldError("light", "must be green, yellow or red")
	}
	all, err := a.DB.Tasks(ctx, q.ListID, q.Year)
	if err != nil {
		return nil, a.internal(ctx, "tasks", err)
	}
	var ids []int64
	vis := all[:0]
	for _, t := range all {
		if actor.Can(qianxiang.ActRead, t.ScopeOf()) && (q.OrgCode == "" || involves(t, q.OrgCode)) {
			vis = append(vis, t)
			ids = append(ids, t.ID)
		}
	}
	if ids == nil {
		ids = []int64{}
	}
	prog, err := a.DB.TaskProgress(ctx, ids)
	if err != nil {
		return nil, a.internal(ctx, "tasks", err)
	}
	byTask := map[int64][]qianxiang.TaskProgress{}
	for _, p := range prog {
		byTask[p.TaskID] = append(byTask[p.TaskID], p)
	}
	today := a.Today()
	out := []qianxiang.Task{}
	for _, t := range vis {
		ps := byTask[t.ID]
		t.Light, t.Reason = qianxiang.TaskLight(t, ps, today)
		if len(ps) > 0 {
			last := ps[len(ps)-1]
			t.Latest = &last
		}
		if q.Light == "" || string(t.Light) == q.Light {
			out = append(out, t)
		}
	}
	return out, nil
}

func involves(t qianxiang.Task, code string) bool {
	if t.LeadOrg.Code == code {
		return true
	}
	for _, o := range t.CoOrgs {
		if o.Code == code {
			return true
		}
	}
	return false
}

// Task reads one task with all its progress reports.
func (a *App) Task(ctx context.Context, actor qianxiang.Actor, id int64) (qianxiang.Task, error) {
	t, err := a.DB.Task(ctx, id)
	if err != nil {
		return t, a.internal(ctx, "task", err)
	}
	if !actor.Can(qianxiang.ActRead, t.ScopeOf()) {
		return qianxiang.Task{}, qianxiang.ErrNotFound("task")
	}
	ps, err := a.DB.TaskProgress(ctx, []int64{id})
	if err != nil {
		return t, a.internal(ctx, "task", err)
	}
	t.Report = ps
	t.Light, t.Reason = qianxiang.TaskLight(t, ps, a.Today())
	if len(ps) > 0 {
		t.Latest = &ps[len(ps)-1]
	}
	return t, nil
}

// ProgressIn is an organisation's monthly report on a task.
type ProgressIn struct {
	Month         string `json:"month"` // YYYY-MM
	Text          string `json:"text"`
	MilestoneDone bool   `json:"milestone_done"`
}

// ReportTaskProgress saves the actor's organisation's report for a month;
// the lead organisation may report the month's milestone reached.
func (a *App) ReportTaskProgress(ctx context.Context, actor qianxiang.Actor, id int64, in ProgressIn) (qianxiang.Task, error) {
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		t, err := tx.Task(ctx, id)
		if err != nil {
			return err
		}
		if !actor.Can(qianxiang.ActRead, t.ScopeOf()) {
			return qianxiang.ErrNotFound("task")
		}
		org, ok := t.Responsible(actor)
		if !ok {
			return qianxiang.Errorf(qianxiang.EForbidden, "only the lead and co-organisations of a task report its progress")
		}
		// The input is read only once the caller may report.
		m, err := qianxiang.ParseDate(in.Month)
		if err != nil || !m.MonthOnly() {
			return qianxiang.FieldError("month", "must be a month YYYY-MM")
		}
		text, bad := qianxiang.CleanText("text", in.Text)
		if bad != nil {
			return qianxiang.FieldError("text", bad.Format, bad.Args...)
		}
		p := qianxiang.TaskProgress{TaskID: id, Org: org, Year: m.Year, Month: m.Month, Text: text,
			MilestoneDone: in.MilestoneDone, ReportedBy: actor.Username}
		tb, err := tx.Snapshot(ctx, "tasks", id)
		if err != nil {
			return err
		}
		before := t.Milestones
		marked := make([]qianxiang.Milestone, len(before))
		copy(marked, before)
		t.Milestones = marked
		if err := t.ApplyProgress(p, org.ID == t.LeadOrg.ID, a.Today()); err != nil {
			return err
		}
		pb, err := tx.UpsertTaskProgress(ctx, &p)
		if err != nil {
			return err
		}
		action := "report"
		if pb != "" {
			action = "update"
		}
		if err := tx.Audit(ctx, actor.Username, action, "task_progress", p.ID, t.Title, pb); err != nil {
			return err
		}
		for i := range marked {
			if marked[i].DoneOn != before[i].DoneOn {
				if err := tx.UpdateTask(ctx, &t); err != nil {
					return err
				}
				return tx.Audit(ctx, actor.Username, "milestone", "tasks", t.ID, t.Title, tb)
			}
		}
		return nil
	})
	if err != nil {
		return qianxiang.Task{}, a.internal(ctx, "task progress", err)
	}
	return a.Task(ctx, actor, id)
}

// TaskRow is a task as read from a workbook (excel.ReadTasks).
type TaskRow = excel.TaskRow

// ImportTaskList creates a list and its tasks from a workbook's rows: all
// or nothing, every faulty row named. Only the campaign office imports.
func (a *App) ImportTaskList(ctx context.Context, actor qianxiang.Actor, l qianxiang.TaskList, rows []TaskRow) (qianxiang.TaskList, error) {
	if !actor.Can(qianxiang.ActImportPlan, qianxiang.Scope{}) {
		return l, qianxiang.ErrForbidden()
	}
	l.Title, l.Source = strings.TrimSpace(l.Title), strings.TrimSpace(l.Source)
	if l.Title == "" {
		return l, qianxiang.FieldError("title", "is required")
	}
	if l.Year < 2000 || l.Year > 2100 {
		return l, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	if len(rows) == 0 {
		return l, qianxiang.Errorf(qianxiang.EValidation, "the workbook has no tasks")
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return l, a.internal(ctx, "import tasks", err)
	}
	byName := orgLookup(orgs)
	var details []qianxiang.Detail
	seen := map[int]int{}
	for i := range rows {
		r := &rows[i]
		if o, ok := byName(r.LeadName); ok {
			r.Task.LeadOrg, r.Task.LeadPath = o.Ref(), o.Path
		} else if r.LeadName != "" {
			details = append(details, qianxiang.Detail{Row: r.Row, Column: r.LeadColumn, Field: "lead_org", Format: "organisation %q not found", Args: []any{r.LeadName}})
		}
		r.Task.CoOrgs = []qianxiang.OrgRef{}
		for _, n := range r.CoNames {
			if o, ok := byName(n); ok {
				r.Task.CoOrgs = append(r.Task.CoOrgs, o.Ref())
			} else {
				details = append(details, qianxiang.Detail{Row: r.Row, Column: r.CoColumn, Field: "co_orgs", Format: "organisation %q not found", Args: []any{n}})
			}
		}
		for _, d := range r.Task.Validate() {
			if d.Field == "lead_org" && r.LeadName != "" {
				continue // already named above
			}
			d.Row = r.Row
			details = append(details, d)
		}
		if prev, dup := seen[r.Task.No]; dup && r.Task.No > 0 {
			details = append(details, qianxiang.Detail{Row: r.Row, Field: "no", Format: "number %d is already used on row %d", Args: []any{r.Task.No, prev}})
		}
		seen[r.Task.No] = r.Row
	}
	if len(details) > 0 {
		e := qianxiang.Errorf(qianxiang.EValidation, "%d errors in the task list; nothing was imported", len(details))
		e.Details = details
		return l, e
	}
	if _, err := a.DB.TaskListByTitle(ctx, l.Year, l.Title); err == nil {
		return l, qianxiang.FieldError("title", "a list %q exists already for %d", l.Title, l.Year)
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertTaskList(ctx, &l); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "import", "task_lists", l.ID, l.Title, ""); err != nil {
			return err
		}
		for i := range rows {
			t := &rows[i].Task
			t.ListID = l.ID
			if err := tx.InsertTask(ctx, t); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor.Username, "import", "tasks", t.ID, t.Title, ""); err != nil {
				return err
			}
			l.Tasks = append(l.Tasks, *t)
		}
		return nil
	})
	return l, a.internal(ctx, "import tasks", err)
}

// orgLookup finds an organisation by code, full name or name without its
// suffix, as task lists write them.
func orgLookup(orgs []qianxiang.Org) func(string) (qianxiang.Org, bool) {
	m := map[string]qianxiang.Org{}
	for _, o := range orgs {
		for _, k := range []string{o.Code, o.Name, qianxiang.ShortName(o.Name)} {
			if _, dup := m[k]; !dup {
				m[k] = o
			}
		}
	}
	city, _ := func() (qianxiang.Org, bool) {
		for _, o := range orgs {
			if o.Kind == qianxiang.OrgCity && o.ParentID == 0 {
				return o, true
			}
		}
		return qianxiang.Org{}, false
	}()
	return func(s string) (qianxiang.Org, bool) {
		s = strings.TrimSpace(s)
		if o, ok := m[s]; ok {
			return o, true
		}
		// 吕梁市发改委 → 市发改委
		if city.Name != "" && strings.HasPrefix(s, city.Name) {
			o, ok := m["市"+strings.TrimPrefix(s, city.Name)]
			return o, ok
		}
		return qianxiang.Org{}, false
	}
}

// TaskEdit changes a task's decomposition: PUT /api/v1/tasks/{id}. Fields
// left empty keep their value; milestones, when given, replace the list
// (a milestone already reached keeps its date).
type TaskEdit struct {
	Title      string                `json:"title"`
	LeadOrg    string                `json:"lead_org"`
	Leader     *string               `json:"leader"` // nil keeps; "" clears the responsible city leader
	CoOrgs     []string              `json:"co_orgs"`
	Milestones []qianxiang.Milestone `json:"milestones"`
	Version    int                   `json:"version"`
}

// EditTask applies an edit by the campaign office at the version read.
func (a *App) EditTask(ctx context.Context, actor qianxiang.Actor, id int64, in TaskEdit) (qianxiang.Task, error) {
	if !actor.Can(qianxiang.ActImportPlan, qianxiang.Scope{}) {
		return qianxiang.Task{}, qianxiang.ErrForbidden()
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return qianxiang.Task{}, a.internal(ctx, "edit task", err)
	}
	find := orgLookup(orgs)
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		t, err := tx.Task(ctx, id)
		if err != nil {
			return err
		}
		if in.Version != 0 && in.Version != t.Version {
			return qianxiang.Errorf(qianxiang.EConflict, "the task was changed by someone else since you opened it (version %d, now %d); reload and edit again", in.Version, t.Version)
		}
		before, err := tx.Snapshot(ctx, "tasks", id)
		if err != nil {
			return err
		}
		if s := strings.TrimSpace(in.Title); s != "" {
			t.Title = s
		}
		if in.LeadOrg != "" {
			o, ok := find(in.LeadOrg)
			if !ok {
				return qianxiang.FieldError("lead_org", "organisation %q not found", in.LeadOrg)
			}
			t.LeadOrg = o.Ref()
		}
		if in.Leader != nil {
			t.Leader = strings.TrimSpace(*in.Leader)
		}
		if in.CoOrgs != nil {
			t.CoOrgs = []qianxiang.OrgRef{}
			for _, n := range in.CoOrgs {
				o, ok := find(n)
				if !ok {
					return qianxiang.FieldError("co_orgs", "organisation %q not found", n)
				}
				t.CoOrgs = append(t.CoOrgs, o.Ref())
			}
		}
		if in.Milestones != nil {
			done := map[string]qianxiang.Date{}
			for _, m := range t.Milestones {
				done[m.Month] = m.DoneOn
			}
			for i := range in.Milestones {
				in.Milestones[i].DoneOn = done[in.Milestones[i].Month]
			}
			t.Milestones = in.Milestones
		}
		if d := t.Validate(); len(d) > 0 {
			e := qianxiang.FieldError(d[0].Field, d[0].Format, d[0].Args...)
			e.Details = d
			return e
		}
		if err := tx.UpdateTask(ctx, &t); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "update", "tasks", id, t.Title, before)
	})
	if err != nil {
		return qianxiang.Task{}, a.internal(ctx, "edit task", err)
	}
	return a.Task(ctx, actor, id)
}
