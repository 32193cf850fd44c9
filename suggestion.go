package qianxiang

import "time"

// SuggestionKind: a deputy's suggestion (建议、批评和意见) to the people's
// congress, or a member's proposal (提案) to the consultative conference.
// One engine handles both; only the words shown differ (立案, 主办/会办,
// 办理复文 for proposals).
type SuggestionKind string

const (
	KindSuggestion SuggestionKind = "suggestion"
	KindProposal   SuggestionKind = "proposal"
)

// Valid reports a known kind.
func (k SuggestionKind) Valid() bool { return k == KindSuggestion || k == KindProposal }

// SuggestionStatus is where a suggestion stands.
type SuggestionStatus string

const (
	SugSubmitted SuggestionStatus = "submitted" // waiting to be assigned (交办 / 立案)
	SugHandling  SuggestionStatus = "handling"  // with its lead unit
	SugSentBack  SuggestionStatus = "sent_back" // the lead unit returned it as not its own; the office reassigns
	SugAnswered  SuggestionStatus = "answered"  // answered; the signers rate it
	SugClosed    SuggestionStatus = "closed"    // every signer rated it, none unsatisfied (办结)
	SugDeclined  SuggestionStatus = "declined"  // not accepted for handling (不立案), with a reason
	SugMerged    SuggestionStatus = "merged"    // handled together with another (并案)
)

// SuggestionStatuses in workflow order.
var SuggestionStatuses = []SuggestionStatus{SugSubmitted, SugHandling, SugSentBack, SugAnswered, SugClosed, SugDeclined, SugMerged}

// Valid reports a known status.
func (s SuggestionStatus) Valid() bool {
	for _, x := range SuggestionStatuses {
		if s == x {
			return true
		}
	}
	return false
}

// Label is the English label, the catalog's key for the Chinese one.
func (s SuggestionStatus) Label() string {
	switch s {
	case SugSubmitted:
		return "Awaiting assignment"
	case SugHandling:
		return "Being handled"
	case SugSentBack:
		return "Sent back by the unit"
	case SugAnswered:
		return "Answered, awaiting rating"
	case SugClosed:
		return "Closed"
	case SugDeclined:
		return "Not accepted"
	case SugMerged:
		return "Merged"
	}
	return string(s)
}

// Pending reports a suggestion a unit still owes an answer on.
func (s SuggestionStatus) Pending() bool { return s == SugHandling }

// AnswerClass classes an answer: A solved or adopted, B being solved, C to
// be solved later (plans made), D kept for reference.
type AnswerClass string

// AnswerClasses in order.
var AnswerClasses = []AnswerClass{"A", "B", "C", "D"}

// Valid reports a known class.
func (c AnswerClass) Valid() bool { return c == "A" || c == "B" || c == "C" || c == "D" }

// Label is the English label, the catalog's key for the Chinese one.
func (c AnswerClass) Label() string {
	switch c {
	case "A":
		return "A: solved or adopted"
	case "B":
		return "B: being solved"
	case "C":
		return "C: to be solved as conditions allow"
	case "D":
		return "D: kept for reference"
	}
	return string(c)
}

// Rating is a signer's verdict on an answer.
type Rating string

const (
	Satisfied   Rating = "satisfied"   // 满意
	Basically   Rating = "basically"   // 基本满意
	Unsatisfied Rating = "unsatisfied" // 不满意
)

// Chinese is the rating as the rating form writes it (for the audit trail).
func (r Rating) Chinese() string {
	return map[Rating]string{Satisfied: "满意", Basically: "基本满意", Unsatisfied: "不满意"}[r]
}

// Ratings in order.
var Ratings = []Rating{Satisfied, Basically, Unsatisfied}

// Valid reports a known rating.
func (r Rating) Valid() bool { return r == Satisfied || r == Basically || r == Unsatisfied }

// Label is the English label, the catalog's key for the Chinese one.
func (r Rating) Label() string {
	switch r {
	case Satisfied:
		return "Satisfied"
	case Basically:
		return "Basically satisfied"
	case Unsatisfied:
		return "Unsatisfied"
	}
	return string(r)
}

