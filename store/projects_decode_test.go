package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"qianxiang"
)

// decodeTeamTarget gives what json.Unmarshal gives, the first time (parsed)
// and the second (from memory), and a caller changing its team does not
// change the next caller's.
func TestDecodeTeamTargetAsUnmarshal(t *testing.T) {
	for _, c := range []struct{ team, target string }{
		{"[]", "{}"},
		{"", ""},
		{"null", "null"},
		{"[ ]", "{ }"},
		{`[{"name":"王","role":"组长","phone":"13406803322"},{"name":"李"}]`, `{"start_by":"2023-06","invest_at_least":4205.91,"text":"6月底前开工"}`},
		{`[{"name":1}]`, `{"invest_at_least":"x"}`}, // wrong types: Unmarshal's partial result
		{`[{"name":"a"`, `{"start_by":`},            // not JSON: the zero values
	} {
		var wantTeam []qianxiang.TeamMember
		var wantTarget qianxiang.Target
		json.Unmarshal([]byte(c.team), &wantTeam)
		json.Unmarshal([]byte(c.target), &wantTarget)
		if wantTeam == nil {
			wantTeam = []qianxiang.TeamMember{}
		}
		for pass := range 2 {
			team, target := decodeTeamTarget(c.team, c.target)
			if !reflect.DeepEqual(team, wantTeam) || target != wantTarget {
				t.Errorf("pass %d %q %q: got %+v %+v, want %+v %+v", pass, c.team, c.target, team, target, wantTeam, wantTarget)
			}
			if len(team) > 0 {
				team[0].Name = "changed by a caller"
			}
		}
	}
}
