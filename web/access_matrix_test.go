package web_test

import (
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
)

// rule is what the contract lets each role do on one route. Roles are
// letters: A admin, C command, L leader, S supervisor, O org_admin,
// R reporter, V viewer, K congress_staff, D deputy.
type rule struct {
	public bool   // no login needed (never 401/403 to anyone)
	login  bool   // a public login form: 401 is its answer to wrong credentials
	roles  string // the roles the route lets in
	scoped bool   // names a record of 离石区: users outside it get 404
	some   bool   // a role let in may still get 404: the record belongs to an organisation not every holder of the role sees
	either bool   // roles not let in get 403 or 404 (the record is hidden from some of them)
	hidden bool   // a congress route: roles that do not see the congress (campaign county roles, viewers) get 404, not 403
	nf     bool   // the fixture names no such record: callers let in get 404
	query  string // query string the route needs to answer at all
}

// r builds a rule from the roles let in and its flags.
func r(roles string, flags ...func(*rule)) rule {
	x := rule{roles: roles}
	for _, f := range flags {
		f(&x)
	}
	return x
}

func (x rule) q(query string) rule { x.query = query; return x }

func scoped(x *rule) { x.scoped = true }
func hidden(x *rule) { x.hidden = true }
func either(x *rule) { x.either = true }
func some(x *rule)   { x.some = true }
func nf(x *rule)     { x.nf = true }

const (
	all      = "ACLSORVKD" // every logged-in role (lists are scoped inside)
	campaign = "ACLSORVK"  // every role with a place in the campaign's organisations
)

var (
	public = rule{public: true}
	login  = rule{public: true, login: true}
)

// congressSeers are the roles that know the congress exists.
const congressSeers = "ACLSKD"

var roleLetter = map[qianxiang.Role]byte{
	qianxiang.RoleAdmin: 'A', qianxiang.RoleCommand: 'C', qianxiang.RoleLeader: 'L', qianxiang.RoleSupervisor: 'S',
	qianxiang.RoleOrgAdmin: 'O', qianxiang.RoleReporter: 'R', qianxiang.RoleViewer: 'V',
	qianxiang.RoleCongressStaff: 'K', qianxiang.RoleDeputy: 'D',
}

