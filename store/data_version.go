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

// DataChanges is what changed after a data version (migration 175's log).
type DataChanges struct {
	// All: read everything again (an import, or more changes than asked
	// to list).
	All bool
	// Small: an organisation, a setting, a target, a class or a
	// statistics entry changed.
	Small bool
	// Reports are the projects whose reports changed; Projects those
	// whose row did.
	Reports, Projects []int64
}

// DataChangesSince says what changed after data version v; more than
// limit changed projects come back as All. Read after the version itself,
// it lists at least every change up to that version (the log is written
// in the version's own transaction); rows of newer versions may come too,
// which only re-reads more.
func (c conn) DataChangesSince(ctx context.Context, v int64, limit int) (DataChanges, error) {
	var ch DataChanges
	rows, err := c.query(ctx, `SELECT kind, project_id FROM data_changes WHERE version > ?`, v)
	if err != nil {
		return ch, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind int
		var id int64
		if err := rows.Scan(&kind, &id); err != nil {
			return DataChanges{}, err
		}
		switch kind {
		case 1:
			ch.Reports = append(ch.Reports, id)
		case 2:
			ch.Projects = append(ch.Projects, id)
		case 3:
			ch.Small = true
		default:
			return DataChanges{All: true}, nil
		}
		if len(ch.Reports)+len(ch.Projects) > limit {
			return DataChanges{All: true}, nil
		}
	}
	return ch, rows.Err()
}

// OnPrimary keeps the reads under ctx off a read replica: what is cached
// and rolled forward by the data version must be read where the version is.
func OnPrimary(ctx context.Context) context.Context {
	return context.WithValue(ctx, replicaKey{}, nil)
}

// triggersQuiet says whether a bulk write of n report rows runs with the
// reports' SQLite row triggers quiet (logAsBulk): its writer then logs the
// change and repacks report_months itself.
func (tx *Tx) triggersQuiet(n int) bool {
	return tx.d == SQLite && n > bulkChunk
}

// logAsBulk runs write, a bulk write of n report rows, so that the change
// log says "everything" (kind 0) once instead of naming each row's project:
// past bulkChunk rows every reader reads the year whole anyway. On SQLite
// the reports' row triggers skip while data_bulk holds its row (migration
// 230), which only this transaction can see; the row is gone again before
// logAsBulk returns, whatever write did. PostgreSQL's trigger does the
// same by itself past 500 rows.
func (tx *Tx) logAsBulk(ctx context.Context, n int, write func() (int64, error)) (int64, error) {
	if !tx.triggersQuiet(n) {
		return write()
	}
	if _, err := tx.exec(ctx, `INSERT INTO data_bulk (id) VALUES (1)`); err != nil {
		return 0, err
	}
	k, err := write()
	if _, derr := tx.exec(ctx, `DELETE FROM data_bulk`); err == nil {
		err = derr
	}
	if err != nil {
		return k, err
	}
	if _, err := tx.exec(ctx, `UPDATE data_version SET n = n + 1 WHERE id = 1`); err != nil {
		return k, err
	}
	_, err = tx.exec(ctx, `INSERT INTO data_changes (kind, project_id, version) SELECT 0, 0, n FROM data_version WHERE id = 1
		ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version`)
	return k, err
}
