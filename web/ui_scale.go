package web

import (
	"net/http"
	"time"

	"qianxiang/store"
)

// figuresEvery is the least time between two refreshes a big screen is
// told to make: a deadline day's burst of saves becomes one refresh every
// few seconds rather than one per save.
const figuresEvery = 5 * time.Second

func (s *Server) scaleRoutes() []route {
	return []route{
		{"GET /api/v1/cockpit/events", s.authed(s.apiCockpitEvents)},
	}
}

// apiCockpitEvents tells the cockpit's big screen when the figures changed
// (a report, a project, a problem or a target committed on any server
// sharing the database): an event `changed`, carrying no figures — the
// screen fetches its page again, with the viewer's own scope.
func (s *Server) apiCockpitEvents(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	signal, cancel := s.App.Subscribe(ctx, store.FiguresTopic)
	defer cancel()
	send, err := sse(w)
	if err != nil {
		return err
	}
	keep := time.NewTicker(20 * time.Second)
	defer keep.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-signal:
			if err := send("changed", map[string]any{"at": time.Now().UTC().Format(time.RFC3339)}); err != nil {
				return nil
			}
			// Changes meanwhile wait in the channel (one is enough).
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(figuresEvery):
			}
		case <-keep.C:
			if err := send("ping", map[string]any{}); err != nil {
				return nil
			}
		}
	}
}
