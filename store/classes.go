package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"qianxiang"
)

// Lists and entries are governed; a change of a project's entries is
// audited as an event of entity project_classes with the project's id and
// the entries it then carries (its rows go with a removed project, so they
// are not governed rows that verify would miss).
func init() {
	governed = append(governed,
		struct{ Table, LabelCol string }{"class_lists", "name"},
		struct{ Table, LabelCol string }{"class_entries", "name"})
	backupTables = append(backupTables, "class_lists", "class_entries", "project_classes")
	sequencedTables = append(sequencedTables, "class_lists", "class_entries", "project_classes")
}

// ClassLists reads the office's lists with their entries, in list order.
func (c conn) ClassLists(ctx context.Context) (qianxiang.ClassLists, error) {
	rows, err := c.query(ctx, `SELECT id, code, name, headers, version FROM class_lists ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	out := qianxiang.ClassLists{}
	at := map[int64]int{}
	for rows.Next() {
		var l qianxiang.ClassList
		var headers string
		if err := rows.Scan(&l.ID, &l.Code, &l.Name, &headers, &l.Version); err != nil {
			rows.Close()
			return nil, err
		}
		json.Unmarshal([]byte(headers), &l.Headers)
		if l.Headers == nil {
			l.Headers = []string{}
		}
		l.Entries = []qianxiang.ClassEntry{}
		at[l.ID] = len(out)
		out = append(out, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = c.query(ctx, `SELECT id, list_id, name FROM class_entries ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e qianxiang.ClassEntry
		var list int64
		if err := rows.Scan(&e.ID, &list, &e.Name); err != nil {
			return nil, err
		}
		if i, ok := at[list]; ok {
			out[i].Entries = append(out[i].Entries, e)
		}
	}
	return out, rows.Err()
}

// ClassChange is one row a list's save wrote or removed, for the audit.
type ClassChange struct {
	Table, Action, Label, Before string
	ID                           int64
}

// PutClassList creates or updates a list (matched by code) and its
// entries: entries matched by id keep it (a rename), new ones are added,
// ones left out are removed — refused, naming them, while projects carry
// them. It returns every row changed.
func (tx *Tx) PutClassList(ctx context.Context, l *qianxiang.ClassList, position int) ([]ClassChange, error) {
	var out []ClassChange
	headers, _ := json.Marshal(l.Headers)
	now := ts(tx.now())
	var id int64
	var name, oldHeaders string
	err := tx.queryRow(ctx, `SELECT id, name, headers FROM class_lists WHERE code = ?`, l.Code).Scan(&id, &name, &oldHeaders)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if id, err = tx.insert(ctx, `INSERT INTO class_lists (code, name, headers, position, updated_at) VALUES (?, ?, ?, ?, ?)`,
			l.Code, l.Name, string(headers), position, now); err != nil {
			return nil, err
		}
		out = append(out, ClassChange{Table: "class_lists", Action: "create", Label: l.Name, ID: id})
	case err != nil:
		return nil, err
	case name != l.Name || oldHeaders != string(headers):
		before, err := tx.Snapshot(ctx, "class_lists", id)
		if err != nil {
			return nil, err
		}
		if _, err := tx.exec(ctx, `UPDATE class_lists SET name = ?, headers = ?, version = version + 1, updated_at = ? WHERE id = ?`,
			l.Name, string(headers), now, id); err != nil {
			return nil, err
		}
		out = append(out, ClassChange{Table: "class_lists", Action: "update", Label: l.Name, ID: id, Before: before})
	}
	l.ID = id
	old := map[int64]struct {
		name string
		pos  int
	}{}
	rows, err := tx.query(ctx, `SELECT id, name, position FROM class_entries WHERE list_id = ?`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var eid int64
		var n string
		var p int
		if err := rows.Scan(&eid, &n, &p); err != nil {
			rows.Close()
			return nil, err
		}
		old[eid] = struct {
			name string
			pos  int
		}{n, p}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	keep := map[int64]bool{}
	for i := range l.Entries {
		if l.Entries[i].ID == 0 {
			// An entry named like an existing one is that entry.
			for eid, o := range old {
				if o.name == l.Entries[i].Name {
					l.Entries[i].ID = eid
				}
			}
		}
		if l.Entries[i].ID != 0 {
			if _, ok := old[l.Entries[i].ID]; !ok {
				return nil, qianxiang.FieldError("entries", "entry %d is not an entry of %s", l.Entries[i].ID, l.Name)
			}
			keep[l.Entries[i].ID] = true
		}
	}
	var gone []string
	for eid, o := range old {
		if keep[eid] {
			continue
		}
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM project_classes WHERE entry_id = ?`, eid).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			gone = append(gone, o.name)
			continue
		}
		before, err := tx.Snapshot(ctx, "class_entries", eid)
		if err != nil {
			return nil, err
		}
		if _, err := tx.exec(ctx, `DELETE FROM class_entries WHERE id = ?`, eid); err != nil {
			return nil, err
		}
		out = append(out, ClassChange{Table: "class_entries", Action: "delete", Label: o.name, ID: eid, Before: before})
	}
	if len(gone) > 0 {
		return nil, qianxiang.Errorf(qianxiang.EConflict, "projects still carry %s: take it off them before removing it from %s", strings.Join(gone, "、"), l.Name)
	}
	// Renames go through a temporary name, so that two entries may swap
	// names without tripping the (list, name) uniqueness; the snapshots
	// are taken first.
	befores := map[int64]string{}
	for i, e := range l.Entries {
		if o, ok := old[e.ID]; ok && (o.name != e.Name || o.pos != i) {
			if befores[e.ID], err = tx.Snapshot(ctx, "class_entries", e.ID); err != nil {
				return nil, err
			}
		}
	}
	for _, e := range l.Entries {
		if o, ok := old[e.ID]; ok && o.name != e.Name {
			if _, err := tx.exec(ctx, `UPDATE class_entries SET name = ? WHERE id = ?`, "\x01"+e.Name, e.ID); err != nil {
				return nil, err
			}
		}
	}
	for i := range l.Entries {
		e := &l.Entries[i]
		o, ok := old[e.ID]
		switch {
		case !ok:
			if e.ID, err = tx.insert(ctx, `INSERT INTO class_entries (list_id, name, position) VALUES (?, ?, ?)`, id, e.Name, i); err != nil {
				return nil, err
			}
			out = append(out, ClassChange{Table: "class_entries", Action: "create", Label: e.Name, ID: e.ID})
		case o.name != e.Name || o.pos != i:
			before := befores[e.ID]
			if _, err := tx.exec(ctx, `UPDATE class_entries SET name = ?, position = ? WHERE id = ?`, e.Name, i, e.ID); err != nil {
				return nil, err
			}
			out = append(out, ClassChange{Table: "class_entries", Action: "update", Label: e.Name, ID: e.ID, Before: before})
		}
	}
	return out, nil
}

// ProjectClassIDs gives the entry ids of projects, by project.
func (c conn) ProjectClassIDs(ctx context.Context, ids []int64) (map[int64][]int64, error) {
	out := map[int64][]int64{}
	for start := 0; start < len(ids); start += 500 {
		part := ids[start:min(start+500, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := c.query(ctx, `SELECT project_id, entry_id FROM project_classes WHERE project_id IN (`+inList(len(part))+`) ORDER BY project_id, entry_id`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var p, e int64
			if err := rows.Scan(&p, &e); err != nil {
				rows.Close()
				return nil, err
			}
			out[p] = append(out[p], e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// YearClassIDs gives the entry ids of every project of a year, by project.
func (c conn) YearClassIDs(ctx context.Context, year int) (map[int64][]int64, error) {
	rows, err := c.query(ctx, `SELECT pc.project_id, pc.entry_id FROM project_classes pc JOIN projects p ON p.id = pc.project_id
		WHERE p.year = ? ORDER BY pc.project_id, pc.entry_id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]int64{}
	for rows.Next() {
		var p, e int64
		if err := rows.Scan(&p, &e); err != nil {
			return nil, err
		}
		out[p] = append(out[p], e)
	}
	return out, rows.Err()
}

