package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"qianxiang"
	"qianxiang/app"
)

func (s *Server) apiCongresses(w http.ResponseWriter, r *http.Request) error {
	ks, err := s.App.Congresses(r.Context(), actor(r))
	if err != nil {
		return err
	}
	items := make([]qianxiang.Congress, 0, len(ks))
	for _, k := range ks {
		items = append(items, k.Congress)
	}
	writeJSON(w, 200, map[string]any{"items": items, "total": len(items)})
	return nil
}

func (s *Server) apiDeputies(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	ds, err := s.App.Deputies(r.Context(), actor(r), q.Get("congress"), q.Get("delegation"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ds, "total": len(ds)})
	return nil
}

func (s *Server) apiImportDeputies(w http.ResponseWriter, r *http.Request) error {
	if !actor(r).Can(qianxiang.ActManageCongress, qianxiang.Scope{Congress: true}) {
		return qianxiang.ErrForbidden()
	}
	f, name, err := s.uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := s.App.ImportDeputies(r.Context(), actor(r), r.URL.Query().Get("congress"), name, f)
	if err != nil {
		return err
	}
	writeJSON(w, 200, res)
	return nil
}

func (s *Server) apiMeetings(w http.ResponseWriter, r *http.Request) error {
	ms, err := s.App.Meetings(r.Context(), actor(r), r.URL.Query().Get("congress"))
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": ms, "total": len(ms)})
	return nil
}

func (s *Server) apiCreateMeeting(w http.ResponseWriter, r *http.Request) error {
	var in app.NewMeeting
	if err := decode(r, &in); err != nil {
		return err
	}
	m, err := s.App.CreateMeeting(r.Context(), actor(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, m)
	return nil
}

func (s *Server) apiMeeting(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	m, err := s.App.Meeting(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, m)
	return nil
}

func (s *Server) apiRoll(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	roll, err := s.App.Roll(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": roll, "total": len(roll)})
	return nil
}

func (s *Server) apiDeskCheckIn(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct {
		Card, Name string
		// Cards is a sign-in sheet: every card checked in, or none.
		Cards []string `json:"cards"`
	}
	if err := actor(r).Check(qianxiang.ActManageCongress, congressScope, "meeting"); err != nil {
		return err
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.Cards != nil {
		l, err := s.App.CheckInList(r.Context(), actor(r), id, in.Cards)
		if err != nil {
			return err
		}
		writeJSON(w, 200, l)
		return nil
	}
	c, err := s.App.DeskCheckIn(r.Context(), actor(r), id, in.Card, in.Name)
	if err != nil {
		return err
	}
	writeJSON(w, 200, c)
	return nil
}

func (s *Server) apiLeave(w http.ResponseWriter, r *http.Request) error {
	return s.apiDeskAttendance(w, r, s.App.RecordLeave)
}

func (s *Server) apiUndoCheckIn(w http.ResponseWriter, r *http.Request) error {
	return s.apiDeskAttendance(w, r, s.App.UndoCheckIn)
}

// apiDeskAttendance answers the desk's corrections by card with a reason:
// leave, or a check-in undone.
func (s *Server) apiDeskAttendance(w http.ResponseWriter, r *http.Request,
	record func(context.Context, qianxiang.Actor, int64, string, string) (app.CheckIn, error)) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct{ Card, Reason string }
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := record(r.Context(), actor(r), id, in.Card, in.Reason)
	if err != nil {
		return err
	}
	writeJSON(w, 200, c)
	return nil
}

func (s *Server) apiSelfCheckIn(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := s.App.SelfCheckIn(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, c)
	return nil
}

func (s *Server) apiMeetingVotes(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.App.Meeting(r.Context(), actor(r), id); err != nil {
		return err
	}
	vs, err := s.App.Votes(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"items": vs, "total": len(vs)})
	return nil
}

func (s *Server) apiCreateVote(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in app.NewVote
	if err := decode(r, &in); err != nil {
		return err
	}
	v, err := s.App.CreateVote(r.Context(), actor(r), id, in)
	if err != nil {
		return err
	}
	writeJSON(w, 201, v)
	return nil
}

func (s *Server) apiVote(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := s.App.Vote(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, v)
	return nil
}

func (s *Server) apiVoteChange(action string) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var v app.VoteView
		switch action {
		case "open":
			v, err = s.App.OpenVote(r.Context(), actor(r), id)
		case "close":
			v, err = s.App.CloseVote(r.Context(), actor(r), id)
		case "reopen":
			var in struct{ Reason string }
			if err := decode(r, &in); err != nil {
				return err
			}
			v, err = s.App.ReopenVote(r.Context(), actor(r), id, in.Reason)
		}
		if err != nil {
			return err
		}
		writeJSON(w, 200, v)
		return nil
	}
}

