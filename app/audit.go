package app

import (
	"context"
	"encoding/json"

	"qianxiang"
	"qianxiang/store"
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

// AuditCheckpoint signs the chain's present head, for the office to keep
// elsewhere (qianxiang.Checkpoint).
func (a *App) AuditCheckpoint(ctx context.Context, actor qianxiang.Actor) (qianxiang.Checkpoint, error) {
	if !actor.Can(qianxiang.ActAudit, qianxiang.Scope{}) {
		return qianxiang.Checkpoint{}, qianxiang.ErrForbidden()
	}
	cp, err := a.DB.MakeCheckpoint(ctx)
	return cp, a.internal(ctx, "audit checkpoint", err)
}

// VerifyAuditAgainst is VerifyAudit, and holds the database against a
// checkpoint kept outside it: truncation or rewriting of the history before
// the checkpoint is named too.
func (a *App) VerifyAuditAgainst(ctx context.Context, actor qianxiang.Actor, cp qianxiang.Checkpoint) (int64, []qianxiang.Broken, error) {
	n, broken, err := a.VerifyAudit(ctx, actor)
	if err != nil {
		return n, broken, err
	}
	b, err := a.DB.CheckCheckpoint(ctx, cp)
	return n, append(b, broken...), a.internal(ctx, "audit verify", err)
}

// RotateAuditKey adds a new key to the audit key file; new entries, tokens
// and sessions are signed with it, older ones keep verifying with theirs.
// The rotation itself is the first entry made with the new key. Only the
// operator at the console may do it: the key file is theirs.
func (a *App) RotateAuditKey(ctx context.Context, actor qianxiang.Actor) (string, error) {
	if !actor.System {
		return "", qianxiang.ErrForbidden()
	}
	old := a.DB.Keys.Current().ID
	k, err := a.DB.Keys.Rotate()
	if err != nil {
		return "", qianxiang.Errorf(qianxiang.EInvalid, "cannot add a key to the audit key file %s: %s", a.DB.Keys.Path, err.Error())
	}
	detail, _ := json.Marshal(map[string]string{"previous_key": old, "key": k.ID})
	err = a.DB.Tx(ctx, func(tx *store.Tx) error {
		tx.AuditEvent(ctx, actor.Username, "rotate_key", "audit_keys", 0, k.ID, string(detail))
		return nil
	})
	return k.ID, a.internal(ctx, "rotate audit key", err)
}