// Deadlines of the rules (domain.md "Congress rules").
const (
	SendBackWorkdays = 7 // a unit not responsible returns it within 7 working days
	CoViewMonths     = 1 // co-units give their view to the lead within a month
	AnswerMonths     = 3 // the answer is due within 3 months of assignment
	ExtendedMonths   = 6 // at most 6, with a recorded explanation
	AgainMonths      = 1 // after an unsatisfied rating, answered again within a month
)

// Deadlines are the rules' due dates for a suggestion assigned on a day
// (and, for an unsatisfied rating on that day, the new answer's).
type Deadlines struct {
	From        Date `json:"from"`
	ReturnBy    Date `json:"return_by"`    // 7 working days on the calendar
	CoViewDue   Date `json:"co_view_due"`  // 1 month
	AnswerDue   Date `json:"answer_due"`   // 3 months
	ExtendedDue Date `json:"extended_due"` // 6 months, with the explanation
	AgainDue    Date `json:"again_due"`    // 1 month after an unsatisfied rating that day
}

// SuggestionDeadlines counts every deadline from a day: working days on
// the office's calendar, months to the same day or the month's last.
func SuggestionDeadlines(cal Calendar, from Date) Deadlines {
	return Deadlines{From: from, ReturnBy: cal.AddWorkdays(from, SendBackWorkdays), CoViewDue: AddMonths(from, CoViewMonths),
		AnswerDue: AddMonths(from, AnswerMonths), ExtendedDue: AddMonths(from, ExtendedMonths), AgainDue: AddMonths(from, AgainMonths)}
}

// Signer is a deputy (or member) who put the suggestion forward, with
// their rating of the current answer.
type Signer struct {
	DeputyID int64  `json:"-"`
	UserID   int64  `json:"-"`
	Card     string `json:"card"`
	Name     string `json:"name"`
	Rating   Rating `json:"rating,omitempty"`
	RatedOn  Date   `json:"rated_on,omitzero"`
}

// CoView is a co-unit's view sent to the lead unit.
type CoView struct {
	Org   OrgRef `json:"org"`
	Text  string `json:"text"`
	Given Date   `json:"given_on"`
	Late  bool   `json:"late"`
}

// Answer is one answer of the lead unit (办理复文); a suggestion rated
// unsatisfied is answered again in a new round.
type Answer struct {
	Round  int         `json:"round"`
	Class  AnswerClass `json:"class"`
	Text   string      `json:"text"`
	On     Date        `json:"answered_on"`
	Due    Date        `json:"due"`
	OnTime bool        `json:"on_time"`
	By     string      `json:"by"`
}

// Suggestion is a deputy's suggestion or a member's proposal and its handling.
type Suggestion struct {
	ID          int64            `json:"id"`
	Kind        SuggestionKind   `json:"kind"`
	Number      int              `json:"number"` // 第N号 within its kind and year
	CongressID  int64            `json:"-"`
	Title       string           `json:"title"`
	Body        string           `json:"body"`
	Signers     []Signer         `json:"deputies"`
	SubmittedOn Date             `json:"submitted_on"`
	FromMotion  int64            `json:"from_motion,omitempty"`
	Classified  bool             `json:"classified"`
	Project     *ProjectRef      `json:"project,omitempty"`
	Status      SuggestionStatus `json:"status"`
	LeadOrg     *OrgRef          `json:"lead_org"`
	CoOrgs      []OrgRef         `json:"co_orgs"`
	AssignedOn  Date             `json:"assigned_on"`
	ReturnBy    Date             `json:"return_by"`
	CoViewDue   Date             `json:"co_view_due"`
	AnswerDue   Date             `json:"answer_due"`
	Extension   string           `json:"extension,omitempty"` // the recorded explanation for 6 months
	Round       int              `json:"round"`
	Answers     []Answer         `json:"answers"`
	Views       []CoView         `json:"views"`
	Rating      Rating           `json:"rating"` // the round's verdict once given (see Verdict)
	Note        string           `json:"note,omitempty"`
	MergedInto  int64            `json:"merged_into,omitempty"`
	CreatedBy   string           `json:"created_by"`
	CreatedAt   time.Time        `json:"created_at"`
	Version     int              `json:"version"`
	// Derived for a day by Derive.
	Overdue bool `json:"overdue"`
	// Where it lies in the organisation tree (not shown).
	LeadPath string   `json:"-"`
	CoPaths  []string `json:"-"`
}

