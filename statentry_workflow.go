package qianxiang

import "time"

// The entry workflow: 建设单位报送 (the project unit submits) → 主管部门审核
// (its county or department reviews; may return it with a reason) → 统计部门
// 验收 (the statistics bureau accepts, which puts the project in the
// statistics; may return it with a reason). A returned entry is corrected
// and submitted again.

// EntryStatus is where a project's entry stands.
type EntryStatus string

const (
	EntryNone      EntryStatus = "none" // nothing submitted yet
	EntrySubmitted EntryStatus = "submitted"
	EntryReviewed  EntryStatus = "reviewed"
	EntryAccepted  EntryStatus = "accepted"
	EntryReturned  EntryStatus = "returned"
)

// EntryStatuses in workflow order.
var EntryStatuses = []EntryStatus{EntryNone, EntrySubmitted, EntryReviewed, EntryAccepted, EntryReturned}

// Label is the English label, the catalog's key for the Chinese one.
func (s EntryStatus) Label() string {
	switch s {
	case EntryNone, "":
		return "Not submitted"
	case EntrySubmitted:
		return "Submitted, awaiting review"
	case EntryReviewed:
		return "Reviewed, awaiting acceptance"
	case EntryAccepted:
		return "Accepted: in the statistics"
	case EntryReturned:
		return "Returned for correction"
	}
	return string(s)
}

// EntryAction is a step of the workflow.
type EntryAction string

const (
	EntrySubmit EntryAction = "submit" // the unit hands the entry in
	EntryReview EntryAction = "review" // the county or department passes it on
	EntryAccept EntryAction = "accept" // the statistics bureau accepts it
	EntryReturn EntryAction = "return" // sent back with a reason
)

// EntryActions lists every step.
var EntryActions = []EntryAction{EntrySubmit, EntryReview, EntryAccept, EntryReturn}

// Label is the English name of a step, the catalog's key for the Chinese.
func (a EntryAction) Label() string {
	switch a {
	case EntrySubmit:
		return "Submit for entry"
	case EntryReview:
		return "Pass the review"
	case EntryAccept:
		return "Accept into the statistics"
	case EntryReturn:
		return "Return"
	}
	return string(a)
}

// entrySteps is the state machine.
var entrySteps = map[EntryStatus]map[EntryAction]EntryStatus{
	EntryNone:      {EntrySubmit: EntrySubmitted},
	EntryReturned:  {EntrySubmit: EntrySubmitted},
	EntrySubmitted: {EntryReview: EntryReviewed, EntryReturn: EntryReturned},
	EntryReviewed:  {EntryAccept: EntryAccepted, EntryReturn: EntryReturned},
}

// NextEntryStatus is where act leads from s, or a refusal naming both.
func NextEntryStatus(s EntryStatus, act EntryAction) (EntryStatus, error) {
	if s == "" {
		s = EntryNone
	}
	if to, ok := entrySteps[s][act]; ok {
		return to, nil
	}
	return "", Errorf(EValidation, "an entry that is %s cannot be given the step %s", s.Label(), act.Label())
}

// MayStepEntry is who may take a step from status s: a project unit (and
// every role above it on the write chain) submits; the county or
// department (org_admin and up) reviews and returns a submitted entry; only
// the statistics bureau accepts, and returns a reviewed one. Scope is
// asked before this.
func MayStepEntry(a Actor, act EntryAction, s EntryStatus) bool {
	if a.System {
		return true
	}
	switch act {
	case EntrySubmit:
		return a.Role.AtLeast(RoleReporter)
	case EntryReview:
		return a.Role.AtLeast(RoleOrgAdmin)
	case EntryAccept:
		return a.Can(ActAcceptEntry, Scope{})
	case EntryReturn:
		switch s {
		case EntrySubmitted:
			return a.Role.AtLeast(RoleOrgAdmin)
		case EntryReviewed:
			return a.Can(ActAcceptEntry, Scope{})
		}
		// Nothing to return: either reviewer hears why from the state machine.
		return a.Role.AtLeast(RoleOrgAdmin) || a.Can(ActAcceptEntry, Scope{})
	}
	return false
}

