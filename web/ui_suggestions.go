package web

import (
	"fmt"
	"net/http"
	"strings"

	"qianxiang"
	"qianxiang/app"
)

// vocab: proposals (政协提案) are handled by the same engine as deputies'
// suggestions; only the words differ. Each key is an English catalog key.
var proposalWords = map[string]string{
	"Suggestion": "Proposal", "Suggestions": "Proposals", "Assign": "File and assign", "Lead unit": "Main handling unit",
	"Co-units": "Joint handling units", "Answer to the deputies": "Handling reply", "Signing deputies": "Proposers", "Decline": "Not filed",
	"Merge": "Merge with another", "New suggestion": "New proposal", "Co-unit views": "Joint units' views",
	"Assigned": "Filed and assigned", "Assigned on": "Filed and assigned on", "Answer due": "Reply due", "Answered": "Handling reply sent",
	"Send the answer": "Send the handling reply", "Your rating of the answer": "Your view of the handling reply", "Ratings": "Proposers' views",
	"Not answered yet.": "No handling reply yet.",
	"Explanation to the deputies (answer within 6 months)":              "Explanation to the proposers (reply within 6 months)",
	"The suggestion was submitted; the congress office will assign it.": "The proposal was submitted; the proposals committee will review and file it.",
	"My suggestions": "My proposals", "As co-unit": "As joint unit", "Assigned as lead": "Filed and assigned as main unit", "By class of answer": "By class of reply",
	"What you propose and why":                                "The proposal: the situation, the reasons and what is proposed",
	"Co-signing deputies (card numbers, separated by commas)": "Co-signing members (card numbers, separated by commas)",
	"Deputies (card numbers, separated by commas)":            "Members (card numbers, separated by commas)",
}

// wordsOf gives the catalog key of a word for a kind.
func wordsOf(kind qianxiang.SuggestionKind, key string) string {
	if kind == qianxiang.KindProposal {
		if w, ok := proposalWords[key]; ok {
			return w
		}
	}
	return key
}

// suggestionsView is what suggestions.html reads.
type suggestionsView struct {
	Items    []qianxiang.Suggestion
	Q        app.SuggestionQuery
	Kind     qianxiang.SuggestionKind
	Orgs     []qianxiang.Org
	Statuses []qianxiang.SuggestionStatus
	Overdue  int
	Office   bool
	Deputy   bool
	Today    string
	In       app.SuggestionInput
}

// W is a word in the list's vocabulary.
func (v *suggestionsView) W(key string) string { return wordsOf(v.Kind, key) }