// Validate checks a new suggestion.
func (s *Suggestion) Validate(today Date) error {
	var err error
	if s.Title, err = clean("title", s.Title); err != nil {
		return err
	}
	if s.Body, err = clean("body", s.Body); err != nil {
		return err
	}
	switch {
	case !s.Kind.Valid():
		return FieldError("kind", "must be suggestion or proposal")
	case s.Title == "":
		return FieldError("title", "is required")
	case s.Body == "":
		return FieldError("body", "is required: what the deputies propose and why")
	case len(s.Signers) == 0:
		return FieldError("deputies", s.Say("at least one deputy signs a suggestion"))
	case s.SubmittedOn.IsZero() || s.SubmittedOn.MonthOnly():
		return FieldError("submitted_on", "is required (YYYY-MM-DD)")
	case today.Before(s.SubmittedOn):
		return FieldError("submitted_on", "%s is in the future (today is %s)", s.SubmittedOn.String(), today.String())
	}
	seen := map[string]bool{}
	for _, g := range s.Signers {
		if seen[g.Card] {
			return FieldError("deputies", "%s signs only once", g.Card)
		}
		seen[g.Card] = true
	}
	return nil
}

// Assign gives a submitted (or sent-back) suggestion to a lead unit and
// co-units on a day, setting its deadlines on the calendar.
func (s *Suggestion) Assign(cal Calendar, lead OrgRef, leadPath string, cos []OrgRef, coPaths []string, on, today Date) error {
	switch {
	case s.Status != SugSubmitted && s.Status != SugSentBack:
		return Errorf(EValidation, s.Say("a suggestion that is %s cannot be assigned"), s.StatusLabel())
	case on.IsZero() || on.MonthOnly():
		return FieldError("assigned_on", "is required (YYYY-MM-DD)")
	case on.Before(s.SubmittedOn):
		return FieldError("assigned_on", s.Say("%s is before the suggestion was submitted (%s)"), on.String(), s.SubmittedOn.String())
	case today.Before(on):
		return FieldError("assigned_on", "%s is in the future (today is %s)", on.String(), today.String())
	}
	for _, c := range cos {
		if c.ID == lead.ID {
			return FieldError("co_orgs", "%s is already the lead unit", c.Name)
		}
	}
	l := lead
	s.LeadOrg, s.LeadPath, s.CoOrgs, s.CoPaths = &l, leadPath, cos, coPaths
	s.AssignedOn = on
	dl := SuggestionDeadlines(cal, on)
	s.ReturnBy, s.CoViewDue, s.AnswerDue = dl.ReturnBy, dl.CoViewDue, dl.AnswerDue
	s.Extension, s.Round, s.Status = "", 1, SugHandling
	return nil
}

// SendBack returns the suggestion as not the unit's own, with a reason,
// within 7 working days of assignment. The lead unit's return goes back
// to the office; a co-unit's return only takes it off the co-units.
func (s *Suggestion) SendBack(orgID int64, reason string, today Date) error {
	reason, err := clean("reason", reason)
	switch {
	case err != nil:
		return err
	case s.Status != SugHandling || s.Round != 1:
		return Errorf(EValidation, s.Say("only a newly assigned suggestion can be sent back"))
	case reason == "":
		return FieldError("reason", "is required: say why the unit is not responsible")
	case s.ReturnBy.Before(today):
		return Errorf(EValidation, "the time to send it back ended on %s (7 working days after assignment on %s); the unit must handle it", s.ReturnBy.String(), s.AssignedOn.String())
	}
	if s.LeadOrg != nil && s.LeadOrg.ID == orgID {
		s.Status, s.LeadOrg, s.LeadPath, s.CoOrgs, s.CoPaths, s.Note = SugSentBack, nil, "", []OrgRef{}, nil, reason
		s.ReturnBy, s.CoViewDue, s.AnswerDue = Date{}, Date{}, Date{}
		return nil
	}
	for i, c := range s.CoOrgs {
		if c.ID == orgID {
			s.CoOrgs = append(append([]OrgRef{}, s.CoOrgs[:i]...), s.CoOrgs[i+1:]...)
			s.CoPaths = append(append([]string{}, s.CoPaths[:i]...), s.CoPaths[i+1:]...)
			s.Note = reason
			return nil
		}
	}
	return ErrForbidden()
}

