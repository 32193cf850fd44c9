package excel

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// AssessComponentNames are the components as the office's scoring sheet
// heads them.
var AssessComponentNames = map[qianxiang.AssessComponent]string{
	qianxiang.AssessCompletion: "投资完成率（对时序进度）",
	qianxiang.AssessStart:      "开工率",
	qianxiang.AssessTarget:     "目标完成率（对时序进度）",
	qianxiang.AssessEntry:      "统计入库率",
	qianxiang.AssessProblems:   "问题按期解决率",
	qianxiang.AssessReports:    "按时报送率",
}

// WriteAssessment writes the month's assessment as a workbook: the county
// ranking and the department ranking, each with every component's value
// and points, the 红榜 and 黑榜 marked, and the weights. Points are written
// with two decimals (#,##0.00), rates as percentages.
func WriteAssessment(w io.Writer, a *qianxiang.Assessment, cityName string) error {
	f := excelize.NewFile()
	defer f.Close()
	b, err := newDispatchBook(f)
	if err != nil {
		return err
	}
	b.renameFirst("县（市、区）")
	b.assessRanking("县（市、区）", "县（市、区）", a, a.Counties, cityName)
	b.newSheet("市直部门")
	b.assessRanking("市直部门", "市直部门", a, a.Departments, cityName)
	b.newSheet("考核权重")
	b.assessWeights("考核权重", a)
	if b.err != nil {
		return fmt.Errorf("assessment workbook: %w", b.err)
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// assessPoints writes points as a two-decimal number: Points and Money are
// both hundredths, so the money cell (#,##0.00) shows them exactly.
func assessPoints(p qianxiang.Points) qianxiang.Money { return qianxiang.Money(p) }

var assessBoardNames = map[string]string{"red": "红榜", "black": "黑榜"}

func (b *dispatchBook) assessRanking(sh, orgHeader string, a *qianxiang.Assessment, rows []qianxiang.AssessRow, cityName string) {
	header := []any{"排名", orgHeader, "总得分"}
	for _, c := range qianxiang.AssessComponents {
		header = append(header, AssessComponentNames[c], fmt.Sprintf("得分（权重%d）", a.Settings.Weights.Of(c)))
	}
	header = append(header, "榜单")
	last := dispatchCol(len(header))
	b.title(sh, "A1", last+"1", fmt.Sprintf("%s“千项千亿”项目建设%s考核排名（%d年%s）", cityName, orgHeader, a.Year, dispatchMonths(a.Month)))
	b.merge(sh, "A2", last+"2", fmt.Sprintf("时序进度：%s　　满分100分；未涉及的指标不计分，其余指标权重按比例折算；得分相同者名次相同", dispatchPctText(a.TimeProgress)), b.st.note)
	b.row(sh, 3, dispatchHeader, header...)
	r := 4
	for _, o := range rows {
		var rank any = o.Rank
		if o.Rank == 0 {
			rank = "—"
		}
		vals := []any{rank, o.Org.Name, assessPoints(o.Score)}
		for _, c := range qianxiang.AssessComponents {
			p := o.Part(c)
			if !p.Measured {
				vals = append(vals, "—", "—")
				continue
			}
			vals = append(vals, dispatchPct(*p.Value), assessPoints(p.Points))
		}
		vals = append(vals, assessBoardNames[o.Board])
		b.row(sh, r, dispatchBody, vals...)
		r++
	}
	b.none(sh, r, len(rows), last)
	b.widths(sh, 6, 18, 9, 12, 10, 10, 10, 12, 10, 10, 10, 12, 10, 10, 10, 8)
	b.freeze(sh, 3)
	b.printSetup(sh, 3)
}

func (b *dispatchBook) assessWeights(sh string, a *qianxiang.Assessment) {
	b.title(sh, "A1", "B1", fmt.Sprintf("%d年考核权重", a.Year))
	b.row(sh, 2, dispatchHeader, "指标", "权重（分）")
	r := 3
	for _, c := range qianxiang.AssessComponents {
		b.row(sh, r, dispatchBody, AssessComponentNames[c], a.Settings.Weights.Of(c))
		r++
	}
	b.row(sh, r, dispatchTotal, "合计", a.Settings.Weights.Sum())
	b.row(sh, r+1, dispatchBody, "红榜、黑榜各列", a.Settings.BoardSize)
	b.widths(sh, 28, 12)
}
