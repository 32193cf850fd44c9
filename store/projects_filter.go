package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"qianxiang"
)

// where builds the filter on the projects table alone: organisations are
// resolved to ids first, so counting and summing a year's projects needs no
// join (the registry's totals line runs on every page view).
func (c conn) projectWhere(ctx context.Context, f qianxiang.ProjectFilter) (string, []any, error) {
	return c.projectWhereOrgs(ctx, f, nil)
}

// projectWhereOrgs is projectWhere finding the organisations' codes in
// orgs (by id; nil or a code it lacks: in the database).
func (c conn) projectWhereOrgs(ctx context.Context, f qianxiang.ProjectFilter, orgs map[int64]qianxiang.Org) (string, []any, error) {
	var where []string
	var args []any
	add := func(w string, a ...any) { where = append(where, w); args = append(args, a...) }
	if f.Year != 0 {
		add(`p.year = ?`, f.Year)
	}
	for _, oc := range []struct{ col, code string }{{"p.org_id", f.OrgCode}, {"p.lead_org_id", f.LeadOrgCode}} {
		if oc.code == "" {
			continue
		}
		id, err := orgIDOf(orgs, oc.code), error(nil)
		if id == 0 {
			err = c.queryRow(ctx, `SELECT id FROM orgs WHERE code = ?`, oc.code).Scan(&id)
		}
		if errors.Is(err, sql.ErrNoRows) {
			id = -1 // an unknown organisation has no projects
		} else if err != nil {
			return "", nil, err
		}
		add(oc.col+` = ?`, id)
	}
	if f.Kind != "" {
		add(`p.kind = ?`, f.Kind)
	}
	if f.Stage != "" {
		add(`p.stage = ?`, f.Stage)
	} else if f.InPlan {
		add(poolStagesExcluded)
	}
	if f.Sector != "" {
		add(`p.sector = ?`, f.Sector)
	}
	if f.Leader != "" {
		add(`p.leader = ?`, f.Leader)
	}
	if f.Class != "" {
		w, a, err := c.classFilter(ctx, f.Class)
		if err != nil {
			return "", nil, err
		}
		add(w, a...)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		// A plain substring test: faster than LIKE '%q%', and nothing in q
		// needs escaping.
		if c.d == Postgres {
			add(`(strpos(p.name, ?) > 0 OR strpos(p.code, ?) > 0 OR strpos(p.owner, ?) > 0)`, q, q, q)
		} else {
			// On SQLite the test runs in a subquery on the narrow
			// projects_year_name index, so the outer query walks its sort
			// order without fetching every row to look at its name.
			match := `(instr(s.name, ?) > 0 OR instr(s.code, ?) > 0 OR instr(s.owner, ?) > 0)`
			if f.Year != 0 {
				add(`p.id IN (SELECT s.id FROM projects s WHERE s.year = ? AND `+match+`)`, f.Year, q, q, q)
			} else {
				add(`p.id IN (SELECT s.id FROM projects s WHERE `+match+`)`, q, q, q)
			}
		}
	}
	if f.ScopePath != "" {
		ids, err := c.orgIDsUnder(ctx, f.ScopePath)
		if err != nil {
			return "", nil, err
		}
		ph := inList(len(ids))
		w := `(p.org_id IN (` + ph + `) OR p.lead_org_id IN (` + ph + `))`
		for range 2 {
			for _, id := range ids {
				args = append(args, id)
			}
		}
		where = append(where, w)
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			add(`1 = 0`)
		} else {
			where = append(where, `p.id IN (`+inList(len(f.IDs))+`)`)
			for _, id := range f.IDs {
				args = append(args, id)
			}
		}
	}
	if len(where) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(where, " AND "), args, nil
}

// orgIDOf finds an organisation's id by code in orgs (0: not there).
func orgIDOf(orgs map[int64]qianxiang.Org, code string) int64 {
	for id, o := range orgs {
		if o.Code == code {
			return id
		}
	}
	return 0
}

// inList gives n placeholders, at least one (an empty list matches nothing
// through the id -1 the caller then passes).
func inList(n int) string {
	if n == 0 {
		return "-1"
	}
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// orgIDsUnder lists the organisations at or below a path.
func (c conn) orgIDsUnder(ctx context.Context, path string) ([]int64, error) {
	rows, err := c.query(ctx, `SELECT id FROM orgs WHERE path LIKE ? ESCAPE '\'`, strings.ReplaceAll(path, "_", `\_`)+"%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
