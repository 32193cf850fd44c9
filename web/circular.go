package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"sync"
	"time"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// circular is what the 调度通报 template reads: the dispatch and the words
// around it. The same template prints standalone (CLI, any browser) and
// inside the page layout (/dispatch?print=1).
type circular struct {
	D      *qianxiang.Dispatch
	City   string
	Lang   string
	Issued time.Time
	// Scope names the county or department when the reader sees only
	// their own projects: the circular then says so instead of posing as
	// the city's.
	Scope           string
	Overdue, Behind int // red projects by reason
	// Problems past their due date, with each one's latest 批示, when the
	// circular is printed for a reader the services can ask (the page).
	ProblemsShown   bool
	OverdueProblems []qianxiang.Problem
	Latest          map[int64]qianxiang.Instruction
	// Orders are the supervision orders still open (the page fills them
	// in; the CLI's file leaves them out).
	Orders []qianxiang.Order
	CircularHead
	// Editable: the reader may keep the issue number and date (the
	// campaign office, on the page).
	Editable bool
	CSRF     string
}

// CircularHead is what heads and closes the printed circular: the office's
// settings (issuer, 文号, distribution) and the month's issue (第N期 of the
// year, and the date it is issued on).
type CircularHead struct {
	Settings qianxiang.CircularSettings
	Issue    qianxiang.CircularIssue
	Kept     bool // the issue number was kept by the office, not proposed
}

func newCircular(d *qianxiang.Dispatch, city, lang string, issued time.Time, head CircularHead) *circular {
	if !head.Issue.IssuedOn.IsZero() {
		issued = time.Date(head.Issue.IssuedOn.Year, time.Month(head.Issue.IssuedOn.Month), head.Issue.IssuedOn.Day, 12, 0, 0, 0, issued.Location())
	}
	c := &circular{D: d, City: city, Lang: i18n.Lang(lang), Issued: issued, CircularHead: head}
	for _, r := range d.RedProjects {
		if r.Reason == qianxiang.ReasonOverdueStart {
			c.Overdue++
		} else {
			c.Behind++
		}
	}
	return c
}

// T translates for the circular's language.
func (c *circular) T(key string, args ...any) string { return i18n.T(c.Lang, key, args...) }

// Term translates a term (a kind, a reason).
func (c *circular) Term(s any) string { return i18n.T(c.Lang, fmt.Sprint(s)) }

// Title is the document's title as an office writes it:
// 吕梁市“千项千亿”项目建设大会战调度通报（第3期）; the issue number counts
// the year's circulars (kept by the office), not the month.
func (c *circular) Title() string {
	if c.Scope != "" {
		return c.T("%s “Thousand Projects” projects: progress and city-wide standing (%s)", c.Scope, c.Period())
	}
	return c.T("%s “Thousand Projects” campaign dispatch circular (No. %d)", c.City, c.Issue.Number)
}

// DocNumber is the 文号, e.g. 吕千项办〔2026〕11号.
func (c *circular) DocNumber() string { return c.Settings.DocNumber(c.D.Year, c.Issue.Number) }

// IssuedISO is the issue date for the date input.
func (c *circular) IssuedISO() string { return c.Issued.Format("2006-01-02") }

// Period is "2023年1-3月" or "2023年1月".
func (c *circular) Period() string { return periodText(c.Lang, c.D.Year, c.D.Month) }

func periodText(lang string, year, month int) string {
	if month <= 1 {
		return i18n.T(lang, "%d-%02d", year, month)
	}
	return i18n.T(lang, "%d, months 1-%d", year, month)
}

// IssuedOn is the date printed under the masthead.
func (c *circular) IssuedOn() string {
	t := c.Issued
	return c.T("%d-%02d-%02d", t.Year(), int(t.Month()), t.Day())
}

// Gap is completion rate minus time progress in percentage points, as
// printed (both rounded to 4 decimals first, as the JSON gives them).
func (c *circular) Gap() float64 {
	return (c.D.Total.CompletionRate.Rounded() - c.D.TimeProgress.Rounded()) * 100
}

// GapText says how far ahead of or behind time progress the plan is.
func (c *circular) GapText() string {
	g := c.Gap()
	switch {
	case g > 0.005:
		return c.T("%.2f points ahead of time progress", g)
	case g < -0.005:
		return c.T("%.2f points behind time progress", -g)
	}
	return c.T("level with time progress")
}

// dispatchFuncs are the template functions the dispatch pages add to the
// shared set (pages parse after init, so adding here reaches them).
var dispatchFuncs = template.FuncMap{
	// dict passes several values to a sub-template.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict needs key-value pairs")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	"dispatchNav": dispatchNav,
	"ym":          func(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) },
	"itoa":        func(i int) string { return fmt.Sprint(i) },
	"lightOf":     func(l qianxiang.Light) string { return string(l) },
	// barWidth is a rate as a CSS width percentage, within 0..100.
	"barWidth": func(f qianxiang.Fraction) string {
		return strconv.FormatFloat(min(max(float64(f)*100, 0), 100), 'f', 1, 64)
	},
}

func init() {
	for k, v := range dispatchFuncs {
		funcs[k] = v
	}
}

// circularTmpl is parsed on first use, after init has added the functions.
var circularTmpl = sync.OnceValues(func() (*template.Template, error) {
	return template.New("circular").Funcs(funcs).ParseFS(assets, "templates/circular.html", "templates/_targets.html")
})

// WriteCircular writes the dispatch circular (调度通报) of a month as one
// self-contained HTML file, A4 landscape: inline CSS, no scripts, no
// external assets, so it opens and prints on any machine of an offline
// intranet. lang is "zh" (default) or "en". head gives the issuer, 文号,
// distribution and the issue; the date printed is the issue's, else today's
// in the city.
func WriteCircular(w io.Writer, d *qianxiang.Dispatch, cityName, lang string, head CircularHead) error {
	return writeCircular(w, newCircular(d, cityName, lang, time.Now().In(cityZone()), head))
}

func writeCircular(w io.Writer, c *circular) error {
	t, err := circularTmpl()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "circular-doc", c); err != nil {
		return fmt.Errorf("circular: %w", err)
	}
	_, err = b.WriteTo(w)
	return err
}

func cityZone() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*3600)
}
