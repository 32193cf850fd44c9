package web

import (
	"net/http"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// settingsForm is the form as typed, so a refused value is shown again
// beside its error rather than replaced by the stored one.
type settingsForm struct {
	YellowBand  string // percent
	DeadlineDay string
	Kinds       map[qianxiang.Kind]bool
	AllKinds    []qianxiang.Kind
	Errors      map[string]string // field -> message
	CanEdit     bool
	// The circular's heading and closing (a second form on the page).
	Circular    qianxiang.CircularSettings
	CircErrors  map[string]string
	CircExample string // the 文号 of issue 1 this year, as the pattern gives it
}

func settingsFormOf(st qianxiang.DispatchSettings) *settingsForm {
	f := &settingsForm{YellowBand: strconv.FormatFloat(st.YellowBand*100, 'f', -1, 64), DeadlineDay: strconv.Itoa(st.DeadlineDay),
		Kinds: map[qianxiang.Kind]bool{}, AllKinds: qianxiang.Kinds, Errors: map[string]string{}}
	for _, k := range st.ReportingKinds {
		f.Kinds[k] = true
	}
	return f
}

func (s *Server) dispatchSettingsPage(w http.ResponseWriter, r *http.Request) error {
	f := settingsFormOf(s.App.DispatchSettings(r.Context()))
	f.CanEdit = actor(r).Can(qianxiang.ActSettings, qianxiang.Scope{})
	s.withCircular(r, f)
	return s.render(w, r, 200, "settings_dispatch", s.page(r, "Dispatch settings", "settings", f))
}

func (s *Server) dispatchSettingsSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
	lang := info(r).Lang
	f := &settingsForm{YellowBand: strings.TrimSpace(r.FormValue("yellow_band")), DeadlineDay: strings.TrimSpace(r.FormValue("deadline_day")),
		Kinds: map[qianxiang.Kind]bool{}, AllKinds: qianxiang.Kinds, Errors: map[string]string{}, CanEdit: true}
	var st qianxiang.DispatchSettings
	if v, err := strconv.ParseFloat(strings.TrimSuffix(f.YellowBand, "%"), 64); err != nil {
		f.Errors["yellow_band"] = i18n.T(lang, "write a percentage, e.g. 10")
	} else if v < 0 || v > 100 {
		f.Errors["yellow_band"] = i18n.T(lang, "write a percentage between 0 and 100")
	} else {
		st.YellowBand = v / 100
	}
	if v, err := strconv.Atoi(f.DeadlineDay); err != nil {
		f.Errors["deadline_day"] = i18n.T(lang, "write a day of the month, e.g. 25")
	} else {
		st.DeadlineDay = v
	}
	for _, k := range r.Form["reporting_kinds"] {
		st.ReportingKinds = append(st.ReportingKinds, qianxiang.Kind(k))
		f.Kinds[qianxiang.Kind(k)] = true
	}
	p := s.page(r, "Dispatch settings", "settings", f)
	if len(f.Errors) == 0 {
		err := s.App.SetDispatchSettings(r.Context(), actor(r), st)
		if err == nil {
			saved := settingsFormOf(s.App.DispatchSettings(r.Context()))
			saved.CanEdit = true
			s.withCircular(r, saved)
			p.Data, p.Flash = saved, i18n.T(lang, "Settings saved. They apply to every dispatch from now on.")
			return s.render(w, r, 200, "settings_dispatch", p)
		}
		e := qianxiang.AsError(err)
		if e == nil || len(e.Details) == 0 || e.Details[0].Field == "" {
			return err // forbidden, internal: the error page says it
		}
		for _, d := range e.Details {
			f.Errors[d.Field] = i18n.Message(lang, d)
		}
	}
	s.withCircular(r, f)
	p.Error = i18n.T(lang, "The settings were not saved: correct the fields marked below.")
	return s.render(w, r, http.StatusUnprocessableEntity, "settings_dispatch", p)
}

// withCircular adds the stored circular settings to the page's form.
func (s *Server) withCircular(r *http.Request, f *settingsForm) {
	f.Circular = s.App.CircularSettings(r.Context())
	if f.CircErrors == nil {
		f.CircErrors = map[string]string{}
	}
	f.CircExample = f.Circular.DocNumber(s.App.Today().Year, 1)
}

// circularSettingsSubmit saves the circular's issuer, 文号 pattern and
// distribution; a refused field is shown again as typed beside its error.
func (s *Server) circularSettingsSubmit(w http.ResponseWriter, r *http.Request) error {
	lang := info(r).Lang
	f := settingsFormOf(s.App.DispatchSettings(r.Context()))
	f.CanEdit = actor(r).Can(qianxiang.ActSettings, qianxiang.Scope{})
	c := qianxiang.CircularSettings{Issuer: r.FormValue("issuer"), NumberFormat: r.FormValue("number_format"),
		Report: r.FormValue("report"), Send: r.FormValue("send"), Distribute: r.FormValue("distribute"), PrintedBy: r.FormValue("printed_by")}
	p := s.page(r, "Dispatch settings", "settings", f)
	err := s.App.SetCircularSettings(r.Context(), actor(r), c)
	if err == nil {
		s.withCircular(r, f)
		p.Flash = i18n.T(lang, "Circular settings saved. The next printed circular uses them.")
		return s.render(w, r, 200, "settings_dispatch", p)
	}
	e := qianxiang.AsError(err)
	if e == nil || len(e.Details) == 0 || e.Details[0].Field == "" {
		return err
	}
	f.Circular, f.CircErrors = c, map[string]string{}
	for _, d := range e.Details {
		f.CircErrors[strings.TrimPrefix(d.Field, "circular.")] = i18n.Message(lang, d)
	}
	p.Error = i18n.T(lang, "The settings were not saved: correct the fields marked below.")
	return s.render(w, r, http.StatusUnprocessableEntity, "settings_dispatch", p)
}
