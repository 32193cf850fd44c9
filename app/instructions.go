package app

import (
	"context"
	"sort"
	"strconv"

	"qianxiang"
	"qianxiang/store"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func sortAudit(h []qianxiang.AuditEntry) {
	sort.SliceStable(h, func(i, j int) bool { return h[i].ID < h[j].ID })
}

// Instruct records a leader's 批示 on a problem; the owner organisation is
// told and must acknowledge it.
func (a *App) Instruct(ctx context.Context, actor qianxiang.Actor, problemID int64, text string) (qianxiang.Instruction, error) {
	var in qianxiang.Instruction
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := a.loadProblem(ctx, tx, actor, problemID)
		if err != nil {
			return err
		}
		if !p.MayAct(actor, qianxiang.PAInstruct) {
			return qianxiang.Errorf(qianxiang.EForbidden, "only a city leader may write an instruction (批示)")
		}
		if actor.UserID == 0 {
			return qianxiang.Errorf(qianxiang.EForbidden, "only a city leader may write an instruction (批示)")
		}
		t, err := qianxiang.CheckInstruction(text)
		if err != nil {
			return err
		}
		in = qianxiang.Instruction{ProblemID: p.ID, Text: t, Leader: qianxiang.LeaderRef{ID: actor.UserID, Username: actor.Username}}
		if err := tx.InsertInstruction(ctx, &in); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "instruct", "problem_instructions", in.ID, t, ""); err != nil {
			return err
		}
		return a.NotifyOrgs(ctx, tx, []int64{p.OwnerOrg.ID}, qianxiang.NoteInstruction, "problems", p.ID, t, "instruction:"+itoa(in.ID))
	})
	if err != nil {
		return in, a.internal(ctx, "instruction", err)
	}
	in, err = a.DB.Instruction(ctx, in.ID)
	return in, a.internal(ctx, "instruction", err)
}

// AckInstruction records that the owner organisation read a 批示.
func (a *App) AckInstruction(ctx context.Context, actor qianxiang.Actor, problemID, id int64) (qianxiang.Instruction, error) {
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := a.loadProblem(ctx, tx, actor, problemID)
		if err != nil {
			return err
		}
		in, err := tx.Instruction(ctx, id)
		if err != nil || in.ProblemID != p.ID {
			return qianxiang.ErrNotFound("instruction")
		}
		if !p.MayAct(actor, qianxiang.PAAck) {
			return qianxiang.Errorf(qianxiang.EForbidden, "only the owner organisation acknowledges an instruction")
		}
		if in.Acked() {
			return qianxiang.Errorf(qianxiang.EConflict, "this instruction was already acknowledged by %s", in.AckedBy)
		}
		before, err := tx.Snapshot(ctx, "problem_instructions", id)
		if err != nil {
			return err
		}
		if _, err := tx.AckInstruction(ctx, id, actor.Username); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "ack", "problem_instructions", id, in.Text, before)
	})
	if err != nil {
		return qianxiang.Instruction{}, a.internal(ctx, "acknowledge", err)
	}
	in, err := a.DB.Instruction(ctx, id)
	return in, a.internal(ctx, "acknowledge", err)
}