func (s *Server) apiBallot(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	// A ballot is always the caller's own (the deputy linked to the
	// session or token): a body that names someone else is a ballot cast
	// through another's login, refused rather than quietly counted as
	// the caller's.
	var in struct {
		Choice   qianxiang.Choice `json:"choice"`
		Card     string           `json:"card"`
		Deputy   json.RawMessage  `json:"deputy"`
		DeputyID json.RawMessage  `json:"deputy_id"`
	}
	if err := actor(r).Check(qianxiang.ActVote, congressScope, "vote"); err != nil {
		return err
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.Card != "" || len(in.Deputy) > 0 || len(in.DeputyID) > 0 {
		return qianxiang.FieldError("card", "a ballot is cast by the deputy who is logged in; it cannot name a deputy")
	}
	v, err := s.App.CastBallot(r.Context(), actor(r), id, in.Choice)
	if err != nil {
		return err
	}
	writeJSON(w, 200, v)
	return nil
}

// sse starts a server-sent event stream and returns a function that
// writes one event.
func sse(w http.ResponseWriter) (func(event string, data any) error, error) {
	f, ok := w.(http.Flusher)
	if !ok {
		return nil, fmt.Errorf("streaming is not supported by this connection")
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no") // nginx: do not hold events back
	w.WriteHeader(200)
	f.Flush()
	return func(event string, data any) error {
		b, err := json.Marshal(data)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b); err != nil {
			return err
		}
		f.Flush()
		return nil
	}, nil
}

// apiVoteEvents streams a vote: `cast` (the GET shape, with only how many
// have voted) after ballots, `result` once it closes.
func (s *Server) apiVoteEvents(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := s.App.Vote(ctx, actor(r), id); err != nil {
		return err
	}
	signal, cancel := s.App.Subscribe(ctx, app.VoteTopic(id))
	defer cancel()
	send, err := sse(w)
	if err != nil {
		return err
	}
	return s.stream(w, r, signal, func() error {
		v, err := s.App.Vote(ctx, actor(r), id)
		if err != nil {
			return err
		}
		ev := "cast"
		if v.Status == qianxiang.VoteClosed {
			ev = "result"
		}
		return send(ev, v)
	})
}

// apiMeetingEvents streams a meeting for its screen: `meeting` with the
// attendance and its votes after every check-in and every change of a vote.
func (s *Server) apiMeetingEvents(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := s.App.Meeting(ctx, actor(r), id); err != nil {
		return err
	}
	signal, cancel := s.App.Subscribe(ctx, app.MeetingTopic(id))
	defer cancel()
	send, err := sse(w)
	if err != nil {
		return err
	}
	return s.stream(w, r, signal, func() error {
		m, err := s.App.Meeting(ctx, actor(r), id)
		if err != nil {
			return err
		}
		vs, err := s.App.Votes(ctx, actor(r), id)
		if err != nil {
			return err
		}
		out := map[string]any{"meeting": m, "votes": vs}
		if actor(r).Role == qianxiang.RoleDeputy {
			// The deputy's own tablet learns when the desk checks them in.
			out["me_present"] = s.App.IsPresent(ctx, actor(r), id)
		}
		return send("meeting", out)
	})
}

// streamEvery spaces a stream's pushes: during a vote 2,977 ballots signal
// within seconds, and each screen needs the count a few times a second,
// not once per ballot. A close is shown at most this late.
const streamEvery = 200 * time.Millisecond

// stream sends the state now and after every signal (at most every
// streamEvery), with a comment line every 20 s so proxies keep the
// connection, until the client leaves.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, signal <-chan struct{}, push func() error) error {
	if err := push(); err != nil {
		return nil
	}
	tick := time.NewTicker(20 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return nil
		case <-signal:
			if err := push(); err != nil {
				return nil
			}
			// Signals that arrive meanwhile wait in the channel (one is
			// enough) and are answered by the next push.
			select {
			case <-r.Context().Done():
				return nil
			case <-time.After(streamEvery):
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return nil
			}
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
		}
	}
}
