package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"qianxiang"
)

func (s *Server) apiFactors(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.App.ProjectFactors(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, f)
	return nil
}

// saveFactor decodes a factor line of the kind and saves it (fid 0: new).
func (s *Server) saveFactor(r *http.Request, kind string, projectID, fid int64, body []byte) (any, error) {
	ctx, a := r.Context(), actor(r)
	dec := func(v any) error {
		err := json.Unmarshal(body, v)
		var te *json.UnmarshalTypeError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &te):
			return qianxiang.FieldError(te.Field, "has the wrong type")
		case qianxiang.AsError(err) != nil: // an amount, area or date that does not read
			return qianxiang.Errorf(qianxiang.EInvalid, "malformed %s: %s", kind, qianxiang.AsError(err).Error())
		}
		return qianxiang.Errorf(qianxiang.EInvalid, "the request body is not valid JSON")
	}
	switch kind {
	case "approval":
		var x qianxiang.Approval
		if err := dec(&x); err != nil {
			return nil, err
		}
		x.ID = fid
		return s.App.SaveApproval(ctx, a, projectID, x)
	case "land":
		var x qianxiang.LandNeed
		if err := dec(&x); err != nil {
			return nil, err
		}
		x.ID = fid
		return s.App.SaveLand(ctx, a, projectID, x)
	case "funding":
		var x qianxiang.FundingNeed
		if err := dec(&x); err != nil {
			return nil, err
		}
		x.ID = fid
		return s.App.SaveFunding(ctx, a, projectID, x)
	case "bank":
		var x qianxiang.BankMatch
		if err := dec(&x); err != nil {
			return nil, err
		}
		x.ID = fid
		return s.App.SaveBank(ctx, a, projectID, x)
	}
	return nil, qianxiang.FieldError("kind", "must be approval, land, funding or bank")
}

func (s *Server) apiSaveFactor(w http.ResponseWriter, r *http.Request) error {
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
	var raw json.RawMessage
	if err := decode(r, &raw); err != nil {
		return err
	}
	out, err := s.saveFactor(r, r.PathValue("kind"), id, fid, raw)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if fid == 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, out)
	return nil
}

func (s *Server) apiDeleteFactor(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	fid, err := pathID(r, "fid")
	if err != nil {
		return err
	}
	if err := s.App.DeleteFactor(r.Context(), actor(r), id, r.PathValue("kind"), fid); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
