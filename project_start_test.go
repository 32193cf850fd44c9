package qianxiang

import "testing"

func TestStageAfterStart(t *testing.T) {
	for _, c := range []struct{ in, want Stage }{
		{StageIdea, StageConstruction},
		{StageReserve, StageConstruction},
		{StagePreparing, StageConstruction},
		{"", StageConstruction},
		{StageConstruction, StageConstruction},
		{StageCompleted, StageCompleted},
		{StageOperating, StageOperating},
	} {
		if got := StageAfterStart(c.in); got != c.want {
			t.Errorf("StageAfterStart(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
