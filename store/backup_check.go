package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"qianxiang"
)

// restoreAmounts are the amount columns of a backup, held to the bounds
// every other path enforces (qianxiang.CheckAmount).
var restoreAmounts = map[string]map[string]bool{
	"projects": {"total_investment": true, "annual_plan": true},
	"reports":  {"completed": true},
}

// maxRestoreFaults bounds the list a refused restore reports: enough to fix
// a database by, not so many that the message itself becomes the problem.
const maxRestoreFaults = 1000

// restoreFaults collects the records of a backup that cannot move. Restore
// checks every row before its insert and, when any is faulty, rolls the
// whole restore back and reports them all: all or nothing, and the office
// learns in one run every record it must correct at the source.
type restoreFaults struct {
	list  []qianxiang.Detail
	count int
}

// check looks at one row of table (as decoded, before untyped) and
// records what the target database could not store or the application
// would not accept: text with NUL or bytes that are not UTF-8 (PostgreSQL
// refuses both) and amounts outside the bounds. It reports whether the
// row is sound.
func (f *restoreFaults) check(table string, cols []string, row []any) bool {
	id := "?"
	for i, c := range cols {
		if c == "id" || c == "sha256" && table == "blobs" {
			id = fmt.Sprint(row[i])
		}
	}
	sound := true
	add := func(col, format string, args ...any) {
		sound = false
		f.count++
		if len(f.list) < maxRestoreFaults {
			f.list = append(f.list, qianxiang.Detail{Field: fmt.Sprintf("%s id %s, %s", table, id, col), Format: format, Args: args})
		}
	}
	for i, c := range cols {
		switch v := row[i].(type) {
		case string:
			switch {
			case !utf8.ValidString(v):
				add(c, "holds bytes that are not UTF-8 text, which PostgreSQL cannot store")
			case strings.IndexByte(v, 0) >= 0:
				add(c, "holds a NUL character (U+0000), which PostgreSQL cannot store")
			}
		case json.Number:
			if !restoreAmounts[table][c] {
				continue
			}
			n, err := v.Int64()
			if err != nil || !qianxiang.Money(n).Plausible() {
				add(c, "holds the amount %s, outside 0 to 10,000 亿元", v.String())
			}
		}
	}
	return sound
}

// err is the refusal naming every faulty record, nil when there is none.
func (f *restoreFaults) err() error {
	if f.count == 0 {
		return nil
	}
	first := f.list[0]
	e := qianxiang.Errorf(qianxiang.EValidation,
		"the backup holds %d values this database cannot take, the first in %s; nothing was restored. Correct these records in the source database and back it up again",
		f.count, first.Field)
	e.Details = f.list
	return e
}
