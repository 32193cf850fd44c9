package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"sort"
	"strings"
	"unicode/utf8"

	"qianxiang"
)

// textGuard refuses, before any handler runs, a query parameter or form
// field that holds NUL or another control character (tab and line breaks
// excepted; each field's own rule in qianxiang.TextRules decides those) or
// bytes that are not UTF-8: PostgreSQL cannot store them, and no person
// types them. JSON bodies are checked by decode. Uploaded files are not
// text and are left to their readers.
func (s *Server) textGuard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := formTextProblem(r); err != nil {
			s.fail(w, r, err)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func formTextProblem(r *http.Request) error {
	if r.URL.RawQuery == "" && r.Method == http.MethodGet {
		return nil // nothing to look at; spares parsing an empty query
	}
	if err := valuesProblem(r.URL.Query()); err != nil {
		return err
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/x-www-form-urlencoded" || r.Method == http.MethodGet {
		return nil
	}
	if err := r.ParseForm(); err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "the form could not be read")
	}
	return valuesProblem(r.PostForm)
}

func valuesProblem(v map[string][]string) error {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := textProblem(k, k); err != nil {
			return err
		}
		for _, x := range v[k] {
			if err := textProblem(k, x); err != nil {
				return err
			}
		}
	}
	return nil
}

// textProblem is the 422 for a value no text field accepts, naming field.
func textProblem(field, s string) error {
	field = strings.ToValidUTF8(field, "?")
	if !utf8.ValidString(s) {
		return qianxiang.FieldError(field, "is not valid UTF-8 text")
	}
	if i, r, bad := qianxiang.HasControl(s); bad {
		return qianxiang.FieldError(field, "contains the control character U+%04X at character %d; remove it", r, i)
	}
	return nil
}

// jsonTextProblem walks a JSON body for a string (or key) that no text
// field accepts, naming it by its path ("team[1].name").
func jsonTextProblem(body []byte) error {
	if !bytes.Contains(body, []byte(`\u`)) && utf8.Valid(body) && !hasRawControl(body) {
		return nil // the common case: nothing to look for
	}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil {
		return nil // decode reports malformed JSON itself
	}
	return walkJSON("", v)
}

// hasRawControl finds control bytes outside JSON's white space; inside a
// string they make the JSON invalid, so this only short-cuts the scan.
func hasRawControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	return bytes.Contains(b, []byte("\u2028")) || bytes.Contains(b, []byte("\u2029")) || bytes.Contains(b, []byte("\ufeff")) ||
		bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x7f && r <= 0x9f })
}

func walkJSON(path string, v any) error {
	switch x := v.(type) {
	case string:
		return textProblem(fieldPath(path), x)
	case []any:
		for i, e := range x {
			if err := walkJSON(fmt.Sprintf("%s[%d]", path, i), e); err != nil {
				return err
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			if err := textProblem(fieldPath(p), k); err != nil {
				return err
			}
			if err := walkJSON(p, x[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

func fieldPath(p string) string {
	if p == "" {
		return "body"
	}
	return p
}
