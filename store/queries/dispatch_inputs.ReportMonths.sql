-- The counted reports of some projects of a year, packed one row per
-- project as report_months keeps them (store/report_months.go: each report
-- one integer, joined by commas; the earliest and latest start dates
-- stated). When the two dates differ the caller reads that project's rows
-- one by one (dispatch_inputs.ReportRows). A whole year is read from
-- report_months instead; this reads the reports live, for the projects a
-- roll-forward names (the marker after the condition).
SELECT project_id,
    {{report_pack}}
FROM reports
WHERE year = ? AND month BETWEEN 1 AND 12 AND {{counted_report}}{{and}}
GROUP BY project_id
