package qianxiang

import "time"

// Delivery is one outbound webhook message and where it stands: queued
// by the services, claimed and sent by one server's sweep.
type Delivery struct {
	ID       int64
	Event    string
	Payload  string
	Status   string // pending, delivered, failed
	Attempts int
	NextAt   time.Time
}

// Attempt is one try of a delivery, logged.
type Attempt struct {
	ID         int64     `json:"id"`
	DeliveryID int64     `json:"delivery_id"`
	Event      string    `json:"event"`
	At         time.Time `json:"at"`
	URL        string    `json:"url"`
	StatusCode int       `json:"status_code"`
	Error      string    `json:"error,omitempty"`
	Millis     int64     `json:"millis"`
	Server     string    `json:"server"`
}
