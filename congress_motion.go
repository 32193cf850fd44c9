package qianxiang

import "strings"

// Motion (议案) is one subject put to the congress, by a body the rules
// allow or by ten or more deputies jointly, each signing once.
type Motion struct {
	ID         int64        `json:"id"`
	CongressID int64        `json:"-"`
	Title      string       `json:"title"`
	Reason     string       `json:"reason"`
	Basis      string       `json:"basis"`
	Solution   string       `json:"solution"`
	Proposer   string       `json:"proposer"` // deputies | presidium | standing_committee | government | special_committee | delegation
	Status     MotionStatus `json:"status"`
	Signers    []string     `json:"signers"` // card numbers, in the order they signed
	Review     string       `json:"review,omitempty"`
	Version    int          `json:"version"`
}

// MotionStatus moves signing → submitted → listed (列入议程) or
// converted (作为建议处理).
type MotionStatus string

const (
	MotionSigning   MotionStatus = "signing"
	MotionSubmitted MotionStatus = "submitted"
	MotionListed    MotionStatus = "listed"
	MotionConverted MotionStatus = "converted"
)

// MinJointSigners is how many deputies a joint motion needs.
const MinJointSigners = 10

var proposers = map[string]bool{"deputies": true, "presidium": true, "standing_committee": true, "government": true,
	"special_committee": true, "delegation": true}

// Validate checks a new motion: one subject with reason, basis and a
// proposed solution, from a proposer the rules know.
func (m Motion) Validate() error {
	switch {
	case strings.TrimSpace(m.Title) == "":
		return FieldError("title", "is required")
	case strings.TrimSpace(m.Reason) == "":
		return FieldError("reason", "is required: why the motion is needed")
	case strings.TrimSpace(m.Basis) == "":
		return FieldError("basis", "is required: the law or fact it rests on")
	case strings.TrimSpace(m.Solution) == "":
		return FieldError("solution", "is required: what the motion proposes")
	case !proposers[m.Proposer]:
		return FieldError("proposer", "must be deputies, presidium, standing_committee, government, special_committee or delegation")
	}
	return nil
}

// CanSubmit says whether the motion may go to the review committee: a
// joint motion of deputies needs ten signatures.
func (m Motion) CanSubmit() error {
	if m.Status != MotionSigning {
		return Errorf(EValidation, "the motion has already been submitted")
	}
	if m.Proposer == "deputies" && len(m.Signers) < MinJointSigners {
		return Errorf(EValidation, "a joint motion needs at least %d deputies' signatures; it has %d", MinJointSigners, len(m.Signers))
	}
	return nil
}

// CanSign says whether a deputy may sign now; signing twice is the
// database's to refuse.
func (m Motion) CanSign() error {
	if m.Proposer != "deputies" {
		return Errorf(EValidation, "only a joint motion of deputies is signed")
	}
	if m.Status != MotionSigning {
		return Errorf(EValidation, "the motion has already been submitted")
	}
	return nil
}

// Recommend is the review committee's decision on a submitted motion.
func (m *Motion) Recommend(listed bool, review string) error {
	if m.Status != MotionSubmitted {
		return Errorf(EValidation, "only a submitted motion is reviewed")
	}
	if strings.TrimSpace(review) == "" {
		return FieldError("review", "is required: the committee's reasons")
	}
	m.Status, m.Review = MotionConverted, strings.TrimSpace(review)
	if listed {
		m.Status = MotionListed
	}
	return nil
}