// Extend moves the answer to 6 months after assignment, with the recorded
// explanation, once, in the first round and before the 3 months have run out.
func (s *Suggestion) Extend(reason string, today Date) error {
	reason, err := clean("reason", reason)
	switch {
	case err != nil:
		return err
	case reason == "":
		return FieldError("reason", "is required: the explanation given to the deputies for needing more time")
	case s.Status != SugHandling || s.Round != 1:
		return Errorf(EValidation, s.Say("only a suggestion in its first handling can be extended"))
	case s.Extension != "":
		return Errorf(EValidation, "the answer is already due %s, 6 months after assignment: the most the rules allow", s.AnswerDue.String())
	case s.AnswerDue.Before(today):
		return Errorf(EValidation, "the explanation must come before the answer falls due (%s)", s.AnswerDue.String())
	}
	s.AnswerDue, s.Extension = SuggestionDeadlines(Calendar{}, s.AssignedOn).ExtendedDue, reason
	return nil
}

// GiveView records a co-unit's view for the lead, late after a month.
func (s *Suggestion) GiveView(org OrgRef, text string, today Date) error {
	text, err := clean("text", text)
	switch {
	case err != nil:
		return err
	case s.Status != SugHandling:
		return Errorf(EValidation, s.Say("a suggestion that is %s takes no co-unit views"), s.StatusLabel())
	case text == "":
		return FieldError("text", "is required: the co-unit's view for the lead unit")
	}
	co := false
	for _, c := range s.CoOrgs {
		co = co || c.ID == org.ID
	}
	if !co {
		return ErrForbidden()
	}
	s.Views = append(s.Views, CoView{Org: org, Text: text, Given: today, Late: s.CoViewDue.Before(today)})
	return nil
}

// Reply is the lead unit's answer of the round, with its class; the
// signers' ratings start afresh.
func (s *Suggestion) Reply(class AnswerClass, text, by string, today Date) (Answer, error) {
	text, err := clean("text", text)
	switch {
	case err != nil:
		return Answer{}, err
	case s.Status != SugHandling:
		return Answer{}, Errorf(EValidation, s.Say("a suggestion that is %s cannot be answered"), s.StatusLabel())
	case !class.Valid():
		return Answer{}, FieldError("class", "%q is not an answer class (A, B, C, D)", string(class))
	case text == "":
		return Answer{}, FieldError("text", "is required: the answer to the deputies")
	}
	a := Answer{Round: s.Round, Class: class, Text: text, On: today, Due: s.AnswerDue, OnTime: !s.AnswerDue.Before(today), By: by}
	s.Answers = append(s.Answers, a)
	s.Status, s.Rating = SugAnswered, ""
	for i := range s.Signers {
		s.Signers[i].Rating, s.Signers[i].RatedOn = "", Date{}
	}
	return a, nil
}

// Rate records one signer's rating of the answer. Unsatisfied sends it
// back for handling again, answered within a month of the rating; when
// every signer has rated and none is unsatisfied it is closed.
func (s *Suggestion) Rate(deputyID int64, r Rating, today Date) error {
	switch {
	case !r.Valid():
		return FieldError("rating", "%q is not a rating (satisfied, basically, unsatisfied)", string(r))
	case s.Status != SugAnswered:
		return Errorf(EValidation, s.Say("only an answered suggestion is rated; this one is %s"), s.StatusLabel())
	}
	idx := -1
	for i, g := range s.Signers {
		if g.DeputyID == deputyID {
			idx = i
		}
	}
	if idx < 0 {
		return Errorf(EForbidden, s.Say("only the deputies who signed the suggestion rate its answer"))
	}
	if s.Signers[idx].Rating != "" {
		return Errorf(EConflict, "you have already rated this answer (%s)", s.Signers[idx].Rating.Label())
	}
	s.Signers[idx].Rating, s.Signers[idx].RatedOn = r, today
	s.Rating = s.Verdict()
	switch {
	case r == Unsatisfied:
		s.Status, s.Round = SugHandling, s.Round+1
		s.AnswerDue = AddMonths(today, AgainMonths)
	case s.Rating != "":
		s.Status = SugClosed
	}
	return nil
}