// accessTable is the expected access of EVERY route of web/routes.go. A
// route without a line here fails TestAccessMatrix: add one line, e.g.
//
//	"GET /api/v1/things/{id}": r(campaign, scoped),
//	"POST /api/v1/things":     r("ACO"),
var accessTable = map[string]rule{
	"GET /static/":                                        public,
	"GET /favicon.ico":                                    public,
	"GET /api/v1/healthz":                                 public,
	"POST /api/v1/session":                                login,
	"GET /api/v1/me":                                      r(all),
	"GET /api/v1/orgs":                                    r(all),
	"GET /api/v1/projects":                                r(all),
	"POST /api/v1/projects":                               r("ACO"),
	"GET /api/v1/projects/{id}":                           r(campaign, scoped),
	"PATCH /api/v1/projects/{id}":                         r("ACO", scoped),
	"GET /api/v1/projects/{id}/history":                   r(campaign, scoped),
	"GET /api/v1/projects/{id}/problems":                  r(campaign, scoped),
	"POST /api/v1/imports/projects":                       r("AC"),
	"GET /api/v1/exports/projects":                        r(all).q("year={year}"),
	"GET /api/v1/projects/{id}/reports":                   r(campaign, scoped),
	"PUT /api/v1/projects/{id}/reports/{month}":           r("ACOR", scoped),
	"POST /api/v1/projects/{id}/reports/{month}/{action}": r("ACOR", scoped),
	"POST /api/v1/projects/{id}/reports/{month}/photos":   r("ACOR", scoped),
	"GET /api/v1/projects/{id}/reports/{month}/photos":    r(campaign, scoped),
	"GET /api/v1/photos/{sha}":                            r(campaign, scoped),
	"POST /api/v1/imports/reports":                        r("AC"),
	"GET /api/v1/reports/grid":                            r(all).q("month={month}"),
	"GET /api/v1/dispatch":                                r(all),
	"GET /api/v1/dispatch/series":                         r(all),
	"GET /api/v1/settings/dispatch":                       r(all),
	"PUT /api/v1/settings/dispatch":                       r("AC"),
	"GET /api/v1/problems":                                r(all),
	"POST /api/v1/problems":                               r("ACLSO"),
	"GET /api/v1/problems/{id}":                           r(campaign, scoped),
	"POST /api/v1/problems/{id}/{step}":                   r("ACO", scoped),
	"POST /api/v1/problems/{id}/extend":                   r("AC", scoped),
	"POST /api/v1/problems/{id}/reassign":                 r("AC", scoped),
	"POST /api/v1/problems/{id}/instructions":             r("L", scoped),
	"POST /api/v1/problems/{id}/instructions/{iid}/ack":   r("O", scoped, nf),
	"GET /api/v1/notifications":                           r(all),
	"POST /api/v1/notifications/read":                     r(all),
	"GET /api/v1/settings/webhook":                        r("AC"),
	"PUT /api/v1/settings/webhook":                        r("AC"),
	"GET /api/v1/users":                                   r("A"),
	"POST /api/v1/users":                                  r("A"),
	"POST /api/v1/users/{id}/reset-password":              r("A"),
	"POST /api/v1/users/{id}/active":                      r("A"),
	"PUT /api/v1/me/password":                             r(all),
	"GET /api/v1/tokens":                                  r(all),
	"POST /api/v1/tokens":                                 r(all),
	"DELETE /api/v1/tokens/{id}":                          r(all, nf),
	"GET /api/v1/audit/verify":                            r("ACS"),
	"GET /api/v1/audit/checkpoint":                        r("ACS"),
	"POST /api/v1/audit/verify":                           r("ACS"),
	"PUT /api/v1/users/{id}/role":                         r("A"),
	"GET /login":                                          public,
	"POST /login":                                         login,
	"GET /account":                                        r(all),
	"POST /account":                                       r(all),
	"GET /{$}":                                            r(all),
	"GET /problems":                                       r(all),
	"GET /problems/export.xlsx":                           r(all),
	"GET /problems/new":                                   r(all, scoped).q("project={project}"),
	"POST /problems/new":                                  r("ACLSO"),
	"GET /problems/{id}":                                  r(campaign, scoped),
	"POST /problems/{id}/{action}":                        r("ACO", scoped),
	"POST /problems/{id}/instructions/{iid}/ack":          r("O", scoped, nf),
	"GET /desk":                                           r("ACLS"),
	"GET /notifications":                                  r(all),
	"POST /notifications/read":                            r(all),
	"GET /settings/webhook":                               r("AC"),
	"POST /settings/webhook":                              r("AC"),
	"GET /cockpit":                                        r(all),
	"GET /dispatch":                                       r(all),
	"GET /dispatch.xlsx":                                  r(all),
	"GET /settings/dispatch":                              r(all),
	"POST /settings/dispatch":                             r("AC"),
	"GET /projects":                                       r(all),
	"GET /projects/{id}":                                  r(campaign, scoped),
	"GET /projects/new":                                   r("ACO"),
	"POST /projects/new":                                  r("ACO"),
	"GET /projects/{id}/edit":                             r("ACO", scoped),
	"POST /projects/{id}/edit":                            r("ACO", scoped),
	"GET /imports":                                        r("AC"),
	"POST /imports":                                       r("AC"),
	"POST /imports/{upload}/confirm":                      r("AC", nf),
	"POST /imports/{upload}/update":                       r("AC", nf),
	"GET /imports/template.xlsx":                          r(all),
	"GET /reports":                                        r(all),
	"POST /reports/import":                                r("AC"),
	"GET /settings":                                       r(all),
	"GET /admin/users":                                    r(all),
	"POST /admin/users":                                   r("A"),
	"POST /admin/users/{id}/reset":                        r("A"),
	"POST /admin/users/{id}/active":                       r("A"),
	"POST /admin/tokens":                                  r(all),
	"POST /admin/tokens/{id}/revoke":                      r(all, nf),
	"GET /admin/audit":                                    r("ACS"),
	"GET /admin/audit/checkpoint":                         r("ACS"),
	"POST /admin/audit/verify":                            r("ACS"),
	"GET /api/v1/projects/{id}/factors":                   r(campaign, scoped),
	"POST /api/v1/projects/{id}/factors/{kind}":           r("ACO", scoped),
	"PUT /api/v1/projects/{id}/factors/{kind}/{fid}":      r("ACO", scoped),
	"GET /api/v1/orders":                                  r(all),
	"POST /api/v1/orders":                                 r("ACS"),
	"GET /api/v1/orders/counts":                           r(all),
	"GET /api/v1/orders/{id}":                             r(campaign, scoped),
	"POST /api/v1/orders/{id}/reply":                      r("O", scoped),
	"POST /api/v1/orders/{id}/accept":                     r("AS", scoped),
	"POST /api/v1/orders/{id}/reject":                     r("AS", scoped),
	"GET /api/v1/exports/orders":                          r(all),
	"GET /api/v1/task-lists":                              r(all),
	"GET /api/v1/tasks":                                   r(all),
	"GET /api/v1/tasks/{id}":                              r(campaign, scoped),
	"PUT /api/v1/tasks/{id}":                              r("AC"),
	"POST /api/v1/tasks/{id}/progress":                    r("O", scoped), // the task's lead and co-organisations only
	"POST /api/v1/imports/tasks":                          r("AC"),
	"GET /api/v1/exports/tasks":                           r(all).q("list={list}"),
	"POST /projects/{id}/factors/{kind}":                  r("ACO", scoped),
	"POST /projects/{id}/factors/{kind}/{fid}":            r("ACO", scoped),
	"POST /projects/{id}/factors/{kind}/{fid}/delete":     r("ACO", scoped, nf),
	"GET /orders":                                         r(all),
	"POST /orders":                                        r("ACS"),
	"GET /orders/{id}":                                    r(campaign, scoped),
	"GET /orders/{id}/print":                              r(campaign, scoped),
	"POST /orders/{id}/{step}":                            r("AS", scoped),
	"GET /tasks":                                          r(all),
	"POST /tasks/import":                                  r("AC"),
	"GET /tasks/{id}":                                     r(campaign, scoped),
	"POST /tasks/{id}/progress":                           r("O", scoped), // the task's lead and co-organisations only
	"/api/":                                               public,
	"/":                                                   public,
	"GET /api/v1/public/progress":                         public,
	"GET /api/v1/public/oc4ids":                           public.q("year={year}"),
	"GET /api/v1/public/projects/{id}":                    public,
	"GET /public":                                         public,
	"GET /api/v1/congresses":                              r("ACLSKD", hidden),
	"GET /api/v1/deputies":                                r("ACLSKD", hidden),
	"POST /api/v1/imports/deputies":                       r("AK"),
	"GET /api/v1/meetings":                                r("ACLSKD", hidden),
	"POST /api/v1/meetings":                               r("AK", hidden),
	"GET /api/v1/meetings/{id}":                           r("ACLSKD", hidden),
	"GET /api/v1/meetings/{id}/roll":                      r("ACLSKD", hidden),
	"POST /api/v1/meetings/{id}/checkins":                 r("AK", hidden),
	"POST /api/v1/meetings/{id}/leave":                    r("AK", hidden),
	"POST /api/v1/meetings/{id}/checkins/undo":            r("AK", hidden),
	"POST /api/v1/meetings/{id}/checkin":                  r("D", hidden),
	"GET /api/v1/meetings/{id}/votes":                     r("ACLSKD", hidden),
	"POST /api/v1/meetings/{id}/votes":                    r("AK", hidden),
	"GET /api/v1/meetings/{id}/events":                    r("ACLSKD", hidden),
	"GET /api/v1/votes/{id}":                              r("ACLSKD", hidden),
	"POST /api/v1/votes/{id}/open":                        r("AK", hidden),
	"POST /api/v1/votes/{id}/close":                       r("AK", hidden),
	"POST /api/v1/votes/{id}/reopen":                      r("AK", hidden),
	"POST /api/v1/votes/{id}/ballot":                      r("D", hidden),
	"GET /api/v1/votes/{id}/events":                       r("ACLSKD", hidden),
	"GET /api/v1/motions":                                 r("ACLSKD", hidden),
	"POST /api/v1/motions":                                r("AKD", hidden, nf), // a deputy: 404 outside the congress whose motion window is open
	"GET /api/v1/motions/{id}":                            r("ACLSKD", hidden),
	"POST /api/v1/motions/{id}/sign":                      r("D", hidden, nf),
	"POST /api/v1/motions/{id}/submit":                    r("AK", hidden), // and the motion's own signers (not the fixture's deputy)
	"POST /api/v1/motions/{id}/review":                    r("AK", hidden, nf),
	"GET /congress":                                       r("ACLSKD", hidden),
	"POST /congress/import":                               r("AK"),
	"POST /congress/meetings":                             r("AK", hidden),
	"GET /congress/meetings/{id}":                         r("ACLSKD", hidden),
	"GET /congress/meetings/{id}/minutes":                 r("ACLSKD", hidden),
	"GET /congress/meetings/{id}/screen":                  r("ACLSKD", hidden),
	"GET /vote":                                           r("D", hidden),
	"GET /api/v1/targets/{year}":                          r(all),
	"PUT /api/v1/targets/{year}":                          r("AC"),
	"POST /api/v1/imports/targets":                        r("AC"),
	"GET /targets":                                        r(all),
	"POST /targets":                                       r("AC"),
	"POST /targets/import":                                r("AC"),
	"GET /api/v1/map":                                     r(all),
	"PUT /api/v1/map":                                     r("AC"),
	"GET /api/v1/projects/{id}/place":                     r(campaign, scoped),
	"PUT /api/v1/projects/{id}/place":                     r("ACO", scoped),
	"GET /api/v1/projects/{id}/gallery":                   r(campaign, scoped),
	"GET /map":                                            r(all),
	"POST /map/upload":                                    r("AC"),
	"POST /projects/{id}/place":                           r("ACO", scoped),
	"GET /api/v1/assessment/{year}/weights":               r("ACLSORV"),
	"PUT /api/v1/assessment/{year}/weights":               r("AC"),
	"GET /api/v1/assessment/{year}/{month}":               r("ACLSORV"),
	"GET /assessment":                                     r("ACLSORV"),
	"POST /assessment/weights":                            r("AC"),
	"GET /assessment.xlsx":                                r("ACLSORV"),
	"GET /api/v1/pipeline":                                r(all),
	"GET /api/v1/pipeline/checklist":                      r(all),
	"PUT /api/v1/pipeline/checklist":                      r("AC"),
	"GET /api/v1/pipeline/{id}":                           r(campaign, scoped),
	"PUT /api/v1/pipeline/{id}":                           r("ACO", scoped),
	"PUT /api/v1/pipeline/{id}/checklist":                 r("ACO", scoped),
	"POST /api/v1/pipeline/{id}/promote":                  r("ACO", scoped),
	"GET /api/v1/projects/{id}/promotion":                 r(campaign, scoped, nf),
	"POST /api/v1/projects/{id}/promotion":                r("ACO", scoped),
	"GET /api/v1/projects/{id}/interests":                 r("ACO", scoped),
	"POST /api/v1/projects/{id}/interests":                r("ACO", scoped),
	"GET /api/v1/interests":                               r("ACO"),
	"GET /api/v1/public/promotions":                       public,
	"GET /api/v1/public/promotions/{id}":                  public,
	"POST /api/v1/public/promotions/{id}/interest":        public,
	"GET /pipeline":                                       r(all),
	"GET /pipeline.xlsx":                                  r(all),
	"POST /pipeline/checklist":                            r("AC"),
	"GET /pipeline/{id}":                                  r(campaign, scoped),
	"POST /pipeline/{id}/{action}":                        r("ACO", scoped),
	"GET /public/promotions/{id}":                         public,
	"POST /public/promotions/{id}":                        public,
	"DELETE /api/v1/projects/{id}":                        r("ACO", scoped),
	"POST /projects/{id}/delete":                          r("ACO", scoped),
	"DELETE /api/v1/projects/{id}/factors/{kind}/{fid}":   r("ACO", scoped, nf),
	"DELETE /api/v1/session":                              r(all),
	"POST /logout":                                        public,
	// Routes of the modules merged later (statistics entry, chains and
	// batch starts, leads and news, deputies' suggestions and stations,
	// congress motions and resolutions, the first-hour user import): their
	// lines were first written from the observed matrix (QX_ACCESS_DUMP)
	// and checked against the contract's roles.
	"POST /api/v1/motions/{id}/take-over":                   r("AK", hidden),     // observed
	"GET /api/v1/motions/converted":                         r("ACLSKD", hidden), // observed
	"GET /api/v1/motion-reports":                            r("ACLSKD", hidden), // observed
	"POST /api/v1/motion-reports":                           r("AK", hidden),     // observed
	"GET /api/v1/motion-reports/{id}":                       r("ACLSKD", hidden), // observed
	"POST /api/v1/motion-reports/{id}/vote":                 r("AK", hidden),     // observed
	"GET /api/v1/congresses/{code}/bodies":                  r("ACLSKD", hidden), // observed
	"PUT /api/v1/congresses/{code}/bodies/{body}":           r("AK", hidden),     // observed
	"PUT /api/v1/congresses/{code}/motion-deadline":         r("AK", hidden),     // observed
	"GET /api/v1/resolutions":                               r("ACLSKD", hidden), // observed
	"POST /api/v1/resolutions":                              r("AK", hidden),     // observed
	"GET /api/v1/resolutions/{id}":                          r("ACLSKD", hidden), // observed
	"POST /api/v1/resolutions/{id}/followups":               r("AK", hidden),     // observed
	"POST /api/v1/followups/{id}/report":                    r("AK", hidden),     // observed
	"POST /api/v1/followups/{id}/assess":                    r("AK", hidden),     // observed
	"GET /congress/motions":                                 r("ACLSKD", hidden), // observed
	"POST /congress/motions":                                r("AKD", hidden, nf),
	"GET /congress/motions/{id}":                            r("ACLSKD", hidden), // observed
	"POST /congress/motions/{id}/{step}":                    r("", nf),           // observed
	"POST /congress/motion-reports":                         r("AK", hidden),     // observed
	"POST /congress/motion-reports/{id}/vote":               r("AK", hidden),     // observed
	"POST /congress/bodies":                                 r("AK", hidden),     // observed
	"GET /congress/resolutions":                             r("ACLSKD", hidden), // observed
	"POST /congress/resolutions/{id}/{step}":                r("", nf),           // observed
	"POST /congress/followups/{id}/{step}":                  r("", nf),           // observed
	"GET /api/v1/leads":                                     r(all),              // observed
	"POST /api/v1/leads":                                    r("ACO"),
	"GET /api/v1/leads/funnel":                              r(all),                    // observed
	"GET /api/v1/leads/{id}":                                r("ACSVKD", some, either), // a county viewer or a deputy does not see a lead of another county
	"PUT /api/v1/leads/{id}":                                r("AC", either),           // observed
	"POST /api/v1/leads/{id}/move":                          r("AC", either),           // observed
	"GET /api/v1/settings/leads":                            r(all),                    // observed
	"PUT /api/v1/settings/leads":                            r("AC"),                   // observed
	"GET /api/v1/news":                                      r("AC"),                   // observed
	"POST /api/v1/news":                                     r("AC"),                   // observed
	"GET /api/v1/news/{id}":                                 r("AC"),                   // observed
	"PUT /api/v1/news/{id}":                                 r("AC"),                   // observed
	"GET /api/v1/public/news":                               public,
	"GET /leads":                                            r(all), // observed
	"POST /leads/settings":                                  r("AC"),
	"GET /leads/new":                                        r("ACO"),                  // observed
	"POST /leads/new":                                       r("ACO"),                  // observed
	"GET /leads/{id}":                                       r("ACSVKD", some, either), // a county viewer or a deputy does not see a lead of another county
	"POST /leads/{id}/move":                                 r("AC", either),           // observed
	"GET /leads/{id}/edit":                                  r("AC", either),           // observed
	"POST /leads/{id}/edit":                                 r("AC", either),           // observed
	"GET /news":                                             r("AC"),                   // observed
	"POST /news":                                            r("AC"),                   // observed
	"GET /news/{id}":                                        r("AC"),                   // observed
	"POST /news/{id}":                                       r("AC"),                   // observed
	"GET /api/v1/cockpit/events":                            r(all),                    // the cockpit's live stream: figures changed, no data
	"GET /api/v1/statistics/gap":                            r(all),                    // observed
	"GET /api/v1/projects/{id}/entry":                       r(all, scoped),            // observed
	"POST /api/v1/projects/{id}/entry/{action}":             r("", nf),                 // observed
	"GET /api/v1/projects/{id}/vouchers":                    r(all, scoped),            // observed
	"POST /api/v1/projects/{id}/vouchers/{kind}":            r("ACOR", scoped),         // and the statistics bureau
	"DELETE /api/v1/projects/{id}/vouchers/{fid}":           r("", scoped, either),     // observed
	"GET /api/v1/projects/{id}/entry-files/{fid}":           r("", nf),                 // observed
	"GET /api/v1/projects/{id}/verifications":               r(all, scoped),            // observed
	"POST /api/v1/projects/{id}/verifications":              r("ACO", scoped),          // and the statistics bureau
	"POST /api/v1/projects/{id}/verifications/{vid}/photos": r("ACO", scoped, nf),      // and the statistics bureau
	"GET /statistics":                                       r(all),                    // observed
	"GET /statistics.xlsx":                                  r(all),                    // observed
	"POST /projects/{id}/entry/{action}":                    r("", nf),                 // observed
	"POST /projects/{id}/vouchers":                          r("ACOR", scoped),         // and the statistics bureau
	"POST /projects/{id}/vouchers/{fid}/delete":             r("", scoped, either),     // observed
	"POST /projects/{id}/verifications":                     r("ACO", scoped),          // and the statistics bureau
	"POST /dispatch/issue":                                  r("AC"),
	"POST /settings/circular":                               r("AC"), // observed
	"GET /api/v1/settings/circular":                         r(all),  // observed
	"PUT /api/v1/settings/circular":                         r("AC"), // observed
	"PUT /api/v1/dispatch/issues/{year}/{month}":            r("AC"),
	"POST /admin/users/import":                              r("A"), // observed
	"POST /api/v1/users/import":                             r("A"),
	"GET /settings/projects":                                r(all),  // observed
	"POST /settings/projects":                               r("AC"), // observed
	"GET /api/v1/settings/project-lists":                    r(all),  // observed
	"PUT /api/v1/settings/project-lists":                    r("AC"), // observed
	"GET /api/v1/class-lists":                               r(all),  // observed
	"PUT /api/v1/class-lists/{code}":                        r("AC"), // observed
	"GET /api/v1/batch-starts":                              r(all),  // observed
	"POST /api/v1/batch-starts":                             r("ACO"),
	"GET /api/v1/batch-starts/{id}":                         r(all),                 // observed
	"PATCH /api/v1/batch-starts/{id}":                       r("AC", either),        // observed
	"POST /api/v1/batch-starts/{id}/projects":               r("ACO", either, some), // a county adds to its own batch starts only
	"DELETE /api/v1/batch-starts/{id}/projects/{pid}":       r("", either),          // observed
	"GET /classes":                                          r(all),                 // observed
	"POST /classes":                                         r("AC"),                // observed
	"GET /batch-starts":                                     r(all),                 // observed
	"POST /batch-starts":                                    r("ACO"),
	"GET /batch-starts/{id}":                                r(all),                     // observed
	"POST /batch-starts/{id}":                               r("AC", either),            // observed
	"POST /batch-starts/{id}/projects":                      r("ACO", either, some),     // a county adds to its own batch starts only
	"POST /batch-starts/{id}/projects/{pid}/remove":         r("", either),              // observed
	"GET /api/v1/calendar/{year}":                           r(all),                     // observed
	"PUT /api/v1/calendar/{year}":                           r("AK"),                    // observed
	"GET /api/v1/suggestions":                               r(all),                     // observed
	"POST /api/v1/suggestions":                              r("AKD"),                   // observed
	"GET /api/v1/suggestions/report":                        r(all),                     // observed
	"GET /api/v1/suggestions/{id}":                          r("ACLSVKD", some, hidden), // a county viewer sees only its own organisation's suggestions
	"POST /api/v1/suggestions/{id}/{step}":                  r("", nf),                  // observed
	"GET /calendar":                                         r(all),                     // observed
	"POST /calendar":                                        r("AK"),
	"GET /suggestions":                                      r(all),                     // observed
	"POST /suggestions":                                     r("AKD"),                   // observed
	"GET /suggestions/report":                               r(all),                     // observed
	"GET /suggestions/report.xlsx":                          r(all),                     // observed
	"GET /suggestions/{id}":                                 r("ACLSVKD", some, hidden), // a county viewer sees only its own organisation's suggestions
	"POST /suggestions/{id}/{step}":                         r("", nf),                  // observed
	"GET /my":                                               r(all),                     // observed
	"GET /api/v1/public/suggestions":                        public,
	"GET /api/v1/stations":                                  r(all),        // observed
	"POST /api/v1/stations":                                 r("AK"),       // observed
	"GET /api/v1/stations/counts":                           r(all),        // observed
	"GET /api/v1/stations/{id}/visits":                      r(all),        // observed
	"POST /api/v1/stations/{id}/visits":                     r("AKL"),      // a leader records the visits of the stations they visit
	"GET /api/v1/stations/{id}/problems":                    r(all),        // observed
	"POST /api/v1/stations/{id}/problems":                   r("AK"),       // observed
	"POST /api/v1/station-problems/{id}/to-campaign":        r("AK"),       // observed
	"POST /api/v1/station-problems/{id}/{step}":             r("", hidden), // observed
	"GET /stations":                                         r(all),        // observed
	"POST /stations":                                        r("AK"),       // observed
	"GET /stations/{id}":                                    r(all),        // observed
	"POST /stations/{id}/visits":                            r("AKL"),      // a leader records the visits of the stations they visit
	"POST /stations/{id}/problems":                          r("AK"),       // observed
	"POST /station-problems/{id}/{step}":                    r("", hidden), // observed
	"GET /api/v1/calendar/deadlines":                        r(all).q("from=2023-03-28"),
	"GET /api/v1/stations/{id}/receptions":                  r(all),       // observed
	"POST /api/v1/stations/{id}/receptions":                 r("AK"),      // observed
	"POST /api/v1/receptions/{id}/record":                   r("AK"),      // and the station's own deputies (the fixture's deputy is not one)
	"GET /api/v1/station-problems":                          r(all),       // observed: each list is scoped inside
	"GET /api/v1/station-problems/{id}":                     r(all, some), // a unit sees what was forwarded to it, a deputy their station's
	"POST /stations/{id}/receptions":                        r("AK"),      // observed
	"POST /receptions/{id}/record":                          r("AK"),      // and the station's own deputies (the fixture's deputy is not one)
	"GET /station-problems":                                 r(all),       // observed: each list is scoped inside
	"GET /station-problems/{id}":                            r(all, some), // a unit sees what was forwarded to it, a deputy their station's
}

