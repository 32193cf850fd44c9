package excel

import (
	"io"
	"sort"

	"qianxiang"
)

// ImportOptions tells ReadProjects what it cannot learn from the file.
type ImportOptions struct {
	Year     int             // plan year; 0 takes it from a title like "2023年…项目清单"
	CityCode string          // e.g. "141100": project codes must lie in the city
	Orgs     []qianxiang.Org // all known orgs (city, counties, departments) to resolve names
	// Classes are the office's classification lists: a column headed by
	// a list's name (or one of its headers) gives the rows' entries.
	Classes qianxiang.ClassLists
}

// ProjectRow is one project read from a list, with the spreadsheet row
// (1-based) it came from.
type ProjectRow struct {
	Row     int
	Project qianxiang.Project
}

// ProjectImport is what a project list holds. Rows has every project row,
// faulty ones included, so that a preview can show them; the caller must
// refuse the import when Errors is not empty.
type ProjectImport struct {
	Sheet    string
	Rows     []ProjectRow
	Errors   []qianxiang.Detail
	Warnings []qianxiang.Detail
	Unit     string // unit of the amounts in the file: "万元" or "亿元"
}

// ReadProjects reads a project list (.xlsx or .csv, told by content). It
// returns an error only for a file it cannot read at all: not a
// spreadsheet, empty, no header row, a required column missing; faults in
// rows are all collected in Errors. Whether a code is already in the
// year's plan, and --update matching, are for the caller, which has the
// database.
func ReadProjects(r io.Reader, filename string, opt ImportOptions) (*ProjectImport, error) {
	wb, err := readWorkbook(r, filename)
	if err != nil {
		return nil, err
	}
	defer wb.close()
	t, l, err := findTable(wb, projectSheet)
	if err != nil {
		return nil, err
	}
	if err := l.require(projectColumns, fName, fCounty, fTotal, fAnnual); err != nil {
		return nil, err
	}
	year := opt.Year
	if year == 0 {
		year = l.year
	}
	if year < 2000 || year > 2100 {
		return nil, qianxiang.Errorf(qianxiang.EInvalid, "the plan year is not known: give it (--year) or name it in the title row")
	}
	p := &projectReader{
		t: t, l: l, opt: opt, year: year, orgs: newOrgIndex(opt.Orgs),
		out:   &ProjectImport{Sheet: t.sheet, Unit: l.by[fTotal].unit},
		codes: map[string]int{}, names: map[string]seenName{},
	}
	p.headerWarnings()
	p.readRows()
	if l.by[fKind] == nil && !p.kindFromSection && len(p.out.Rows) > 0 {
		e := unreadable("the kind of the projects is not given: add a 项目类型 column (新开工, 续建 or 前期) or section rows such as 一、新开工项目 above them")
		e.Details = []qianxiang.Detail{{Row: l.first + 1, Field: string(fKind), Format: "required column %s is missing", Args: []any{"项目类型"}}}
		return nil, e
	}
	// Subtotal warnings are found after the rows they cover; people read
	// a list top to bottom.
	sort.SliceStable(p.out.Warnings, func(i, j int) bool { return p.out.Warnings[i].Row < p.out.Warnings[j].Row })
	return p.out, nil
}

// projectReader holds the state of reading one list.
type projectReader struct {
	t    *table
	l    *layout
	opt  ImportOptions
	year int
	orgs *orgIndex
	out  *ProjectImport

	kind            qianxiang.Kind // from the current section
	kindFromSection bool           // some section gave a kind
	sector          [3]string      // sector named by the section at each level
	tallies         tallies
	codes           map[string]int      // code → row
	names           map[string]seenName // name + county → first row
}

type seenName struct {
	row     int
	hasCode bool
}

func (p *projectReader) fail(r int, f field, format string, args ...any) {
	p.out.Errors = append(p.out.Errors, p.l.detail(r, f, format, args...))
}

