package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/store"
)

// Scale is a city at province scale (issue 13): Projects projects of Year
// with reports for months 1..Months and a problem on one project in
// ProblemEvery. A province is eleven of these, one database per city, as
// each city runs its own server (scripts/province.sh).
type Scale struct {
	Projects     int
	Year         int // 0: the current year
	Months       int // months reported; in the current year at most the months already past
	ProblemEvery int // 0: 25
	Seed         uint64
}

// ScaleStats says what FillScale wrote.
type ScaleStats struct {
	Projects, Reports, Problems, AuditRows int
	Months                                 int
	Took                                   time.Duration
}

// FillScale fills an empty database with a city of s.Projects projects:
// the demo's organisations and logins, the plan and every report written
// in ONE transaction with bulk inserts and the audit trail written in
// bulk at commit (one entry per project and per report, as an import
// makes), then the problems through the services so each has its
// history, notifications and audit like a real one.
func FillScale(ctx context.Context, a *app.App, s Scale) ([]Login, ScaleStats, error) {
	start := time.Now()
	var st ScaleStats
	if s.Projects <= 0 {
		return nil, st, fmt.Errorf("projects must be positive")
	}
	if s.ProblemEvery <= 0 {
		s.ProblemEvery = 25
	}
	today := a.Today()
	if s.Year == 0 {
		s.Year = today.Year
	}
	if s.Months <= 0 || s.Months > 12 {
		s.Months = 12
	}
	if s.Year == today.Year && s.Months >= today.Month {
		s.Months = today.Month - 1 // the current month is still open to report
	}
	if s.Year > today.Year {
		s.Months = 0
	}
	st.Months = s.Months
	if years, err := a.DB.Years(ctx); err != nil || len(years) > 0 {
		if err != nil {
			return nil, st, err
		}
		return nil, st, ErrNotEmpty
	}
	sys := qianxiang.SystemActor
	sys.Username = "demo"
	if _, err := a.InitPreset(ctx, sys, "lvliang"); err != nil {
		return nil, st, err
	}
	rng := rand.New(rand.NewPCG(s.Seed, 13))
	var logins []Login
	for _, u := range users {
		pw := fmt.Sprintf("qx%06d!", rng.IntN(1000000))
		made, _, err := a.AddUser(ctx, sys, app.NewUser{Username: u.username, DisplayName: u.name, Role: u.role, OrgCode: u.org, Password: pw})
		if err != nil {
			return nil, st, err
		}
		logins = append(logins, Login{u.username, pw, string(u.role), made.Org.Name})
	}
	orgs, err := a.DB.Orgs(ctx)
	if err != nil {
		return nil, st, err
	}
	byCode := map[string]qianxiang.Org{}
	for _, o := range orgs {
		byCode[o.Code] = o
	}
	plan := generateN(rng, s.Year, s.Projects, byCode)
	for i := range plan {
		// A new project that started in a reported month is started.
		if p := &plan[i].Project; p.Kind == qianxiang.KindNew && plan[i].startsIn > 0 && plan[i].startsIn <= s.Months {
			p.StartedOn = qianxiang.Date{Year: s.Year, Month: plan[i].startsIn, Day: 1 + rng.IntN(25)}
			p.Stage = qianxiang.StageAfterStart(p.Stage)
		}
	}
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		ps := make([]*qianxiang.Project, len(plan))
		for i := range plan {
			ps[i] = &plan[i].Project
		}
		snaps, err := tx.InsertProjects(ctx, ps)
		if err != nil {
			return err
		}
		items := make([]store.AuditItem, 0, len(ps)*(1+s.Months))
		for _, p := range ps {
			items = append(items, store.AuditItem{Actor: sys.Username, Action: "import", Table: "projects", ID: p.ID, Label: p.Name, After: snaps[p.ID]})
		}
		rs := scaleReports(rng, plan, s.Year, s.Months, a.Now(), a.Loc)
		rsnaps, err := tx.InsertReports(ctx, rs)
		if err != nil {
			return err
		}
		names := make(map[int64]string, len(ps))
		for _, p := range ps {
			names[p.ID] = p.Name
		}
		for _, r := range rs {
			items = append(items, store.AuditItem{Actor: sys.Username, Action: "import", Table: "reports", ID: r.ID,
				Label: fmt.Sprintf("%s %04d-%02d", names[r.ProjectID], r.Year, r.Month), After: rsnaps[r.ID]})
		}
		tx.AuditItems(items)
		st.Projects, st.Reports, st.AuditRows = len(ps), len(rs), len(items)
		return nil
	})
	if err != nil {
		return nil, st, err
	}
	n, err := scaleProblems(ctx, a, sys, rng, plan, s.ProblemEvery, today)
	st.Problems = n
	st.Took = time.Since(start)
	return logins, st, err
}

