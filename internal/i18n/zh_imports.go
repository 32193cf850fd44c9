package i18n

func init() {
	register(zhImports, false)
}

// zhImports: the bulk report import (issue 14).
var zhImports = map[string]string{
	"%d of the reports were changed by someone else meanwhile; reload and import again": "其中 %d 条月报在此期间已被他人修改，请刷新后重新导入",
}
