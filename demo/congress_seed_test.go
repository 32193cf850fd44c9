package demo

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qianxiang/internal/testenv"
)

// The demo's six resolutions are the seed's, word for word: the closing
// plenary of 吕梁市第四届人民代表大会第三次会议 (held in 2023) passed these
// and no others. The demo holds its session in its own plan year, so only
// the years in the plan's and the budget's titles move with it.
func TestDemoResolutionsAreTheSeeds(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testenv.Samples(t), "..", "seed", "front-page.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// The article is set in narrow columns: join its lines and drop the spaces.
	text := strings.Join(strings.Fields(string(b)), "")
	start := strings.Index(text, "会议表决通过《关于吕梁市人民政府工作报告的决议》")
	if start < 0 {
		t.Fatal("the seed's closing plenary not found")
	}
	end := strings.Index(text[start:], "。")
	var seed []string
	for _, m := range regexp.MustCompile(`《([^》]+)》`).FindAllStringSubmatch(text[start:start+end], -1) {
		seed = append(seed, m[1])
	}
	got := resolutionsOf(2023)
	if len(seed) != 6 || strings.Join(got, "\n") != strings.Join(seed, "\n") {
		t.Fatalf("the demo's resolutions for 2023:\n%s\nthe seed's:\n%s", strings.Join(got, "\n"), strings.Join(seed, "\n"))
	}
	for i, title := range resolutionsOf(2026) {
		if want := strings.NewReplacer("2022年", "2025年", "2023年", "2026年").Replace(seed[i]); title != want {
			t.Errorf("in 2026 resolution %d is %q, want %q", i+1, title, want)
		}
	}
}
