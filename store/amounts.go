package store

import (
	"strconv"

	"qianxiang"
)

// maxAmountSQL is qianxiang.MaxAmount as an SQL literal: a constant of the
// program, never input, so it may be written into the query.
var maxAmountSQL = strconv.FormatInt(int64(qianxiang.MaxAmount), 10)

// plausible gives an SQL expression that is the amount column col when it
// lies within the bounds every path enforces, else 0. Sums of it cannot
// overflow (a billion bounded amounts fit in BIGINT), so a figure written
// behind the application cannot make SQLite's SUM fail with "integer
// overflow" or PostgreSQL's cast with "bigint out of range"; the rows
// holding one are counted by implausible and named to the user.
func plausible(col string) string {
	return `CASE WHEN ` + col + ` BETWEEN 0 AND ` + maxAmountSQL + ` THEN ` + col + ` ELSE 0 END`
}

// implausible gives 1 for an amount outside the bounds, else 0.
func implausible(col string) string {
	return `CASE WHEN ` + col + ` BETWEEN 0 AND ` + maxAmountSQL + ` THEN 0 ELSE 1 END`
}