// entryRefusal words a refused role for each step, so the person learns
// who may do it.
func entryRefusal(act EntryAction, s EntryStatus) *Error {
	switch {
	case act == EntrySubmit:
		return Errorf(EForbidden, "only the project's unit, county or department can submit its entry")
	case act == EntryAccept, act == EntryReturn && s == EntryReviewed:
		return Errorf(EForbidden, "only the statistics bureau can accept or return a reviewed entry")
	}
	return Errorf(EForbidden, "only the project's county or department can review or return a submitted entry")
}

// StatEntry is a project's statistics entry (入库申报) and its workflow.
type StatEntry struct {
	ID           int64       `json:"id"`
	ProjectID    int64       `json:"project_id"`
	Status       EntryStatus `json:"status"`
	ReturnReason string      `json:"return_reason,omitempty"`
	ReturnedBy   string      `json:"returned_by,omitempty"` // "review" or "acceptance": which stage sent it back
	SubmittedAt  time.Time   `json:"submitted_at,omitzero"`
	ReviewedAt   time.Time   `json:"reviewed_at,omitzero"`
	AcceptedAt   time.Time   `json:"accepted_at,omitzero"`
	Version      int         `json:"version"`
}

// EntryGate is what a step needs to know besides the entry: the project's
// facts and the vouchers on file.
type EntryGate struct {
	Now     time.Time
	Today   Date
	Facts   EntryFacts
	Missing []VoucherKind // required vouchers not on file
}

// EntryStep is one line of an entry's history.
type EntryStep struct {
	ID      int64       `json:"id"`
	Action  EntryAction `json:"action"`
	From    EntryStatus `json:"from"`
	To      EntryStatus `json:"to"`
	Reason  string      `json:"reason,omitempty"`
	Actor   string      `json:"actor"`
	Role    Role        `json:"role"`
	At      time.Time   `json:"at"`
	EntryID int64       `json:"-"`
}

// Step applies a workflow step for actor. It refuses, in this order: a
// role that may not take the step (403), a step the status does not allow
// (422), a return without a reason, and a submission of a project that is
// not expected in the statistics, is already in them, or lacks a required
// voucher (each 422, naming what is wrong). It returns the history line.
func (e *StatEntry) Step(a Actor, act EntryAction, reason string, g EntryGate) (EntryStep, error) {
	if e.Status == "" {
		e.Status = EntryNone
	}
	from := e.Status
	if !MayStepEntry(a, act, from) {
		return EntryStep{}, entryRefusal(act, from)
	}
	to, err := NextEntryStatus(from, act)
	if err != nil {
		return EntryStep{}, err
	}
	if act == EntryReturn {
		if reason, err = ReturnReason(reason); err != nil {
			return EntryStep{}, err
		}
	} else {
		reason = ""
	}
	if act == EntrySubmit {
		switch {
		case g.Facts.InStats:
			return EntryStep{}, Errorf(EValidation, "the project is already in the statistics")
		case g.Facts.TotalInvestment < EntryThreshold:
			return EntryStep{}, Errorf(EValidation, "total investment %s 万元 is below %s 万元: the project is not in the fixed-asset statistics",
				g.Facts.TotalInvestment.String(), EntryThreshold.String())
		case !g.Facts.Started(g.Today):
			return EntryStep{}, Errorf(EValidation, "the project has not started: report its actual start first (an entry follows the start)")
		case len(g.Missing) > 0:
			e := Errorf(EValidation, "%d required vouchers are missing: upload them before submitting", len(g.Missing))
			for _, k := range g.Missing {
				e.Details = append(e.Details, Detail{Field: "vouchers." + string(k), Format: "%s is missing", Args: []any{k.Label()}})
			}
			return EntryStep{}, e
		}
	}
	switch act {
	case EntrySubmit:
		e.SubmittedAt, e.ReturnReason, e.ReturnedBy = g.Now, "", ""
	case EntryReview:
		e.ReviewedAt = g.Now
	case EntryAccept:
		e.AcceptedAt = g.Now
	case EntryReturn:
		e.ReturnReason, e.ReturnedBy = reason, "review"
		if from == EntryReviewed {
			e.ReturnedBy = "acceptance"
		}
	}
	e.Status = to
	return EntryStep{Action: act, From: from, To: to, Reason: reason, Actor: a.Username, Role: a.Role, At: g.Now}, nil
}
