package qianxiang

// Records of the congress that the store returns and the pages show.

// CongressRules is a congress with its quorum and majority settings.
type CongressRules struct {
	Congress
	Quorum, Majority Ratio
	// MotionDeadline is the session's last day for motions (zero: none set).
	MotionDeadline Date
}

// Count is a labelled number.
type Count struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

// AttendanceRecord is one deputy's presence at a meeting.
type AttendanceRecord struct {
	ID     int64
	Status string // present | leave
	Via    string // desk | self | list
	Reason string
}

// RollEntry is one member of a meeting's body and their attendance.
type RollEntry struct {
	Deputy Deputy `json:"deputy"`
	Status string `json:"status"` // present | leave | absent
	Via    string `json:"via,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// NamedBallot is one deputy's recorded choice in a named vote.
type NamedBallot struct {
	Card   string `json:"card"`
	Name   string `json:"name"`
	Choice Choice `json:"choice"`
}
