-- Every counted report of some projects of a year, one row per report,
-- with the amount already bounded (plausible) and its flag: what
-- dispatch_inputs.ReportMonths cannot pack for a project whose reports
-- state different start dates. The caller narrows it to those projects
-- (the marker after the condition).
SELECT project_id, month, {{plausible_completed}}, started_on, {{implausible_completed}}
FROM reports
WHERE year = ? AND month BETWEEN 1 AND 12 AND {{counted_report}}{{and}}
