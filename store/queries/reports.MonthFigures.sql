SELECT project_id, month, completed, started_on, status
FROM reports
WHERE year = ? AND month <= ? AND {{counted_report}}