// fillClasses gives each project its classes (none read when no list is
// defined: one cheap query).
func (c conn) fillClasses(ctx context.Context, ps []qianxiang.Project) error {
	if len(ps) == 0 {
		return nil
	}
	lists, err := c.ClassLists(ctx)
	if err != nil || len(lists) == 0 {
		return err
	}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	of, err := c.ProjectClassIDs(ctx, ids)
	if err != nil {
		return err
	}
	for i := range ps {
		if e := of[ps[i].ID]; len(e) > 0 {
			ps[i].Classes = lists.Of(e)
		}
	}
	return nil
}

// SetProjectClasses makes a project's entries exactly ids, reporting
// whether anything changed.
func (tx *Tx) SetProjectClasses(ctx context.Context, projectID int64, ids []int64) (bool, error) {
	cur, err := tx.ProjectClassIDs(ctx, []int64{projectID})
	if err != nil {
		return false, err
	}
	have := map[int64]bool{}
	for _, e := range cur[projectID] {
		have[e] = true
	}
	want := map[int64]bool{}
	changed := false
	for _, e := range ids {
		want[e] = true
		if !have[e] {
			changed = true
			if _, err := tx.exec(ctx, `INSERT INTO project_classes (project_id, entry_id) VALUES (?, ?)`, projectID, e); err != nil {
				return false, err
			}
		}
	}
	for e := range have {
		if !want[e] {
			changed = true
			if _, err := tx.exec(ctx, `DELETE FROM project_classes WHERE project_id = ? AND entry_id = ?`, projectID, e); err != nil {
				return false, err
			}
		}
	}
	return changed, nil
}

// classFilter gives the condition for ProjectFilter.Class: the entries
// named (by name in any list, or "list:entry"); none named, none kept.
func (c conn) classFilter(ctx context.Context, v string) (string, []any, error) {
	lists, err := c.ClassLists(ctx)
	if err != nil {
		return "", nil, err
	}
	var ids []any
	code, name, qualified := strings.Cut(v, ":")
	if !qualified {
		name = v
	}
	for _, l := range lists {
		if qualified && l.Code != code {
			continue
		}
		if id, ok := l.Find(name); ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return `1 = 0`, nil, nil
	}
	return `p.id IN (SELECT pc.project_id FROM project_classes pc WHERE pc.entry_id IN (` + inList(len(ids)) + `))`, ids, nil
}
