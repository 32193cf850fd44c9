package qianxiang

import (
	"strings"
)

// Motion (议案) is one subject put to the congress, by a body the rules
// allow or by ten or more deputies jointly (or a majority of a
// delegation), each signing once.
type Motion struct {
	ID          int64        `json:"id"`
	CongressID  int64        `json:"-"`
	Title       string       `json:"title"`
	Reason      string       `json:"reason"`
	Basis       string       `json:"basis"`
	Solution    string       `json:"solution"`
	Proposer    string       `json:"proposer"` // deputies | delegation | presidium | standing_committee | government | special_committee
	Delegation  string       `json:"delegation,omitempty"`
	Status      MotionStatus `json:"status"`
	Signers     []string     `json:"signers"` // card numbers, in the order they signed
	Needed      int          `json:"needed"`  // signatures the proposer needs (0 for a body)
	SubmittedOn Date         `json:"submitted_on"`
	Checks      MotionChecks `json:"checks"`
	Recommend   string       `json:"recommend,omitempty"` // listed | converted
	Review      string       `json:"review,omitempty"`
	ReportID    int64        `json:"report_id,omitempty"`
	// Suggestion is set by the suggestions module (module 7) once it has
	// taken a converted motion over.
	Suggestion string `json:"suggestion,omitempty"`
	Version    int    `json:"version"`
}

// MotionChecks are the review committee's three checks.
type MotionChecks struct {
	Signers bool `json:"signers"` // enough signers, each a deputy entitled to sign
	Content bool `json:"content"` // one subject, within the congress's powers, with reason, basis and solution
	Timing  bool `json:"timing"`  // submitted by the session's deadline
}

// MotionStatus moves signing → submitted → reviewed (the committee's
// recommendation) → listed (列入议程) or converted (作为建议处理) once the
// presidium adopts the committee's report.
type MotionStatus string

const (
	MotionSigning   MotionStatus = "signing"
	MotionSubmitted MotionStatus = "submitted"
	MotionReviewed  MotionStatus = "reviewed"
	MotionListed    MotionStatus = "listed"
	MotionConverted MotionStatus = "converted"
)

// Recommendations of the review committee.
const (
	RecommendListed    = "listed"
	RecommendConverted = "converted"
)

// MinJointSigners is how many deputies a joint motion needs.
const MinJointSigners = 10

// Proposers are who may put a motion forward; only deputies and a
// delegation sign it.
var Proposers = []string{"deputies", "delegation", "presidium", "standing_committee", "government", "special_committee"}

func knownProposer(p string) bool {
	for _, x := range Proposers {
		if x == p {
			return true
		}
	}
	return false
}

// Signed reports whether the proposer signs (deputies jointly, a delegation).
func (m Motion) Signed() bool { return m.Proposer == "deputies" || m.Proposer == "delegation" }

// SignersNeeded is the number of signatures a motion needs: ten for a
// joint motion, more than half of its members for a delegation, none
// for a body.
func SignersNeeded(proposer string, delegationMembers int) int {
	switch proposer {
	case "deputies":
		return MinJointSigners
	case "delegation":
		return delegationMembers/2 + 1
	}
	return 0
}

// Clean puts the motion's texts through the text rules: one subject (a
// one-line title) with reason, basis and proposed solution.
func (m *Motion) Clean() error {
	ds := CleanTexts("motion.title", &m.Title, "motion.reason", &m.Reason, "motion.basis", &m.Basis, "motion.solution", &m.Solution,
		"delegation", &m.Delegation)
	if len(ds) > 0 {
		return &Error{Code: EValidation, Format: "%s: " + ds[0].Format, Args: append([]any{ds[0].Field}, ds[0].Args...), Details: ds}
	}
	return nil
}

// Validate checks a new motion: one subject with reason, basis and a
// proposed solution, from a proposer the rules know.
func (m Motion) Validate() error {
	switch {
	case strings.TrimSpace(m.Title) == "":
		return FieldError("title", "is required")
	case strings.ContainsAny(m.Title, "；;") || strings.Count(m.Title, "议案") > 1:
		return FieldError("title", "one subject per motion: put each subject in a motion of its own")
	case strings.TrimSpace(m.Reason) == "":
		return FieldError("reason", "is required: why the motion is needed")
	case strings.TrimSpace(m.Basis) == "":
		return FieldError("basis", "is required: the law or fact it rests on")
	case strings.TrimSpace(m.Solution) == "":
		return FieldError("solution", "is required: what the motion proposes")
	case !knownProposer(m.Proposer):
		return FieldError("proposer", "must be deputies, delegation, presidium, standing_committee, government or special_committee")
	case m.Proposer == "delegation" && strings.TrimSpace(m.Delegation) == "":
		return FieldError("delegation", "is required for a delegation's motion")
	}
	return nil
}

