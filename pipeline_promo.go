package qianxiang

import (
	"regexp"
	"time"
)

// Promotion to private capital (推介): a reserve project the office
// publishes for investors, with what it offers and whom to call. Only an
// office landline is published, never a person's mobile number.

// Cooperation is the mode offered to private capital.
type Cooperation string

const (
	CoopPPP        Cooperation = "ppp"        // 政府和社会资本合作 (PPP)
	CoopConcession Cooperation = "concession" // 特许经营
	CoopEquity     Cooperation = "equity"     // 股权合作
	CoopJoint      Cooperation = "joint"      // 合资合作
	CoopSole       Cooperation = "sole"       // 独资建设
)

// Cooperations in the order they are offered.
var Cooperations = []Cooperation{CoopPPP, CoopConcession, CoopEquity, CoopJoint, CoopSole}

var cooperationChinese = map[Cooperation]string{
	CoopPPP: "政府和社会资本合作（PPP）", CoopConcession: "特许经营", CoopEquity: "股权合作", CoopJoint: "合资合作", CoopSole: "独资建设",
}

// Valid reports a known mode.
func (c Cooperation) Valid() bool { _, ok := cooperationChinese[c]; return ok }

// Chinese names the mode.
func (c Cooperation) Chinese() string { return cooperationChinese[c] }

// Label is the English name, the catalog's key for the Chinese one.
func (c Cooperation) Label() string {
	return map[Cooperation]string{CoopPPP: "Public-private partnership (PPP)", CoopConcession: "Concession", CoopEquity: "Equity partnership",
		CoopJoint: "Joint venture", CoopSole: "Sole investment"}[c]
}

// Promotion is a project's publication for private capital.
type Promotion struct {
	ProjectID   int64       `json:"project_id"`
	Published   bool        `json:"published"`
	Investment  Money       `json:"investment"` // private capital sought, 万元
	ReturnModel string      `json:"return_model"`
	Cooperation Cooperation `json:"cooperation"`
	Contact     string      `json:"contact"`      // the office or unit to contact
	OfficePhone string      `json:"office_phone"` // a landline, published
	Summary     string      `json:"summary"`
	PublishedAt time.Time   `json:"published_at,omitzero"`
	Version     int         `json:"version"`
}

var (
	// A landline with its area code (0358-8881234, 0358 8881234-801) or a
	// 400/800 service number.
	officePhone = regexp.MustCompile(`^(0\d{2,3}[- ]?\d{7,8}([- ]\d{1,6})?|[48]00[- ]?\d{3}[- ]?\d{4})$`)
	// A mainland mobile number anywhere in a text.
	mobileInText = regexp.MustCompile(`(^|\D)1[3-9]\d{9}(\D|$)`)
	// Markup (a tag, a comment, a script address) is news.go's markup.
)

// Validate checks a publication of project p. Texts follow the text rules;
// none may carry markup or a mobile number.
func (m *Promotion) Validate(p Project) error {
	if p.Confidential {
		return Errorf(EValidation, "a confidential project cannot be promoted to the public")
	}
	var err error
	for _, f := range []struct {
		name string
		v    *string
	}{{"return_model", &m.ReturnModel}, {"contact", &m.Contact}, {"office_phone", &m.OfficePhone}, {"summary", &m.Summary}} {
		if *f.v, err = publicText(f.name, *f.v); err != nil {
			return err
		}
	}
	if !m.Published {
		return nil
	}
	switch {
	case m.Investment <= 0:
		return InArea("promotion", FieldError("investment", "is required: the private capital sought, in 10k yuan"))
	case m.Investment > p.TotalInvestment:
		return InArea("promotion", FieldError("investment", "%s is more than the project's total investment %s", m.Investment, p.TotalInvestment))
	case !m.Cooperation.Valid():
		return FieldError("cooperation", "%q is not a cooperation mode (ppp, concession, equity, joint, sole)", string(m.Cooperation))
	case m.ReturnModel == "":
		return FieldError("return_model", "is required: say how the investor is paid back")
	case m.Contact == "":
		return FieldError("contact", "is required: the office or unit investors contact")
	case !officePhone.MatchString(m.OfficePhone):
		return FieldError("office_phone", "must be an office landline with its area code (e.g. 0358-8881234); personal mobile numbers are not published")
	}
	return nil
}

