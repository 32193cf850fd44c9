package i18n

func init() { register(zhSmall, false) }

// zhSmall: messages of the small hardening fixes (photo bounds, usernames,
// path parameters, report versions).
var zhSmall = map[string]string{
	"must be at most %d characters":       "最多 %d 个字符",
	"must start with a letter or a digit": "须以字母或数字开头",
	"must not contain spaces":             "不能包含空格",
	"contains an invisible or combining character (U+%04X) at position %d; type the name again":                            "含有不可见字符或组合符号（U+%04X，第 %d 个字符），请重新输入",
	"contains %q (U+%04X), a letter or digit outside a–z and 0–9 that can pass for another; use only a–z, 0–9 and . _ - @": "含有 %q（U+%04X），这是 a–z、0–9 以外、可能被误认作其他字符的字母或数字；只能使用 a–z、0–9 和 . _ - @",
	"contains %q, which is not allowed; use only a–z, 0–9 and . _ - @":                                                     "含有不允许的字符 %q；只能使用 a–z、0–9 和 . _ - @",
	"the If-Match header and the version in the body disagree":                                                             "If-Match 请求头与请求内容中的 version 不一致",
	"the picture is %d×%d pixels; at most %d pixels a side and %d megapixels are accepted":                                 "图片为 %d×%d 像素，每边最多 %d 像素、总计最多 %d 百万像素",
}
