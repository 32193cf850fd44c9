package workbooks

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// Dispatch writes a month's 调度表 reporting on every project of ps, as a
// county or city office compiles it: title, one header row, a row per
// project with its code (when it has one), name and county, the amount
// completed in the month, the progress, whether and when it started, and
// a 存在问题 on one row in problemEvery (0: none). A project already
// started repeats its start; one new project in three that has not started
// starts in the month. It is written as a stream: a province's month is
// some 50,000 rows.
func Dispatch(year, month int, ps []qianxiang.Project, problemEvery int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return nil, err
	}
	var first error
	row := 1
	put := func(vals ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, vals); err != nil && first == nil {
			first = err
		}
		row++
	}
	put(fmt.Sprintf("%d年%d月“千项千亿”项目建设调度表", year, month))
	put("序号", "项目名称", "项目代码", "县（市、区）", "本月完成投资（万元）", "形象进度", "是否开工", "开工时间", "存在问题")
	for i, p := range ps {
		started, on := "否", ""
		switch {
		case !p.StartedOn.IsZero():
			started, on = "是", p.StartedOn.String()
		case p.Kind == qianxiang.KindNew && i%3 == 0:
			started, on = "是", qianxiang.Date{Year: year, Month: month, Day: 1 + i%25}.String()
		}
		problem := ""
		if problemEvery > 0 && i%problemEvery == problemEvery-1 {
			problem = "用地手续尚未办结，需协调自然资源部门加快审批"
		}
		// A small share of the annual plan: within every bound the
		// months before may have used.
		done := p.AnnualPlan / 40
		put(i+1, p.Name, p.Code, p.Org.Name, done.String(), fmt.Sprintf("完成主体工程%d%%", 10+i%80), started, on, problem)
	}
	if first != nil {
		return nil, first
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
