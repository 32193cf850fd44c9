package store

import "context"

// Phones are restored with their users.
func init() { backupTables = append(backupTables, "user_phones") }

// PutUserPhone keeps a user's mobile phone ("" removes it).
func (tx *Tx) PutUserPhone(ctx context.Context, userID int64, phone string) error {
	if _, err := tx.exec(ctx, `DELETE FROM user_phones WHERE user_id = ?`, userID); err != nil || phone == "" {
		return err
	}
	_, err := tx.exec(ctx, `INSERT INTO user_phones (user_id, phone) VALUES (?, ?)`, userID, phone)
	return err
}

// UserPhones gives every stored phone by user id. The app layer lets only
// administrators call it.
func (c conn) UserPhones(ctx context.Context) (map[int64]string, error) {
	rows, err := c.query(ctx, `SELECT user_id, phone FROM user_phones`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var p string
		if err := rows.Scan(&id, &p); err != nil {
			return nil, err
		}
		out[id] = p
	}
	return out, rows.Err()
}