// Verdict is the round's rating: unsatisfied as soon as one signer is;
// otherwise, once all have rated, basically when one is, else satisfied;
// "" while ratings are awaited.
func (s *Suggestion) Verdict() Rating {
	all, basic := true, false
	for _, g := range s.Signers {
		switch g.Rating {
		case Unsatisfied:
			return Unsatisfied
		case Basically:
			basic = true
		case "":
			all = false
		}
	}
	switch {
	case !all:
		return ""
	case basic:
		return Basically
	}
	return Satisfied
}

// Decline refuses to take it up (不立案), with a reason.
func (s *Suggestion) Decline(reason string) error {
	reason, err := clean("reason", reason)
	switch {
	case err != nil:
		return err
	case s.Status != SugSubmitted && s.Status != SugSentBack:
		return Errorf(EValidation, s.Say("a suggestion that is %s cannot be declined"), s.StatusLabel())
	case reason == "":
		return FieldError("reason", "is required: say why it is not taken up")
	}
	s.Status, s.Note = SugDeclined, reason
	return nil
}

// MergeInto handles it together with another (并案).
func (s *Suggestion) MergeInto(other *Suggestion) error {
	switch {
	case s.Status != SugSubmitted && s.Status != SugSentBack:
		return Errorf(EValidation, s.Say("a suggestion that is %s cannot be merged"), s.StatusLabel())
	case other.ID == s.ID:
		return FieldError("into", s.Say("a suggestion cannot be merged into itself"))
	case other.Kind != s.Kind:
		return FieldError("into", s.Say("a suggestion is merged only with one of its kind"))
	case other.Status == SugMerged || other.Status == SugDeclined:
		return FieldError("into", "number %d is %s", other.ID, other.StatusLabel())
	}
	s.Status, s.MergedInto = SugMerged, other.ID
	return nil
}

// Derive fills what depends on the day: overdue while the answer is owed
// past its due date.
func (s *Suggestion) Derive(today Date) {
	s.Overdue = s.Status == SugHandling && !s.AnswerDue.IsZero() && s.AnswerDue.Before(today)
}

// Scope is where the suggestion may be seen from: its lead and co-units.
func (s *Suggestion) Scope() Scope {
	paths := []string{}
	if s.LeadPath != "" {
		paths = append(paths, s.LeadPath)
	}
	return Scope{Paths: append(paths, s.CoPaths...)}
}

// IsLead reports an actor answering for the lead unit.
func (s *Suggestion) IsLead(a Actor) bool {
	return a.Role.AtLeast(RoleOrgAdmin) && !a.Role.CityWide() && s.LeadPath != "" && a.holds(s.LeadPath)
}

// CoOrgOf is the co-unit the actor answers for, if any.
func (s *Suggestion) CoOrgOf(a Actor) (OrgRef, bool) {
	if !a.Role.AtLeast(RoleOrgAdmin) || a.Role.CityWide() {
		return OrgRef{}, false
	}
	for i, p := range s.CoPaths {
		if a.holds(p) {
			return s.CoOrgs[i], true
		}
	}
	return OrgRef{}, false
}

// SignerOf is the index of the signer linked to a user, or -1.
func (s *Suggestion) SignerOf(userID int64) int {
	for i, g := range s.Signers {
		if userID != 0 && g.UserID == userID {
			return i
		}
	}
	return -1
}

