-- The registry's usual question — a county's projects of a year, the
-- largest annual plans first, fifty to a page — walks this index in plan
-- order and stops after the page, instead of sorting every project of the
-- county (issue 14: the sort was a third of the request). The second
-- serves the same order over the whole city.
CREATE INDEX projects_year_org_plan ON projects(year, org_id, annual_plan);
CREATE INDEX projects_year_plan ON projects(year, annual_plan);
