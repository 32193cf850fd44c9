// Package excel turns the workbooks campaign offices keep into domain types
// and back: project lists (项目清单) and monthly reports (调度表), as .xlsx or
// .csv, following shared/design/import-format.md.
//
// Real lists are made by hand, each in its own style, so the reader finds the
// header row itself, understands title, section, total and note rows, and
// accepts the many ways people write numbers and dates. A fault in a row is
// collected rather than returned, so that a user can fix a whole file in one
// pass; only a file that cannot be read at all is an error.
package excel
