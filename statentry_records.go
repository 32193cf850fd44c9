package qianxiang

import "time"

// StatFile is a document kept for a project's statistics entry: a voucher
// of one kind, or a photo of an on-site verification. The bytes live once
// in blobs, keyed by their SHA-256, as report photos do.
type StatFile struct {
	ID             int64       `json:"id"`
	ProjectID      int64       `json:"project_id"`
	Kind           VoucherKind `json:"kind"`                      // "" for a verification photo
	VerificationID int64       `json:"verification_id,omitempty"` // 0 for a voucher
	SHA256         string      `json:"sha256"`
	MIME           string      `json:"mime"`
	Size           int         `json:"size"`
	Name           string      `json:"name"`
	UploadedBy     string      `json:"uploaded_by"`
	CreatedAt      time.Time   `json:"created_at"`
}

// Verification is an on-site check (实地核查) of a project: when, who went,
// what they found, with photos.
type Verification struct {
	ID        int64      `json:"id"`
	ProjectID int64      `json:"project_id"`
	VisitedOn Date       `json:"visited_on"`
	People    string     `json:"people"`
	Findings  string     `json:"findings"`
	CreatedBy string     `json:"created_by"`
	CreatedAt time.Time  `json:"created_at"`
	Photos    []StatFile `json:"photos"`
}

// Validate checks a verification record on the day it is written: a day
// not in the future, who went, and what they found. Its fields are named
// as a verification's (核查日期, 核查人员): a station visit has the same
// field names with other meanings.
func (v *Verification) Validate(today Date) error {
	return InArea("verification", v.validate(today))
}

func (v *Verification) validate(today Date) error {
	var err error
	if v.People, err = clean("people", v.People); err != nil {
		return err
	}
	if v.Findings, err = clean("findings", v.Findings); err != nil {
		return err
	}
	switch {
	case v.VisitedOn.IsZero() || v.VisitedOn.MonthOnly():
		return FieldError("visited_on", "is required (YYYY-MM-DD)")
	case today.Before(v.VisitedOn):
		return FieldError("visited_on", "%s is in the future (today is %s)", v.VisitedOn.String(), today.String())
	case v.People == "":
		return FieldError("people", "is required: name who went")
	case v.Findings == "":
		return FieldError("findings", "is required: say what was found")
	}
	return nil
}

// MayVerify is who records an on-site check: the statistics bureau, and
// the project's county or department (org_admin and up). Scope is asked
// before this.
func MayVerify(a Actor) bool {
	return a.System || a.Can(ActAcceptEntry, Scope{}) || a.Role.AtLeast(RoleOrgAdmin)
}

// MayUploadVoucher is who files vouchers: the project's unit and every role
// above it on the write chain, and the statistics bureau.
func MayUploadVoucher(a Actor) bool {
	return a.System || a.Role.AtLeast(RoleReporter) || a.Can(ActAcceptEntry, Scope{})
}

// VoucherRemovable says whether a voucher of kind may be taken off the
// checklist while the entry is in status s: not while the county or the
// bureau is looking at the entry (submitted, reviewed), and a required one
// not once the entry is accepted (the statistics rest on it).
func VoucherRemovable(kind VoucherKind, s EntryStatus) error {
	switch {
	case s == EntrySubmitted || s == EntryReviewed:
		return Errorf(EValidation, "the entry is under review: its vouchers can change once it is returned")
	case s == EntryAccepted && kind.Required():
		return Errorf(EValidation, "the entry was accepted on this voucher: it stays on file")
	}
	return nil
}
