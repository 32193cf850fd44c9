package app

import (
	"context"
	"fmt"

	"qianxiang"
	"qianxiang/store"
)

// VoucherSlot is one line of a project's vouchers checklist.
type VoucherSlot struct {
	Kind     qianxiang.VoucherKind `json:"kind"`
	Label    string                `json:"label"`
	Required bool                  `json:"required"`
	Files    []qianxiang.StatFile  `json:"files"`
}

// EntryCan says which steps the caller may take now (for buttons; the
// services decide again).
type EntryCan struct {
	Submit bool `json:"submit"`
	Review bool `json:"review"`
	Accept bool `json:"accept"`
	Return bool `json:"return"`
	Upload bool `json:"upload"`
	Verify bool `json:"verify"`
}

// EntryView is a project's statistics entry as the project page and the
// API show it.
type EntryView struct {
	Project       qianxiang.ProjectRef     `json:"project"`
	Entry         qianxiang.StatEntry      `json:"entry"`
	Expected      bool                     `json:"expected"`
	InStats       bool                     `json:"in_stats"`
	Vouchers      []VoucherSlot            `json:"vouchers"`
	Missing       []qianxiang.VoucherKind  `json:"missing_vouchers"`
	History       []qianxiang.EntryStep    `json:"history"`
	Verifications []qianxiang.Verification `json:"verifications"`
	Can           EntryCan                 `json:"can"`
}

// entryDay is the day the entry rule is judged on for a year's plan: today
// in the current year, the year's last day for a past one, its first for a
// future one.
func (a *App) entryDay(year int) qianxiang.Date {
	today := a.Today()
	switch {
	case year < today.Year:
		return qianxiang.Date{Year: year, Month: 12, Day: 31}
	case year > today.Year:
		return qianxiang.Date{Year: year, Month: 1, Day: 1}
	}
	return today
}

func haveKinds(files []qianxiang.StatFile) map[qianxiang.VoucherKind]bool {
	have := map[qianxiang.VoucherKind]bool{}
	for _, f := range files {
		if f.Kind != "" {
			have[f.Kind] = true
		}
	}
	return have
}

// StatEntry reads a project's entry, vouchers, history and verifications
// for whoever may see the project.
func (a *App) StatEntry(ctx context.Context, actor qianxiang.Actor, projectID int64) (EntryView, error) {
	var v EntryView
	p, err := a.Project(ctx, actor, projectID)
	if err != nil {
		return v, err
	}
	e, err := a.DB.StatEntry(ctx, projectID)
	if err != nil {
		return v, a.internal(ctx, "read entry", err)
	}
	files, err := a.DB.StatFiles(ctx, projectID)
	if err != nil {
		return v, a.internal(ctx, "read entry", err)
	}
	if v.History, err = a.DB.EntrySteps(ctx, e.ID); err != nil {
		return v, a.internal(ctx, "read entry", err)
	}
	if v.Verifications, err = a.DB.Verifications(ctx, projectID); err != nil {
		return v, a.internal(ctx, "read entry", err)
	}
	facts := qianxiang.FactsOf(&p)
	v.Project = qianxiang.ProjectRef{ID: p.ID, Code: p.Code, Name: p.Name, Org: p.Org}
	v.Entry, v.InStats, v.Expected = e, p.InStats, facts.Expected(a.entryDay(p.Year))
	v.Missing = qianxiang.MissingVouchers(haveKinds(files))
	for _, k := range qianxiang.VoucherKinds {
		slot := VoucherSlot{Kind: k, Label: k.Label(), Required: k.Required(), Files: []qianxiang.StatFile{}}
		for _, f := range files {
			if f.Kind == k {
				slot.Files = append(slot.Files, f)
			}
		}
		v.Vouchers = append(v.Vouchers, slot)
	}
	may := func(act qianxiang.EntryAction) bool {
		_, err := qianxiang.NextEntryStatus(e.Status, act)
		return err == nil && qianxiang.MayStepEntry(actor, act, e.Status)
	}
	v.Can = EntryCan{Submit: may(qianxiang.EntrySubmit) && !p.InStats && v.Expected, Review: may(qianxiang.EntryReview), Accept: may(qianxiang.EntryAccept),
		Return: may(qianxiang.EntryReturn), Upload: qianxiang.MayUploadVoucher(actor), Verify: qianxiang.MayVerify(actor)}
	return v, nil
}

