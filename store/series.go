package store

import (
	"context"
	"strings"

	"qianxiang"
)

// MonthTotals gives what the cockpit's monthly series of a year needs
// over a scope's projects (scopePath "" the whole city), summed in the
// database: the plan and perMonth[m] for months 1..month (index 0 unused),
// by the rules of qianxiang.MonthlySeries. Twelve sums cross the wire
// instead of every report of the year.
func (c conn) MonthTotals(ctx context.Context, year, month int, scopePath string) (qianxiang.Money, []qianxiang.Money, error) {
	// The year's plan, as DispatchInput reads it: the reserve pool is not in it.
	where, wargs, err := c.projectWhere(ctx, qianxiang.ProjectFilter{Year: year, ScopePath: scopePath, InPlan: true})
	if err != nil {
		return 0, nil, err
	}
	args := make([]any, 0, 2*len(wargs)+2)
	args = append(args, wargs...)
	args = append(args, year, month)
	args = append(args, wargs...)
	rows, err := c.query(ctx, strings.ReplaceAll(sqlMonthTotals, "{{where}}", where), args...)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	var plan qianxiang.Money
	perMonth := make([]qianxiang.Money, max(month, 0)+1)
	for rows.Next() {
		var m int
		var sum int64
		if err := rows.Scan(&m, &sum); err != nil {
			return 0, nil, err
		}
		switch {
		case m == 0:
			plan = qianxiang.Money(sum)
		case m >= 1 && m <= month:
			perMonth[m] = qianxiang.Money(sum)
		}
	}
	return plan, perMonth, rows.Err()
}
