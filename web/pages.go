package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// pages holds one template set per page: the layout, the shared partials
// and the page itself, so pages can each define "content".
type pages struct{ set map[string]*template.Template }

var funcs = template.FuncMap{
	"money": fmtMoney,
	// yi shows an amount in 亿元 with one decimal, for the big screen.
	"yi":    func(m qianxiang.Money) string { return m.YiString() },
	"pct":   fmtPct,
	"pctOf": func(f qianxiang.Fraction) string { return fmtPct(float64(f)) },
	"ratePct": func(r *qianxiang.Fraction) string {
		if r == nil {
			return "—"
		}
		return fmtPct(float64(*r))
	},
	"add": func(a, b int) int { return a + b },
	"sub": func(a, b int) int { return a - b },
	"seq": func(a, b int) []int {
		var s []int
		for i := a; i <= b; i++ {
			s = append(s, i)
		}
		return s
	},
	"query": func(kv ...string) template.URL { return template.URL(queryString(kv...)) },
	"lower": strings.ToLower,
	// at shows a stored (UTC) time in the city's zone.
	"at":   func(t time.Time) string { return t.In(cityZone()).Format("2006-01-02 15:04:05") },
	"json": func(v any) (template.JS, error) { return jsJSON(v) },
}

func loadPages() (*pages, error) {
	p := &pages{set: map[string]*template.Template{}}
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	shared := []string{"templates/layout.html"}
	partials, _ := fs.Glob(assets, "templates/_*.html")
	shared = append(shared, partials...)
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" || strings.HasPrefix(base, "_") {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, append(shared, n)...)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		p.set[strings.TrimSuffix(base, ".html")] = t
	}
	return p, nil
}

// Page is what every page template receives.
type Page struct {
	Lang    string
	Title   string
	Nav     string // the navigation item to highlight
	User    *qianxiang.User
	CSRF    string
	Path    string
	Query   url.Values
	Print   bool
	Flash   string
	Error   string
	Details []string
	Data    any
	// Unread counts the user's unread notifications, shown in the header.
	Unread int
}

// T translates for the page's language.
func (p *Page) T(key string, args ...any) string { return i18n.T(p.Lang, key, args...) }

// Term translates a term (a kind, a status, a role).
func (p *Page) Term(s any) string {
	k := fmt.Sprint(s)
	if k == "leader" {
		k = "leader_role"
	}
	return i18n.T(p.Lang, k)
}

// LangURL is the current address in the other language.
func (p *Page) LangURL(lang string) string {
	q := url.Values{}
	for k, v := range p.Query {
		q[k] = v
	}
	q.Set("lang", lang)
	return p.Path + "?" + q.Encode()
}

// Can reports a role on the chain at least r (for showing buttons; the
// services decide).
func (p *Page) Can(r string) bool {
	return p.User != nil && (p.User.Role == qianxiang.Role(r) || p.User.Role.AtLeast(qianxiang.Role(r)))
}

// SeesCongress reports whether the congress's pages open for the user:
// county offices, their reporters and viewers are answered 404 there, so
// the bar does not offer them the link.
func (p *Page) SeesCongress() bool {
	return p.User != nil && p.User.Actor().Can(qianxiang.ActRead, qianxiang.Scope{Congress: true})
}

// CityWide reports a city-wide role.
func (p *Page) CityWide() bool { return p.User != nil && p.User.Role.CityWide() }

func (s *Server) page(r *http.Request, title, nav string, data any) *Page {
	ri := info(r)
	p := &Page{Lang: ri.Lang, Nav: nav, User: ri.User, Path: r.URL.Path, Query: r.URL.Query(), Data: data}
	p.Title = p.T(title)
	if ri.Session != nil {
		p.CSRF = ri.Session.CSRF
	}
	p.Print = r.URL.Query().Get("print") == "1"
	p.Unread = s.unreadCount(r)
	return p
}

// render writes a page; a template error is an internal error.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *Page) error {
	t, ok := s.pages.set[name]
	if !ok {
		return fmt.Errorf("no page template %q", name)
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout.html", p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	// The status is sent: a failed write is a client that has gone (a
	// timeout under load), and an error page after it would be a second
	// status. Nothing is left to tell anyone.
	b.WriteTo(w)
	return nil
}

// failPage shows an error as a page: anonymous users go to the login page
// and come back afterwards.
func (s *Server) failPage(w http.ResponseWriter, r *http.Request, err error) {
	code := qianxiang.ErrorCode(err)
	if code == qianxiang.EUnauthenticated && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	p := s.page(r, "Qianxiang", "", nil)
	p.Error = i18n.Error(p.Lang, err)
	if e := qianxiang.AsError(err); e != nil {
		for _, d := range e.Details {
			p.Details = append(p.Details, i18n.Detail(p.Lang, d))
		}
	}
	if rerr := s.render(w, r, Status(code), "error", p); rerr != nil {
		s.Log.ErrorContext(r.Context(), "render error page", "err", rerr)
		http.Error(w, p.Error, Status(code))
	}
}

func fmtMoney(m qianxiang.Money) string { return m.Grouped() }

func fmtPct(f float64) string { return strconv.FormatFloat(f*100, 'f', 2, 64) + "%" }

func queryString(kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	return q.Encode()
}

func jsJSON(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	return template.JS(b), err
}
