-- One row per project: its counted reports of months 1..N summed (amounts
-- outside the bounds left out and flagged). The caller may narrow the rows
-- further (the marker after the condition).
SELECT project_id, CAST(SUM({{plausible_completed}}) AS BIGINT), MAX(month),
    COALESCE(MIN(CASE WHEN started_on <> '' THEN started_on END), ''),
    MAX({{implausible_completed}})
FROM reports
WHERE year = ? AND month <= ? AND {{counted_report}}{{and}}
GROUP BY project_id
