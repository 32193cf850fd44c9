package web

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// The request line is the one log line written for every request, so it
// is formatted by hand: appended into a pooled buffer and written in one
// call, where slog's handler builds a Record, walks the attributes and
// groups through Value kinds and locks per line (about 3.5 µs a request,
// most of a health probe's cost). The line is byte for byte what slog's
// JSON handler wrote for the same attributes, so log readers see no change:
//
//	{"time":"…","level":"INFO","msg":"request","http":{"id":"…","method":"GET",
//	"path":"/…","status":200,"bytes":123,"took":456789},"user":"…","client":"…"}

// NewJSONLogger is the server's logger: JSON lines on w from the given
// level. The server writes its request lines straight into the same
// writer, under the same lock, when its logger is one of these.
func NewJSONLogger(w io.Writer, level slog.Leveler) *slog.Logger {
	out := &lockedWriter{w: w}
	return slog.New(&jsonLog{Handler: slog.NewJSONHandler(out, &slog.HandlerOptions{Level: level}), out: out})
}

// lockedWriter makes each Write whole: slog's lines and the request lines
// never interleave.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// jsonLog is slog's JSON handler with its writer known. derived is set on
// a handler made by WithAttrs or WithGroup, whose lines carry more than
// the request line written by hand would: those go through slog.
type jsonLog struct {
	slog.Handler
	out     *lockedWriter
	derived bool
}

func (h *jsonLog) WithAttrs(as []slog.Attr) slog.Handler {
	return &jsonLog{Handler: h.Handler.WithAttrs(as), out: h.out, derived: true}
}

func (h *jsonLog) WithGroup(name string) slog.Handler {
	return &jsonLog{Handler: h.Handler.WithGroup(name), out: h.out, derived: true}
}

// accessLine is what the request line says.
type accessLine struct {
	level            slog.Level
	id, method, path string
	status, bytes    int
	took             time.Duration
	user, client     string
	time             time.Time
}

var linePool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// logRequest writes the request line: by hand when the logger is a plain
// NewJSONLogger, through slog otherwise (tests' text handlers, a logger
// with attributes added).
func (s *Server) logRequest(ctx context.Context, l accessLine) {
	if h, ok := s.Log.Handler().(*jsonLog); ok && !h.derived {
		bp := linePool.Get().(*[]byte)
		b := appendAccessLine((*bp)[:0], l)
		h.out.Write(b)
		if cap(b) <= 4096 { // an enormous path is not kept for the next line
			*bp = b
			linePool.Put(bp)
		}
		return
	}
	s.Log.LogAttrs(ctx, l.level, "request",
		slog.Group("http", slog.String("id", l.id), slog.String("method", l.method), slog.String("path", l.path),
			slog.Int("status", l.status), slog.Int("bytes", l.bytes), slog.Duration("took", l.took)),
		slog.String("user", l.user), slog.String("client", l.client))
}

func appendAccessLine(b []byte, l accessLine) []byte {
	b = append(b, `{"time":"`...)
	b = l.time.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","level":"`...)
	b = append(b, l.level.String()...)
	b = append(b, `","msg":"request","http":{"id":`...)
	b = appendJSONString(b, l.id)
	b = append(b, `,"method":`...)
	b = appendJSONString(b, l.method)
	b = append(b, `,"path":`...)
	b = appendJSONString(b, l.path)
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(l.status), 10)
	b = append(b, `,"bytes":`...)
	b = strconv.AppendInt(b, int64(l.bytes), 10)
	b = append(b, `,"took":`...)
	b = strconv.AppendInt(b, int64(l.took), 10)
	b = append(b, `},"user":`...)
	b = appendJSONString(b, l.user)
	b = append(b, `,"client":`...)
	b = appendJSONString(b, l.client)
	return append(b, "}\n"...)
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as slog's JSON handler does: quote and
// backslash escaped, \n \r \t by name, other control bytes as \u00XX,
// invalid UTF-8 as \ufffd, and U+2028/U+2029 escaped (they break
// JavaScript that embeds JSON). Everything else, HTML characters
// included, is written as it is.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	plain := 0 // s[plain:i] is still to be copied unchanged
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[plain:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			plain = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[plain:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[plain:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		plain = i
	}
	b = append(b, s[plain:]...)
	return append(b, '"')
}
