package web

import (
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

// The congress's bodies, motions with their review, and resolutions
// followed up (contract.md, "Modules 4–7").

func (s *Server) apiBodies(w http.ResponseWriter, r *http.Request) error {
	b, err := s.App.Bodies(r.Context(), actor(r), r.PathValue("code"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, b)
	return nil
}

// apiSetBody: PUT /api/v1/congresses/{code}/bodies/{body} {"members":[{"card","role"}]}.
func (s *Server) apiSetBody(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Members []app.BodyMemberIn `json:"members"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	b, err := s.App.SetBody(r.Context(), actor(r), r.PathValue("code"), qianxiang.SessionBody(r.PathValue("body")), in.Members)
	if err != nil {
		return err
	}
	writeJSON(w, 200, b)
	return nil
}

// apiMotionDeadline: PUT /api/v1/congresses/{code}/motion-deadline {"date"}.
func (s *Server) apiMotionDeadline(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Date string `json:"date"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	b, err := s.App.SetMotionDeadline(r.Context(), actor(r), r.PathValue("code"), in.Date)
	if err != nil {
		return err
	}
	writeJSON(w, 200, b)
	return nil
}

func (s *Server) apiMotions(w http.ResponseWriter, r *http.Request) error {
	ms, err := s.App.Motions(r.Context(), actor(r), r.URL.Query().Get("congress"))
	if err != nil {
		return err
	}
	if st := r.URL.Query().Get("status"); st != "" {
		out := ms[:0]
		for _, m := range ms {
			if string(m.Status) == st {
				out = append(out, m)
			}
		}
		ms = out
	}
	writeJSON(w, 200, map[string]any{"items": ms, "total": len(ms)})
	return nil
}

func (s *Server) apiCreateMotion(w http.ResponseWriter, r *http.Request) error {
	var in app.NewMotion
	if err := decode(r, &in); err != nil {
		return err
	}
	m, err := s.App.CreateMotion(r.Context(), actor(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, m)
	return nil
}

// apiMotionStep: GET one motion, or sign ({"card"} at the desk) / submit
// / review ({"content_ok","recommend":"listed"|"converted","review"}) /
// take-over ({"suggestion"}: module 7 took the converted motion over).
func (s *Server) apiMotionStep(step string) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		ctx, act := r.Context(), actor(r)
		var m qianxiang.Motion
		switch step {
		case "":
			m, err = s.App.Motion(ctx, act, id)
		case "sign":
			var in struct {
				Card string `json:"card"`
			}
			if r.ContentLength != 0 {
				if err := decode(r, &in); err != nil {
					return err
				}
			}
			m, err = s.App.SignMotion(ctx, act, id, in.Card)
		case "submit":
			m, err = s.App.SubmitMotion(ctx, act, id)
		case "review":
			var in app.MotionReview
			if err := decode(r, &in); err != nil {
				return err
			}
			m, err = s.App.ReviewMotion(ctx, act, id, in)
		case "take-over":
			var in struct {
				Suggestion string `json:"suggestion"`
			}
			if err := decode(r, &in); err != nil {
				return err
			}
			m, err = s.App.MarkMotionTakenOver(ctx, act, id, in.Suggestion)
		}
		if err != nil {
			return err
		}
		writeJSON(w, 200, m)
		return nil
	}
}

// apiConvertedMotions: the converted motions module 7 has yet to take over.
func (s *Server) apiConvertedMotions(w http.ResponseWriter, r *http.Request) error {
	ms, err := s.App.ConvertedMotions(r.Context(), actor(r), r.URL.Query().Get("congress"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ms, "total": len(ms)})
	return nil
}

func (s *Server) apiMotionReports(w http.ResponseWriter, r *http.Request) error {
	rs, err := s.App.MotionReports(r.Context(), actor(r), r.URL.Query().Get("congress"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": rs, "total": len(rs)})
	return nil
}

func (s *Server) apiCreateMotionReport(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Congress string `json:"congress"`
		Title    string `json:"title"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	rep, err := s.App.CreateMotionReport(r.Context(), actor(r), in.Congress, in.Title)
	if err != nil {
		return err
	}
	writeJSON(w, 201, rep)
	return nil
}

func (s *Server) apiMotionReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rep, err := s.App.MotionReport(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, rep)
	return nil
}

// apiReportToVote: POST /api/v1/motion-reports/{id}/vote {"meeting"}.
func (s *Server) apiReportToVote(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Meeting int64 `json:"meeting"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	rep, err := s.App.PutReportToVote(r.Context(), actor(r), id, in.Meeting)
	if err != nil {
		return err
	}
	writeJSON(w, 200, rep)
	return nil
}

func (s *Server) apiResolutions(w http.ResponseWriter, r *http.Request) error {
	rs, err := s.App.Resolutions(r.Context(), actor(r), r.URL.Query().Get("congress"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": rs, "total": len(rs)})
	return nil
}

// apiMakeResolution: POST /api/v1/resolutions {"vote"}: a passed vote
// followed up as a resolution.
func (s *Server) apiMakeResolution(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Vote int64 `json:"vote"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	res, err := s.App.MakeResolution(r.Context(), actor(r), in.Vote)
	if err != nil {
		return err
	}
	writeJSON(w, 201, res)
	return nil
}

func (s *Server) apiResolution(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	res, err := s.App.ResolutionOne(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, res)
	return nil
}

// apiAddFollowUp: POST /api/v1/resolutions/{id}/followups {"body","due"}.
func (s *Server) apiAddFollowUp(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.NewFollowUp
	if err := decode(r, &in); err != nil {
		return err
	}
	res, err := s.App.AddFollowUp(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, res)
	return nil
}

// apiFollowUpStep: POST /api/v1/followups/{id}/report {"text","reported_on"}
// and …/assess {"accept","note"}.
func (s *Server) apiFollowUpStep(step string) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var in app.FollowUpStep
		if err := decode(r, &in); err != nil {
			return err
		}
		res, err := s.App.StepFollowUp(r.Context(), actor(r), id, step, in)
		if err != nil {
			return err
		}
		writeJSON(w, 200, res)
		return nil
	}
}
