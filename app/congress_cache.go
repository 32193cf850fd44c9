package app

import (
	"context"
	"sync"
	"time"

	"qianxiang"
)

// Small caches for the hall's hot paths. What they hold does not change
// once written (a meeting's body and congress, the deputy record linked
// to a login) or may lag by a fraction of a second on a screen (the
// attendance of a meeting while a vote is open); nothing a ballot's
// acceptance depends on is read from them: the batch's transaction checks
// presence and the open count itself.

type congressCache struct {
	meetings sync.Map // meeting id -> qianxiang.Meeting
	deputies sync.Map // [2]int64{congress, user} -> qianxiang.Deputy
	mu       sync.Mutex
	att      map[int64]cachedAttendance
}

type cachedAttendance struct {
	at  time.Time
	att qianxiang.Attendance
}

// attendanceTTL is how stale a screen's present count may be while a vote
// is open; a vote's result never comes from here.
const attendanceTTL = 250 * time.Millisecond

var congressCaches sync.Map // *App -> *congressCache

func (a *App) ccache() *congressCache {
	c, _ := congressCaches.LoadOrStore(a, &congressCache{att: map[int64]cachedAttendance{}})
	return c.(*congressCache)
}

func (a *App) meetingCached(ctx context.Context, id int64) (qianxiang.Meeting, error) {
	c := a.ccache()
	if m, ok := c.meetings.Load(id); ok {
		return m.(qianxiang.Meeting), nil
	}
	m, err := a.DB.MeetingByID(ctx, id)
	if err == nil {
		c.meetings.Store(id, m)
	}
	return m, err
}

func (a *App) deputyCached(ctx context.Context, congressID, userID int64) (qianxiang.Deputy, error) {
	c := a.ccache()
	key := [2]int64{congressID, userID}
	if d, ok := c.deputies.Load(key); ok {
		return d.(qianxiang.Deputy), nil
	}
	d, err := a.DB.DeputyByUser(ctx, congressID, userID)
	if err == nil {
		c.deputies.Store(key, d)
	}
	return d, err
}

// liveAttendance is a meeting's attendance for a screen, at most
// attendanceTTL old: ten screens following a vote need it several times
// a second, and counting 2,977 rows each time was their main cost.
func (a *App) liveAttendance(ctx context.Context, m qianxiang.Meeting) (qianxiang.Attendance, error) {
	c := a.ccache()
	now := time.Now()
	c.mu.Lock()
	if x, ok := c.att[m.ID]; ok && now.Sub(x.at) < attendanceTTL {
		c.mu.Unlock()
		return x.att, nil
	}
	c.mu.Unlock()
	att, err := a.attendance(ctx, a.DB, m)
	if err != nil {
		return att, err
	}
	c.mu.Lock()
	c.att[m.ID] = cachedAttendance{now, att}
	c.mu.Unlock()
	return att, nil
}
