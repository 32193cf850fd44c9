package qianxiang

import (
	"math/big"
	"strings"
)

// Factor guarantee (要素保障) of a project: the approvals it needs, its
// land, its funding and the banks matched to it.

// ApprovalKinds in the order a project usually takes them; "custom" is
// any other, named by the user.
var ApprovalKinds = []string{"project_approval", "land_presite", "planning_permit", "eia", "energy", "construction_permit", "custom"}

// ApprovalState is where one approval stands.
type ApprovalState string

const (
	ApprovalNotStarted ApprovalState = "not_started"
	ApprovalInProcess  ApprovalState = "in_process"
	ApprovalApproved   ApprovalState = "approved"
	ApprovalTolerated  ApprovalState = "tolerated" // 容缺: proceeding, a document promised by a date
)

// ApprovalStates in display order.
var ApprovalStates = []ApprovalState{ApprovalNotStarted, ApprovalInProcess, ApprovalApproved, ApprovalTolerated}

// Approval is one line of the approvals checklist.
type Approval struct {
	ID         int64         `json:"id"`
	ProjectID  int64         `json:"project_id"`
	Kind       string        `json:"kind"`
	Name       string        `json:"name"` // the custom approval's name
	State      ApprovalState `json:"state"`
	StartedOn  Date          `json:"started_on"`
	ApprovedOn Date          `json:"approved_on"`
	Doc        string        `json:"doc"`         // 容缺: the document promised
	PromisedBy Date          `json:"promised_by"` // 容缺: by when
	ProblemID  int64         `json:"problem_id"`  // the problem raised when the promise was missed
	Note       string        `json:"note"`
	Version    int           `json:"version"`
	// Derived.
	Parallel bool `json:"parallel"` // in process at the same time as another
	Missed   bool `json:"missed"`   // 容缺 promise past its date
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// Validate checks an approval line.
func (a *Approval) Validate() error {
	if !oneOf(a.Kind, ApprovalKinds) {
		return FieldError("kind", "must be one of %s", strings.Join(ApprovalKinds, ", "))
	}
	if err := cleanFields(map[string]*string{"name": &a.Name, "doc": &a.Doc, "note": &a.Note}); err != nil {
		return err
	}
	if a.Kind == "custom" && a.Name == "" {
		return FieldError("name", "is required for a custom approval")
	}
	ok := false
	for _, s := range ApprovalStates {
		ok = ok || a.State == s
	}
	if !ok {
		return FieldError("state", "must be not_started, in_process, approved or tolerated")
	}
	if a.State == ApprovalApproved && a.ApprovedOn.IsZero() {
		return FieldError("approved_on", "is required for an approved item")
	}
	if a.State == ApprovalTolerated {
		if strings.TrimSpace(a.Doc) == "" {
			return FieldError("doc", "name the document promised under 容缺")
		}
		if a.PromisedBy.IsZero() || a.PromisedBy.MonthOnly() {
			return FieldError("promised_by", "is required as a date YYYY-MM-DD under 容缺")
		}
	}
	return nil
}

// cleanFields cleans optional texts under their rules (TextRules), in
// place, and names the first that is refused.
func cleanFields(fields map[string]*string) error {
	for _, f := range []string{"name", "doc", "event", "bank", "note"} {
		p, ok := fields[f]
		if !ok {
			continue
		}
		c, d := CleanText(f, *p)
		if d != nil {
			return FieldError(f, d.Format, d.Args...)
		}
		*p = c
	}
	return nil
}

// DeriveApprovals marks the approvals in process at the same time as
// another (并联审批) and the 容缺 promises missed by today.
func DeriveApprovals(as []Approval, today Date) {
	inProcess := 0
	for _, a := range as {
		if a.State == ApprovalInProcess || a.State == ApprovalTolerated {
			inProcess++
		}
	}
	for i := range as {
		a := &as[i]
		a.Parallel = inProcess > 1 && (a.State == ApprovalInProcess || a.State == ApprovalTolerated)
		a.Missed = a.PromiseMissed(today)
	}
}

// PromiseMissed: a 容缺 approval whose document was not delivered by the
// promised day (delivering it makes the approval approved).
func (a *Approval) PromiseMissed(today Date) bool {
	return a.State == ApprovalTolerated && !a.PromisedBy.IsZero() && dayAfter(today, a.PromisedBy)
}

// MissedPromiseDueDays is how long the owner organisation gets to solve
// the problem a missed 容缺 promise raises.
const MissedPromiseDueDays = 7

// Mu is an area in hundredths of a 亩, exact like Money.
type Mu int64

// ParseMu reads a decimal number of 亩 with at most two decimals.
func ParseMu(s string) (Mu, error) {
	s = strings.TrimSpace(s)
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "/eE") {
		return 0, Errorf(EValidation, "%q is not a number of mu", s)
	}
	r.Mul(r, big.NewRat(100, 1))
	if !r.IsInt() {
		return 0, Errorf(EValidation, "%q has more than two decimals", s)
	}
	return Mu(r.Num().Int64()), nil
}

