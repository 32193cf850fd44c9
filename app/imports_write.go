package app

import (
	"context"
	"errors"

	"qianxiang"
	"qianxiang/store"
)

// writeImport writes a checked project list inside the caller's
// transaction: the updates row by row (each with its version check), the
// new projects with multi-row INSERTs, the snapshots the trail needs read in
// bulk, and the audit entries queued to be chained in one go at commit, so
// the chain's lock is held for that last moment only (store.Tx.Audit).
func writeImport(ctx context.Context, tx *store.Tx, actor qianxiang.Actor, rows []ImportRow) error {
	var updIDs []int64
	var creates []*qianxiang.Project
	var createAt []int // index in rows of each create
	for i := range rows {
		if rows[i].Action == "update" {
			updIDs = append(updIDs, rows[i].Project.ID)
		} else {
			creates, createAt = append(creates, &rows[i].Project), append(createAt, i)
		}
	}
	befores, err := tx.Snapshots(ctx, "projects", updIDs)
	if err != nil {
		return err
	}
	for i := range rows {
		if rows[i].Action == "update" {
			if err := tx.UpdateProject(ctx, &rows[i].Project); err != nil {
				return err
			}
		}
	}
	created, err := tx.InsertProjects(ctx, creates)
	if err != nil {
		var taken *store.CodeTakenError
		if errors.As(err, &taken) {
			e := taken.Err
			e.Details = []qianxiang.Detail{{Row: rows[createAt[taken.Index]].Row, Field: "code", Format: e.Format, Args: e.Args}}
			return e
		}
		return err
	}
	afters, err := tx.Snapshots(ctx, "projects", updIDs)
	if err != nil {
		return err
	}
	items := make([]store.AuditItem, len(rows))
	for i, r := range rows {
		after, ok := created[r.Project.ID]
		if !ok {
			after = afters[r.Project.ID]
		}
		items[i] = store.AuditItem{Actor: actor.Username, Action: "import", Table: "projects", ID: r.Project.ID,
			Label: r.Project.Name, Before: befores[r.Project.ID], After: after}
	}
	tx.AuditItems(items)
	return importClasses(ctx, tx, actor, rows)
}
