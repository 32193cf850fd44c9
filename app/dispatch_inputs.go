package app

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"qianxiang"
	"qianxiang/store"
)

// dispatchInputs keeps, per year, everything the dispatch and the
// cockpit's series are computed from — the plan's projects, their counted
// reports month by month, the organisations, settings, targets and
// classes — under the data version they were read at. When the version
// moves, the change log (store.DataChangesSince, migration 175) says what
// to read again: the reports of the projects whose reports changed (a
// report save re-reads one project's twelve rows), the rows of the
// projects that changed, the small inputs (organisations, settings,
// targets, classes) when one of them did; after an import, the year
// whole. Every dispatch and series of the year, of any month and scope,
// is then added up in memory.
//
// A snapshot is never changed once published: a roll-forward builds a new
// one sharing the unchanged parts, so a computation that holds the old
// snapshot reads consistent data.
type dispatchInputs struct {
	mu    sync.Mutex
	years map[int]*yearSlot
	tick  uint64
	// loads and rolls count whole reads and roll-forwards, so a test can
	// tell that it exercised both.
	loads, rolls atomic.Int64
	// limit overrides maxRollForward (tests; 0: the constant).
	limit int
}

// yearSlot is one year's current snapshot; its lock lets one request load
// or roll it forward while the others asking for the year wait for that.
type yearSlot struct {
	mu   sync.Mutex
	cur  *yearInputs
	used uint64
}

// maxYears bounds the years kept (a province's year is tens of megabytes);
// the current year and one or two before are what pages ask for.
const maxYears = 4

// maxRollForward is how many changed projects are re-read one by one;
// beyond it one read of the whole year is cheaper.
const maxRollForward = 2000

// yearInputs is one year's inputs at one data version.
type yearInputs struct {
	version  int64
	year     int
	projects []store.YearProject // organisations named, byOrgThenName
	index    map[int64]int       // project id → position in projects
	// months[i] are the counted reports of projects[i] (nil: none).
	months []*projectMonths
	orgs   []qianxiang.Org
	refs   map[int64]qianxiang.OrgRef // organisation id → reference
	paths  map[int64]string           // organisation id → path, for scopes

	settings   qianxiang.DispatchSettings
	targets    qianxiang.Targets
	targetsOK  bool
	classLists qianxiang.ClassLists
	classOf    map[int64][]int64
}

// monthCell is what a project's counted reports of one month add: the
// amount within the bounds, the earliest start date stated (as stored
// text), whether an amount was out of bounds.
type monthCell struct {
	has         bool
	implausible bool
	completed   qianxiang.Money
	startedOn   string
}

// projectMonths is a project's cells by month (index 1..12).
type projectMonths [13]monthCell

func (m *projectMonths) add(r store.ReportMonth) {
	c := &m[r.Month]
	c.has = true
	c.completed += r.Completed
	c.implausible = c.implausible || r.Implausible
	if r.StartedOn != "" && (c.startedOn == "" || r.StartedOn < c.startedOn) {
		c.startedOn = r.StartedOn
	}
}

// figure sums months 1..month into one figure, as store.Summaries does in
// SQL (the sum, the latest month, the earliest start, the flag); ok=false
// when no month up to month has a counted report.
func (m *projectMonths) figure(id int64, month int) (f qianxiang.MonthFigure, ok bool) {
	f = qianxiang.MonthFigure{ProjectID: id, Status: qianxiang.ReportSubmitted}
	var so string
	for k := 1; k <= month; k++ {
		c := &m[k]
		if !c.has {
			continue
		}
		ok = true
		f.Completed += c.completed
		f.Month = k
		f.Implausible = f.Implausible || c.implausible
		if c.startedOn != "" && (so == "" || c.startedOn < so) {
			so = c.startedOn
		}
	}
	if so != "" {
		f.StartedOn, _ = qianxiang.ParseDate(so)
	}
	return f, ok
}

// errStaleInputs: a project names an organisation read before it existed
// (an organisation added between the two reads); the next request reads
// again, as the version has moved.
var errStaleInputs = errors.New("app: a project's organisation is missing from the organisations read")

