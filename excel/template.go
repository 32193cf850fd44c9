package excel

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// instructionSheet is the template's sheet of instructions.
const instructionSheet = "填报说明"

// templateRows is how far down the template offers its drop-down lists.
const templateRows = 2000

// WriteTemplate writes an empty project list for a plan year: the list
// sheet with its header (drop-down lists for 项目类型 and 是否入库) and a
// 填报说明 sheet explaining each column and the spellings the importer
// accepts. The template imports as a list without projects.
func WriteTemplate(w io.Writer, year int) error {
	lw, err := newListWriter(listColumns(year), fmt.Sprintf("%d年“千项千亿”项目清单", year))
	if err != nil {
		return err
	}
	defer lw.f.Close()
	for i, c := range lw.cols {
		var list []string
		switch c.header {
		case "项目类型":
			list = []string{"新开工", "续建", "前期"}
		case "是否入库":
			list = []string{"是", "否"}
		default:
			continue
		}
		col := columnName(i)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s%d:%s%d", col, headerRow+1, col, headerRow+templateRows))
		lw.check(dv.SetDropList(list))
		lw.check(lw.f.AddDataValidation(listSheet, dv))
	}
	lw.instructions(year)
	return lw.finish(w)
}

// columnHelp is what the instruction sheet says of each column.
var columnHelp = []struct{ header, required, help string }{
	{"序号", "否", "仅便于查看，不导入。"},
	{"项目名称", "必填", "项目全称。"},
	{"项目代码", "否", "全国投资项目在线审批监管平台赋予的24位代码，形如 2023-141100-48-01-123456；地区码（第6至11位）须在本市；同一文件中不得重复。"},
	{"建设单位", "否", "建设项目的企业或单位，其人员填报月度进度。"},
	{"县（市、区）", "必填", "项目所在地：可写全称（离石区）、简称（离石）或行政区划代码；市直项目写“市直”或市直部门名称。"},
	{"责任单位", "否", "牵头负责的市直部门或县（市、区）；不填则为所在县（市、区）。"},
	{"项目类型", "必填", "新开工（新建）、续建（在建）或前期（谋划）。没有本列时，可用分组行“一、新开工项目”“二、续建项目”“三、前期项目”给出。"},
	{"行业类别", "否", "如产业项目、基础设施项目、民生和社会事业项目；没有本列时可用分组行“（一）产业项目”给出。"},
	{"建设内容及规模", "否", "主要建设内容。"},
	{"总投资（万元）", "必填", "单位万元，最多两位小数，不得为负数。"},
	{"年度计划投资（万元）", "必填", "本年度计划完成的投资，不得大于总投资；表头可写作“2024年计划投资”。"},
	{"计划开工时间", "新开工项目必填", "写到月即可；新开工项目的开工时间应在计划年度内，否则导入时给出提醒。"},
	{"计划竣工时间", "否", "写到月即可。"},
	{"建设起止年限", "否", "如 2023-2025；未填计划开工、竣工时间时据此推定（新开工项目仍须填写开工月份）。模板未列出，可自行加列。"},
	{"包联市领导", "否", "包联该项目的市级领导。"},
	{"联系人、联系电话", "否", "项目联系人及其电话。"},
	{"是否入库", "否", "是否已纳入固定资产投资统计：是、否（也可写已入库、未入库）。"},
	{"备注", "否", "其他说明。"},
}

var generalHelp = []string{
	"一、本表为%d年“千项千亿”项目清单填报模板。请在“项目清单”工作表第4行起逐行填写，一个项目占一行。",
	"二、表头文字决定各列含义，列的先后顺序可以调整；表头可带单位，如“总投资（万元）”。下表未列出的列会作为项目的附加信息原样保留。",
	"三、金额以万元为单位。如按亿元填报，请将第2行改为“单位：亿元”，或在表头中注明（亿元），系统自动换算为万元。数字可带千位分隔符（12,345.67），全角数字亦可；“—”“-”“/”“无”视为未填。",
	"四、日期可使用Excel日期格式，也可写作 2023年3月、2023.3、2023.03、2023-3、2023/3/15、2023年3月15日；只写到月的，表示该月。",
	"五、可以插入分组行（如“一、新开工项目（120个）”“（一）产业项目”）、“合计”“小计”行和表尾“注：”说明：分组行只用于给出项目类型或行业，合计、小计与说明不会导入；分组行和合计行上的金额会与其下各项目之和核对，不一致时给出提醒。",
	"六、导入时系统会一次列出全部错误及其所在行、列和原因（如必填项为空、数字无法识别、金额为负、年度计划投资大于总投资、县（市、区）或责任单位无法识别、项目代码格式错误或不属本市、项目代码重复、日期无法识别）。有任何错误时，本次导入不写入任何项目，请修改后重新导入。",
}

// instructions writes the 填报说明 sheet.
func (lw *listWriter) instructions(year int) {
	f, sh := lw.f, instructionSheet
	if _, err := f.NewSheet(sh); err != nil {
		lw.check(err)
		return
	}
	wrap := lw.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	bold := lw.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	head := lw.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	lw.check(f.SetColWidth(sh, "A", "A", 22))
	lw.check(f.SetColWidth(sh, "B", "B", 16))
	lw.check(f.SetColWidth(sh, "C", "C", 70))
	lw.check(f.SetColWidth(sh, "D", "D", 40))
	lw.check(f.SetCellStr(sh, "A1", "填报说明"))
	lw.check(f.SetCellStyle(sh, "A1", "A1", bold))
	r := 2
	for _, p := range generalHelp {
		axis := fmt.Sprintf("A%d", r)
		lw.check(f.SetCellStr(sh, axis, strings.ReplaceAll(p, "%d", fmt.Sprint(year))))
		lw.check(f.MergeCell(sh, axis, fmt.Sprintf("D%d", r)))
		lw.check(f.SetCellStyle(sh, axis, axis, wrap))
		lw.check(f.SetRowHeight(sh, r, 48))
		r++
	}
	r++
	lw.check(f.SetSheetRow(sh, fmt.Sprintf("A%d", r), &[]any{"列名", "是否必填", "填写说明", "表头也可写作"}))
	lw.check(f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("D%d", r), head))
	for _, c := range columnHelp {
		r++
		row := []any{c.header, c.required, c.help, aliasesOf(c.header)}
		lw.check(f.SetSheetRow(sh, fmt.Sprintf("A%d", r), &row))
		lw.check(f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("D%d", r), wrap))
	}
}

// aliasesOf lists the other headers the importer takes for a column.
func aliasesOf(header string) string {
	a, ok := projectAliases[headerKey(header).key]
	if !ok {
		return ""
	}
	for _, s := range projectColumns {
		if s.field == a.field {
			var out []string
			for _, x := range s.aliases {
				if x != headerKey(header).key {
					out = append(out, strings.NewReplacer("(市区)", "（市、区）").Replace(x))
				}
			}
			return strings.Join(out, "、")
		}
	}
	return ""
}
