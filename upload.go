package qianxiang

import "time"

// Upload is a file kept between an import's preview and its confirmation,
// with the choices the preview was made with (so the confirmation imports
// exactly what was previewed).
type Upload struct {
	ID        string
	UserID    int64
	Kind      string // "projects"
	Filename  string
	Year      int
	Update    bool
	Data      []byte
	CreatedAt time.Time
	ExpiresAt time.Time
}
