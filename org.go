package qianxiang

import "strings"

// OrgKind says what an organisation is.
type OrgKind string

const (
	OrgCity       OrgKind = "city"
	OrgCounty     OrgKind = "county"
	OrgDepartment OrgKind = "department"
	OrgUnit       OrgKind = "unit" // a project unit under a county or department
)

// Valid reports a known kind.
func (k OrgKind) Valid() bool {
	switch k {
	case OrgCity, OrgCounty, OrgDepartment, OrgUnit:
		return true
	}
	return false
}

// Org is one node of the organisation tree. Path is the materialised chain
// of ids ("/1/4/") so that "this org and those below it" is a prefix test.
type Org struct {
	ID       int64   `json:"id"`
	Code     string  `json:"code"`
	Name     string  `json:"name"`
	Kind     OrgKind `json:"kind"`
	ParentID int64   `json:"parent_id,omitempty"`
	Path     string  `json:"-"`
	Version  int     `json:"version"`
}

// OrgRef is how an organisation appears inside other records.
type OrgRef struct {
	ID   int64  `json:"-"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// Ref gives the org as a reference.
func (o Org) Ref() OrgRef { return OrgRef{ID: o.ID, Code: o.Code, Name: o.Name} }

// Contains reports whether other is o or lies below it.
func (o Org) Contains(otherPath string) bool {
	return o.Path != "" && strings.HasPrefix(otherPath, o.Path)
}

// ShortName drops the administrative suffix, so 离石区 matches 离石 as
// import lists write it.
func ShortName(name string) string {
	for _, suf := range []string{"自治县", "县", "区", "市"} {
		if r := []rune(name); len(r) > 2 && strings.HasSuffix(name, suf) {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}
