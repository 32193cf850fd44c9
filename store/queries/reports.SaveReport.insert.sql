INSERT INTO reports (project_id, year, month, completed, progress, started_on, status, return_reason,
    late, reopened, submitted_at, reviewed_at, updated_by, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