// TestAccessTableCoversEveryRoute: a route added to the router without an
// entry in accessTable fails here, naming exactly the missing patterns.
func TestAccessTableCoversEveryRoute(t *testing.T) {
	a := testenv.Open(t, "sqlite")
	_, s := serve(t, a)
	var missing []string
	seen := map[string]bool{}
	for _, p := range s.Routes() {
		seen[p] = true
		if _, ok := accessTable[p]; !ok {
			missing = append(missing, p)
		}
	}
	var stale []string
	for p := range accessTable {
		if !seen[p] {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	if len(missing) > 0 {
		t.Errorf("%d route(s) have no line in accessTable (web/access_matrix_test.go); add one per route saying who may call it, e.g. `\"GET /x/{id}\": r(campaign, scoped),`:\n\t%s",
			len(missing), strings.Join(missing, "\n\t"))
	}
	if len(stale) > 0 {
		t.Errorf("accessTable has lines for routes the router no longer has; remove them:\n\t%s", strings.Join(stale, "\n\t"))
	}
}

// TestAccessMatrix calls every route as nobody and as every role, in and
// out of scope, and checks the answer against accessTable; then that no
// refused call left a trace in the audit log.
func TestAccessMatrix(t *testing.T) {
	if raceDetector {
		// Its requests go one at a time: the race detector would find
		// nothing the plain run does not, at five times the cost.
		t.Skip("the access matrix runs in the plain suite, not under -race")
	}
	for _, kind := range testenv.Kinds {
		t.Run(kind, func(t *testing.T) {
			if kind == "postgres" && os.Getenv("QIANXIANG_TEST_PG") == "" {
				t.Skip("the matrix runs on PostgreSQL when QIANXIANG_TEST_PG is set")
			}
			w := newMatrixWorld(t, kind)
			// The checks that change nothing first; the matrix; then the
			// injection, which rewrites text.
			t.Run("csrf", w.checkCSRFOnEveryWrite)
			t.Run("nav", w.checkNavOpens)
			t.Run("sql-filters", w.checkSQLMetaInFilters)
			t.Run("oversized", w.checkOversizedBodies)
			t.Run("roles", w.accessMatrix)
			t.Run("xss", w.checkXSSEscapedEverywhere)
		})
	}
}

func (w *matrixWorld) accessMatrix(t *testing.T) {
	routes := append([]string(nil), w.routes...)
	sort.SliceStable(routes, func(i, j int) bool { return destructive(routes[i]) < destructive(routes[j]) })
	var failures []string
	for _, pat := range routes {
		x, ok := accessTable[pat]
		if !ok {
			continue // TestAccessTableCoversEveryRoute names it
		}
		method, _, _ := strings.Cut(pat, " ")
		write := method != "GET" && strings.Contains(pat, " ")
		code, _, h := w.call(t, nil, pat, x.query)
		if msg := anonOK(pat, x, write, code, h); msg != "" {
			failures = append(failures, fmt.Sprintf("%-55s anonymous: %s", pat, msg))
		}
		for _, u := range matrixUsers {
			c := w.sessions[u.name]
			if c == nil {
				c = w.login(t, u.name)
				w.sessions[u.name] = c
			}
			refused := write && !x.public && (!allows(x, u) || (x.scoped && !u.inScope))
			var before int
			if refused {
				before = w.auditOf(t, u.name)
			}
			code, _, _ := w.call(t, c, pat, x.query)
			want, ok := expectFor(x, u, write, code)
			if !ok {
				failures = append(failures, fmt.Sprintf("%-55s %-16s got %d, want %s", pat, u.name, code, want))
			}
			// A refused write changes nothing, so it audits nothing.
			if refused && w.auditOf(t, u.name) != before {
				failures = append(failures, fmt.Sprintf("%-55s %-16s refused (%d) but wrote to the audit log", pat, u.name, code))
			}
			if destructive(pat) > 0 {
				delete(w.sessions, u.name)
			}
		}
	}
	for _, f := range failures {
		t.Error(f)
	}
}

// allows: the route lets the user's role in.
func allows(x rule, u matrixUser) bool {
	return x.public || strings.IndexByte(x.roles, roleLetter[u.role]) >= 0
}

// anonOK: without a login, the API answers 401 and a page sends to /login.
func anonOK(pat string, x rule, write bool, code int, h http.Header) string {
	switch {
	case x.public:
		if (code == 401 && !x.login) || code == 403 || code >= 500 {
			return fmt.Sprintf("public route answered %d", code)
		}
	case strings.Contains(pat, "/api/") || write:
		if code != 401 {
			return fmt.Sprintf("got %d, want 401", code)
		}
	default:
		if code != 303 || !strings.HasPrefix(h.Get("Location"), "/login") {
			return fmt.Sprintf("got %d to %q, want 303 to /login", code, h.Get("Location"))
		}
	}
	return ""
}

// expectFor checks one logged-in answer against the rule.
func expectFor(x rule, u matrixUser, write bool, code int) (string, bool) {
	if code >= 500 {
		return "no 5xx", false
	}
	if x.public {
		return "not 401/403 on a public route", code != 403 && (code != 401 || x.login)
	}
	if code == 401 {
		return "not 401 with a session", false
	}
	in := !x.scoped || u.inScope
	let := allows(x, u)
	refusedOK := func(codes ...int) bool {
		for _, c := range codes {
			if code == c {
				return true
			}
		}
		// Never 400/422: the role and scope are checked before the input,
		// so a caller without the right learns nothing from its validation.
		return false
	}
	switch {
	case in && x.nf:
		return "404 (no such record in the fixture)", code == 404 || code == 400 || code == 422 || (!let && code == 403)
	case let && in && x.some:
		return "let in (not 403; 404 for a record it does not see)", code != 403
	case let && in:
		return "let in (not 403/404)", code != 403 && code != 404
	case let && !in:
		return "404 outside its scope", refusedOK(404)
	case !in:
		return "403 or 404 (role refused, record outside its scope)", refusedOK(403, 404)
	case x.hidden && strings.IndexByte(congressSeers, roleLetter[u.role]) < 0:
		return "404 (the congress is hidden from the role)", refusedOK(404)
	case x.hidden, x.either:
		return "403 or 404 (role refused; the record may be hidden)", refusedOK(403, 404)
	default:
		return "403 (role refused)", refusedOK(403)
	}
}

// auditOf: the audit rows a user has written.
func (w *matrixWorld) auditOf(t *testing.T, username string) int {
	t.Helper()
	var n int
	if err := w.raw.QueryRow(`SELECT COUNT(*) FROM audit_log WHERE actor = '` + strings.ReplaceAll(username, "'", "''") + `'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestAccessMatrixDump prints what every user gets from every route
// (QX_ACCESS_DUMP=file): how a new line of the table is best checked.
func TestAccessMatrixDump(t *testing.T) {
	if os.Getenv("QX_ACCESS_DUMP") == "" {
		t.Skip("set QX_ACCESS_DUMP=/tmp/matrix.txt to print the observed matrix")
	}
	w := newMatrixWorld(t, "sqlite")
	routes := append([]string(nil), w.routes...)
	sort.SliceStable(routes, func(i, j int) bool { return destructive(routes[i]) < destructive(routes[j]) })
	var sb strings.Builder
	for _, p := range routes {
		q := accessTable[p].query
		code, _, _ := w.call(t, nil, p, q)
		fmt.Fprintf(&sb, "%-60s %s anon=%d", p, w.path(p, q), code)
		for _, u := range matrixUsers {
			c := w.sessions[u.name]
			if c == nil {
				c = w.login(t, u.name)
				w.sessions[u.name] = c
			}
			code, _, _ := w.call(t, c, p, q)
			fmt.Fprintf(&sb, " %s=%d", strings.TrimPrefix(u.name, "m-"), code)
			if destructive(p) > 0 {
				delete(w.sessions, u.name)
			}
		}
		sb.WriteString("\n")
	}
	os.WriteFile(os.Getenv("QX_ACCESS_DUMP"), []byte(sb.String()), 0o644)
}

// destructive orders the routes that end a session or delete the record
// the others name after everything else.
func destructive(pattern string) int {
	switch pattern {
	case "DELETE /api/v1/session", "POST /logout":
		return 2
	case "DELETE /api/v1/projects/{id}", "POST /projects/{id}/delete":
		return 1
	}
	return 0
}
