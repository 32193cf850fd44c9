package web

import (
	"fmt"
	"strings"

	"qianxiang/internal/i18n"
)

// tableWords name the audited tables as the people who read the audit
// trail know them; a table name is a developer's word.
var tableWords = map[string]string{
	"projects": "Projects", "reports": "Monthly report", "orgs": "Organisation", "users": "Users",
	"settings": "Settings", "problems": "Problems", "photos": "Photos", "tokens": "Access tokens",
	"api_tokens": "Access tokens", "sessions": "Login sessions", "approvals": "Approval procedures",
	"assessment_weights": "Assessment weights", "audit_log": "Audit trail", "audit_keys": "Audit keys",
	"bank_matches": "Bank matches", "batch_start_projects": "Batch start projects", "batch_starts": "Batch starts",
	"class_entries": "Class entries", "class_lists": "Class lists", "congress_attendance": "Congress attendance",
	"congress_body_members": "Congress body members", "congress_deputies": "Congress deputies",
	"congress_followups": "Congress follow-ups", "congress_meetings": "Congress meetings",
	"congress_motion_reports": "Congress motion reports", "congress_motions": "Congress motions",
	"congress_resolutions": "Congress resolutions", "congress_votes": "Congress votes", "congresses": "Congresses",
	"funding_needs": "Funding needs", "land_needs": "Land needs", "lead_moves": "Lead moves", "leads": "Investment leads",
	"news": "News items", "orders": "Supervision orders", "project_places": "Project locations",
	"pipeline_checks": "Pipeline checks", "pipeline_reserves": "Reserve projects", "problem_instructions": "Problem instructions",
	"project_classes": "Project classes", "promotion_interests": "Promotion interests", "promotions": "Promotions",
	"stat_entries": "Statistics entries", "stat_entry_steps": "Statistics entry steps", "stat_files": "Statistics files",
	"stat_verifications": "Statistics checks", "station_problems": "Station problems", "station_visits": "Station visits", "station_receptions": "Station reception days",
	"stations": "Liaison stations", "suggestions": "Deputy suggestions", "targets": "Targets", "task_lists": "Task lists",
	"task_progress": "Task progress", "tasks": "Key tasks", "work_calendars": "Work calendars",
	"webhook_config": "Webhook settings", "city_maps": "City maps",
}

// TableName is an audited table in the reader's language (an unknown one
// as it is, so nothing is hidden).
func (p *Page) TableName(table string) string {
	if w, ok := tableWords[table]; ok {
		return i18n.T(p.Lang, w)
	}
	return fmt.Sprint(table)
}

// AuditWord is an audit entry's action or changed field in the reader's
// language: the catalog's Chinese, or in English the code word with
// spaces ("undo_check_in" → "undo check in"), which the English catalog
// does not hold.
func (p *Page) AuditWord(w string) string {
	if t := p.Term(w); t != w {
		return t
	}
	return strings.ReplaceAll(w, "_", " ")
}