func (s *Server) suggestionsView(r *http.Request) (*suggestionsView, error) {
	ctx, a := r.Context(), actor(r)
	q, err := suggestionQuery(r)
	if err != nil {
		return nil, err
	}
	ss, err := s.App.Suggestions(ctx, a, q)
	if err != nil {
		return nil, err
	}
	v := &suggestionsView{Items: ss, Q: q, Kind: qianxiang.SuggestionKind(q.Kind), Statuses: qianxiang.SuggestionStatuses,
		Office: a.Role == qianxiang.RoleCongressStaff || a.Role == qianxiang.RoleAdmin, Deputy: a.Role == qianxiang.RoleDeputy,
		Today: s.App.Today().String()}
	for _, x := range ss {
		if x.Overdue {
			v.Overdue++
		}
	}
	if v.Office || a.Role.CityWide() {
		if v.Orgs, err = s.App.Directory(ctx, a); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func (s *Server) suggestionsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.suggestionsView(r)
	if err != nil {
		return err
	}
	p := s.page(r, v.W("Suggestions"), "suggestions", v)
	if r.URL.Query().Get("done") == "created" {
		p.Flash = p.T(v.W("The suggestion was submitted; the congress office will assign it."))
	}
	return s.render(w, r, 200, "suggestions", p)
}

// suggestionsSubmit: a deputy submits (co-signers by card, one a line or
// separated by commas); the office enters one for deputies.
func (s *Server) suggestionsSubmit(w http.ResponseWriter, r *http.Request) error {
	in := app.SuggestionInput{Kind: r.FormValue("kind"), Title: r.FormValue("title"), Body: r.FormValue("body"),
		SubmittedOn: r.FormValue("submitted_on"), Classified: r.FormValue("classified") == "1",
		Project: int64(formInt(r, "project")), FromMotion: int64(formInt(r, "from_motion"))}
	for _, c := range strings.FieldsFunc(r.FormValue("deputies"), func(c rune) bool { return c == ',' || c == '，' || c == '\n' || c == ' ' || c == '、' }) {
		in.Deputies = append(in.Deputies, strings.TrimSpace(c))
	}
	sg, err := s.App.CreateSuggestion(r.Context(), actor(r), in)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/suggestions/%d?done=created", sg.ID), http.StatusSeeOther)
		return nil
	}
	code := qianxiang.ErrorCode(err)
	if code == qianxiang.ENotFound || code == qianxiang.EInternal || code == qianxiang.EForbidden {
		return err
	}
	v, verr := s.suggestionsView(r)
	if verr != nil {
		return verr
	}
	v.In = in
	p := s.page(r, v.W("Suggestions"), "suggestions", v)
	s.setError(p, err)
	return s.render(w, r, Status(code), "suggestions", p)
}

// suggestionView is what suggestion.html reads.
type suggestionView struct {
	*app.SuggestionDetail
	May     map[string]bool
	Orgs    []qianxiang.Org
	Classes []qianxiang.AnswerClass
	Choices []qianxiang.Rating // the ratings a signer may give
	Today   string
	Mine    int // the actor's signer index, -1 when not a signer
}

// W is a word in the suggestion's vocabulary.
func (v *suggestionView) W(key string) string { return wordsOf(v.Kind, key) }

