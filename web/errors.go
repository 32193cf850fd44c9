package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"

	"qianxiang"
	"qianxiang/internal/i18n"
)

// Status maps an error code to its HTTP status: the one place that does.
func Status(code string) int {
	switch code {
	case qianxiang.EUnauthenticated:
		return http.StatusUnauthorized
	case qianxiang.EForbidden:
		return http.StatusForbidden
	case qianxiang.ENotFound:
		return http.StatusNotFound
	case qianxiang.EInvalid:
		return http.StatusBadRequest
	case qianxiang.EValidation:
		return http.StatusUnprocessableEntity
	case qianxiang.EConflict:
		return http.StatusConflict
	case qianxiang.ETooMany:
		return http.StatusTooManyRequests
	case qianxiang.EUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

type errorDetail struct {
	Row     int    `json:"row,omitempty"`
	Column  string `json:"column,omitempty"`
	Header  string `json:"header,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

type errorBody struct {
	Error struct {
		Code    string        `json:"code"`
		Message string        `json:"message"`
		Details []errorDetail `json:"details,omitempty"`
	} `json:"error"`
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// fail answers with an error: the contract's JSON body for the API, an
// error page (or the login page) for the UI.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if e := s.App.Unavailable(err); e != nil {
		// The database is restarting, full or read-only: say so, and when
		// to try again, rather than "internal error".
		s.Log.WarnContext(r.Context(), "database unavailable", "request", info(r).ID, "err", err)
		err = e
		w.Header().Set("Retry-After", "5")
	}
	code := qianxiang.ErrorCode(err)
	if code == qianxiang.EInternal {
		s.Log.ErrorContext(r.Context(), "request failed", "request", info(r).ID, "err", err)
	}
	if !isAPI(r) {
		s.failPage(w, r, err)
		return
	}
	writeJSON(w, Status(code), apiError(info(r).Lang, err))
}

func apiError(lang string, err error) errorBody {
	var b errorBody
	b.Error.Code = qianxiang.ErrorCode(err)
	// The API speaks English unless the caller asked for Chinese: scripts
	// match on code, people read message.
	b.Error.Message = i18n.Error(lang, err)
	if e := qianxiang.AsError(err); e != nil {
		for _, d := range e.Details {
			b.Error.Details = append(b.Error.Details, errorDetail{Row: d.Row, Column: d.Column, Header: d.Header, Field: d.Field,
				Message: i18n.Message(lang, d)})
		}
	}
	return b
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	setJSONHeaders(w.Header())
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// jsonBufs hold the buffers of answers written by hand (writeJSONAppend),
// so a busy list does not grow a new 45 KB buffer per request.
var jsonBufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// writeJSONAppend is writeJSON for a value that writes its own JSON
// (AppendJSON, checked byte for byte against encoding/json): the same
// headers, the same bytes, the same newline at the end.
func writeJSONAppend(w http.ResponseWriter, status int, appendJSON func([]byte) []byte) {
	bp := jsonBufs.Get().(*[]byte)
	b := append(appendJSON((*bp)[:0]), '\n')
	setJSONHeaders(w.Header())
	w.WriteHeader(status)
	w.Write(b)
	if cap(b) <= 1<<20 { // a rare huge page is not kept
		*bp = b[:0]
		jsonBufs.Put(bp)
	}
}
