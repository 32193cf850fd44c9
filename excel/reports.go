package excel

import (
	"io"

	"qianxiang"
)

// ReportOptions tells ReadReports the plan the rows report against.
type ReportOptions struct {
	Year, Month int // Month 0 takes it from a title like "2023年3月"
	Orgs        []qianxiang.Org
	Projects    []qianxiang.Project // the year's plan: rows match by code, else name + county
	// PriorYTD is, per project id, the sum of months 1..Month-1 already
	// counted, to check a 累计完成投资 column. When nil the column is
	// checked only for month 1, where nothing comes before.
	PriorYTD map[int64]qianxiang.Money
}

// ReportRow is one project's report for the month.
type ReportRow struct {
	Row       int
	ProjectID int64
	Completed qianxiang.Money // completed this month, 万元
	Progress  string
	Started   bool // as the row says; the rules count 续建 projects as started anyway
	StartedOn qianxiang.Date
	Problem   string // 存在问题, "" when none
}

// ReportImport is what a month's 调度表 holds; the caller must refuse the
// import when Errors is not empty.
type ReportImport struct {
	Sheet    string
	Month    int
	Rows     []ReportRow
	Errors   []qianxiang.Detail
	Warnings []qianxiang.Detail
}

// ReadReports reads a monthly 调度表. Like ReadProjects it returns an
// error only for a file it cannot read at all; a row naming no project of
// the plan, a project reported twice, a cumulative amount that disagrees
// with the months before, are all collected in Errors.
func ReadReports(r io.Reader, filename string, opt ReportOptions) (*ReportImport, error) {
	b, err := OpenReports(r, filename)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return b.Read(opt)
}

// ReportBook is a 调度表 whose sheet is read (cells, header, layout) but
// not yet matched to a plan. Reading the sheet is most of a province's
// file and needs nothing from the database, so an import opens the book
// while it loads the plan and the months before (app.ImportReports), then
// reads the rows against them; the same book can be read again.
type ReportBook struct {
	wb *workbook
	t  *table
	l  *layout
}

// OpenReports reads the workbook and finds its 调度表; an error is a file
// it cannot read at all, or one without the table.
func OpenReports(r io.Reader, filename string) (*ReportBook, error) {
	wb, err := readWorkbook(r, filename)
	if err != nil {
		return nil, err
	}
	t, l, err := findTable(wb, reportSheet)
	if err == nil {
		err = l.require(reportColumns, fCompleted)
	}
	if err != nil {
		wb.close()
		return nil, err
	}
	return &ReportBook{wb: wb, t: t, l: l}, nil
}

// Close lets the workbook go.
func (b *ReportBook) Close() { b.wb.close() }

// Read reads the rows as reports of the plan in opt (see ReadReports).
func (b *ReportBook) Read(opt ReportOptions) (*ReportImport, error) {
	t, l := b.t, b.l
	p := &reportReader{t: t, l: l, opt: opt, orgs: newOrgIndex(opt.Orgs), seen: map[*qianxiang.Project]int{}}
	p.out = &ReportImport{Sheet: t.sheet}
	if err := p.settleMonth(); err != nil {
		return nil, err
	}
	p.index()
	var data []int // the rows read as reports, 1-based
	for r := l.last + 1; r < len(t.rows); r++ {
		seq, name := l.cell(t, r, fSeq), l.cell(t, r, fName)
		info := classify(t, r, seq, name, squeeze(l.cell(t, r, fCounty)) != "")
		if info.kind == rowNote {
			break // nothing after the notes is a report
		}
		if info.kind == rowData {
			if row, ok := p.row(r); ok {
				p.out.Rows = append(p.out.Rows, row)
			}
			data = append(data, r+1)
		}
	}
	p.out.Errors = append(p.out.Errors, l.mergedAmountDetails(t, data)...)
	return p.out, nil
}

// reportReader holds the state of reading one 调度表.
type reportReader struct {
	t     *table
	l     *layout
	opt   ReportOptions
	orgs  *orgIndex
	out   *ReportImport
	year  int
	month int

	byCode map[string]*qianxiang.Project
	byName map[string][]*qianxiang.Project // compact name → projects
	seen   map[*qianxiang.Project]int      // project → row
}

// settleMonth settles the report's month: the option, else the title, else the
// "1-N月" of the cumulative column. A title that disagrees is a warning.
func (p *reportReader) settleMonth() error {
	l := p.l
	p.year, p.month = p.opt.Year, p.opt.Month
	if p.year == 0 {
		p.year = l.year
	}
	fromYTD := 0
	if c := l.by[fYTD]; c != nil {
		fromYTD = c.key.monthTo
	}
	if p.month == 0 {
		p.month = l.month
	}
	if p.month == 0 {
		p.month = fromYTD
	}
	if p.month < 1 || p.month > 12 {
		return qianxiang.Errorf(qianxiang.EInvalid, "the month of the reports is not known: give it (--month) or name it in the title, as in 2023年3月调度表")
	}
	p.out.Month = p.month
	if l.month != 0 && l.month != p.month {
		p.warnAt(l.titleRow, "", "the title names month %d but the reports are imported for month %d", l.month, p.month)
	}
	if l.year != 0 && p.opt.Year != 0 && l.year != p.opt.Year {
		p.warnAt(l.titleRow, "", "the title names the year %d but the reports are imported for %d", l.year, p.opt.Year)
	}
	if fromYTD != 0 && fromYTD != p.month {
		p.warnAt(l.last, fYTD, "the cumulative column is for months 1-%d but the reports are for month %d", fromYTD, p.month)
	}
	return nil
}

// index makes the plan searchable by code and by name.
func (p *reportReader) index() {
	p.byCode = map[string]*qianxiang.Project{}
	p.byName = map[string][]*qianxiang.Project{}
	for i := range p.opt.Projects {
		pr := &p.opt.Projects[i]
		if pr.Code != "" {
			p.byCode[compact(pr.Code)] = pr
		}
		k := compact(pr.Name)
		p.byName[k] = append(p.byName[k], pr)
	}
}

func (p *reportReader) fail(r int, f field, format string, args ...any) {
	p.out.Errors = append(p.out.Errors, p.l.detail(r, f, format, args...))
}

func (p *reportReader) warnAt(r int, f field, format string, args ...any) {
	d := p.l.detail(r, f, format, args...)
	if f == "" {
		d.Field = ""
	}
	p.out.Warnings = append(p.out.Warnings, d)
}
