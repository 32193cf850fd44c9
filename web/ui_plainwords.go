package web

import (
	"fmt"

	"qianxiang/internal/i18n"
)

// tableWords name the audited tables as the people who read the audit
// trail know them; a table name is a developer's word.
var tableWords = map[string]string{
	"projects": "Projects", "reports": "Monthly report", "orgs": "Organisation", "users": "Users",
	"settings": "Settings", "problems": "Problems", "photos": "Photos", "tokens": "API tokens",
}

// TableName is an audited table in the reader's language (an unknown one
// as it is, so nothing is hidden).
func (p *Page) TableName(table string) string {
	if w, ok := tableWords[table]; ok {
		return i18n.T(p.Lang, w)
	}
	return fmt.Sprint(table)
}
