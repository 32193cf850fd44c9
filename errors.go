package qianxiang

import (
	"errors"
	"fmt"
)

// Error codes. One function in web/ maps them to HTTP status and one in
// cmd/qianxiang to the exit status, so callers never guess.
const (
	EUnauthenticated = "unauthenticated"   // 401
	EForbidden       = "forbidden"         // 403: the role may not do this
	ENotFound        = "not_found"         // 404: missing or outside scope
	EInvalid         = "invalid_input"     // 400: malformed request
	EValidation      = "validation_failed" // 422: a rule refused it
	EConflict        = "conflict"          // 409: stale version or duplicate
	ETooMany         = "too_many_requests" // 429: throttled
	EUnavailable     = "unavailable"       // 503: the database cannot serve for now
	EInternal        = "internal"          // 500: never shown in detail
)

// Error is the one error type of the domain. Format and Args are kept apart
// so the UI can translate the message (the catalog in internal/i18n is keyed
// by Format); Error() gives the English text used by the CLI, the API and logs.
type Error struct {
	Code    string
	Format  string
	Args    []any
	Details []Detail
}

// Detail names one faulty row, cell or field of a refused input.
type Detail struct {
	Row    int    `json:"row,omitempty"`
	Column string `json:"column,omitempty"` // spreadsheet column letter
	Header string `json:"header,omitempty"` // the header text of that column
	Field  string `json:"field,omitempty"`
	Format string `json:"-"`
	Args   []any  `json:"-"`
	// Label is the catalog key naming the field for a reader when the
	// field's name means different things in different areas ("people" is
	// a count on a station visit, the names of who went on a statistics
	// verification): "area:field". The API still names Field.
	Label string `json:"-"`
}

func (e *Error) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

// Message of a detail in English.
func (d Detail) Message() string { return fmt.Sprintf(d.Format, d.Args...) }

// String gives "row R, column C (header): message", the form import errors
// are printed in.
func (d Detail) String() string {
	s := ""
	if d.Row > 0 {
		s = fmt.Sprintf("row %d", d.Row)
	}
	if d.Column != "" {
		if s != "" {
			s += ", "
		}
		s += "column " + d.Column
		if d.Header != "" {
			s += " (" + d.Header + ")"
		}
	} else if d.Field != "" {
		if s != "" {
			s += ", "
		}
		s += d.Field
	}
	if s == "" {
		return d.Message()
	}
	return s + ": " + d.Message()
}

// Errorf returns an *Error with the given code and message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Format: format, Args: args}
}

// FieldError is a 422 naming one field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: EValidation, Format: "%s: " + format, Args: append([]any{field}, args...),
		Details: []Detail{{Field: field, Format: format, Args: args}}}
}

// InArea labels the fields err names as area's ("verification:people"),
// so the catalog gives them that area's word while the API keeps the
// field's name. Other errors, and nil, pass unchanged.
func InArea(area string, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	for i, d := range e.Details {
		if d.Field != "" && d.Label == "" {
			e.Details[i].Label = area + ":" + d.Field
		}
	}
	return err
}

// ErrorCode returns the code of err, EInternal for errors that are not ours.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// AsError returns err as *Error, or nil for foreign errors.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// ErrNotFound is the not-found error for a kind of thing; outside-scope
// reads return it too, so that existence is not revealed.
func ErrNotFound(what string) *Error { return Errorf(ENotFound, "%s not found", what) }

// ErrForbidden says the caller's role may not do this.
func ErrForbidden() *Error { return Errorf(EForbidden, "your role is not allowed to do this") }
