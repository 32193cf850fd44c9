package web

import (
	"fmt"
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

func init() {
	funcs["factorLabel"] = func(k string) string {
		if v, ok := factorLabels[k]; ok {
			return v
		}
		return k
	}
	funcs["factorChoices"] = func(which string) []string { return factorChoices[which] }
}

// factorLabels are the English catalog keys of the factor identifiers.
var factorLabels = map[string]string{
	"project_approval": "Project approval (立项)", "land_presite": "Land pre-review and site selection", "planning_permit": "Planning permit",
	"eia": "Environmental impact assessment", "energy": "Energy assessment", "construction_permit": "Construction permit", "custom": "Other approval",
	"not_started": "Not started", "in_process": "In process", "approved": "Approved", "tolerated": "Tolerated gap (容缺)",
	"stock": "Revitalised stock land", "new_quota": "New land quota", "approved_unused": "Approved but unused land",
	"needed": "Land needed", "supplied": "Land supplied",
	"bank_loan": "Bank loan", "special_bond": "Special bond", "central_budget": "Central budget", "private_capital": "Private capital",
}

var factorChoices = map[string][]string{
	"approval_kind":  qianxiang.ApprovalKinds,
	"approval_state": {"not_started", "in_process", "approved", "tolerated"},
	"land_source":    qianxiang.LandSources,
	"land_state":     qianxiang.LandStates,
	"fund_type":      qianxiang.FundTypes,
}

// projectFactorsView loads the factors and orders of the project page.
func (s *Server) projectFactorsView(r *http.Request, d *projectViewData) error {
	ctx, a := r.Context(), actor(r)
	var err error
	if d.Factors, err = s.App.ProjectFactors(ctx, a, d.P.ID); err != nil {
		return err
	}
	d.CanOrder = qianxiang.CanIssueOrders(a)
	d.Orders, err = s.App.Orders(ctx, a, app.OrderQuery{Project: d.P.ID})
	return err
}

func factorFormDate(r *http.Request, field string) (qianxiang.Date, error) {
	d, err := qianxiang.ParseDate(r.FormValue(field))
	if err != nil || d.MonthOnly() {
		return d, qianxiang.FieldError(field, "must be a date YYYY-MM-DD")
	}
	return d, nil
}

func factorFormMoney(r *http.Request, field string, required bool) (qianxiang.Money, error) {
	v := strings.TrimSpace(r.FormValue(field))
	if v == "" && !required {
		return 0, nil
	}
	m, err := qianxiang.ParseMoney(v)
	if err != nil {
		return 0, qianxiang.FieldError(field, "must be an amount in 10k yuan")
	}
	return m, nil
}

// factorForm saves the submitted line of the kind.
func (s *Server) factorForm(r *http.Request, projectID, fid int64, kind string) error {
	ctx, a := r.Context(), actor(r)
	f := r.FormValue
	var err error
	switch kind {
	case "approval":
		x := qianxiang.Approval{ID: fid, Kind: f("kind"), Name: f("name"), State: qianxiang.ApprovalState(f("state")), Doc: strings.TrimSpace(f("doc")), Note: f("note")}
		for _, d := range []struct {
			field string
			to    *qianxiang.Date
		}{{"started_on", &x.StartedOn}, {"approved_on", &x.ApprovedOn}, {"promised_by", &x.PromisedBy}} {
			if *d.to, err = factorFormDate(r, d.field); err != nil {
				return err
			}
		}
		_, err = s.App.SaveApproval(ctx, a, projectID, x)
	case "land":
		area, perr := qianxiang.ParseMu(f("area"))
		if perr != nil {
			return qianxiang.FieldError("area", "must be a number of mu with at most two decimals")
		}
		_, err = s.App.SaveLand(ctx, a, projectID, qianxiang.LandNeed{ID: fid, Area: area, Source: f("source"), State: f("state"), Note: f("note")})
	case "funding":
		amount, perr := factorFormMoney(r, "amount", true)
		if perr != nil {
			return perr
		}
		_, err = s.App.SaveFunding(ctx, a, projectID, qianxiang.FundingNeed{ID: fid, Amount: amount, Type: f("type"), Note: f("note")})
	case "bank":
		b := qianxiang.BankMatch{ID: fid, Event: f("event"), Bank: f("bank"), Note: f("note")}
		if b.HeldOn, err = factorFormDate(r, "held_on"); err != nil {
			return err
		}
		if b.Intended, err = factorFormMoney(r, "intended", false); err != nil {
			return err
		}
		if b.Signed, err = factorFormMoney(r, "signed", false); err != nil {
			return err
		}
		_, err = s.App.SaveBank(ctx, a, projectID, b)
	default:
		return qianxiang.ErrNotFound(kind)
	}
	return err
}

func (s *Server) factorSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var fid int64
	if r.PathValue("fid") != "" {
		if fid, err = pathID(r, "fid"); err != nil {
			return err
		}
	}
	return s.afterFactor(w, r, id, s.factorForm(r, id, fid, r.PathValue("kind")))
}

func (s *Server) factorDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	fid, err := pathID(r, "fid")
	if err != nil {
		return err
	}
	return s.afterFactor(w, r, id, s.App.DeleteFactor(r.Context(), actor(r), id, r.PathValue("kind"), fid))
}

// afterFactor goes back to the project's factors, or shows the refusal on
// the project page.
func (s *Server) afterFactor(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/projects/%d?saved=1#factors", id), http.StatusSeeOther)
		return nil
	}
	if c := qianxiang.ErrorCode(err); c != qianxiang.EValidation && c != qianxiang.EInvalid {
		return err
	}
	d, verr := s.projectView(r, id)
	if verr != nil {
		return verr
	}
	p := s.page(r, "Project", "projects", d)
	p.Title, p.Error = d.P.Name, i18n.Error(p.Lang, err)
	return s.render(w, r, Status(qianxiang.ErrorCode(err)), "project", p)
}
