package excel

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// The key-task ledger workbook (重点任务台账) as offices keep it: an
// optional title row, then 序号 | 重点任务 | 牵头单位 | 配合单位 | 1月 … 12月,
// with an optional 责任领导 (or 分管市领导) column, one row per task, each month column holding that month's milestone
// (blank: none). Columns the export adds (亮灯, 最新进展) are ignored on
// import, so an exported ledger imports again.

// TaskRow is a task as read, before its organisations are looked up; Row
// is the spreadsheet row (1-based) errors name.
type TaskRow struct {
	Row        int
	Task       qianxiang.Task
	LeadName   string
	CoNames    []string
	LeadColumn string
	CoColumn   string
}

// TaskSheet is what ReadTasks found.
type TaskSheet struct {
	Title string // the title row, when there is one
	Rows  []TaskRow
}

var monthHeader = regexp.MustCompile(`(\d{1,2})\s*月`)

// coSplit separates the organisations of a 配合单位 cell.
var coSplit = regexp.MustCompile(`[、，,；;/\s]+`)

// ReadTasks reads the first sheet of a ledger workbook for the year.
func ReadTasks(r io.Reader, filename string, year int) (*TaskSheet, error) {
	wb, err := readWorkbook(r, filename)
	if err != nil {
		return nil, err
	}
	defer wb.close()
	if len(wb.sheets) == 0 {
		return nil, unreadable("%s has no sheet", displayName(filename))
	}
	t, err := wb.load(wb.sheets[0], 0)
	if err != nil {
		return nil, err
	}
	h, no, title, lead, co, leader := -1, -1, -1, -1, -1, -1
	months := map[int]int{} // column → month
	for r := 0; r < len(t.rows) && r < 10 && h < 0; r++ {
		for c := range t.rows[r] {
			v := compact(t.get(r, c))
			switch {
			case strings.Contains(v, "领导"): // 责任领导, 分管市领导
				leader = c
			case strings.Contains(v, "序号"):
				no = c
			case strings.Contains(v, "牵头") || v == "责任单位":
				lead = c
			case strings.Contains(v, "配合") || strings.Contains(v, "协同"):
				co = c
			case strings.Contains(v, "任务") && title < 0:
				title = c
			default:
				if m := monthHeader.FindStringSubmatch(v); m != nil {
					if n, _ := strconv.Atoi(m[1]); n >= 1 && n <= 12 {
						months[c] = n
					}
				}
			}
		}
		if title >= 0 && lead >= 0 {
			h = r
		} else {
			no, title, lead, co, leader, months = -1, -1, -1, -1, -1, map[int]int{}
		}
	}
	if h < 0 {
		e := unreadable("no header row with 重点任务 and 牵头单位 columns in the first ten rows of sheet %s", t.sheet)
		return nil, e
	}
	out := &TaskSheet{}
	if h > 0 {
		out.Title = strings.TrimSpace(oneLine(t.get(0, 0)))
	}
	var details []qianxiang.Detail
	for r := h + 1; r < len(t.rows); r++ {
		if t.blank(r) {
			continue
		}
		row := TaskRow{Row: r + 1, LeadColumn: columnName(lead)}
		tk := &row.Task
		tk.Title = strings.TrimSpace(oneLine(t.get(r, title)))
		if no >= 0 {
			s := strings.TrimSpace(t.get(r, no))
			n, err := strconv.Atoi(strings.TrimSuffix(s, ".0"))
			if err != nil {
				details = append(details, qianxiang.Detail{Row: r + 1, Column: columnName(no), Header: "序号", Field: "no", Format: "%q is not a number", Args: []any{s}})
				continue
			}
			tk.No = n
		} else {
			tk.No = len(out.Rows) + 1
		}
		row.LeadName = strings.TrimSpace(oneLine(t.get(r, lead)))
		if leader >= 0 {
			tk.Leader = strings.TrimSpace(oneLine(t.get(r, leader)))
		}
		if co >= 0 {
			row.CoColumn = columnName(co)
			for _, n := range coSplit.Split(strings.TrimSpace(t.get(r, co)), -1) {
				if n != "" {
					row.CoNames = append(row.CoNames, n)
				}
			}
		}
		tk.Milestones = []qianxiang.Milestone{}
		for c := 0; c < t.width(r, r); c++ {
			m, ok := months[c]
			if !ok {
				continue
			}
			if v := strings.TrimSpace(t.get(r, c)); v != "" {
				tk.Milestones = append(tk.Milestones, qianxiang.Milestone{Month: fmt.Sprintf("%04d-%02d", year, m), Text: v})
			}
		}
		out.Rows = append(out.Rows, row)
	}
	if len(details) > 0 {
		e := unreadable("%d errors in the task list; nothing was imported", len(details))
		e.Details = details
		return nil, e
	}
	return out, nil
}

// WriteTasks writes a list's tasks in the import layout, with their light
// and latest progress after the months.
func WriteTasks(w io.Writer, title string, year int, tasks []qianxiang.Task, light func(qianxiang.Light) string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "重点任务台账"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	head := []any{"序号", "重点任务", "牵头单位", "配合单位", "责任领导"}
	for m := 1; m <= 12; m++ {
		head = append(head, fmt.Sprintf("%d月", m))
	}
	head = append(head, "亮灯", "最新进展")
	last := columnName(len(head) - 1)
	f.SetCellValue(sh, "A1", title)
	f.MergeCell(sh, "A1", last+"1")
	f.SetSheetRow(sh, "A2", &head)
	for i, t := range tasks {
		co := make([]string, len(t.CoOrgs))
		for j, o := range t.CoOrgs {
			co[j] = o.Name
		}
		row := []any{t.No, t.Title, t.LeadOrg.Name, strings.Join(co, "、"), t.Leader}
		for m := 1; m <= 12; m++ {
			cell := ""
			for _, ms := range t.Milestones {
				if ms.Month == fmt.Sprintf("%04d-%02d", year, m) {
					cell = ms.Text
				}
			}
			row = append(row, cell)
		}
		latest := ""
		if t.Latest != nil {
			latest = fmt.Sprintf("%d年%d月 %s：%s", t.Latest.Year, t.Latest.Month, t.Latest.Org.Name, t.Latest.Text)
		}
		row = append(row, light(t.Light), latest)
		if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", i+3), &row); err != nil {
			return err
		}
	}
	f.SetColWidth(sh, "B", "B", 40)
	f.SetColWidth(sh, "C", "D", 18)
	f.SetColWidth(sh, "E", "E", 12)
	f.SetColWidth(sh, "F", columnName(16), 14)
	f.SetColWidth(sh, columnName(len(head)-1), columnName(len(head)-1), 40)
	return f.Write(w)
}
