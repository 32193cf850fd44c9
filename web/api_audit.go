package web

import (
	"bytes"
	"io"
	"net/http"

	"qianxiang"
)

// apiAuditCheckpoint gives the signed checkpoint as a file to keep.
func (s *Server) apiAuditCheckpoint(w http.ResponseWriter, r *http.Request) error {
	cp, err := s.App.AuditCheckpoint(r.Context(), actor(r))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", `attachment; filename="qianxiang-checkpoint-`+cp.At[:10]+`.json"`)
	writeJSON(w, 200, cp)
	return nil
}

// apiAuditVerifyCheckpoint verifies the chain and holds it against the
// checkpoint sent as the body.
func (s *Server) apiAuditVerifyCheckpoint(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActAudit); err != nil {
		return err
	}
	cp, err := qianxiang.ReadCheckpoint(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		return err
	}
	n, broken, err := s.App.VerifyAuditAgainst(r.Context(), actor(r), cp)
	if err != nil {
		return err
	}
	writeJSON(w, 200, map[string]any{"entries": n, "intact": len(broken) == 0, "broken": broken,
		"checkpoint": map[string]any{"seq": cp.Seq, "at": cp.At}})
	return nil
}

// apiSetRole changes a user's role (and organisation): {"role","org"}.
func (s *Server) apiSetRole(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in struct{ Role, Org string }
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.App.SetRole(r.Context(), actor(r), id, qianxiang.Role(in.Role), in.Org); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// auditVerifyCheckpoint is the audit page's upload of a kept checkpoint.
func (s *Server) auditVerifyCheckpoint(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActAudit); err != nil {
		return err
	}
	d := auditData{Tables: auditTables, Verified: true}
	f, _, err := r.FormFile("checkpoint")
	if err != nil {
		return qianxiang.FieldError("checkpoint", "is required: choose the checkpoint file")
	}
	defer f.Close()
	var buf bytes.Buffer
	io.Copy(&buf, io.LimitReader(f, 1<<20))
	cp, err := qianxiang.ReadCheckpoint(&buf)
	if err != nil {
		return err
	}
	if d.Entries, d.Broken, err = s.App.VerifyAuditAgainst(r.Context(), actor(r), cp); err != nil {
		return err
	}
	d.Checkpoint = &cp
	if d.Trail, err = s.App.AuditEntries(r.Context(), actor(r), d.Filter); err != nil {
		return err
	}
	return s.render(w, r, 200, "audit", s.page(r, "Audit", "settings", d))
}
