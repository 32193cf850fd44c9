-- Every counted report of a year, one row per project and month, with the
-- amount already bounded (plausible) and its flag: the raw material that
-- the dispatch's summaries (reports.summaries) and the cockpit's series
-- (series.MonthTotals) add up, kept in memory by app/dispatch_inputs.go.
-- The caller may narrow it to some projects (the marker after the
-- condition).
SELECT project_id, month, {{plausible_completed}}, started_on, {{implausible_completed}}
FROM reports
WHERE year = ? AND month BETWEEN 1 AND 12 AND {{counted_report}}{{and}}
