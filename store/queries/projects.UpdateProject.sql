UPDATE projects SET year = ?, code = ?, name = ?, owner = ?, org_id = ?, lead_org_id = ?,
    kind = ?, stage = ?, sector = ?, scope = ?, total_investment = ?, annual_plan = ?,
    planned_start = ?, planned_end = ?, started_on = ?, leader = ?, team = ?, target = ?,
    in_stats = ?, contact = ?, phone = ?, notes = ?, extra = ?, confidential = ?,
    version = version + 1, updated_at = ?
WHERE id = ? AND version = ?
