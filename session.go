package qianxiang

import "time"

// Session is a logged-in browser; ID is the hash of the cookie's secret.
type Session struct {
	ID        string
	UserID    int64
	CSRF      string
	ExpiresAt time.Time
	// Renewed says the expiry was just moved, so the cookie must be too.
	Renewed bool
	// MAC binds the session to its user and role (store/audit_keys.go).
	MAC string
}

// Token is an API token; the secret itself is never stored.
type Token struct {
	ID         int64     `json:"id"`
	UserID     int64     `json:"user_id"`
	Username   string    `json:"username"`
	Name       string    `json:"name"`
	Prefix     string    `json:"prefix"`
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt string    `json:"last_used_at"`
	Revoked    bool      `json:"revoked"`
}
