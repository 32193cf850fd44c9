-- Every counted report of a year, packed one row per project, so a cold
-- read crosses into Go as many rows as the bare GROUP BY
-- (reports.summaries) does, grouped along the same covering index
-- (reports_dispatch). Each report is one integer, joined by commas
-- ({{agg}}: group_concat on SQLite, string_agg on PostgreSQL):
--   amount within the bounds: amount*64 + 16*(has a start date) + month
--   amount outside the bounds: -(16*(has a start date) + month)
-- (the bounded amount times 64 fits a BIGINT: qianxiang.MaxAmount is
-- 1e14 fen). The start dates come as the earliest and latest stated; when
-- they differ the caller reads that project's rows one by one
-- (dispatch_inputs.ReportRows). The raw material that the dispatch's
-- summaries and the cockpit's series add up, kept in memory by
-- app/dispatch_inputs.go. The caller may narrow it to some projects (the
-- marker after the condition).
SELECT project_id,
    {{agg}}(CAST(CASE WHEN completed BETWEEN 0 AND {{max_amount}}
        THEN completed * 64 + CASE WHEN started_on <> '' THEN 16 ELSE 0 END + month
        ELSE -(CASE WHEN started_on <> '' THEN 16 ELSE 0 END + month) END AS TEXT), ','),
    COALESCE(MIN(CASE WHEN started_on <> '' THEN started_on END), ''),
    COALESCE(MAX(CASE WHEN started_on <> '' THEN started_on END), '')
FROM reports
WHERE year = ? AND month BETWEEN 1 AND 12 AND {{counted_report}}{{and}}
GROUP BY project_id