// publicText cleans a text that will be published or came from the public:
// the field's text rule, no markup and no mobile number.
func publicText(field, s string) (string, error) {
	s, err := clean(field, s)
	switch {
	case err != nil:
		return s, err
	case markup.MatchString(s):
		return s, FieldError(field, "must be plain text, without markup or script")
	case field != "phone" && mobileInText.MatchString(s):
		return s, FieldError(field, "must not contain a mobile phone number")
	}
	return s, nil
}

// PublicPromotion is what the public sees of a promoted project.
type PublicPromotion struct {
	ID              int64       `json:"id"` // the project's id
	Name            string      `json:"name"`
	County          OrgRef      `json:"county"`
	Sector          string      `json:"sector"`
	Scope           string      `json:"scope"`
	Stage           Stage       `json:"stage"`
	TotalInvestment Money       `json:"total_investment"`
	Investment      Money       `json:"investment"`
	ReturnModel     string      `json:"return_model"`
	Cooperation     Cooperation `json:"cooperation"`
	CooperationName string      `json:"cooperation_name"`
	Contact         string      `json:"contact"`
	OfficePhone     string      `json:"office_phone"`
	Summary         string      `json:"summary"`
	PublishedOn     Date        `json:"published_on"`
}

// PublicPromotionOf gives the public form of a published promotion; ok is
// false for a confidential project or one not published. The publication
// day is read in the city's zone loc.
func PublicPromotionOf(p Project, m Promotion, county OrgRef, loc *time.Location) (PublicPromotion, bool) {
	if p.Confidential || !m.Published {
		return PublicPromotion{}, false
	}
	return PublicPromotion{ID: p.ID, Name: p.Name, County: county, Sector: p.Sector, Scope: p.Scope, Stage: p.Stage,
		TotalInvestment: p.TotalInvestment, Investment: m.Investment, ReturnModel: m.ReturnModel, Cooperation: m.Cooperation,
		CooperationName: m.Cooperation.Chinese(), Contact: m.Contact, OfficePhone: m.OfficePhone, Summary: m.Summary,
		PublishedOn: DateOf(m.PublishedAt.In(loc))}, true
}

// Interest is an investor's expression of interest in a promoted project.
// It names a person and their phone, so it is never public.
type Interest struct {
	ID         int64      `json:"id"`
	Project    ProjectRef `json:"project"`
	Company    string     `json:"company"`
	Person     string     `json:"person"`
	Phone      string     `json:"phone"`
	Intent     string     `json:"intent"`
	Source     string     `json:"source"` // public (the form on /public) or office
	RecordedBy string     `json:"recorded_by"`
	CreatedAt  time.Time  `json:"created_at"`
}

var phoneShape = regexp.MustCompile(`^\+?[0-9][0-9 \-]{5,23}$`)

// Validate checks an expression of interest: company, person, a phone
// number and the intent, all plain text.
func (i *Interest) Validate() error {
	var err error
	for _, f := range []struct {
		name string
		v    *string
	}{{"company", &i.Company}, {"person", &i.Person}, {"phone", &i.Phone}, {"intent", &i.Intent}} {
		if *f.v, err = publicText(f.name, *f.v); err != nil {
			return err
		}
	}
	switch {
	case i.Company == "":
		return FieldError("company", "is required")
	case i.Person == "":
		return FieldError("person", "is required")
	case !phoneShape.MatchString(i.Phone):
		return FieldError("phone", "must be a phone number (digits, spaces and -)")
	case i.Intent == "":
		return FieldError("intent", "is required: say what the company intends")
	}
	return nil
}

// The pipeline's text fields join the one table of text rules.
func init() {
	for k, r := range map[string]TextRule{
		"return_model": {500, true}, "office_phone": {40, false}, "summary": {2000, true}, "agency": {200, false},
		"company": {200, false}, "person": {50, false}, "intent": {1000, true},
	} {
		TextRules[k] = r
	}
}
