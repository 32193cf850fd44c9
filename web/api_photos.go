package web

import (
	"io"
	"net/http"

	"qianxiang"
	"qianxiang/app"
)

// photoUpload reads the multipart field "file", refusing more than
// app.MaxPhotoBytes before it is all read.
func photoUpload(w http.ResponseWriter, r *http.Request) ([]byte, string, error) {
	const slack = 64 << 10 // the multipart envelope around the picture
	tooLarge := qianxiang.FieldError("file", "the photo is larger than %d MB", app.MaxPhotoBytes>>20)
	r.Body = http.MaxBytesReader(w, r.Body, app.MaxPhotoBytes+slack)
	if err := r.ParseMultipartForm(app.MaxPhotoBytes + slack); err != nil {
		if _, ok := err.(*http.MaxBytesError); ok {
			return nil, "", tooLarge
		}
		return nil, "", qianxiang.FieldError("file", "is required: attach the picture as the multipart field \"file\"")
	}
	f, h, err := r.FormFile("file")
	if err != nil {
		return nil, "", qianxiang.FieldError("file", "is required: attach the picture as the multipart field \"file\"")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, app.MaxPhotoBytes+1))
	if err != nil {
		return nil, "", qianxiang.Errorf(qianxiang.EInvalid, "the file could not be read")
	}
	if len(data) > app.MaxPhotoBytes {
		return nil, "", tooLarge
	}
	return data, h.Filename, nil
}

func (s *Server) apiAttachPhoto(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.App.ProjectFor(r.Context(), actor(r), id, qianxiang.ActFillReport); err != nil {
		return err
	}
	y, m, err := monthParam(r.PathValue("month"))
	if err != nil {
		return err
	}
	data, name, err := photoUpload(w, r)
	if err != nil {
		return err
	}
	ph, err := s.App.AttachPhoto(r.Context(), actor(r), id, y, m, name, data)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]any{"photo": ph, "url": "/api/v1/photos/" + ph.SHA256})
	return nil
}

func (s *Server) apiReportPhotos(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	y, m, err := monthParam(r.PathValue("month"))
	if err != nil {
		return err
	}
	ps, err := s.App.ReportPhotos(r.Context(), actor(r), id, y, m)
	if err != nil {
		return err
	}
	out := make([]map[string]any, 0, len(ps))
	for _, p := range ps {
		out = append(out, map[string]any{"id": p.ID, "sha256": p.SHA256, "mime": p.MIME, "size": p.Size, "name": p.Name,
			"created_at": p.CreatedAt, "url": "/api/v1/photos/" + p.SHA256})
	}
	writeJSON(w, 200, map[string]any{"items": out})
	return nil
}

// apiPhoto serves a picture. Its address is its hash, so it never changes:
// browsers may keep it, but only privately (it is behind a login).
func (s *Server) apiPhoto(w http.ResponseWriter, r *http.Request) error {
	data, mime, err := s.App.Photo(r.Context(), actor(r), r.PathValue("sha"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", mime)
	w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
	w.Header().Set("Content-Disposition", "inline")
	w.Write(data)
	return nil
}