// inputsAt gives the year's inputs at data version v or newer.
func (a *App) inputsAt(ctx context.Context, v int64, year int) (*yearInputs, error) {
	slot := a.inputs.slot(year)
	slot.mu.Lock()
	defer slot.mu.Unlock()
	cur := slot.cur
	if cur != nil && cur.version >= v {
		return cur, nil
	}
	// Rolled forward under the version, so read where the version is.
	ctx = store.OnPrimary(ctx)
	if cur != nil {
		ch, err := a.DB.DataChangesSince(ctx, cur.version, cmp.Or(a.inputs.limit, maxRollForward))
		if err != nil {
			return nil, err
		}
		if !ch.All {
			next, err := a.rollForward(ctx, cur, v, ch)
			if err == nil {
				slot.cur = next
				a.inputs.rolls.Add(1)
				return next, nil
			}
			if !errors.Is(err, errStaleInputs) {
				return nil, err
			}
			// An organisation newer than the changes read: read it all.
		}
	}
	next, err := a.loadYearInputs(ctx, v, year)
	if err != nil {
		return nil, err
	}
	slot.cur = next
	a.inputs.loads.Add(1)
	return next, nil
}

// slot gives a year's slot, dropping the least recently used year beyond
// maxYears.
func (c *dispatchInputs) slot(year int) *yearSlot {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.years == nil {
		c.years = map[int]*yearSlot{}
	}
	c.tick++
	s, ok := c.years[year]
	if !ok {
		if len(c.years) >= maxYears {
			oldest, at := 0, uint64(0)
			for y, o := range c.years {
				if at == 0 || o.used < at {
					oldest, at = y, o.used
				}
			}
			delete(c.years, oldest)
		}
		s = &yearSlot{}
		c.years[year] = s
	}
	s.used = c.tick
	return s
}

