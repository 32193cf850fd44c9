package qianxiang

import "fmt"

// SessionBody is a body of a congress session recorded beside the
// presidium: its executive chairs, who preside over the plenary meetings
// in turn, and the motions review committee.
type SessionBody string

const (
	ExecutiveChairs  SessionBody = "executive_chairs"  // 执行主席
	MotionsCommittee SessionBody = "motions_committee" // 议案审查委员会
)

// Valid reports a known session body.
func (b SessionBody) Valid() bool { return b == ExecutiveChairs || b == MotionsCommittee }

// BodyRoles are the places a member holds in a session body.
var BodyRoles = map[string]bool{"chair": true, "vice_chair": true, "member": true}

// BodyMember is one deputy in a session body.
type BodyMember struct {
	Body   SessionBody `json:"body"`
	Card   string      `json:"card"`
	Name   string      `json:"name"`
	Role   string      `json:"role"`
	Deputy Deputy      `json:"-"`
}

// CheckBodyMembers checks a body's new list: known roles, each deputy
// once, executive chairs drawn from the presidium, and one chair at most
// for the committee. Each fault names the member's place in the list.
func CheckBodyMembers(b SessionBody, ms []BodyMember) []Detail {
	var out []Detail
	bad := func(i int, field, format string, args ...any) {
		out = append(out, Detail{Row: i + 1, Field: fmt.Sprintf("members[%d].%s", i, field), Format: format, Args: args})
	}
	seen, chairs := map[string]bool{}, 0
	for i, m := range ms {
		if !BodyRoles[m.Role] {
			bad(i, "role", "must be chair, vice_chair or member")
		}
		if seen[m.Card] {
			bad(i, "card", "%s is listed twice", m.Card)
		}
		seen[m.Card] = true
		// A member not on the roster (no id) is the caller's to name.
		if b == ExecutiveChairs && m.Deputy.ID != 0 && !m.Deputy.Presidium {
			bad(i, "card", "%s is not a member of the presidium: executive chairs are drawn from it", m.Deputy.Name)
		}
		if m.Role == "chair" {
			chairs++
			if chairs > 1 {
				bad(i, "role", "the body has one chair")
			}
		}
	}
	return out
}