func (p *projectReader) warn(r int, f field, format string, args ...any) {
	p.out.Warnings = append(p.out.Warnings, p.l.detail(r, f, format, args...))
}

// readRows walks the rows under the header.
func (p *projectReader) readRows() {
	notes := false
	for r := p.l.last + 1; r < len(p.t.rows); r++ {
		seq, name := p.l.cell(p.t, r, fSeq), p.l.cell(p.t, r, fName)
		info := classify(p.t, r, seq, name, squeeze(p.l.cell(p.t, r, fCounty)) != "")
		if notes && info.kind == rowData && filledCells(p.t, r) <= 1 {
			info.kind = rowNote // a trailing note continued on its own line
		}
		switch info.kind {
		case rowNote:
			notes = true
		case rowSection:
			p.section(r, info)
		case rowTotal:
			p.tallies.total(r, info, p.amounts(r))
		case rowData:
			pr, ok := p.project(r)
			p.out.Rows = append(p.out.Rows, ProjectRow{Row: r + 1, Project: pr})
			p.tallies.add(pr, ok)
		}
	}
	p.tallies.finish()
	rows := make([]int, len(p.out.Rows))
	for i, r := range p.out.Rows {
		rows[i] = r.Row
	}
	p.out.Errors = append(p.out.Errors, p.l.mergedAmountDetails(p.t, rows)...)
	p.out.Warnings = append(p.out.Warnings, p.tallies.warnings(p.l)...)
}

// section applies a section row: a kind (新开工, 续建, 前期) when the list
// has no kind column value, else a sector, and opens its subtotal.
func (p *projectReader) section(r int, info rowInfo) {
	p.tallies.open(r, info, p.amounts(r))
	if info.level == 1 {
		p.sector[2] = ""
	}
	if k, ok := qianxiang.ParseKind(info.label); ok {
		p.kind, p.kindFromSection = k, true
		p.sector[info.level] = ""
		return
	}
	if p.orgs.resolve(info.label).org != nil {
		p.sector[info.level] = "" // a section by county names no sector
		return
	}
	p.sector[info.level] = info.label
}

// sectionSector is the innermost sector a section names.
func (p *projectReader) sectionSector() string {
	if p.sector[2] != "" {
		return p.sector[2]
	}
	return p.sector[1]
}

// amounts reads the total and annual cells of a section or total row,
// which may carry subtotals; nil where there is none.
func (p *projectReader) amounts(r int) [2]*qianxiang.Money {
	var out [2]*qianxiang.Money
	for i, f := range []field{fTotal, fAnnual} {
		c := p.l.by[f]
		if m, empty, err := parseAmount(p.t.get(r, c.idx), c.factor); err == nil && !empty {
			out[i] = &m
		}
	}
	return out
}

// headerWarnings reports a title or a "2022年计划投资" column of another
// year than the import's, and known headers that appear twice (the second
// is kept as an extra column).
func (p *projectReader) headerWarnings() {
	if p.l.year != 0 && p.l.year != p.year {
		p.out.Warnings = append(p.out.Warnings, qianxiang.Detail{Row: p.l.titleRow + 1,
			Format: "the title names the year %d but the import is for the %d plan", Args: []any{p.l.year, p.year}})
	}
	if c := p.l.by[fAnnual]; c.key.year != 0 && c.key.year != p.year {
		p.out.Warnings = append(p.out.Warnings, qianxiang.Detail{Row: p.l.last + 1, Column: c.letter, Header: c.header, Field: string(fAnnual),
			Format: "the column is for %d but the import is for the %d plan", Args: []any{c.key.year, p.year}})
	}
	for _, c := range p.l.dupes {
		a := projectAliases[c.key.key]
		used := p.l.by[a.field]
		p.out.Warnings = append(p.out.Warnings, qianxiang.Detail{Row: p.l.last + 1, Column: c.letter, Header: c.header, Field: string(a.field),
			Format: "column %s (%s) is used for %s; this one is kept as an extra attribute", Args: []any{used.letter, used.header, a.field}})
	}
}
