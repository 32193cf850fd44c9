package i18n

func init() {
	register(zhImportTerms, true)
	register(zhImport, false)
}

// zhImportTerms: what a bound crossed inside a workbook says (an argument
// of "… is too large or too deeply nested to import: %s").
var zhImportTerms = map[string]string{
	"a cell or tag of the workbook is longer than 512 KB": "工作簿中有单元格或标记超过 512 KB",
	"elements are nested more than 64 deep":               "元素嵌套超过 64 层",
	"more than 1,048,576 shared strings":                  "共享字符串超过 1,048,576 个",
	"a cell has more than 32,767 characters":              "有单元格超过 32,767 个字符",
	"the workbook has more than 4,194,304 XML elements":   "工作簿的 XML 元素超过 4,194,304 个",
}

// zhImport: the importer's bounds on a file (issue 7), its refusal of a
// list already in the plan, and of amounts merged over several rows.
var zhImport = map[string]string{
	"the workbook has %d parts, more than the %d a workbook can have here":                                                           "该工作簿有 %d 个部件，超过此处允许的 %d 个",
	"part %s of the workbook is %d MB uncompressed, more than the %d MB allowed":                                                     "工作簿部件 %s 解压后为 %d MB，超过允许的 %d MB",
	"the workbook holds more than %d MB of data to read":                                                                             "该工作簿需读取的数据超过 %d MB",
	"sheet %q is too large or too deeply nested to import: %s":                                                                       "工作表 %q 过大或嵌套过深，无法导入：%s",
	"%s is too large or too deeply nested to import: %s":                                                                             "%s 过大或嵌套过深，无法导入：%s",
	"the workbook could not be read: %s is damaged":                                                                                  "无法读取该工作簿：%s 已损坏",
	"the workbook could not be read: sheet %q is damaged":                                                                            "无法读取该工作簿：工作表 %q 已损坏",
	"sheet %q has more than %d merged ranges":                                                                                        "工作表 %q 的合并单元格区域超过 %d 个",
	"cell %s%d of sheet %q has more than %d characters":                                                                              "单元格 %s%d（工作表 %q）超过 %d 个字符",
	"sheet %q has a value in row %d: a list can have at most %d rows":                                                                "工作表 %q 第 %d 行有内容：清单最多 %d 行",
	"sheet %q has more than %d cells":                                                                                                "工作表 %q 超过 %d 个单元格",
	"sheet %q holds more than %d MB of text":                                                                                         "工作表 %q 的文字超过 %d MB",
	"%s has a line longer than %d KB after row %d: a row of a list is far shorter; check the file":                                   "%s 有一行超过 %d KB（在第 %d 行之后）：清单的一行远没有这么长，请检查文件",
	"row %d of %s has %d columns: a list can have at most %d":                                                                        "第 %d 行（%s）有 %d 列：清单最多 %d 列",
	"sheet %q has a value in cell %s%d, beyond column %s: a list can have at most %d columns; delete what is there and import again": "工作表 %q 的单元格 %s%d 有内容，超出了 %s 列：清单最多 %d 列；请删除该处内容后重新导入",
	"the encoding of %s could not be determined (tried UTF-8, UTF-16 and GB18030/GBK): line %d is UTF-8 but line %d is not; save the file again as \"CSV UTF-8\" and import that": "无法确定 %s 的字符编码（已尝试 UTF-8、UTF-16 和 GB18030/GBK）：第 %d 行是 UTF-8，而第 %d 行不是；请重新另存为“CSV UTF-8（逗号分隔）”后再导入",
	"the encoding of %s could not be determined: it is not UTF-8, UTF-16 or GB18030/GBK; save the file again as \"CSV UTF-8\" and import that":                                    "无法确定 %s 的字符编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK；请重新另存为“CSV UTF-8（逗号分隔）”后再导入",
	"%s is merged over rows %d to %d and would be counted for each of them: unmerge the cells and give each row its own amount":                                                   "%s 跨第 %d 至 %d 行合并，会被每一行重复计算：请取消合并，并为每一行分别填写金额",
	"%s in %s is already in the %d plan: import with update to change it rather than add it a second time":                                                                        "%s（%s）已在 %d 年计划中：如需修改请以“更新”方式导入，不要重复添加",
	"%d projects of this file are already in the %d plan: importing it again would add them a second time.":                                                                       "此文件中有 %d 个项目已在 %d 年计划中：再次导入会重复添加。",
	"In the plan":         "已在计划中",
	"Update them instead": "改为更新这些项目",
	"A new preview shows what would change; nothing is written until you confirm it.": "将重新预览会更改的内容；确认之前不会写入任何数据。",
}
