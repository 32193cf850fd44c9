package excel

import (
	"io"
	"strings"

	"qianxiang"
)

// userColumns are a users workbook's headers and their aliases.
var userColumns = []sheetColumn{
	{"name", []string{"姓名", "名字"}, true},
	{"org", []string{"单位", "组织", "单位名称", "所属单位", "单位/组织", "组织代码", "单位代码"}, true},
	{"role", []string{"角色", "用户角色", "权限"}, true},
	{"phone", []string{"手机", "手机号", "手机号码", "联系电话", "电话"}, false},
	{"username", []string{"用户名", "账号", "登录名"}, false},
}

// UserColumnHeader gives a field's first header, for error messages.
func UserColumnHeader(field string) string {
	for _, c := range userColumns {
		if c.field == field {
			return c.aliases[0]
		}
	}
	return field
}

// ReadUsers reads a users workbook: a title row or two, then the header
// 姓名, 单位 (code or name), 角色, 手机 and optionally 用户名. It reads the
// cells as written; the app checks them against the organisations and
// roles, so that every fault comes back at once, each by row and column.
// cols gives each field's column letter for those messages.
func ReadUsers(r io.Reader, filename string) (rows []qianxiang.UserRow, cols map[string]string, err error) {
	wb, err := readWorkbook(r, filename)
	if err != nil {
		return nil, nil, err
	}
	defer wb.close()
	t, err := wb.load(wb.sheets[0], 0)
	if err != nil {
		return nil, nil, err
	}
	h, at := findHeader(t, userColumns)
	if h < 0 {
		return nil, nil, unreadable("no users header found in the first %d rows: the columns 姓名, 单位 and 角色 are needed", headerScanRows)
	}
	cols = map[string]string{}
	for f, c := range at {
		cols[f] = columnName(c)
	}
	for r := h + 1; r < len(t.rows); r++ {
		if t.blank(r) {
			continue
		}
		cell := func(f string) string {
			if c, ok := at[f]; ok {
				return strings.TrimSpace(t.get(r, c))
			}
			return ""
		}
		rows = append(rows, qianxiang.UserRow{Row: r + 1, Name: squeeze(cell("name")), Org: squeeze(cell("org")),
			Role: cell("role"), Phone: cell("phone"), Username: cell("username")})
	}
	if len(rows) == 0 {
		return nil, nil, unreadable("the workbook has no users below its header")
	}
	return rows, cols, nil
}
