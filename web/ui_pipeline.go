package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
)

// poolView is what pipeline.html reads.
type poolView struct {
	Pool      *app.Pool
	Q         app.PoolQuery
	Orgs      []qianxiang.Org
	Bands     []qianxiang.MaturityBand
	Export    string
	Configure bool                      // the office may change the checklist
	Edit      []qianxiang.ChecklistItem // the checklist as typed, with blank rows to add
	Errors    []string
}

func (s *Server) poolView(r *http.Request, q app.PoolQuery) (*poolView, error) {
	ctx, a := r.Context(), actor(r)
	pool, err := s.App.Pool(ctx, a, q)
	if err != nil {
		return nil, err
	}
	v := &poolView{Pool: pool, Q: q, Bands: qianxiang.MaturityBands, Export: "/pipeline.xlsx?" + r.URL.RawQuery,
		Configure: a.Can(qianxiang.ActSettings, qianxiang.Scope{})}
	if v.Orgs, err = s.App.Directory(ctx, a); err != nil {
		return nil, err
	}
	v.Edit = append(append([]qianxiang.ChecklistItem{}, pool.Checklist...), make([]qianxiang.ChecklistItem, 2)...)
	return v, nil
}

func (s *Server) pipelinePage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.poolView(r, poolQuery(r))
	if err != nil {
		return err
	}
	p := s.page(r, "Reserve pool", "pipeline", v)
	if r.URL.Query().Get("saved") == "checklist" {
		p.Flash = p.T("The checklist was saved; every project's maturity is scored against it.")
	}
	return s.render(w, r, 200, "pipeline", p)
}

// checklistSubmit saves the office's checklist from the pool page: rows
// whose key and name are both blank are dropped.
func (s *Server) checklistSubmit(w http.ResponseWriter, r *http.Request) error {
	lang := info(r).Lang
	if err := r.ParseForm(); err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "the form could not be read")
	}
	var items []qianxiang.ChecklistItem
	for i := 0; ; i++ {
		n := strconv.Itoa(i)
		if _, ok := r.PostForm["key."+n]; !ok {
			break
		}
		it := qianxiang.ChecklistItem{Key: strings.TrimSpace(r.PostFormValue("key." + n)), Name: r.PostFormValue("name." + n),
			Mandatory: r.PostFormValue("mandatory."+n) == "1"}
		if it.Key == "" && strings.TrimSpace(it.Name) == "" {
			continue
		}
		it.Weight, _ = strconv.Atoi(strings.TrimSpace(r.PostFormValue("weight." + n)))
		items = append(items, it)
	}
	err := s.App.SetChecklist(r.Context(), actor(r), items)
	if err == nil {
		http.Redirect(w, r, "/pipeline?saved=checklist", http.StatusSeeOther)
		return nil
	}
	e := qianxiang.AsError(err)
	if e == nil || e.Code != qianxiang.EValidation {
		return err
	}
	v, verr := s.poolView(r, app.PoolQuery{})
	if verr != nil {
		return verr
	}
	v.Edit = append(items, make([]qianxiang.ChecklistItem, 2)...)
	for _, d := range e.Details {
		v.Errors = append(v.Errors, i18n.Detail(lang, d))
	}
	p := s.page(r, "Reserve pool", "pipeline", v)
	p.Error = i18n.T(lang, "The checklist was not saved:") + " " + i18n.Error(lang, err)
	return s.render(w, r, http.StatusUnprocessableEntity, "pipeline", p)
}

// pipelineXLSX is the pool as the filters give it, as a workbook.
func (s *Server) pipelineXLSX(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	pool, err := s.App.Pool(ctx, actor(r), poolQuery(r))
	if err != nil {
		return err
	}
	book := excel.PoolBook{Checklist: pool.Checklist}
	for _, row := range pool.Items {
		line := excel.PoolLine{Project: row.Project, County: row.County.Name, Agency: row.Agency, Maturity: row.Maturity, Checks: row.Checks,
			Published: row.Promotion != nil && row.Promotion.Published, Interests: row.Interests}
		for _, c := range row.Channels {
			if c.Fits {
				line.Channels = append(line.Channels, c.Name)
			}
		}
		book.Lines = append(book.Lines, line)
	}
	for _, g := range pool.ByCounty {
		book.ByCounty = append(book.ByCounty, excel.PoolSum{Name: g.Name, Projects: g.Projects, TotalInvestment: g.TotalInvestment, High: g.High, Medium: g.Medium, Low: g.Low})
	}
	for _, g := range pool.BySector {
		book.BySector = append(book.BySector, excel.PoolSum{Name: g.Name, Projects: g.Projects, TotalInvestment: g.TotalInvestment, High: g.High, Medium: g.Medium, Low: g.Low})
	}
	city, _ := s.App.City(ctx)
	today := s.App.Today()
	book.Title = fmt.Sprintf("%s谋划储备项目库（%s）", city.Name, today)
	var b bytes.Buffer
	if err := excel.WritePool(&b, book); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="pipeline-%s.xlsx"; filename*=UTF-8''%s`, today, url.PathEscape("谋划储备项目库-"+today.String()+".xlsx")))
	_, err = b.WriteTo(w)
	return err
}

func init() {
	// bandOf names a maturity band's CSS class and catalog key.
	funcs["bandLabel"] = func(b qianxiang.MaturityBand) string {
		switch b {
		case qianxiang.BandHigh:
			return "Mature"
		case qianxiang.BandMedium:
			return "Fairly mature"
		}
		return "Being developed"
	}
	// scorePct is a maturity score as a whole percentage for a bar's width.
	funcs["scorePct"] = func(f qianxiang.Fraction) int { return int(float64(f)*100 + 0.5) }
}
