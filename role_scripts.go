package qianxiang

// Scripts reports whether a role's work is done by scripts as well as by
// hand (imports, exports, the dispatch through the API), so that an API
// token is worth offering it. Other roles use the pages only; a token they
// do not need is one more secret to leak.
func (r Role) Scripts() bool { return r == RoleAdmin || r == RoleCommand }
