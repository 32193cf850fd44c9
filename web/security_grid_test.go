package web_test

import (
	"fmt"
	"strings"
	"testing"
)

// The grid page takes each row's photo count from the service's scoped
// grid (it used to look them up for the whole city by report id).
func TestSecurityGridPageShowsPhotoCountsOfItsOwnRows(t *testing.T) {
	w := newDspWorld(t)
	path := fmt.Sprintf("/api/v1/projects/%d/reports/%d-03/photos", w.lishi[0], w.year)
	if code, body := w.upload(t, "lishi-xm", path, "site.png", dspPNG(t)); code != 201 {
		t.Fatalf("attach: %d %s", code, body)
	}
	month := fmt.Sprintf("/reports?month=%d-03&lang=en", w.year)
	if body := w.get(t, "lishi", month); !strings.Contains(body, "Photos 1</button>") {
		t.Fatalf("离石区's grid does not show the photo count")
	}
	if body := w.get(t, "wenshui", month); strings.Contains(body, "Photos 1</button>") || strings.Contains(body, dspNames["141102"][0]) {
		t.Fatalf("文水县's grid shows 离石区's row or photos")
	}
}