// SuggestionFilter selects suggestions for a list.
type SuggestionFilter struct {
	Kind      SuggestionKind
	Status    SuggestionStatus
	OrgPath   string // lead or co-unit at or below
	Scope     string // an organisation's reach: assigned to it (lead or co)
	SignerUID int64  // a deputy's own
	ProjectID int64
	Year      int // submitted in the year
	Overdue   bool
	Public    bool // not classified
	Today     Date
}

// RoundRating is one signer's rating of one round's answer, kept for the history.
type RoundRating struct {
	Round  int    `json:"round"`
	Card   string `json:"card"`
	Name   string `json:"name"`
	Rating Rating `json:"rating"`
	On     Date   `json:"rated_on"`
}

// The text rules of suggestions and stations: a suggestion's body runs to
// several paragraphs (an answer's text is "text", 2,000 characters).
func init() {
	TextRules["body"] = TextRule{Max: 5000, Multiline: true}
	TextRules["visitor"] = TextRule{Max: 100}
	TextRules["address"] = TextRule{Max: 200}
}

// StatusLabel is the status in the kind's own words (the catalog's key):
// a proposal is filed (立案) or not filed (不立案), merged (并案), and its
// main unit sends a handling reply (办理复文) the proposers give a view on.
func (s *Suggestion) StatusLabel() string { return s.Kind.StatusLabel(s.Status) }

// StatusLabel is a status in the kind's words.
func (k SuggestionKind) StatusLabel(st SuggestionStatus) string {
	if k != KindProposal {
		return st.Label()
	}
	switch st {
	case SugSubmitted:
		return "Awaiting filing"
	case SugSentBack:
		return "Sent back by the main unit"
	case SugAnswered:
		return "Reply sent, awaiting the proposers' view"
	case SugDeclined:
		return "Not filed"
	case SugMerged:
		return "Merged with another proposal"
	}
	return st.Label()
}

// HistoryKey is the catalog key of a history action in the kind's words.
func (k SuggestionKind) HistoryKey(action string) string {
	if k == KindProposal {
		switch action {
		case "submit", "assign", "send_back", "co_view", "answer", "rate", "decline", "merge", "extend":
			return "history:proposal:" + action
		}
	}
	return "history:" + action
}

// Say is a message's format in the kind's words: a proposal's refusals
// speak of filing, handling replies and proposers (the catalog holds both).
func (s *Suggestion) Say(format string) string {
	if s.Kind == KindProposal {
		if p, ok := proposalSays[format]; ok {
			return p
		}
	}
	return format
}

var proposalSays = map[string]string{
	"a suggestion that is %s cannot be assigned":                  "a proposal that is %s cannot be filed and assigned",
	"%s is before the suggestion was submitted (%s)":              "%s is before the proposal was submitted (%s)",
	"only a newly assigned suggestion can be sent back":           "only a newly filed proposal can be sent back",
	"only a suggestion in its first handling can be extended":     "only a proposal in its first handling can have its reply extended",
	"a suggestion that is %s takes no co-unit views":              "a proposal that is %s takes no joint units' views",
	"a suggestion that is %s cannot be answered":                  "a proposal that is %s cannot be given a handling reply",
	"only an answered suggestion is rated; this one is %s":        "only a proposal with a handling reply takes the proposers' view; this one is %s",
	"only the deputies who signed the suggestion rate its answer": "only the proposers give their view of the handling reply",
	"a suggestion that is %s cannot be declined":                  "a proposal that is %s cannot be marked not filed",
	"a suggestion that is %s cannot be merged":                    "a proposal that is %s cannot be merged",
	"a suggestion cannot be merged into itself":                   "a proposal cannot be merged into itself",
	"a suggestion is merged only with one of its kind":            "a proposal is merged only with another proposal",
	"at least one deputy signs a suggestion":                      "at least one member puts a proposal forward",
	"only the lead unit the suggestion is assigned to answers it": "only the main unit the proposal is assigned to sends its handling reply",
	"only a unit the suggestion is assigned to may do this":       "only a unit the proposal is assigned to may do this",
	"the lead unit answers; views come from the co-units":         "the main unit sends the handling reply; views come from the joint units",
	"only the lead unit explains an extension":                    "only the main unit explains an extended reply",
}