// CanSubmit says whether the motion may go to the review committee: a
// joint motion of deputies needs ten signatures, a delegation's a
// majority of its members.
func (m Motion) CanSubmit() error {
	if m.Status != MotionSigning {
		return Errorf(EValidation, "the motion has already been submitted")
	}
	if m.Signed() && len(m.Signers) < m.Needed {
		return Errorf(EValidation, "the motion needs at least %d signatures; it has %d", m.Needed, len(m.Signers))
	}
	return nil
}

// CanSign says whether a deputy may sign now; signing twice is the
// database's to refuse.
func (m Motion) CanSign(d Deputy) error {
	if !m.Signed() {
		return Errorf(EValidation, "only a joint motion of deputies or a delegation's motion is signed")
	}
	if m.Status != MotionSigning {
		return Errorf(EValidation, "the motion has already been submitted")
	}
	if m.Proposer == "delegation" && d.Delegation != m.Delegation {
		return Errorf(EForbidden, "only deputies of %s sign its motion", m.Delegation)
	}
	return nil
}

// Submit sends the motion to the review committee on the day given.
func (m *Motion) Submit(on Date) error {
	if err := m.CanSubmit(); err != nil {
		return err
	}
	m.Status, m.SubmittedOn = MotionSubmitted, on
	return nil
}

// Record records the review committee's checks and recommendation. The
// signers and timing checks are facts the caller computed (signatures
// counted, the submission day against the session's deadline); content is
// the committee's judgement. A motion that fails any check can only be
// handled as a suggestion. Reviewing again is allowed until the motion
// is in a report.
func (m *Motion) Record(deadline Date, contentOK bool, recommend, review string) error {
	if m.Status != MotionSubmitted && m.Status != MotionReviewed {
		return Errorf(EValidation, "only a submitted motion is reviewed")
	}
	if m.ReportID != 0 {
		return Errorf(EValidation, "the motion is in the committee's report; it cannot be reviewed again")
	}
	if recommend != RecommendListed && recommend != RecommendConverted {
		return FieldError("recommend", "must be listed or converted")
	}
	review, d := CleanText("review", review)
	if d != nil {
		return &Error{Code: EValidation, Format: "%s: " + d.Format, Args: append([]any{d.Field}, d.Args...), Details: []Detail{*d}}
	}
	if review == "" {
		return FieldError("review", "is required: the committee's reasons")
	}
	c := MotionChecks{Signers: !m.Signed() || len(m.Signers) >= m.Needed, Content: contentOK,
		Timing: deadline.IsZero() || m.SubmittedOn.IsZero() || !deadline.Before(m.SubmittedOn)}
	if recommend == RecommendListed && !(c.Signers && c.Content && c.Timing) {
		return FieldError("recommend", "a motion that fails a check (signers, content or timing) is handled as a suggestion")
	}
	m.Status, m.Checks, m.Recommend, m.Review = MotionReviewed, c, recommend, review
	return nil
}

// Decide applies the presidium's decision on the committee's report: the
// recommendation becomes the motion's state when the report is adopted;
// when it is not, the motion goes back to the committee.
func (m *Motion) Decide(adopted bool) {
	if m.Status != MotionReviewed {
		return
	}
	if !adopted {
		m.Status, m.ReportID = MotionSubmitted, 0
		return
	}
	m.Status = MotionListed
	if m.Recommend == RecommendConverted {
		m.Status = MotionConverted
	}
}

// MotionReportStatus moves draft → voting → adopted, or rejected (its motions
// go back to the committee).
type MotionReportStatus string

const (
	MReportDraft    MotionReportStatus = "draft"
	MReportVoting   MotionReportStatus = "voting"
	MReportAdopted  MotionReportStatus = "adopted"
	MReportRejected MotionReportStatus = "rejected"
)

// MotionReport is the review committee's report on a batch of reviewed
// motions, adopted by a presidium vote.
type MotionReport struct {
	ID         int64              `json:"id"`
	CongressID int64              `json:"-"`
	Title      string             `json:"title"`
	Status     MotionReportStatus `json:"status"`
	VoteID     int64              `json:"vote_id,omitempty"`
	Motions    []int64            `json:"motions"`
	Listed     int                `json:"listed"`
	Converted  int                `json:"converted"`
	Version    int                `json:"version"`
}

// CanPutToVote says whether the report may go to a meeting's vote: a
// draft, to the presidium.
func (r MotionReport) CanPutToVote(b Body) error {
	if r.Status != MReportDraft {
		return Errorf(EValidation, "the report is %s; only a draft report is put to the vote", string(r.Status))
	}
	if b != BodyPresidium {
		return FieldError("meeting", "the committee's report is voted by the presidium")
	}
	return nil
}