// StepEntry takes a workflow step on a project's entry: the step, its
// history line, and (on acceptance) the project's 是否入库 flag are saved
// and audited in one transaction. Out of scope is not found; a role that
// may not take the step is forbidden; a step the status does not allow, a
// return without reason, or a submission with a required voucher missing
// is refused naming what is wrong.
func (a *App) StepEntry(ctx context.Context, actor qianxiang.Actor, projectID int64, act qianxiang.EntryAction, reason string) (qianxiang.StatEntry, error) {
	var e qianxiang.StatEntry
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.Project(ctx, projectID)
		if err != nil {
			return err
		}
		if err := actor.Check(qianxiang.ActRead, p.ScopeOf(), "project"); err != nil {
			return err
		}
		if e, err = tx.StatEntry(ctx, projectID); err != nil {
			return err
		}
		files, err := tx.StatFiles(ctx, projectID)
		if err != nil {
			return err
		}
		g := qianxiang.EntryGate{Now: a.Now(), Today: a.Today(), Facts: qianxiang.FactsOf(&p), Missing: qianxiang.MissingVouchers(haveKinds(files))}
		before := ""
		if e.ID != 0 {
			if before, err = tx.Snapshot(ctx, "stat_entries", e.ID); err != nil {
				return err
			}
		}
		step, err := e.Step(actor, act, reason, g)
		if err != nil {
			return err
		}
		if err := tx.SaveStatEntry(ctx, &e); err != nil {
			return err
		}
		step.EntryID = e.ID
		if err := tx.InsertEntryStep(ctx, &step); err != nil {
			return err
		}
		label := fmt.Sprintf("%s entry %s", p.Name, act)
		action := "entry_" + string(act)
		if err := tx.Audit(ctx, actor.Username, action, "stat_entries", e.ID, label, before); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor.Username, "create", "stat_entry_steps", step.ID, label, ""); err != nil {
			return err
		}
		if err := a.notifyEntry(ctx, tx, p, act, step); err != nil {
			return err
		}
		if act != qianxiang.EntryAccept {
			return nil
		}
		pb, err := tx.Snapshot(ctx, "projects", p.ID)
		if err != nil {
			return err
		}
		if err := tx.SetInStats(ctx, p.ID, true); err != nil {
			return err
		}
		return tx.Audit(ctx, actor.Username, "enter_stats", "projects", p.ID, p.Name, pb)
	})
	return e, a.internal(ctx, "entry step", err)
}

// EntryGap is the entry-gap list (应统尽统) of a year over what the actor
// sees, optionally of one county or department (org, its code).
func (a *App) EntryGap(ctx context.Context, actor qianxiang.Actor, year int, org string) (qianxiang.Gap, error) {
	if year < 2000 || year > 2100 {
		return qianxiang.Gap{}, qianxiang.FieldError("year", "must be a year between 2000 and 2100")
	}
	if org != "" {
		orgs, err := a.Orgs(ctx, actor)
		if err != nil {
			return qianxiang.Gap{}, err
		}
		known := false
		for _, o := range orgs {
			known = known || o.Code == org
		}
		if !known {
			return qianxiang.Gap{}, qianxiang.FieldError("org", "%q is not an organisation you can see", org)
		}
	}
	rows, err := a.DB.EntryRows(ctx, qianxiang.ProjectFilter{Year: year, ScopePath: ScopePath(actor), OrgCode: org})
	if err != nil {
		return qianxiang.Gap{}, a.internal(ctx, "entry gap", err)
	}
	return qianxiang.BuildGap(year, a.entryDay(year), rows), nil
}

// applyEntryRates adds the entry rates to a dispatch computed over scopePath.
func (a *App) applyEntryRates(ctx context.Context, d *qianxiang.Dispatch, scopePath string) error {
	rows, err := a.DB.EntryRows(ctx, qianxiang.ProjectFilter{Year: d.Year, ScopePath: scopePath})
	if err != nil {
		return err
	}
	facts := make([]qianxiang.EntryFact, len(rows))
	for i, r := range rows {
		facts[i] = qianxiang.EntryFact{Org: r.Project.Org, LeadOrg: r.LeadOrg, EntryFacts: r.Facts}
	}
	qianxiang.ApplyEntryRates(d, facts)
	return nil
}

// Notification kinds of the entry workflow (their labels are catalog keys).
const (
	NoteEntryReviewed qianxiang.NotificationKind = "entry_reviewed" // to the statistics bureau: an entry awaits acceptance
	NoteEntryReturned qianxiang.NotificationKind = "entry_returned" // to the unit and its county or department
	NoteEntryAccepted qianxiang.NotificationKind = "entry_accepted" // to the unit and its county or department
)

// notifyEntry tells who must act next: the statistics bureau when an entry
// has passed review; the project's unit and its county or department when
// it is returned (with the reason) or accepted.
func (a *App) notifyEntry(ctx context.Context, tx *store.Tx, p qianxiang.Project, act qianxiang.EntryAction, step qianxiang.EntryStep) error {
	dedupe := fmt.Sprintf("entry:%d", step.ID)
	switch act {
	case qianxiang.EntryReview:
		orgs, err := tx.Orgs(ctx)
		if err != nil {
			return err
		}
		var city []int64
		for _, o := range orgs {
			if o.Kind == qianxiang.OrgCity {
				city = append(city, o.ID)
			}
		}
		users, err := tx.OrgUserIDs(ctx, city, qianxiang.RoleStatistics)
		if err != nil {
			return err
		}
		return a.Notify(ctx, tx, users, NoteEntryReviewed, "projects", p.ID, p.Name, dedupe)
	case qianxiang.EntryReturn, qianxiang.EntryAccept:
		users, err := tx.OrgUserIDs(ctx, []int64{p.Org.ID, p.LeadOrg.ID}, qianxiang.RoleReporter, qianxiang.RoleOrgAdmin)
		if err != nil {
			return err
		}
		kind, subject := NoteEntryAccepted, p.Name
		if act == qianxiang.EntryReturn {
			kind, subject = NoteEntryReturned, p.Name+"："+step.Reason
		}
		return a.Notify(ctx, tx, users, kind, "projects", p.ID, subject, dedupe)
	}
	return nil
}
