package qianxiang

// Statistics entry (项目入库, domain.md "Statistics entry"): fixed-asset
// investment statistics cover projects of at least 500 万元 once their main
// works have started. A project is expected in the statistics (应统) when
// both hold; the entry gap (应统尽统) is the expected projects not entered.

// EntryThreshold is the total investment from which a project belongs in the
// fixed-asset investment statistics: 500 万元.
const EntryThreshold Money = 500 * 100

// EntryFacts are what the entry rule reads of a project.
type EntryFacts struct {
	TotalInvestment Money
	Kind            Kind
	Stage           Stage
	StartedOn       Date
	InStats         bool
}

// FactsOf gives a project's entry facts.
func FactsOf(p *Project) EntryFacts {
	return EntryFacts{TotalInvestment: p.TotalInvestment, Kind: p.Kind, Stage: p.Stage, StartedOn: p.StartedOn, InStats: p.InStats}
}

// Started says whether the project's main works have begun by asOf: a
// recorded actual start on or before asOf (a month-only start counts from
// its month), or, without a recorded date, a project the plan lists as
// continuing (续建) or whose stage is 在建, 竣工 or 投产. A zero asOf means
// "today, whatever the date".
func (f EntryFacts) Started(asOf Date) bool {
	if !f.StartedOn.IsZero() {
		if asOf.IsZero() {
			return true
		}
		if f.StartedOn.MonthOnly() || asOf.MonthOnly() {
			return f.StartedOn.MonthIndex() <= asOf.MonthIndex()
		}
		return !asOf.Before(f.StartedOn)
	}
	switch f.Stage {
	case StageConstruction, StageCompleted, StageOperating:
		return true
	}
	return f.Kind == KindContinuing
}

// Expected says the project belongs in the statistics (应统): total
// investment of at least 500 万元 and started.
func (f EntryFacts) Expected(asOf Date) bool {
	return f.TotalInvestment >= EntryThreshold && f.Started(asOf)
}

// Gap says the project is expected and not entered.
func (f EntryFacts) Gap(asOf Date) bool { return f.Expected(asOf) && !f.InStats }

// VoucherKind is one document of the entry's checklist.
type VoucherKind string

const (
	VoucherApproval VoucherKind = "approval" // 审批/核准/备案文件
	VoucherContract VoucherKind = "contract" // 施工合同或带日期的现场照片
	VoucherLicence  VoucherKind = "licence"  // 营业执照或统一社会信用代码证明
	VoucherProgress VoucherKind = "progress" // 形象进度确认单 (owner, builder, supervisor)
	VoucherPayment  VoucherKind = "payment"  // 付款凭证
)

// VoucherKinds in the order the checklist lists them: the three required
// for entry first, then the two the bureau checks reported investment with.
var VoucherKinds = []VoucherKind{VoucherApproval, VoucherContract, VoucherLicence, VoucherProgress, VoucherPayment}

// Valid reports a known kind.
func (k VoucherKind) Valid() bool {
	for _, x := range VoucherKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Required says the kind must be on file before the unit submits the entry.
func (k VoucherKind) Required() bool {
	return k == VoucherApproval || k == VoucherContract || k == VoucherLicence
}

// Label is the English name, the catalog's key for the Chinese one.
func (k VoucherKind) Label() string {
	switch k {
	case VoucherApproval:
		return "Approval, authorisation or filing document"
	case VoucherContract:
		return "Construction contract or dated site photos"
	case VoucherLicence:
		return "Owner's business licence or unified social credit code"
	case VoucherProgress:
		return "Progress confirmation signed by owner, builder and supervisor"
	case VoucherPayment:
		return "Payment records"
	}
	return string(k)
}

// MissingVouchers gives the required kinds not among have, in checklist
// order (empty, not nil, when none is missing).
func MissingVouchers(have map[VoucherKind]bool) []VoucherKind {
	out := []VoucherKind{}
	for _, k := range VoucherKinds {
		if k.Required() && !have[k] {
			out = append(out, k)
		}
	}
	return out
}

// Gap reasons: why an expected project is not (yet) in the statistics.
const (
	GapMissingVouchers    = "missing_vouchers"    // not submitted, required vouchers missing
	GapNotSubmitted       = "not_submitted"       // vouchers complete, the unit has not submitted
	GapReturned           = "returned"            // returned with a reason, not resubmitted
	GapAwaitingReview     = "awaiting_review"     // submitted, the department or county reviews
	GapAwaitingAcceptance = "awaiting_acceptance" // reviewed, the statistics bureau accepts
)

// GapReason explains an entry gap from the entry's status and the vouchers
// still missing.
func GapReason(s EntryStatus, missing []VoucherKind) string {
	switch s {
	case EntrySubmitted:
		return GapAwaitingReview
	case EntryReviewed:
		return GapAwaitingAcceptance
	case EntryReturned:
		return GapReturned
	}
	if len(missing) > 0 {
		return GapMissingVouchers
	}
	return GapNotSubmitted
}

// GapReasonLabel is the English label of a reason code (the catalog key).
func GapReasonLabel(r string) string {
	switch r {
	case GapMissingVouchers:
		return "Vouchers missing"
	case GapNotSubmitted:
		return "Not submitted by the unit"
	case GapReturned:
		return "Returned for correction"
	case GapAwaitingReview:
		return "Awaiting the department's review"
	case GapAwaitingAcceptance:
		return "Awaiting the statistics bureau's acceptance"
	}
	return r
}

func init() {
	TextRules["people"] = TextRule{Max: 200}
	TextRules["findings"] = TextRule{Max: 2000, Multiline: true}
}
