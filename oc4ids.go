package qianxiang

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// OC4IDSVersion is the OC4IDS project-package version the export follows.
const OC4IDSVersion = "0.9"

// OC4IDSPublisher says who publishes the package and under which id prefix
// (a registered OC4IDS prefix) the projects are identified.
type OC4IDSPublisher struct {
	Name     string
	Prefix   string // e.g. "oc4ids-xxxxxx-"
	URI      string // the package's own URI
	CityCode string // administrative code used when a project has no county
}

// OC4IDSPackage is the project package (project-package-schema.json).
type OC4IDSPackage struct {
	URI           string          `json:"uri"`
	PublishedDate string          `json:"publishedDate"`
	Version       string          `json:"version"`
	Publisher     oc4Name         `json:"publisher"`
	Projects      []OC4IDSProject `json:"projects"`
}

type oc4Name struct {
	Name string `json:"name"`
}

// OC4IDSProject is the subset of project-schema.json the platform fills.
type OC4IDSProject struct {
	ID              string     `json:"id"`
	Title           string     `json:"title"`
	Description     string     `json:"description,omitempty"`
	Status          string     `json:"status"`
	Budget          *oc4Budget `json:"budget,omitempty"`
	Period          *oc4Period `json:"period,omitempty"`
	PublicAuthority *oc4Ref    `json:"publicAuthority,omitempty"`
	Parties         []oc4Party `json:"parties,omitempty"`
	Locations       []oc4Place `json:"locations,omitempty"`
}

type oc4Budget struct {
	Amount oc4Value `json:"amount"`
}

// oc4Value holds yuan as an exact integer: the schema wants a number, and
// json.Number keeps it out of float64.
type oc4Value struct {
	Amount   json.Number `json:"amount"`
	Currency string      `json:"currency"`
}

type oc4Period struct {
	StartDate string `json:"startDate,omitempty"`
	EndDate   string `json:"endDate,omitempty"`
}

type oc4Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type oc4Party struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

type oc4Place struct {
	ID          string       `json:"id"`
	Description string       `json:"description,omitempty"`
	Gazetteer   oc4Gazetteer `json:"gazetteer"`
}

type oc4Gazetteer struct {
	Scheme      string   `json:"scheme"`
	Identifiers []string `json:"identifiers"`
}

// OC4IDSStatus maps a stage to the projectStatus codelist.
func OC4IDSStatus(s Stage) string {
	switch s {
	case StageIdea, StageReserve:
		return "identification"
	case StagePreparing:
		return "preparation"
	case StageConstruction:
		return "implementation"
	case StageCompleted, StageOperating:
		return "completion"
	}
	return "identification"
}

// Yuan is the amount in whole yuan, exact: Money is hundredths of 万元,
// so one hundredth is 100 yuan.
func (m Money) Yuan() int64 { return int64(m) * 100 }

// ToOC4IDS maps the public projects to a package. Confidential projects
// are dropped here as well as in the query, so no caller can leak one.
// county gives the administrative code and name of a project's county.
func ToOC4IDS(pub OC4IDSPublisher, published time.Time, projects []Project, county func(Project) (code, name string)) OC4IDSPackage {
	pkg := OC4IDSPackage{URI: pub.URI, PublishedDate: published.Format(time.RFC3339), Version: OC4IDSVersion,
		Publisher: oc4Name{pub.Name}, Projects: []OC4IDSProject{}}
	for _, p := range projects {
		if p.Confidential {
			continue
		}
		id := p.Code
		if id == "" {
			id = strconv.FormatInt(p.ID, 10)
		}
		o := OC4IDSProject{ID: pub.Prefix + id, Title: p.Name, Description: p.Scope, Status: OC4IDSStatus(p.Stage)}
		o.Budget = &oc4Budget{oc4Value{json.Number(strconv.FormatInt(p.TotalInvestment.Yuan(), 10)), "CNY"}}
		if !p.PlannedStart.IsZero() || !p.PlannedEnd.IsZero() {
			o.Period = &oc4Period{StartDate: oc4Date(p.PlannedStart, false), EndDate: oc4Date(p.PlannedEnd, true)}
		}
		owner := p.Owner
		if owner == "" {
			owner = p.Org.Name
		}
		ownerID := "owner-" + id
		o.PublicAuthority = &oc4Ref{ID: ownerID, Name: owner}
		o.Parties = []oc4Party{{ID: ownerID, Name: owner, Roles: []string{"publicAuthority"}}}
		if p.LeadOrg.ID != 0 {
			o.Parties = append(o.Parties, oc4Party{ID: "org-" + p.LeadOrg.Code, Name: p.LeadOrg.Name, Roles: []string{"administrativeEntity"}})
		}
		code, name := pub.CityCode, ""
		if county != nil {
			if c, n := county(p); c != "" {
				code, name = c, n
			}
		}
		if code != "" {
			o.Locations = []oc4Place{{ID: "1", Description: name, Gazetteer: oc4Gazetteer{Scheme: "CN-GB2260", Identifiers: []string{code}}}}
		}
		pkg.Projects = append(pkg.Projects, o)
	}
	return pkg
}

// oc4Date writes a date as the schema's date-time (China time); a date
// known only to the month starts on its first or ends on its last day.
func oc4Date(d Date, end bool) string {
	if d.IsZero() {
		return ""
	}
	day := d.Day
	if day == 0 {
		day = 1
		if end {
			day = time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		}
	}
	return fmt.Sprintf("%04d-%02d-%02dT00:00:00+08:00", d.Year, d.Month, day)
}
