package store

import "context"

// DataVersion is the counter that every committed change to projects,
// reports, settings, targets or organisations moves (migration 170's
// triggers): equal versions mean the same dispatch inputs. One primary-key
// read, cheap enough to ask on every request.
func (c conn) DataVersion(ctx context.Context) (int64, error) {
	var n int64
	err := c.queryRow(ctx, `SELECT n FROM data_version WHERE id = 1`).Scan(&n)
	return n, err
}

// DataChangesSince says what changed after data version v (migration
// 175's log): the projects whose reports changed, or all=true when
// something else that feeds the dispatch changed (projects, settings,
// targets, organisations, classes, statistics entries, a big import) or
// more than limit projects did — then the caller reads everything again.
// Read after the version itself, it lists at least every change up to
// that version (the log is written in the version's own transaction);
// rows of newer versions may come too, which only re-reads more.
func (c conn) DataChangesSince(ctx context.Context, v int64, limit int) (ids []int64, all bool, err error) {
	rows, err := c.query(ctx, `SELECT project_id FROM data_changes WHERE version > ?`, v)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	ids = []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, false, err
		}
		if id == 0 || len(ids) >= limit {
			return nil, true, nil
		}
		ids = append(ids, id)
	}
	return ids, false, rows.Err()
}

// OnPrimary keeps the reads under ctx off a read replica: what is cached
// and rolled forward by the data version must be read where the version is.
func OnPrimary(ctx context.Context) context.Context {
	return context.WithValue(ctx, replicaKey{}, nil)
}
