package web

import (
	"net/http"
	"strconv"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// reserveView is what reserve.html reads: one reserve project with the
// forms the actor may use (asked of the same predicate the services ask).
type reserveView struct {
	Row          app.ReserveRow
	Checklist    []qianxiang.ChecklistItem
	Edit         bool // checklist, agency, channels, promotion, interests
	InPool       bool
	PromoteYear  int
	Promotion    qianxiang.Promotion
	Cooperations []qianxiang.Cooperation
	Interests    []qianxiang.Interest
	Invest       string // the investment as typed
}

func (s *Server) reserveView(r *http.Request, id int64) (*reserveView, error) {
	ctx, a := r.Context(), actor(r)
	row, err := s.App.Reserve(ctx, a, id)
	if err != nil {
		return nil, err
	}
	items, err := s.App.Checklist(ctx)
	if err != nil {
		return nil, err
	}
	v := &reserveView{Row: row, Checklist: items, Edit: a.Can(qianxiang.ActEditProject, row.Project.ScopeOf()),
		InPool: row.Project.Stage.InPool(), PromoteYear: row.Project.Year + 1, Cooperations: qianxiang.Cooperations,
		Promotion: qianxiang.Promotion{ProjectID: id}}
	if row.Promotion != nil {
		v.Promotion = *row.Promotion
	}
	if v.Promotion.Investment > 0 {
		v.Invest = v.Promotion.Investment.String()
	}
	if v.Edit {
		if v.Interests, err = s.App.Interests(ctx, a, id); err != nil {
			return nil, err
		}
	}
	return v, nil
}

var reserveFlash = map[string]string{
	"checks":    "The checklist marks were saved.",
	"reserve":   "The agency and the funding channels were saved.",
	"promote":   "The project is now in the plan; its history goes with it.",
	"promotion": "The promotion was saved.",
	"interest":  "The expression of interest was recorded.",
}

func (s *Server) reservePage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.reserveView(r, id)
	if err != nil {
		return err
	}
	p := s.page(r, "Reserve project", "pipeline", v)
	if f, ok := reserveFlash[r.URL.Query().Get("saved")]; ok {
		p.Flash = p.T(f)
	}
	return s.render(w, r, 200, "reserve", p)
}

// reserveSubmit takes the page's forms: checks, reserve, promote,
// promotion, interest. A refusal shows the page again with the message and
// what was typed in the promotion form.
func (s *Server) reserveSubmit(w http.ResponseWriter, r *http.Request) error {
	ctx, a, lang := r.Context(), actor(r), info(r).Lang
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "the form could not be read")
	}
	f := r.PostFormValue
	action := r.PathValue("action")
	var typed *qianxiang.Promotion
	var invest string
	switch action {
	case "checks":
		items, err := s.App.Checklist(ctx)
		if err != nil {
			return err
		}
		var in []app.CheckInput
		for _, it := range items {
			in = append(in, app.CheckInput{Key: it.Key, Done: f("done."+it.Key) == "1", DoneOn: strings.TrimSpace(f("done_on." + it.Key)), Note: f("note." + it.Key)})
		}
		err = s.App.SetChecks(ctx, a, id, in)
	case "reserve":
		in := app.ReserveInput{Agency: f("agency"), Channels: map[qianxiang.Channel]string{}}
		for _, c := range qianxiang.Channels {
			in.Channels[c] = f("channel." + string(c))
		}
		err = s.App.SetReserve(ctx, a, id, in)
	case "promote":
		year, cerr := strconv.Atoi(strings.TrimSpace(f("year")))
		if cerr != nil {
			err = qianxiang.FieldError("year", "must be a year between 2000 and 2100")
			break
		}
		_, err = s.App.PromoteProject(ctx, a, id, year)
	case "promotion":
		invest = strings.TrimSpace(f("investment"))
		in := app.PromotionInput{Published: f("published") == "1", ReturnModel: f("return_model"), Cooperation: qianxiang.Cooperation(f("cooperation")),
			Contact: f("contact"), OfficePhone: f("office_phone"), Summary: f("summary")}
		if invest != "" {
			m, merr := qianxiang.ParseMoney(invest)
			if merr != nil {
				err = qianxiang.InArea("promotion", qianxiang.FieldError("investment", "%q is not an amount", invest))
			}
			in.Investment = m
		}
		typed = &qianxiang.Promotion{ProjectID: id, Published: in.Published, Investment: in.Investment, ReturnModel: in.ReturnModel,
			Cooperation: in.Cooperation, Contact: in.Contact, OfficePhone: in.OfficePhone, Summary: in.Summary}
		if err == nil {
			_, err = s.App.SetPromotion(ctx, a, id, in)
		}
	case "interest":
		_, err = s.App.RecordInterest(ctx, a, id, app.InterestInput{Company: f("company"), Person: f("person"), Phone: f("phone"), Intent: f("intent")})
	default:
		return qianxiang.ErrNotFound("page")
	}
	if err == nil {
		http.Redirect(w, r, "/pipeline/"+strconv.FormatInt(id, 10)+"?saved="+action, http.StatusSeeOther)
		return nil
	}
	e := qianxiang.AsError(err)
	if e == nil || (e.Code != qianxiang.EValidation && e.Code != qianxiang.EConflict) {
		return err
	}
	v, verr := s.reserveView(r, id)
	if verr != nil {
		return verr
	}
	if typed != nil {
		v.Promotion, v.Invest = *typed, invest
	}
	p := s.page(r, "Reserve project", "pipeline", v)
	// The message names the field or, for a refused promotion, every
	// missing item; the details would only repeat it.
	p.Error = i18n.Error(lang, err)
	return s.render(w, r, Status(e.Code), "reserve", p)
}
