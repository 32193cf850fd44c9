package app

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"qianxiang/store"
)

// Live updates for the hall screen and the staff's page. A change commits,
// then every subscriber of its topic ("vote:7", "meeting:3") is signalled
// and reads the state afresh: a burst of ballots becomes one re-read, and
// a signal can never carry a vote's split. On PostgreSQL the signal goes
// through LISTEN/NOTIFY, so a screen on one server hears a vote closed on
// another; on SQLite (one server) it is delivered in process.
type eventHub struct {
	mu       sync.Mutex
	subs     map[string]map[chan struct{}]struct{}
	n        int
	stop     context.CancelFunc
	ready    chan struct{}
	listener bool
}

func voteTopic(id int64) string    { return "vote:" + strconv.FormatInt(id, 10) }
func meetingTopic(id int64) string { return "meeting:" + strconv.FormatInt(id, 10) }

var hubs sync.Map // *App -> *eventHub

func (a *App) hub() *eventHub {
	h, _ := hubs.LoadOrStore(a, &eventHub{subs: map[string]map[chan struct{}]struct{}{}})
	return h.(*eventHub)
}

// Subscribe signals on the returned channel after each committed change
// of the topics; cancel ends the subscription.
func (a *App) Subscribe(ctx context.Context, topics ...string) (<-chan struct{}, func()) {
	h := a.hub()
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	for _, t := range topics {
		if h.subs[t] == nil {
			h.subs[t] = map[chan struct{}]struct{}{}
		}
		h.subs[t][ch] = struct{}{}
	}
	h.n++
	var ready chan struct{}
	if a.DB.Dialect() == store.Postgres {
		if !h.listener {
			h.listener = true
			lctx, stop := context.WithCancel(context.Background())
			h.stop, h.ready = stop, make(chan struct{})
			go a.listen(lctx, h, h.ready)
		}
		ready = h.ready
	}
	h.mu.Unlock()
	if ready != nil {
		// A screen subscribes and then reads the state: the LISTEN must be
		// in place first or a close in between would go unheard.
		select {
		case <-ready:
		case <-time.After(5 * time.Second):
		case <-ctx.Done():
		}
	}
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			h.mu.Lock()
			defer h.mu.Unlock()
			for _, t := range topics {
				delete(h.subs[t], ch)
				if len(h.subs[t]) == 0 {
					delete(h.subs, t)
				}
			}
			if h.n--; h.n == 0 && h.listener {
				h.stop()
				h.listener = false
			}
		})
	}
}

// listen relays PostgreSQL notifications to the hub, reconnecting after a
// failure until the last subscriber leaves.
func (a *App) listen(ctx context.Context, h *eventHub, ready chan struct{}) {
	var once sync.Once
	signalReady := func() { once.Do(func() { close(ready) }) }
	defer signalReady()
	for ctx.Err() == nil {
		err := a.DB.Listen(ctx, signalReady, func(p string) { a.changed(p); h.deliver(p) })
		if ctx.Err() != nil {
			return
		}
		a.Log.Warn("live updates: listening failed; retrying", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func (h *eventHub) deliver(topic string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[topic] {
		select {
		case ch <- struct{}{}:
		default: // a signal is already pending: the re-read will see this too
		}
	}
}

// notify queues a topic's signal in the transaction of the change.
func (a *App) notify(ctx context.Context, tx *store.Tx, topic, kind string) error {
	return tx.Notify(ctx, topic)
}

// published delivers a committed change in process (SQLite); on
// PostgreSQL the notification does it.
func (a *App) published(topic, kind string) {
	a.changed(topic)
	if a.DB.Dialect() != store.Postgres {
		a.hub().deliver(topic)
	}
}

// changed drops what the caches hold of a topic that changed: the
// attendance of a meeting (this server's changes at once, another
// server's when its notification arrives).
func (a *App) changed(topic string) {
	if id, ok := strings.CutPrefix(topic, "meeting:"); ok {
		if n, err := strconv.ParseInt(id, 10, 64); err == nil {
			c := a.ccache()
			c.mu.Lock()
			delete(c.att, n)
			c.mu.Unlock()
		}
	}
}

// VoteTopic and MeetingTopic name what a screen subscribes to.
func VoteTopic(id int64) string    { return voteTopic(id) }
func MeetingTopic(id int64) string { return meetingTopic(id) }
