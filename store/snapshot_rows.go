package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// snapshotRows turns the rows of a bulk read or a RETURNING * into
// snapshots, byte for byte what Snapshot gives (json.Marshal of
// scanCanonical's map: keys sorted, every value a string or null), without
// a map and reflection per row: a province's import snapshots some 100,000
// rows, and the map and its encoding were a third of the work.
type snapshotRows struct {
	names  []string // the kept columns, sorted
	index  []int    // each one's position in the row
	secret []bool
	idAt   int // the id column's position, -1 if none
	vals   []any
	ptrs   []any
	buf    []byte
}

func newSnapshotRows(rows *sql.Rows) (*snapshotRows, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	s := &snapshotRows{idAt: -1, vals: make([]any, len(cols)), ptrs: make([]any, len(cols))}
	for i := range s.vals {
		s.ptrs[i] = &s.vals[i]
	}
	order := make([]int, 0, len(cols))
	for i, c := range cols {
		if c == "id" {
			s.idAt = i
		}
		if !volatileCols[c] {
			order = append(order, i)
		}
	}
	sort.Slice(order, func(a, b int) bool { return cols[order[a]] < cols[order[b]] })
	for _, i := range order {
		s.names = append(s.names, cols[i])
		s.index = append(s.index, i)
		s.secret = append(s.secret, secretCols[cols[i]])
	}
	return s, nil
}

// next scans the current row: its id and its snapshot.
func (s *snapshotRows) next(rows *sql.Rows) (int64, string, error) {
	if err := rows.Scan(s.ptrs...); err != nil {
		return 0, "", err
	}
	var id int64
	if s.idAt >= 0 {
		if v, ok := canonical(s.vals[s.idAt]).(string); ok {
			id, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	b := append(s.buf[:0], '{')
	for k, name := range s.names {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, name)
		b = append(b, ':')
		v := canonical(s.vals[s.index[k]])
		str, ok := v.(string)
		switch {
		case !ok:
			b = append(b, "null"...)
		case s.secret[k]:
			sum := sha256.Sum256([]byte(str))
			b = appendJSONString(b, "sha256:"+hex.EncodeToString(sum[:]))
		default:
			b = appendJSONString(b, str)
		}
	}
	b = append(b, '}')
	s.buf = b
	return id, string(b), nil
}

// appendJSONString appends s quoted as encoding/json quotes it. Text that
// needs no escape (no control character, quote, backslash or <>&, valid
// UTF-8 without U+2028/U+2029) is copied; anything else is left to
// encoding/json itself, so the result is always its own.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return appendMarshalled(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return appendMarshalled(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendMarshalled(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}

// reportSnapshotOrder is the position, in reportInsertCols + "version" (the
// values SaveReports writes), of each column of reports in a snapshot's
// order (sorted by name).
var reportSnapshotNames, reportSnapshotOrder = func() ([]string, []int) {
	cols := append(append([]string{}, reportInsertCols...), "version")
	order := make([]int, len(cols))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return cols[order[a]] < cols[order[b]] })
	names := make([]string, len(order))
	for k, i := range order {
		names[k] = cols[i]
	}
	return names, order
}()

// reportSnapshot appends the snapshot of a report row as Snapshot would
// read it back: vals are the values of reportInsertCols + "version", each
// an int64 or a string (the columns' stored types on both databases).
func reportSnapshot(b []byte, vals []any) []byte {
	b = append(b, '{')
	for k, name := range reportSnapshotNames {
		if k > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, name)
		b = append(b, ':')
		switch v := vals[reportSnapshotOrder[k]].(type) {
		case int64:
			b = append(b, '"')
			b = strconv.AppendInt(b, v, 10)
			b = append(b, '"')
		case string:
			b = appendJSONString(b, v)
		default:
			panic("reportSnapshot: a value neither int64 nor string")
		}
	}
	return append(b, '}')
}

// snapshotField is the text of one field of a snapshot ("" when absent or
// null). It is for values a snapshot holds unescaped (timestamps, numbers):
// a value with a backslash is decoded properly.
func snapshotField(snap, name string) string {
	key := `"` + name + `":"`
	i := strings.Index(snap, key)
	if i < 0 {
		return ""
	}
	rest := snap[i+len(key):]
	j := strings.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	if strings.IndexByte(rest[:j], '\\') < 0 {
		return rest[:j]
	}
	var m map[string]any
	if json.Unmarshal([]byte(snap), &m) != nil {
		return ""
	}
	v, _ := m[name].(string)
	return v
}
