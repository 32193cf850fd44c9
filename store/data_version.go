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
