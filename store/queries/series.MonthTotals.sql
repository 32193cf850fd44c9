-- The cockpit's monthly series summed in the database: row 0 is the plan
-- of the scope's projects (an implausible plan counts as 0), rows 1..N the
-- plausible completed amounts of their counted reports of each month —
-- the rules of qianxiang.MonthlySeries, which stays the reference. Both
-- halves take the scope's condition on projects p, filled in per call.
SELECT 0, CAST(COALESCE(SUM({{plausible_plan}}), 0) AS BIGINT)
FROM projects p{{where}}
UNION ALL
SELECT month, CAST(SUM({{plausible_completed}}) AS BIGINT)
FROM reports
WHERE year = ? AND month BETWEEN 1 AND ? AND {{counted_report}}
    AND project_id IN (SELECT p.id FROM projects p{{where}})
GROUP BY month
