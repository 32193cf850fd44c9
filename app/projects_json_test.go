package app

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"reflect"
	"testing"
	"testing/quick"

	"qianxiang"
)

// TestProjectPageJSON: the registry page is written as json.Marshal
// writes it, items or none, random values in every field (a field added
// to ProjectPage and not to AppendJSON shows as a difference).
func TestProjectPageJSON(t *testing.T) {
	r := rand.New(rand.NewSource(14))
	pages := []ProjectPage{{}, {Items: []qianxiang.Project{}}, {Items: []qianxiang.Project{{ID: 1, Name: "<项目>", Light: qianxiang.LightRed}, {ID: 2}},
		Total: 989, Page: 2, PerPage: 50, Totals: qianxiang.ProjectTotals{Count: 989, Implausible: 1, AnnualPlan: 12345}, Month: 12,
		Figures: map[int64]ItemFigures{1: {CompletedYTD: 5}}}}
	for range 300 {
		v, ok := quick.Value(reflect.TypeFor[ProjectPage](), r)
		if !ok {
			t.Fatal("quick.Value cannot make a ProjectPage")
		}
		pages = append(pages, v.Interface().(ProjectPage))
	}
	for i := range pages {
		want, err := json.Marshal(&pages[i])
		if err != nil {
			t.Fatal(err)
		}
		if got := pages[i].AppendJSON(nil); !bytes.Equal(got, want) {
			t.Fatalf("page %d: AppendJSON wrote\n%s\njson.Marshal writes\n%s", i, got, want)
		}
	}
}
