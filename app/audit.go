package app

import (
	"context"

	"qianxiang"
)

// VerifyAudit re-walks the audit chain and compares every governed record
// with it.
func (a *App) VerifyAudit(ctx context.Context, actor qianxiang.Actor) (int64, []qianxiang.Broken, error) {
	if !actor.Can(qianxiang.ActAudit, qianxiang.Scope{}) {
		return 0, nil, qianxiang.ErrForbidden()
	}
	n, b, err := a.DB.Verify(ctx)
	return n, b, a.internal(ctx, "audit verify", err)
}

// ProjectHistory is the audit trail of a project and its reports' changes
// are listed under each report; this gives the project's own entries.
func (a *App) ProjectHistory(ctx context.Context, actor qianxiang.Actor, id int64) ([]qianxiang.AuditEntry, error) {
	if _, err := a.Project(ctx, actor, id); err != nil {
		return nil, err
	}
	h, err := a.DB.History(ctx, "projects", id)
	return h, a.internal(ctx, "history", err)
}

// AuditEntries lists the trail for auditors, newest first.
func (a *App) AuditEntries(ctx context.Context, actor qianxiang.Actor, f qianxiang.AuditFilter) ([]qianxiang.AuditEntry, error) {
	if !actor.Can(qianxiang.ActAudit, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	es, err := a.DB.AuditEntries(ctx, f)
	return es, a.internal(ctx, "audit trail", err)
}

// History of any governed record, for auditors.
func (a *App) History(ctx context.Context, actor qianxiang.Actor, table string, id int64) ([]qianxiang.AuditEntry, error) {
	if !actor.Can(qianxiang.ActAudit, qianxiang.Scope{}) {
		return nil, qianxiang.ErrForbidden()
	}
	h, err := a.DB.History(ctx, table, id)
	return h, a.internal(ctx, "history", err)
}