// loadYearInputs reads a year's inputs whole.
func (a *App) loadYearInputs(ctx context.Context, v int64, year int) (*yearInputs, error) {
	// The reports are read from their packs (report_months, migration
	// 240) on a second connection while the projects are: the load then
	// takes about as long as the larger of the two. (One query joining
	// the two was slower: a look-up per project, and no overlap.)
	// Their cells are added up by project id meanwhile, and placed once the
	// projects are in order.
	byID := map[int64]*projectMonths{}
	got := make(chan error, 1)
	go func() {
		// A project's reports come together (one pack), so the map is
		// asked once a project, not once a report.
		// The cells are cut from blocks, not allocated one by one.
		var last *projectMonths
		lastID := int64(-1)
		var block []projectMonths
		got <- a.DB.ReportMonths(ctx, year, nil, func(r store.ReportMonth) {
			if r.Month < 1 || r.Month > 12 {
				return
			}
			if r.ProjectID != lastID {
				if last = byID[r.ProjectID]; last == nil {
					if len(block) == cap(block) {
						block = make([]projectMonths, 0, 1024)
					}
					block = block[:len(block)+1]
					last = &block[len(block)-1]
					byID[r.ProjectID] = last
				}
				lastID = r.ProjectID
			}
			last.add(r)
		})
	}()
	ps, err := a.DB.YearProjects(ctx, year, nil)
	rerr := <-got
	if err != nil {
		return nil, err
	}
	if rerr != nil {
		return nil, rerr
	}
	in := &yearInputs{version: v, year: year, projects: ps, index: make(map[int64]int, len(ps))}
	// The small inputs after the projects: every organisation a project
	// read names exists by then.
	if err := a.readSmallInputs(ctx, in); err != nil {
		return nil, err
	}
	for i := range ps {
		if err := in.name(&ps[i]); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(ps, byOrgThenName)
	for i := range ps {
		in.index[ps[i].ID] = i
	}
	in.months = make([]*projectMonths, len(ps))
	for i := range ps {
		in.months[i] = byID[ps[i].ID]
	}
	return in, nil
}

// readSmallInputs reads the organisations, the settings, the year's
// targets and the classes into in.
func (a *App) readSmallInputs(ctx context.Context, in *yearInputs) error {
	var err error
	if in.orgs, err = a.DB.Orgs(ctx); err != nil {
		return err
	}
	in.refs = make(map[int64]qianxiang.OrgRef, len(in.orgs))
	in.paths = make(map[int64]string, len(in.orgs))
	for _, o := range in.orgs {
		in.refs[o.ID], in.paths[o.ID] = o.Ref(), o.Path
	}
	// The settings as DispatchSettings reads them, but a failed read is
	// an error here: defaults kept in memory would outlive it.
	in.settings = qianxiang.DefaultDispatchSettings()
	if v, ok, err := a.DB.Setting(ctx, dispatchSettingsKey); err != nil {
		return err
	} else if ok {
		json.Unmarshal([]byte(v), &in.settings)
	}
	if in.targets, in.targetsOK, err = a.DB.Targets(ctx, in.year); err != nil {
		return err
	}
	if in.classLists, err = a.DB.ClassLists(ctx); err != nil {
		return err
	}
	in.classOf = nil
	if len(in.classLists) > 0 {
		if in.classOf, err = a.DB.YearClassIDs(ctx, in.year); err != nil {
			return err
		}
	}
	return nil
}

// name fills in a project's organisations from in's.
func (in *yearInputs) name(p *store.YearProject) error {
	org, ok1 := in.refs[p.Org.ID]
	lead, ok2 := in.refs[p.LeadOrg.ID]
	if !ok1 || !ok2 {
		return errStaleInputs
	}
	p.Org, p.LeadOrg = org, lead
	return nil
}

// fill adds report rows to the cells of their projects; rows of projects
// outside the plan (the reserve pool, another year's) count nowhere.
// Cells it writes to must be the snapshot's own.
func (in *yearInputs) fill(rs []store.ReportMonth) {
	for _, r := range rs {
		i, ok := in.index[r.ProjectID]
		if !ok || r.Month < 1 || r.Month > 12 {
			continue
		}
		if in.months[i] == nil {
			in.months[i] = new(projectMonths)
		}
		in.months[i].add(r)
	}
}

// rollForward is cur at version v, given what changed since cur's
// version: only that is read again, the rest is shared with cur.
func (a *App) rollForward(ctx context.Context, cur *yearInputs, v int64, ch store.DataChanges) (*yearInputs, error) {
	next := *cur
	next.version = v
	if ch.Small {
		if err := a.readSmallInputs(ctx, &next); err != nil {
			return nil, err
		}
	}
	var reread []int64 // projects whose reports are read again
	copied := false    // next.months is next's own
	if len(ch.Projects) > 0 || ch.Small {
		var rows []store.YearProject
		if len(ch.Projects) > 0 {
			var err error
			if rows, err = a.DB.YearProjects(ctx, cur.year, ch.Projects); err != nil {
				return nil, err
			}
		}
		// The plan again: the unchanged projects with their cells, the
		// changed ones still (or newly) in it; a project new to the plan
		// has its reports read.
		gone := make(map[int64]bool, len(ch.Projects))
		for _, id := range ch.Projects {
			gone[id] = true
		}
		type entry struct {
			p store.YearProject
			m *projectMonths
		}
		all := make([]entry, 0, len(cur.projects)+len(rows))
		for i, p := range cur.projects {
			if !gone[p.ID] {
				all = append(all, entry{p, cur.months[i]})
			}
		}
		for _, p := range rows {
			e := entry{p: p}
			if i, ok := cur.index[p.ID]; ok {
				e.m = cur.months[i]
			} else {
				reread = append(reread, p.ID)
			}
			all = append(all, e)
		}
		for i := range all {
			if err := next.name(&all[i].p); err != nil {
				return nil, err
			}
		}
		slices.SortFunc(all, func(x, y entry) int { return byOrgThenName(x.p, y.p) })
		next.projects = make([]store.YearProject, len(all))
		next.months = make([]*projectMonths, len(all))
		next.index = make(map[int64]int, len(all))
		for i, e := range all {
			next.projects[i], next.months[i], next.index[e.p.ID] = e.p, e.m, i
		}
		copied = true
	}
	for _, id := range ch.Reports {
		if _, ok := next.index[id]; ok && !slices.Contains(reread, id) {
			reread = append(reread, id)
		}
	}
	if len(reread) == 0 {
		return &next, nil
	}
	var rs []store.ReportMonth
	err := a.DB.ReportMonths(ctx, cur.year, reread, func(r store.ReportMonth) { rs = append(rs, r) })
	if err != nil {
		return nil, err
	}
	if !copied {
		next.months = slices.Clone(cur.months)
	}
	for _, id := range reread {
		next.months[next.index[id]] = nil // fresh cells: cur's stay as they are
	}
	next.fill(rs)
	return &next, nil
}

// byOrgThenName is the order the projects are kept in: the dispatch's
// own order for its lists (county code, name, id), so its sorts meet
// sorted input and take linear time.
func byOrgThenName(x, y store.YearProject) int {
	return cmp.Or(cmp.Compare(x.Org.Code, y.Org.Code), cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID))
}