// String gives "12.50".
func (m Mu) String() string { return Money(m).String() }

// MarshalJSON writes a number with two decimals.
func (m Mu) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalJSON reads a number or a numeric string.
func (m *Mu) UnmarshalJSON(b []byte) error {
	v, err := ParseMu(strings.Trim(string(b), `"`))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Land sources and states.
var (
	LandSources = []string{"stock", "new_quota", "approved_unused"} // 存量盘活, 新增指标, 批而未用
	LandStates  = []string{"needed", "in_process", "supplied"}      // 待保障, 报批中, 已供地
	FundTypes   = []string{"bank_loan", "special_bond", "central_budget", "private_capital"}
)

// LandNeed is land a project needs.
type LandNeed struct {
	ID        int64  `json:"id"`
	ProjectID int64  `json:"project_id"`
	Area      Mu     `json:"area"`
	Source    string `json:"source"`
	State     string `json:"state"`
	Note      string `json:"note"`
	Version   int    `json:"version"`
}

// Validate checks a land need.
func (l *LandNeed) Validate() error {
	if err := cleanFields(map[string]*string{"note": &l.Note}); err != nil {
		return err
	}
	if l.Area <= 0 {
		return FieldError("area", "must be more than 0 mu")
	}
	if !oneOf(l.Source, LandSources) {
		return FieldError("source", "must be one of %s", strings.Join(LandSources, ", "))
	}
	if !oneOf(l.State, LandStates) {
		return FieldError("state", "must be one of %s", strings.Join(LandStates, ", "))
	}
	return nil
}

// FundingNeed is money a project needs from one kind of source.
type FundingNeed struct {
	ID        int64  `json:"id"`
	ProjectID int64  `json:"project_id"`
	Amount    Money  `json:"amount"`
	Type      string `json:"type"`
	Note      string `json:"note"`
	Version   int    `json:"version"`
}

// Validate checks a funding need.
func (f *FundingNeed) Validate() error {
	if err := cleanFields(map[string]*string{"note": &f.Note}); err != nil {
		return err
	}
	if f.Amount <= 0 {
		return FieldError("amount", "must be more than 0")
	}
	if !oneOf(f.Type, FundTypes) {
		return FieldError("type", "must be one of %s", strings.Join(FundTypes, ", "))
	}
	return nil
}

// BankMatch is one bank at one matchmaking event (银企对接): what it
// intends to lend and what it has signed.
type BankMatch struct {
	ID        int64  `json:"id"`
	ProjectID int64  `json:"project_id"`
	Event     string `json:"event"`
	HeldOn    Date   `json:"held_on"`
	Bank      string `json:"bank"`
	Intended  Money  `json:"intended"`
	Signed    Money  `json:"signed"`
	Note      string `json:"note"`
	Version   int    `json:"version"`
}

// Validate checks a matchmaking line.
func (b *BankMatch) Validate() error {
	if err := cleanFields(map[string]*string{"event": &b.Event, "bank": &b.Bank, "note": &b.Note}); err != nil {
		return err
	}
	switch {
	case b.Event == "":
		return FieldError("event", "is required")
	case b.Bank == "":
		return FieldError("bank", "is required")
	case b.Intended < 0:
		return FieldError("intended", "must not be negative")
	case b.Signed < 0:
		return FieldError("signed", "must not be negative")
	}
	return nil
}

// Factors is a project's whole factor guarantee.
type Factors struct {
	Approvals []Approval    `json:"approvals"`
	Land      []LandNeed    `json:"land"`
	Funding   []FundingNeed `json:"funding"`
	Banks     []BankMatch   `json:"banks"`
	// Totals, exact.
	LandTotal     Mu    `json:"land_total"`
	FundingTotal  Money `json:"funding_total"`
	IntendedTotal Money `json:"intended_total"`
	SignedTotal   Money `json:"signed_total"`
}

// Sum fills the totals and the derived approval flags.
func (f *Factors) Sum(today Date) {
	DeriveApprovals(f.Approvals, today)
	f.LandTotal, f.FundingTotal, f.IntendedTotal, f.SignedTotal = 0, 0, 0, 0
	for _, l := range f.Land {
		f.LandTotal += l.Area
	}
	for _, x := range f.Funding {
		f.FundingTotal += x.Amount
	}
	for _, b := range f.Banks {
		f.IntendedTotal += b.Intended
		f.SignedTotal += b.Signed
	}
}
