package qianxiang

import "testing"

// News is plain text: markup is refused with the offending text named,
// never stripped; ordinary text with < and > stays.
func TestNewsRefusesMarkup(t *testing.T) {
	day := Date{2023, 2, 27}
	cases := []struct {
		name, title, body string
		field             string // "" = accepted
	}{
		{"plain", "全市“千项千亿”项目建设大会战推进会召开", "2月26日，我市召开推进会。\n全年实施项目1000个以上。", ""},
		{"comparison signs", "投资 > 1000 亿元", "完成率 < 25% 的县亮红灯；3 < 4", ""},
		{"script", "通知", "请看<script>alert(1)</script>", "news.body"},
		{"script in capitals with spaces", "通知", "< SCRIPT src=x>", "news.body"},
		{"a tag in the title", "<b>重要</b>", "正文", "news.title"},
		{"an image with onerror", "通知", `<img src=x onerror=alert(1)>`, "news.body"},
		{"a comment", "通知", "<!-- hidden -->", "news.body"},
		{"a closing tag", "通知", "text</p>", "news.body"},
		{"a javascript address", "通知", "点击 javascript:alert(1)", "news.body"},
		{"a tag left open", "通知", "<img src=x onerror=alert(1) 后面还有很多很多很多很多很多很多很多很多很多很多很多很多很多文字", "news.body"},
		{"empty body", "通知", "  ", "news.body"},
		{"a control character", "通\x07知", "正文", "news.title"},
		{"a mobile number in the body", "招商推介会", "报名请联系王经理13912345678。", "news.body"},
		{"a mobile number in the title", "联系13912345678", "正文", "news.title"},
		{"an office landline", "招商推介会", "报名电话：0358-8225100", ""},
		{"a long figure that is not a phone", "投资", "总投资123456789012元", ""},
	}
	for _, c := range cases {
		n := NewsItem{Title: c.title, Body: c.body, Date: day}
		err := n.Validate()
		if c.field == "" {
			if err != nil {
				t.Errorf("%s: refused %v", c.name, err)
			}
			continue
		}
		e := AsError(err)
		if e == nil || e.Code != EValidation || e.Details[0].Field != c.field {
			t.Errorf("%s: want refusal on %s, got %v", c.name, c.field, err)
		}
	}
	n := NewsItem{Title: "t", Body: "b"}
	if e := AsError(n.Validate()); e == nil || e.Details[0].Field != "news.date" {
		t.Errorf("no date: %v", n.Validate())
	}
	d := PlainText("news.body", "前文<script>alert('x')</script>")
	if d == nil || d.Args[0] != "<script>" {
		t.Errorf("the refusal names %v", d)
	}
}
