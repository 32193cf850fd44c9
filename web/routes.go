package web

import (
	"net/http"

	"qianxiang"
)

// route is one line of the route table: a ServeMux pattern and its handler.
type route struct {
	pattern string
	handler http.Handler
}

// routeTable is every URL the server answers, in one place, so a reader
// sees the whole surface (and which routes need a login: authed) without
// opening each file. Handlers live in the area's api_*.go and ui_*.go.
//
// A new module adds one line at the end, `rs = append(rs, s.xRoutes()...)`,
// with xRoutes in its own api_x.go or ui_x.go returning its []route.
func (s *Server) routeTable() []route {
	a := s.authed
	rs := []route{
		{"GET /static/", cacheForever(http.FileServerFS(assets))},
		{"GET /favicon.ico", http.HandlerFunc(favicon)},

		// API: session and the caller
		{"GET /api/v1/healthz", http.HandlerFunc(apiHealthz)},
		{"POST /api/v1/session", s.adapt(s.apiLogin)},
		{"DELETE /api/v1/session", a(s.apiLogout)},
		{"GET /api/v1/me", a(s.apiMe)},
		{"GET /api/v1/orgs", a(s.apiOrgs)},
		// API: projects (api_projects.go)
		{"GET /api/v1/projects", a(s.apiProjects)},
		{"POST /api/v1/projects", a(s.apiCreateProject)},
		{"GET /api/v1/projects/{id}", a(s.apiProject)},
		{"PATCH /api/v1/projects/{id}", a(s.apiPatchProject)},
		{"DELETE /api/v1/projects/{id}", a(s.apiDeleteProject)},
		{"GET /api/v1/projects/{id}/history", a(s.apiProjectHistory)},
		{"GET /api/v1/projects/{id}/problems", a(s.apiProjectProblems)},
		{"POST /api/v1/imports/projects", a(s.apiImportProjects)},
		{"GET /api/v1/exports/projects", a(s.apiExportProjects)},
		// API: reports and dispatch (api_reports.go, api_photos.go)
		{"GET /api/v1/projects/{id}/reports", a(s.apiProjectReports)},
		{"PUT /api/v1/projects/{id}/reports/{month}", a(s.apiSaveReport)},
		{"POST /api/v1/projects/{id}/reports/{month}/{action}", a(s.apiReportAction)},
		{"POST /api/v1/projects/{id}/reports/{month}/photos", a(s.apiAttachPhoto)},
		{"GET /api/v1/projects/{id}/reports/{month}/photos", a(s.apiReportPhotos)},
		{"GET /api/v1/photos/{sha}", a(s.apiPhoto)},
		{"POST /api/v1/imports/reports", a(s.apiImportReports)},
		{"GET /api/v1/reports/grid", a(s.apiGrid)},
		{"GET /api/v1/dispatch", a(s.apiDispatch)},
		{"GET /api/v1/dispatch/series", a(s.apiSeries)},
		{"GET /api/v1/settings/dispatch", a(s.apiGetSettings)},
		{"PUT /api/v1/settings/dispatch", a(s.apiPutSettings)},
		// API: problems, instructions, notifications, webhook (api_problems.go;
		// contract.md, "Modules 4–7")
		{"GET /api/v1/problems", a(s.apiProblems)},
		{"POST /api/v1/problems", a(s.apiCreateProblem)},
		{"GET /api/v1/problems/{id}", a(s.apiProblem)},
		{"POST /api/v1/problems/{id}/{step}", a(s.apiProblemStep)},
		{"POST /api/v1/problems/{id}/extend", a(s.apiProblemExtend)},
		{"POST /api/v1/problems/{id}/reassign", a(s.apiProblemReassign)},
		{"POST /api/v1/problems/{id}/instructions", a(s.apiInstruct)},
		{"POST /api/v1/problems/{id}/instructions/{iid}/ack", a(s.apiAck)},
		{"GET /api/v1/notifications", a(s.apiNotifications)},
		{"POST /api/v1/notifications/read", a(s.apiNotificationsRead)},
		{"GET /api/v1/settings/webhook", a(s.apiWebhook)},
		{"PUT /api/v1/settings/webhook", a(s.apiSetWebhook)},
		// API: users, tokens, audit (api_admin.go)
		{"GET /api/v1/users", a(s.apiUsers)},
		{"POST /api/v1/users", a(s.apiAddUser)},
		{"POST /api/v1/users/{id}/reset-password", a(s.apiResetPassword)},
		{"POST /api/v1/users/{id}/active", a(s.apiSetActive)},
		{"PUT /api/v1/me/password", a(s.apiChangePassword)},
		{"GET /api/v1/tokens", a(s.apiTokens)},
		{"POST /api/v1/tokens", a(s.apiCreateToken)},
		{"DELETE /api/v1/tokens/{id}", a(s.apiRevokeToken)},
		{"GET /api/v1/audit/verify", a(s.apiAuditVerify)},
		// API: audit checkpoints and role changes (api_audit.go)
		{"GET /api/v1/audit/checkpoint", a(s.apiAuditCheckpoint)},
		{"POST /api/v1/audit/verify", a(s.apiAuditVerifyCheckpoint)},
		{"PUT /api/v1/users/{id}/role", a(s.apiSetRole)},

		// Pages: login, account, home (ui.go)
		{"GET /login", s.adapt(s.loginPage)},
		{"POST /login", s.adapt(s.loginSubmit)},
		{"POST /logout", s.adapt(s.logoutSubmit)},
		{"GET /account", a(s.accountPage)},
		{"POST /account", a(s.accountSubmit)},
		{"GET /{$}", a(s.homePage)},
		// Pages: problems, the leader's desk, notifications, webhook (ui_problems.go)
		{"GET /problems", a(s.problemsPage)},
		{"GET /problems/export.xlsx", a(s.problemsExport)},
		{"GET /problems/new", a(s.newProblemPage)},
		{"POST /problems/new", a(s.newProblemSubmit)},
		{"GET /problems/{id}", a(s.problemPage)},
		{"POST /problems/{id}/{action}", a(s.problemSubmit)},
		{"POST /problems/{id}/instructions/{iid}/ack", a(s.ackSubmit)},
		{"GET /desk", a(s.deskPage)},
		{"GET /notifications", a(s.notificationsPage)},
		{"POST /notifications/read", a(s.notificationsRead)},
		{"GET /settings/webhook", a(s.webhookPage)},
		{"POST /settings/webhook", a(s.webhookSubmit)},
		// Pages: cockpit and dispatch (ui_cockpit.go, ui_dispatch.go, ui_settings_dispatch.go)
		{"GET /cockpit", a(s.cockpitPage)},
		{"GET /dispatch", a(s.dispatchPage)},
		{"GET /dispatch.xlsx", a(s.dispatchXLSX)},
		{"GET /settings/dispatch", a(s.dispatchSettingsPage)},
		{"POST /settings/dispatch", a(s.dispatchSettingsSubmit)},
		// Pages: projects (ui_projects.go, ui_project_form.go)
		{"GET /projects", a(s.projectsPage)},
		{"GET /projects/{id}", a(s.projectPage)},
		{"POST /projects/{id}/delete", a(s.projectDelete)},
		{"GET /projects/new", a(s.projectNewPage)},
		{"POST /projects/new", a(s.projectCreate)},
		{"GET /projects/{id}/edit", a(s.projectEditPage)},
		{"POST /projects/{id}/edit", a(s.projectSave)},
		// Pages: imports and reports (ui_imports.go, ui_reports.go)
		{"GET /imports", a(s.importsPage)},
		{"POST /imports", a(s.importPreview)},
		{"POST /imports/{upload}/confirm", a(s.importConfirm)},
		{"POST /imports/{upload}/update", a(s.importAsUpdate)},
		{"GET /imports/template.xlsx", a(s.importTemplate)},
		{"GET /reports", a(s.reportsPage)},
		{"POST /reports/import", a(s.reportsImport)},
		// Pages: settings, users, audit (ui_admin.go)
		{"GET /settings", a(s.settingsPage)},
		{"GET /admin/users", a(s.usersPage)},
		{"POST /admin/users", a(s.usersAdd)},
		{"POST /admin/users/{id}/reset", a(s.usersReset)},
		{"POST /admin/users/{id}/active", a(s.usersActive)},
		{"POST /admin/tokens", a(s.tokensCreate)},
		{"POST /admin/tokens/{id}/revoke", a(s.tokensRevoke)},
		{"GET /admin/audit", a(s.auditPage)},
		{"GET /admin/audit/checkpoint", a(s.apiAuditCheckpoint)},
		{"POST /admin/audit/verify", a(s.auditVerifyCheckpoint)},

		// api_factors.go
		{"GET /api/v1/projects/{id}/factors", a(s.apiFactors)},
		{"POST /api/v1/projects/{id}/factors/{kind}", a(s.apiSaveFactor)},
		{"PUT /api/v1/projects/{id}/factors/{kind}/{fid}", a(s.apiSaveFactor)},
		{"DELETE /api/v1/projects/{id}/factors/{kind}/{fid}", a(s.apiDeleteFactor)},
		// api_orders.go
		{"GET /api/v1/orders", a(s.apiOrders)},
		{"POST /api/v1/orders", a(s.apiIssueOrder)},
		{"GET /api/v1/orders/counts", a(s.apiOrderCounts)},
		{"GET /api/v1/orders/{id}", a(s.apiOrder)},
		{"POST /api/v1/orders/{id}/" + string(qianxiang.StepReply), a(s.apiStepOrder(qianxiang.StepReply))},
		{"POST /api/v1/orders/{id}/" + string(qianxiang.StepAccept), a(s.apiStepOrder(qianxiang.StepAccept))},
		{"POST /api/v1/orders/{id}/" + string(qianxiang.StepReject), a(s.apiStepOrder(qianxiang.StepReject))},
		{"GET /api/v1/exports/orders", a(s.exportOrders)},
		// api_tasks.go
		{"GET /api/v1/task-lists", a(s.apiTaskLists)},
		{"GET /api/v1/tasks", a(s.apiTasks)},
		{"GET /api/v1/tasks/{id}", a(s.apiTask)},
		{"PUT /api/v1/tasks/{id}", a(s.apiEditTask)},
		{"POST /api/v1/tasks/{id}/progress", a(s.apiTaskProgress)},
		{"POST /api/v1/imports/tasks", a(s.apiImportTasks)},
		{"GET /api/v1/exports/tasks", a(s.exportTasks)},
		// ui_factors.go
		{"POST /projects/{id}/factors/{kind}", a(s.factorSubmit)},
		{"POST /projects/{id}/factors/{kind}/{fid}", a(s.factorSubmit)},
		{"POST /projects/{id}/factors/{kind}/{fid}/delete", a(s.factorDelete)},
		// ui_orders.go
		{"GET /orders", a(s.ordersPage)},
		{"POST /orders", a(s.ordersIssue)},
		{"GET /orders/{id}", a(s.orderPage)},
		{"GET /orders/{id}/print", a(s.orderPrint)},
		{"POST /orders/{id}/{step}", a(s.orderStep)},
		// ui_tasks.go
		{"GET /tasks", a(s.tasksPage)},
		{"POST /tasks/import", a(s.tasksImport)},
		{"GET /tasks/{id}", a(s.taskPage)},
		{"POST /tasks/{id}/progress", a(s.taskProgress)},

		// Anything else is a clear 404, as JSON under /api/ and as a page elsewhere.
		{"/api/", s.adapt(apiNotFound)},
		{"/", s.adapt(pageNotFound)},
	}
	// Modules: one line each.
	rs = append(rs, s.publicRoutes()...)
	rs = append(rs, s.congressRoutes()...)
	rs = append(rs, s.congressMotionRoutes()...)
	rs = append(rs, s.targetRoutes()...)
	rs = append(rs, s.mapRoutes()...)
	rs = append(rs, s.assessmentRoutes()...)
	rs = append(rs, s.pipelineRoutes()...)
	rs = append(rs, s.leadRoutes()...)
	rs = append(rs, s.statEntryRoutes()...)
	rs = append(rs, s.firsthourRoutes()...)
	rs = append(rs, s.chainRoutes()...)
	rs = append(rs, s.suggestionRoutes()...)
	rs = append(rs, s.stationRoutes()...)
	rs = append(rs, s.receptionRoutes()...)
	rs = append(rs, s.scaleRoutes()...)
	return rs
}

func (s *Server) routes() {
	for _, r := range s.routeTable() {
		s.mux.Handle(r.pattern, r.handler)
	}
}

// Routes lists every pattern of the route table, in order. The access
// matrix test walks it so that a route added later cannot go unchecked.
func (s *Server) Routes() []string {
	var out []string
	for _, r := range s.routeTable() {
		out = append(out, r.pattern)
	}
	return out
}