// inScope says whether a project lies in a scope ("" the whole city): its
// county or its lead organisation at or below the scope's path, as
// store's ScopePath filter reads it.
func (in *yearInputs) inScope(p *store.YearProject, scopePath string) bool {
	return scopePath == "" || strings.HasPrefix(in.paths[p.Org.ID], scopePath) ||
		strings.HasPrefix(in.paths[p.LeadOrg.ID], scopePath)
}

// dispatch computes the dispatch of a month over a scope from the inputs:
// the domain's rules, the targets, the entry rates and the classes.
func (in *yearInputs) dispatch(month int, scopePath string) *qianxiang.Dispatch {
	n := len(in.projects)
	if scopePath != "" {
		n = 0
		for i := range in.projects {
			if in.inScope(&in.projects[i], scopePath) {
				n++
			}
		}
	}
	ps := make([]qianxiang.DispatchProject, 0, n)
	facts := make([]qianxiang.EntryFact, 0, n)
	fs := make([]qianxiang.MonthFigure, 0, n)
	for i := range in.projects {
		p := &in.projects[i]
		if !in.inScope(p, scopePath) {
			continue
		}
		ps = append(ps, p.DispatchProject)
		facts = append(facts, qianxiang.EntryFact{Org: p.Org, LeadOrg: p.LeadOrg, EntryFacts: p.Facts})
		if m := in.months[i]; m != nil {
			if f, ok := m.figure(p.ID, month); ok {
				fs = append(fs, f)
			}
		}
	}
	d := qianxiang.ComputeDispatch(in.year, month, in.settings, ps, fs)
	applyTargetsWith(d, in.targets, in.targetsOK, in.orgs, scopePath)
	qianxiang.ApplyEntryRates(d, facts)
	if len(in.classLists) > 0 {
		qianxiang.GroupByClass(d, in.settings, ps, in.classLists, in.classOf)
	}
	// The dispatch is shared between requests: no spare capacity, so a
	// reader's append copies instead of writing into the shared arrays.
	d.ByOrg, d.ByLeadOrg = slices.Clip(d.ByOrg), slices.Clip(d.ByLeadOrg)
	d.RedProjects, d.Missing, d.Implausible = slices.Clip(d.RedProjects), slices.Clip(d.Missing), slices.Clip(d.Implausible)
	d.ByClass, d.Lines = slices.Clip(d.ByClass), slices.Clip(d.Lines)
	return d
}

// series computes the cockpit's monthly series of a scope by the rules of
// qianxiang.MonthlySeries (as store.MonthTotals sums them in SQL): the
// plausible plan, and each month's plausible completed amounts.
func (in *yearInputs) series(month int, scopePath string) []qianxiang.SeriesPoint {
	var plan qianxiang.Money
	perMonth := make([]qianxiang.Money, month+1)
	for i := range in.projects {
		p := &in.projects[i]
		if !in.inScope(p, scopePath) {
			continue
		}
		if p.AnnualPlan.Plausible() {
			plan += p.AnnualPlan
		}
		if m := in.months[i]; m != nil {
			for k := 1; k <= month; k++ {
				perMonth[k] += m[k].completed
			}
		}
	}
	return qianxiang.SeriesFromTotals(month, plan, perMonth)
}
