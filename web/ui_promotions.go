package web

import (
	"net/http"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/i18n"
)

// publicPromotionView is one promoted project for the public, with the
// interest form (as typed, when it was refused).
type publicPromotionView struct {
	M    qianxiang.PublicPromotion
	In   app.InterestInput
	Sent bool
}

func (s *Server) publicPromotionPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.App.PublicPromotion(r.Context(), id)
	if err != nil {
		return err
	}
	v := &publicPromotionView{M: m, Sent: r.URL.Query().Get("sent") == "1"}
	return s.render(w, r, 200, "public_promotion", s.page(r, "Projects open to private capital", "", v))
}

// publicInterestSubmit takes the public form. Without a session it is
// guarded as the login form is, by the request's origin; the service
// limits how often one address may send.
func (s *Server) publicInterestSubmit(w http.ResponseWriter, r *http.Request) error {
	lang := info(r).Lang
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.App.PublicPromotion(r.Context(), id)
	if err != nil {
		return err
	}
	in := app.InterestInput{Company: r.PostFormValue("company"), Person: r.PostFormValue("person"), Phone: r.PostFormValue("phone"), Intent: r.PostFormValue("intent")}
	v := &publicPromotionView{M: m, In: in}
	p := s.page(r, "Projects open to private capital", "", v)
	if !sameOrigin(r) {
		p.Error = i18n.T(lang, "the form has expired; reload the page and try again")
		return s.render(w, r, http.StatusForbidden, "public_promotion", p)
	}
	if _, err := s.App.SubmitInterest(r.Context(), id, in, clientAddr(r)); err != nil {
		e := qianxiang.AsError(err)
		if e == nil || (e.Code != qianxiang.EValidation && e.Code != qianxiang.ETooMany) {
			return err
		}
		p.Error = i18n.Error(lang, err)
		return s.render(w, r, Status(e.Code), "public_promotion", p)
	}
	http.Redirect(w, r, r.URL.Path+"?sent=1", http.StatusSeeOther)
	return nil
}
