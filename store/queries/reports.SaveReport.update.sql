UPDATE reports SET completed = ?, progress = ?, started_on = ?, status = ?, return_reason = ?,
    late = ?, reopened = ?, submitted_at = ?, reviewed_at = ?, updated_by = ?,
    version = version + 1, updated_at = ?
WHERE id = ? AND version = ?
