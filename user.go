package qianxiang

// User is a person who logs in, with the organisation they act for.
type User struct {
	ID           int64  `json:"id"`
	Username     string `json:"username"`
	DisplayName  string `json:"display_name"`
	Role         Role   `json:"role"`
	Org          Org    `json:"org"`
	PasswordHash string `json:"-"`
	Active       bool   `json:"active"`
	MustChange   bool   `json:"must_change"`
	Version      int    `json:"version"`
}

// Actor gives the user as the caller of a service.
func (u User) Actor() Actor {
	return Actor{UserID: u.ID, Username: u.Username, Role: u.Role, OrgID: u.Org.ID, OrgPath: u.Org.Path}
}
