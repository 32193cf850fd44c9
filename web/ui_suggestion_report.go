package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"

	"qianxiang"
	"qianxiang/excel"
	"qianxiang/internal/i18n"
)

// reportView is what suggestion_report.html reads.
type reportView struct {
	Year    int
	Kind    qianxiang.SuggestionKind
	Report  qianxiang.HandlingReport
	Overdue []qianxiang.Suggestion
	City    string
	Today   string
	Title   string // as the office prints it
}

// W is a word in the report's vocabulary.
func (v *reportView) W(key string) string { return wordsOf(v.Kind, key) }

func (s *Server) reportData(r *http.Request) (*reportView, []qianxiang.Suggestion, error) {
	y, err := queryInt(r, "year", s.App.Today().Year)
	if err != nil {
		return nil, nil, err
	}
	kind := r.URL.Query().Get("kind")
	if kind == "" {
		kind = string(qianxiang.KindSuggestion)
	}
	rep, ss, err := s.App.SuggestionReport(r.Context(), actor(r), y, kind)
	if err != nil {
		return nil, nil, err
	}
	city, _ := s.App.City(r.Context())
	v := &reportView{Year: y, Kind: qianxiang.SuggestionKind(kind), Report: rep, City: city.Name, Today: s.App.Today().String()}
	v.Title = excel.HandlingTitle(v.City, y, v.Kind)
	for _, x := range ss {
		if x.Overdue {
			v.Overdue = append(v.Overdue, x)
		}
	}
	return v, ss, nil
}

func (s *Server) suggestionReportPage(w http.ResponseWriter, r *http.Request) error {
	v, _, err := s.reportData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, 200, "suggestion_report", s.page(r, "Handling report", "suggestions", v))
}

func (s *Server) suggestionReportXLSX(w http.ResponseWriter, r *http.Request) error {
	v, ss, err := s.reportData(r)
	if err != nil {
		return err
	}
	// The office publishes the summary in Chinese.
	lang := "zh"
	status := func(s *qianxiang.Suggestion) string { return i18n.T(lang, s.StatusLabel()) }
	title := v.Title
	var b bytes.Buffer
	if err := excel.WriteHandlingReport(&b, title, v.Today, v.Kind, v.Report, ss, status); err != nil {
		return err
	}
	name := fmt.Sprintf("%s-%d.xlsx", v.Kind, v.Year)
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, name, url.PathEscape(title+".xlsx")))
	_, err = b.WriteTo(w)
	return err
}