// generateN makes n projects spread over the counties by their weights,
// each as the demo makes them (generate), with unique names.
func generateN(rng *rand.Rand, year, n int, orgs map[string]qianxiang.Org) []planned {
	total := 0
	for _, c := range counties {
		total += c.weight
	}
	out := make([]planned, 0, n)
	seen := make(map[string]bool, n)
	seq := 0
	for ci, c := range counties {
		share := n * c.weight / total
		if ci == len(counties)-1 {
			share = n - len(out)
		}
		co := orgs[c.code]
		for i := 0; i < share; i++ {
			seq++
			sec := sectors[rng.IntN(len(sectors))]
			subject := sec.subjects[rng.IntN(len(sec.subjects))]
			name := c.name + subject + "项目"
			for k := 2; seen[name]; k++ {
				name = fmt.Sprintf("%s%s%d号项目", c.name, subject, k)
			}
			seen[name] = true
			p := project(rng, year, seq, name, co, orgs, sec)
			if p.Project.Code != "" {
				// unique by construction: the sequence number is the serial
				p.Project.Code = fmt.Sprintf("%d-%s-%02d-%02d-%06d", year, co.Code, 1+seq%60, 1+seq%4, seq)
			}
			out = append(out, p)
		}
	}
	return out
}

// scaleReports gives every project its months 1..months: approved, the
// last month a third only submitted, one in forty missing in the last
// month, progress spread over the year as the demo spreads it.
func scaleReports(rng *rand.Rand, plan []planned, year, months int, now time.Time, loc *time.Location) []*qianxiang.Report {
	out := make([]*qianxiang.Report, 0, len(plan)*months)
	for i := range plan {
		pp := &plan[i]
		p := &pp.Project
		for m := 1; m <= months; m++ {
			if m == months && rng.IntN(40) == 0 {
				continue
			}
			r := &qianxiang.Report{ProjectID: p.ID, Year: year, Month: m, Status: qianxiang.ReportApproved, UpdatedBy: "demo"}
			if m == months && rng.IntN(3) == 0 {
				r.Status = qianxiang.ReportSubmitted
			}
			started := p.Kind == qianxiang.KindContinuing || (p.Kind == qianxiang.KindNew && pp.startsIn > 0 && m >= pp.startsIn)
			if started && p.Kind == qianxiang.KindNew && m == pp.startsIn {
				r.StartedOn = p.StartedOn
			}
			if started || p.Kind == qianxiang.KindPreparatory {
				per := 12.0
				if p.Kind == qianxiang.KindNew {
					per = float64(13 - pp.startsIn)
				}
				r.Completed = qianxiang.Money(int64(float64(p.AnnualPlan) / per * pp.pace * (0.8 + rng.Float64()*0.4)))
				r.Progress = progressWords[rng.IntN(len(progressWords))]
			} else {
				r.Progress = "前期手续办理中"
			}
			t := time.Date(year, time.Month(m), 20, 10, 0, 0, 0, loc)
			if t.After(now) {
				t = now
			}
			r.SubmittedAt = &t
			if r.Status == qianxiang.ReportApproved {
				rt := t.Add(26 * time.Hour)
				if rt.After(now) {
					rt = now
				}
				r.ReviewedAt = &rt
			}
			out = append(out, r)
		}
	}
	return out
}

// scaleProblems raises a problem on one project in every, through the
// services (each is its own transaction with its audit and notices);
// a third are started, a tenth resolved.
func scaleProblems(ctx context.Context, a *app.App, sys qianxiang.Actor, rng *rand.Rand, plan []planned, every int, today qianxiang.Date) (int, error) {
	n := 0
	for i := 0; i < len(plan); i += every {
		p := plan[i].Project
		cat := qianxiang.ProblemCategories[n%len(qianxiang.ProblemCategories)]
		texts := problemTexts[cat]
		in := app.ProblemInput{Project: p.ID, Category: string(cat), Description: texts[rng.IntN(len(texts))],
			OwnerOrg: p.LeadOrg.Code, Due: today.AddDays(3 + rng.IntN(40)).String()}
		pr, err := a.CreateProblem(ctx, sys, in)
		if err != nil {
			return n, err
		}
		n++
		switch rng.IntN(10) {
		case 0:
			if _, err := a.StepProblem(ctx, sys, pr.ID, qianxiang.PAStart, ""); err != nil {
				return n, err
			}
			if _, err := a.StepProblem(ctx, sys, pr.ID, qianxiang.PAResolve, "已协调解决"); err != nil {
				return n, err
			}
		case 1, 2, 3:
			if _, err := a.StepProblem(ctx, sys, pr.ID, qianxiang.PAStart, ""); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}
