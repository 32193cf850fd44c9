package qianxiang

import "time"

// Photo is a picture attached to a monthly report. The bytes live once in
// blobs, keyed by their SHA-256, however many reports show them.
type Photo struct {
	ID        int64     `json:"id"`
	ReportID  int64     `json:"report_id"`
	SHA256    string    `json:"sha256"`
	MIME      string    `json:"mime"`
	Size      int       `json:"size"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}