func (s *Server) loadSuggestionView(r *http.Request, id int64) (*suggestionView, error) {
	a := actor(r)
	d, err := s.App.SuggestionDetail(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	v := &suggestionView{SuggestionDetail: d, May: app.SuggestionActions(a, &d.Suggestion), Classes: qianxiang.AnswerClasses,
		Choices: qianxiang.Ratings, Today: s.App.Today().String(), Mine: d.SignerOf(a.UserID)}
	if v.May["assign"] {
		if v.Orgs, err = s.App.Directory(r.Context(), a); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func (s *Server) suggestionPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.loadSuggestionView(r, id)
	if err != nil {
		return err
	}
	if err := s.App.NotificationsSeen(r.Context(), actor(r), "suggestions", id); err != nil {
		return err
	}
	p := s.page(r, v.W("Suggestion"), "suggestions", v)
	switch done := r.URL.Query().Get("done"); done {
	case "":
	case "created":
		p.Flash = p.T(v.W("The suggestion was submitted; the congress office will assign it."))
	default:
		p.Flash = p.T("Saved.")
	}
	return s.render(w, r, 200, "suggestion", p)
}

// suggestionStepSubmit takes a step from the page's forms; a refusal is
// shown on the page.
func (s *Server) suggestionStepSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	in := stepInput{LeadOrg: r.FormValue("lead_org"), AssignedOn: r.FormValue("assigned_on"), Class: r.FormValue("class"),
		Text: r.FormValue("text"), Reason: r.FormValue("reason"), Rating: r.FormValue("rating")}
	for _, c := range r.Form["co_orgs"] {
		if c = strings.TrimSpace(c); c != "" {
			in.CoOrgs = append(in.CoOrgs, c)
		}
	}
	if v := r.FormValue("into"); v != "" {
		fmt.Sscan(v, &in.Into)
	}
	step := r.PathValue("step")
	_, err = s.suggestionStep(r, id, step, in)
	back := r.FormValue("back")
	if err == nil {
		if step == "send-back" { // the unit no longer holds it
			http.Redirect(w, r, "/suggestions?done=sent-back", http.StatusSeeOther)
			return nil
		}
		if back == "my" {
			http.Redirect(w, r, "/my?done="+step, http.StatusSeeOther)
			return nil
		}
		http.Redirect(w, r, fmt.Sprintf("/suggestions/%d?done=%s", id, step), http.StatusSeeOther)
		return nil
	}
	code := qianxiang.ErrorCode(err)
	if code == qianxiang.ENotFound || code == qianxiang.EInternal {
		return err
	}
	v, lerr := s.loadSuggestionView(r, id)
	if lerr != nil {
		return lerr
	}
	p := s.page(r, v.W("Suggestion"), "suggestions", v)
	s.setError(p, err)
	return s.render(w, r, Status(code), "suggestion", p)
}

// myView is the deputy's phone page: their suggestions with what each
// awaits, and the answers to rate.
type myView struct {
	Deputy  bool
	Items   []qianxiang.Suggestion
	ToRate  []qianxiang.Suggestion
	Ratings []qianxiang.Rating
	Mine    map[int64]int
	// The deputy's liaison stations and their public's problems.
	Stations []qianxiang.Station
	Problems []qianxiang.StationProblem
	Next     map[int64]qianxiang.Date    // each station's next reception day
	Visits   map[int64][]qianxiang.Visit // each station's leaders' visits of the last months
	// A consultative conference member's items are proposals: the page
	// speaks of proposals then.
	Kind qianxiang.SuggestionKind
}

// W is a word in the page's vocabulary.
func (v *myView) W(key string) string { return wordsOf(v.Kind, key) }

func (s *Server) myPage(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	v := &myView{Deputy: a.Role == qianxiang.RoleDeputy, Ratings: qianxiang.Ratings, Mine: map[int64]int{}}
	if v.Deputy {
		ss, err := s.App.Suggestions(r.Context(), a, app.SuggestionQuery{})
		if err != nil {
			return err
		}
		v.Items = ss
		v.Kind = qianxiang.KindProposal
		for _, x := range ss {
			if x.Kind != qianxiang.KindProposal {
				v.Kind = qianxiang.KindSuggestion
			}
		}
		if len(ss) == 0 {
			v.Kind = qianxiang.KindSuggestion
		}
		for i := range ss {
			if app.SuggestionActions(a, &ss[i])["rate"] {
				v.ToRate = append(v.ToRate, ss[i])
			}
		}
		sts, err := s.App.Stations(r.Context(), a)
		if err != nil {
			return err
		}
		for _, st := range sts {
			for _, g := range st.Deputies {
				if g.UserID == a.UserID {
					v.Stations = append(v.Stations, st)
				}
			}
		}
		if v.Problems, err = s.App.StationProblems(r.Context(), a, 0, 0, 0); err != nil {
			return err
		}
		cal, err := s.App.WorkCalendar(r.Context())
		if err != nil {
			return err
		}
		v.Next, v.Visits = map[int64]qianxiang.Date{}, map[int64][]qianxiang.Visit{}
		today := s.App.Today()
		from := qianxiang.AddMonths(qianxiang.Date{Year: today.Year, Month: today.Month, Day: 1}, -2)
		for _, st := range v.Stations {
			v.Next[st.ID] = st.NextReception(today, cal)
			if v.Visits[st.ID], err = s.App.Visits(r.Context(), a, st.ID, qianxiang.Date{Year: from.Year, Month: from.Month}.String()); err != nil {
				return err
			}
		}
		if len(v.Problems) > 8 {
			v.Problems = v.Problems[:8]
		}
	}
	p := s.page(r, v.W("My suggestions"), "my", v)
	if r.URL.Query().Get("done") != "" {
		p.Flash = p.T("Thank you: your rating was recorded.")
	}
	return s.render(w, r, 200, "my", p)
}
