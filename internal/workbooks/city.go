// Package workbooks writes the workbooks the import tests and benchmarks
// read: a city office's compiled project list and a month's 调度表, at any
// size, with excelize (the library the offices' own files are written
// with). Test code only: nothing in the server imports it.
package workbooks

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"qianxiang"
)

// City writes a city office's compiled list of n projects in the layout of
// the city-sectioned-2023 sample — title and unit rows, a two-row merged
// header, kind sections with subtotals and sector sub-sections, a 合计 row
// above the projects, a trailing note — with numbers and dates spelt in
// all the ways lists spell them, the projects spread over counties and
// led by a department one in four. It returns the file and the sums it
// holds (万元).
func City(n int, counties, depts []qianxiang.Org) (data []byte, total, annual qianxiang.Money, err error) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "项目清单"
	var first error
	must := func(err error) {
		if first == nil {
			first = err
		}
	}
	must(f.SetSheetName("Sheet1", sh))
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	row := 1
	put := func(vals ...any) {
		must(f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &vals))
		row++
	}
	put("吕梁市2023年“千项千亿”项目建设大会战项目清单")
	put("单位：万元")
	put("序号", "项目名称", "项目代码", "建设单位", "所在县（市、区）", "牵头单位", "主要建设内容", "投资情况（万元）", "", "计划开工时间", "计划竣工时间", "包联市领导", "是否入库", "备注")
	put("", "", "", "", "", "", "", "总投资", "2023年计划投资")
	for _, c := range []string{"A", "B", "C", "D", "E", "F", "G", "J", "K", "L", "M", "N"} {
		must(f.MergeCell(sh, c+"3", c+"4"))
	}
	must(f.MergeCell(sh, "H3", "I3"))
	kinds := []string{"一、新开工项目", "二、续建项目", "三、前期项目"}
	sectors := []string{"（一）产业项目", "（二）基础设施项目", "（三）民生和社会事业项目"}
	totalRow := row
	put() // 合计, filled in at the end
	seq := 0
	for k, kind := range kinds {
		size := n / 3
		if k == 2 {
			size = n - 2*(n/3)
		}
		head := row
		put()
		var kt, ka qianxiang.Money
		for s, sector := range sectors {
			put("", sector)
			for j := 0; j < size/3+boolInt(s == 2)*(size%3); j++ {
				seq++
				c := counties[seq%len(counties)]
				lead := c.Name
				if seq%4 == 0 {
					lead = depts[seq%len(depts)].Name
				}
				place := c.Name
				if seq%3 == 0 {
					place = qianxiang.ShortName(c.Name)
				}
				tot := qianxiang.Money(100000 + seq*7919%9000000)
				ann := tot * qianxiang.Money(10+seq%50) / 100
				kt, ka, total, annual = kt+tot, ka+ann, total+tot, annual+ann
				var start any = ""
				if k == 0 {
					start = dateSpelling(seq)
				}
				put(seq, fmt.Sprintf("%s测试项目%04d号", place, seq), fmt.Sprintf("2023-%s-33-01-%06d", c.Code, seq),
					place+"建设投资有限公司", place, lead, "总建筑面积10000平方米，主要建设厂房及配套设施",
					amountSpelling(tot, seq), amountSpelling(ann, seq+1), start, "2025年12月", "王阳平", []string{"是", "否", "已入库", "未入库"}[seq%4])
				if _, ok := start.(int); ok {
					must(f.SetCellStyle(sh, fmt.Sprintf("J%d", row-1), fmt.Sprintf("J%d", row-1), dateStyle))
				}
			}
		}
		must(f.SetSheetRow(sh, fmt.Sprintf("A%d", head), &[]any{fmt.Sprintf("%s（%d个）", kind, size), "", "", "", "", "", "", kt.Float(), ka.Float()}))
		must(f.MergeCell(sh, fmt.Sprintf("A%d", head), fmt.Sprintf("B%d", head)))
	}
	must(f.SetSheetRow(sh, fmt.Sprintf("A%d", totalRow), &[]any{fmt.Sprintf("合计（%d个）", n), "", "", "", "", "", "", total.Float(), annual.Float()}))
	row++
	put("注：1.本表投资单位为万元；2.续建项目含跨年度结转项目。")
	must(f.MergeCell(sh, fmt.Sprintf("A%d", row-1), fmt.Sprintf("N%d", row-1)))
	if first != nil {
		return nil, 0, 0, first
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), total, annual, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// amountSpelling writes m as a number cell or as text in one of the
// spellings of real lists.
func amountSpelling(m qianxiang.Money, i int) any {
	s := m.String()
	switch i % 5 {
	case 0:
		return m.Float()
	case 1:
		return addThousands(s)
	case 2:
		return toFullWidth(s)
	case 3:
		return " " + s + " "
	}
	return s
}

func addThousands(s string) string {
	intPart, frac := s[:len(s)-3], s[len(s)-3:]
	for i := len(intPart) - 3; i > 0; i -= 3 {
		intPart = intPart[:i] + "," + intPart[i:]
	}
	return intPart + frac
}

func toFullWidth(s string) string {
	r := []rune(s)
	for i, c := range r {
		if c >= '!' && c <= '~' {
			r[i] = c + 0xFEE0
		}
	}
	return string(r)
}

// dateSpelling gives a 2023 start date as text or as an Excel serial.
func dateSpelling(i int) any {
	m := 1 + i%12
	switch i % 6 {
	case 0:
		return serial(qianxiang.Date{Year: 2023, Month: m, Day: 15})
	case 1:
		return fmt.Sprintf("2023.%d", m)
	case 2:
		return fmt.Sprintf("2023年%d月", m)
	case 3:
		return fmt.Sprintf("2023-%d", m)
	case 4:
		return fmt.Sprintf("2023/%d/15", m)
	}
	return fmt.Sprintf("2023年%d月15日", m)
}

// serial is a date as Excel stores it: days since 1899-12-30.
func serial(d qianxiang.Date) int {
	t := time.Date(d.Year, time.Month(d.Month), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
	return int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}
