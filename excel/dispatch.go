package excel

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// Sheets of the dispatch workbook, in order.
const (
	DispatchSheetSummary     = "总体情况"
	DispatchSheetCounties    = "县（市、区）排名"
	DispatchSheetDepartments = "部门排名"
	DispatchSheetRed         = "红灯项目"
	DispatchSheetMissing     = "未报送项目"
	// DispatchSheetProjects (dispatch_projects.go) comes last.
)

// WriteDispatch writes the monthly dispatch circular (调度通报) as a
// workbook: the summary, the county and department rankings, the red-light
// projects and the projects whose report is missing. Amounts are 万元 with
// two decimals; rates are shown as percentages of the 4-decimal fractions
// the JSON gives. issueNo is the circular's number (第N期); 0 leaves it out.
func WriteDispatch(w io.Writer, d *qianxiang.Dispatch, cityName string, issueNo int) error {
	f := excelize.NewFile()
	defer f.Close()
	b, err := newDispatchBook(f)
	if err != nil {
		return err
	}
	b.summary(d, cityName, issueNo)
	b.ranking(DispatchSheetCounties, "县（市、区）", d, d.ByOrg, true)
	b.ranking(DispatchSheetDepartments, "责任单位", d, d.Departments(), false)
	b.targets(d)
	b.classes(d)
	b.redProjects(d)
	b.missing(d)
	b.allProjects(d)
	if b.err != nil {
		return fmt.Errorf("dispatch workbook: %w", b.err)
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// dispatchTitle gives "吕梁市“千项千亿”项目建设第3期调度通报（2023年1-3月）".
func dispatchTitle(d *qianxiang.Dispatch, cityName string, issueNo int) string {
	issue := ""
	if issueNo > 0 {
		issue = fmt.Sprintf("第%d期", issueNo)
	}
	return fmt.Sprintf("%s“千项千亿”项目建设%s调度通报（%d年%s）", cityName, issue, d.Year, dispatchMonths(d.Month))
}

// dispatchMonths gives "1月" or "1-3月".
func dispatchMonths(n int) string {
	if n <= 1 {
		return fmt.Sprintf("%d月", n)
	}
	return fmt.Sprintf("1-%d月", n)
}

func (b *dispatchBook) summary(d *qianxiang.Dispatch, cityName string, issueNo int) {
	const sh = DispatchSheetSummary
	b.renameFirst(sh)
	t := d.Total
	b.title(sh, "A1", "C1", dispatchTitle(d, cityName, issueNo))
	b.merge(sh, "A2", "C2", dispatchOverview(d, cityName), b.st.note)
	b.setRowHeight(sh, 2, 96)
	b.row(sh, 3, dispatchHeader, "指标", "数值", "单位")
	overdue, behind := 0, 0
	for _, r := range d.RedProjects {
		if r.Reason == qianxiang.ReasonOverdueStart {
			overdue++
		} else {
			behind++
		}
	}
	rows := []struct {
		label string
		value any
		unit  string
	}{
		{"时序进度", dispatchPct(d.TimeProgress), ""},
		{"项目总数", t.Projects, "个"},
		{"年度计划投资", t.AnnualPlan, "万元"},
		{"累计完成投资（" + dispatchMonths(d.Month) + "）", t.CompletedYTD, "万元"},
		{"投资完成率", dispatchPct(t.CompletionRate), ""},
		{"新开工项目", t.NewProjects, "个"},
		{"已开工新开工项目", t.StartedNewProjects, "个"},
		{"开工率", dispatchOptPct(t.StartRate), ""},
		{"绿灯项目", t.Lights.Green, "个"},
		{"黄灯项目", t.Lights.Yellow, "个"},
		{"红灯项目", t.Lights.Red, "个"},
		{"　其中：应开未开", overdue, "个"},
		{"　　　　投资进度滞后", behind, "个"},
		{"应报送项目", t.ReportsDue, "个"},
		{"未报送项目", t.ReportsMissing, "个"},
	}
	for i, r := range rows {
		b.row(sh, 4+i, dispatchBody, r.label, r.value, r.unit)
	}
	b.widths(sh, 28, 20, 8)
	b.freeze(sh, 3)
	b.printSetup(sh, 3)
}

// dispatchOverview is the circular's opening paragraph.
func dispatchOverview(d *qianxiang.Dispatch, cityName string) string {
	t := d.Total
	s := fmt.Sprintf("%s共有“千项千亿”项目%d个，年度计划投资%s万元；%s累计完成投资%s万元，投资完成率%s，时序进度%s。",
		cityName, t.Projects, t.AnnualPlan, dispatchMonths(d.Month), t.CompletedYTD,
		dispatchPctText(t.CompletionRate), dispatchPctText(d.TimeProgress))
	if t.StartRate != nil {
		s += fmt.Sprintf("新开工项目%d个，已开工%d个，开工率%s。", t.NewProjects, t.StartedNewProjects, dispatchPctText(*t.StartRate))
	}
	s += fmt.Sprintf("亮灯情况：绿灯%d个、黄灯%d个、红灯%d个。应报送%d个，未报送%d个。",
		t.Lights.Green, t.Lights.Yellow, t.Lights.Red, t.ReportsDue, t.ReportsMissing)
	return s
}

var dispatchRankingHeader = []string{"排名", "", "项目数", "年度计划投资（万元）", "累计完成投资（万元）", "投资完成率",
	"新开工项目", "已开工", "开工率", "绿灯", "黄灯", "红灯", "应报送", "未报送"}

func (b *dispatchBook) ranking(sh, orgHeader string, d *qianxiang.Dispatch, rows []qianxiang.OrgDispatch, withTotal bool) {
	b.newSheet(sh)
	header := append([]string(nil), dispatchRankingHeader...)
	header[1] = orgHeader
	last := dispatchCol(len(header))
	b.title(sh, "A1", last+"1", fmt.Sprintf("各%s“千项千亿”项目建设情况排名（%d年%s）", orgHeader, d.Year, dispatchMonths(d.Month)))
	b.merge(sh, "A2", last+"2", fmt.Sprintf("时序进度：%s　　排名依据：投资完成率，相同时比开工率", dispatchPctText(d.TimeProgress)), b.st.note)
	b.row(sh, 3, dispatchHeader, dispatchAny(header)...)
	b.lightHeaders(sh, 3, 10)
	r := 4
	for _, o := range rows {
		b.row(sh, r, dispatchBody, dispatchTotalsRow(o.Rank, o.Org.Name, o.DispatchTotals)...)
		r++
	}
	if withTotal {
		b.row(sh, r, dispatchTotal, dispatchTotalsRow("", "合计", d.Total)...)
	}
	b.widths(sh, 6, 18, 8, 14, 14, 10, 8, 8, 9, 6, 6, 6, 7, 7)
	b.freeze(sh, 3)
	b.printSetup(sh, 3)
}

func dispatchTotalsRow(rank any, name string, t qianxiang.DispatchTotals) []any {
	return []any{rank, name, t.Projects, t.AnnualPlan, t.CompletedYTD, dispatchPct(t.CompletionRate),
		t.NewProjects, t.StartedNewProjects, dispatchOptPct(t.StartRate),
		t.Lights.Green, t.Lights.Yellow, t.Lights.Red, t.ReportsDue, t.ReportsMissing}
}

var dispatchKindNames = map[qianxiang.Kind]string{
	qianxiang.KindNew: "新开工", qianxiang.KindContinuing: "续建", qianxiang.KindPreparatory: "前期",
}

var dispatchReasonNames = map[string]string{
	qianxiang.ReasonOverdueStart: "应开未开", qianxiang.ReasonBehindSchedule: "投资进度滞后",
}

func (b *dispatchBook) redProjects(d *qianxiang.Dispatch) {
	const sh = DispatchSheetRed
	b.newSheet(sh)
	header := []any{"序号", "项目名称", "县（市、区）", "责任单位", "项目类型", "年度计划投资（万元）", "累计完成投资（万元）", "投资完成率", "亮灯原因"}
	last := dispatchCol(len(header))
	b.title(sh, "A1", last+"1", fmt.Sprintf("红灯项目清单（%d年%s，共%d个）", d.Year, dispatchMonths(d.Month), len(d.RedProjects)))
	b.merge(sh, "A2", last+"2", fmt.Sprintf("应开未开：计划开工月份已到而未开工的新开工项目；投资进度滞后：投资完成率低于时序进度（%s）超过黄灯区间。", dispatchPctText(d.TimeProgress)), b.st.note)
	b.row(sh, 3, dispatchHeader, header...)
	for i, p := range d.RedProjects {
		b.row(sh, 4+i, dispatchBody, i+1, p.Name, p.Org.Name, p.LeadOrg.Name, dispatchKindNames[p.Kind],
			p.AnnualPlan, p.CompletedYTD, dispatchOptPct(p.CompletionRate), dispatchReasonNames[p.Reason])
	}
	b.none(sh, 4, len(d.RedProjects), last)
	b.widths(sh, 6, 40, 12, 16, 9, 14, 14, 10, 13)
	b.freeze(sh, 3)
	b.printSetup(sh, 3)
}

func (b *dispatchBook) missing(d *qianxiang.Dispatch) {
	const sh = DispatchSheetMissing
	b.newSheet(sh)
	header := []any{"序号", "项目名称", "县（市、区）", "责任单位"}
	last := dispatchCol(len(header))
	b.title(sh, "A1", last+"1", fmt.Sprintf("%d年%d月未报送项目（共%d个）", d.Year, d.Month, len(d.Missing)))
	b.row(sh, 3, dispatchHeader, header...)
	for i, p := range d.Missing {
		b.row(sh, 4+i, dispatchBody, i+1, p.Name, p.Org.Name, p.LeadOrg.Name)
	}
	b.none(sh, 4, len(d.Missing), last)
	b.widths(sh, 6, 48, 14, 18)
	b.freeze(sh, 3)
	b.printSetup(sh, 3)
}
