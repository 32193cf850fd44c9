INSERT INTO projects (year, code, name, owner, org_id, lead_org_id, kind, stage, sector, scope,
    total_investment, annual_plan, planned_start, planned_end, started_on, leader, team, target,
    in_stats, contact, phone, notes, extra, confidential, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
