package qianxiang

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"time"
)

// NotificationKind says why someone is told.
type NotificationKind string

const (
	NoteAssigned    NotificationKind = "assigned"    // a problem was given to your organisation
	NoteDueSoon     NotificationKind = "due_soon"    // due within three days
	NoteOverdue     NotificationKind = "overdue"     // past its due date
	NoteEscalated   NotificationKind = "escalated"   // gone up to you, the leader
	NoteInstruction NotificationKind = "instruction" // a leader's 批示 to acknowledge
	NoteOrderIssued NotificationKind = "order_issued"
	NoteOrderAnswer NotificationKind = "order_answered"
	// Module 7: a deputy's suggestion was answered or its answer extended;
	// a leader's month passed without a station visit.
	NoteSuggestionAnswered NotificationKind = "suggestion_answered"
	NoteSuggestionExtended NotificationKind = "suggestion_extended"
	NoteVisitMissed        NotificationKind = "visit_missed"
	// A station's reception day passed and nobody recorded it.
	NoteReceptionUnrecorded NotificationKind = "reception_unrecorded"
	// Investment attraction: a lead the leader answers for has kept its
	// stage past the office's stall limit.
	NoteLeadStalled NotificationKind = "lead_stalled"
	// The same for a member's proposal, in the consultative conference's words.
	NoteProposalAnswered NotificationKind = "proposal_answered"
	NoteProposalExtended NotificationKind = "proposal_extended"
)

// Label is the English label, the catalog's key for the Chinese one.
func (k NotificationKind) Label() string {
	switch k {
	case NoteAssigned:
		return "Assigned to you"
	case NoteDueSoon:
		return "Due within 3 days"
	case NoteOverdue:
		return "Overdue"
	case NoteEscalated:
		return "Escalated to you"
	case NoteInstruction:
		return "Instruction received"
	case NoteOrderIssued:
		return "Supervision order issued"
	case NoteOrderAnswer:
		return "Supervision order answered"
	case NoteSuggestionAnswered:
		return "Your suggestion was answered"
	case NoteSuggestionExtended:
		return "The answer to your suggestion was extended"
	case NoteVisitMissed:
		return "A month passed without your station visit"
	case NoteReceptionUnrecorded:
		return "A reception day passed without a record"
	case NoteLeadStalled:
		return "An investment lead you lead has stalled"
	case NoteProposalAnswered:
		return "Your proposal received its handling reply"
	case NoteProposalExtended:
		return "The reply to your proposal was extended"
	}
	return string(k)
}

// ReminderDays is how far ahead the due-soon reminder looks.
const ReminderDays = 3

// Notification is one message in a user's in-app centre.
type Notification struct {
	ID       int64            `json:"id"`
	UserID   int64            `json:"-"`
	Kind     NotificationKind `json:"kind"`
	Entity   string           `json:"entity"` // "problems", later "orders"
	EntityID int64            `json:"entity_id"`
	Subject  string           `json:"subject"`
	Link     string           `json:"link"`
	At       time.Time        `json:"at"`
	ReadAt   time.Time        `json:"read_at,omitzero"`
}

// Read reports a read notification.
func (n Notification) Read() bool { return !n.ReadAt.IsZero() }

// Webhook is the optional outbound hook a city connects its messaging
// system to: every notification event is POSTed to URL as JSON, signed
// with Secret.
type Webhook struct {
	URL    string `json:"url"`
	Secret string `json:"secret,omitempty"`
}

// Validate accepts an absolute http or https URL with a host, or an empty
// URL (no webhook).
func (w *Webhook) Validate() error {
	var err error
	if w.URL, err = clean("url", w.URL); err != nil {
		return err
	}
	if w.Secret, err = clean("secret", w.Secret); err != nil {
		return err
	}
	if w.URL == "" {
		return nil
	}
	u, err := url.Parse(w.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return FieldError("url", "%q is not an http(s) address", w.URL)
	}
	if len(w.Secret) < 16 {
		return FieldError("secret", "must be at least %d characters", 16)
	}
	return nil
}

// SignatureHeader carries the body's HMAC-SHA256 as "sha256=<hex>".
const SignatureHeader = "X-Qianxiang-Signature"

// Sign gives the signature header value of a body.
func (w Webhook) Sign(body []byte) string {
	m := hmac.New(sha256.New, []byte(w.Secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// WebhookMaxAttempts is how often a delivery is tried before it is given up.
const WebhookMaxAttempts = 6

// WebhookBackoff is the wait after the n-th failed attempt (1-based):
// 1, 2, 4, 8, 16 minutes.
func WebhookBackoff(n int) time.Duration {
	if n < 1 {
		n = 1
	}
	if n > 10 {
		n = 10
	}
	return time.Minute << (n - 1)
}
