package store

import (
	"encoding/json"
	"sync"

	"qianxiang"
)

// A project's team and target are stored as JSON text. Parsing them was a
// sixth of a registry page's CPU (fifty rows, two documents each), and the
// same few texts recur across requests: a page of the busiest county is
// read again and again between two edits. decoded keeps what each text
// parsed to, keyed by the text itself, so an entry can never be stale:
// changed data is a different text. It is bounded, and emptied when full.
var decoded = struct {
	sync.RWMutex
	team   map[string][]qianxiang.TeamMember
	target map[string]qianxiang.Target
}{team: map[string][]qianxiang.TeamMember{}, target: map[string]qianxiang.Target{}}

// maxDecoded bounds each map: at 50,000 projects, about 10 MB of text.
const maxDecoded = 50000

// decodeTeamTarget parses a project's team and target texts as
// json.Unmarshal does (an empty or invalid text gives the zero value; a
// team is never nil). The team returned is the caller's own copy.
func decodeTeamTarget(team, target string) ([]qianxiang.TeamMember, qianxiang.Target) {
	var tm []qianxiang.TeamMember
	var tg qianxiang.Target
	switch team {
	case "[]", "", "null":
	default:
		decoded.RLock()
		cached, ok := decoded.team[team]
		decoded.RUnlock()
		if ok {
			tm = append([]qianxiang.TeamMember(nil), cached...)
		} else {
			json.Unmarshal([]byte(team), &tm)
			remember(decoded.team, team, append([]qianxiang.TeamMember(nil), tm...))
		}
	}
	if tm == nil {
		tm = []qianxiang.TeamMember{}
	}
	switch target {
	case "{}", "", "null":
	default:
		decoded.RLock()
		cached, ok := decoded.target[target]
		decoded.RUnlock()
		if ok {
			tg = cached
		} else {
			json.Unmarshal([]byte(target), &tg)
			remember(decoded.target, target, tg)
		}
	}
	return tm, tg
}

func remember[V any](m map[string]V, key string, v V) {
	decoded.Lock()
	if len(m) >= maxDecoded {
		clear(m)
	}
	m[key] = v
	decoded.Unlock()
}
