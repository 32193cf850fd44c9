package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// fakePocketBase answers the calls setUpPeer makes the way PocketBase
// v0.39 does, and keeps what it was sent. fail, if set, may answer a call
// in its place (returning true).
type fakePocketBase struct {
	mu         sync.Mutex
	batch      map[string]any
	collection map[string]any
	rows       []map[string]any
	batchSizes []int
	users      int
	fail       func(w http.ResponseWriter, r *http.Request) bool
}

func (f *fakePocketBase) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil && f.fail(w, r) {
		return
	}
	var body map[string]any
	json.NewDecoder(r.Body).Decode(&body)
	auth := r.Header.Get("Authorization")
	route := r.Method + " " + r.URL.Path
	if strings.HasSuffix(route, "/auth-with-password") {
		col := strings.Split(r.URL.Path, "/")[3]
		if body["password"] != peerPassword {
			http.Error(w, `{"status":400,"message":"Failed to authenticate."}`, 400)
			return
		}
		fmt.Fprintf(w, `{"token":"tok-%s","record":{}}`, col)
		return
	}
	if auth != "tok-_superusers" {
		http.Error(w, `{"status":401,"message":"The request requires valid record authorization token."}`, 401)
		return
	}
	switch route {
	case "PATCH /api/settings":
		f.batch = body["batch"].(map[string]any)
		fmt.Fprint(w, `{}`)
	case "POST /api/collections":
		f.collection = body
		fmt.Fprint(w, `{}`)
	case "POST /api/batch":
		reqs := body["requests"].([]any)
		if f.batch == nil || len(reqs) > int(f.batch["maxRequests"].(float64)) {
			http.Error(w, `{"status":403,"message":"Batch requests are not allowed."}`, 403)
			return
		}
		f.batchSizes = append(f.batchSizes, len(reqs))
		var res []string
		for _, q := range reqs {
			item := q.(map[string]any)
			if item["url"] != "/api/collections/projects/records" || item["method"] != "POST" {
				http.Error(w, `{"status":400,"message":"unknown batch action"}`, 400)
				return
			}
			f.rows = append(f.rows, item["body"].(map[string]any))
			res = append(res, `{"status":200,"body":{}}`)
		}
		fmt.Fprint(w, "["+strings.Join(res, ",")+"]")
	case "GET /api/collections/projects/records":
		fmt.Fprintf(w, `{"page":1,"perPage":1,"totalItems":%d,"items":[]}`, len(f.rows))
	case "POST /api/collections/users/records":
		f.users++
		fmt.Fprint(w, `{}`)
	default:
		http.Error(w, `{"status":404,"message":"not found"}`, 404)
	}
}

func testRows(n int) []row {
	rows := make([]row, n)
	for i := range rows {
		rows[i] = row{Year: 2023, Org: "141102", LeadOrg: "141100", Code: fmt.Sprintf("2023-%04d", i+1),
			Name: "项目", Kind: "new", Stage: "planned", TotalInvestment: int64(1000 + i), AnnualPlan: int64(100 + i),
			PlannedStart: "2023-03-01", PlannedEnd: "2024-06-30"}
	}
	return rows
}

// The whole set-up against a PocketBase stand-in: batch API on, the
// collection made, every row sent in batches no larger than allowed, a
// user made, and the user's token (not the superuser's) handed back.
func TestSetUpPeerLoadsEveryRowAndGivesTheUsersToken(t *testing.T) {
	pb := &fakePocketBase{}
	srv := httptest.NewServer(pb)
	defer srv.Close()
	rows := testRows(7)
	tok, err := setUpPeer(&pbClient{base: srv.URL, http: srv.Client()}, rows, 3)
	if err != nil {
		t.Fatal(err)
	}
	if tok != "tok-users" {
		t.Errorf("token %q, want the user's", tok)
	}
	if pb.batch["enabled"] != true || pb.batch["maxRequests"] != 3.0 {
		t.Errorf("batch settings %v", pb.batch)
	}
	if pb.collection["name"] != "projects" || len(pb.collection["fields"].([]any)) != 13 {
		t.Errorf("collection %v", pb.collection)
	}
	if fmt.Sprint(pb.batchSizes) != "[3 3 1]" || len(pb.rows) != 7 {
		t.Errorf("batches %v, %d rows", pb.batchSizes, len(pb.rows))
	}
	if got := pb.rows[6]; got["code"] != "2023-0007" || got["annual_plan"] != 106.0 || got["org"] != "141102" {
		t.Errorf("last row arrived as %v", got)
	}
	if pb.users != 1 {
		t.Errorf("%d users created", pb.users)
	}
}

// Each failure names its step and quotes PocketBase's answer.
func TestSetUpPeerNamesTheFailingStep(t *testing.T) {
	cases := []struct {
		name string
		fail func(w http.ResponseWriter, r *http.Request) bool
		want []string
	}{
		{"superuser refused", func(w http.ResponseWriter, r *http.Request) bool {
			if strings.Contains(r.URL.Path, "_superusers") {
				http.Error(w, `{"message":"Failed to authenticate."}`, 400)
				return true
			}
			return false
		}, []string{"auth-with-password (_superusers)", "400", "Failed to authenticate."}},
		{"settings refused", func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path == "/api/settings" {
				http.Error(w, `{"message":"Only superusers can perform this action."}`, 403)
				return true
			}
			return false
		}, []string{"enable batch API", "PATCH /api/settings answered 403", "Only superusers"}},
		{"collection exists", func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path == "/api/collections" {
				http.Error(w, `{"data":{"name":{"code":"validation_collection_name_exists"}}}`, 400)
				return true
			}
			return false
		}, []string{"create collection", "validation_collection_name_exists"}},
		{"a row refused", func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path == "/api/batch" && strings.Contains(peek(r), "2023-0005") {
				fmt.Fprint(w, `[{"status":200},{"status":400},{"status":200}]`)
				return true
			}
			return false
		}, []string{"load rows 4–6", "row 5 answered 400"}},
		{"rows missing", func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method == "GET" {
				fmt.Fprint(w, `{"totalItems":6}`)
				return true
			}
			return false
		}, []string{"count rows", "holds 6 projects, 7 were sent"}},
		{"user refused", func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path == "/api/collections/users/records" {
				http.Error(w, `{"data":{"email":{"code":"validation_not_unique"}}}`, 400)
				return true
			}
			return false
		}, []string{"create user", "validation_not_unique"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(&fakePocketBase{fail: tc.fail})
			defer srv.Close()
			_, err := setUpPeer(&pbClient{base: srv.URL, http: srv.Client()}, testRows(7), 3)
			if err == nil {
				t.Fatal("set-up succeeded")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// peek reads a request's body and puts it back for the handler.
func peek(r *http.Request) string {
	b, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(b))
	return string(b)
}

// The collection has one field per column seed writes, numbers for the
// integers, and the list's two indexes and rule.
func TestProjectsCollection(t *testing.T) {
	c := projectsCollection()
	var got []string
	for _, f := range c["fields"].([]map[string]any) {
		got = append(got, f["name"].(string)+":"+f["type"].(string))
	}
	want := "year:number org:text lead_org:text code:text name:text owner:text kind:text stage:text sector:text " +
		"total_investment:number annual_plan:number planned_start:text planned_end:text"
	if strings.Join(got, " ") != want {
		t.Errorf("fields\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	b, _ := json.Marshal(c)
	for _, w := range []string{"(`year`, `org`, `annual_plan`)", "(`year`, `annual_plan`)", `"listRule":"@request.auth.id != \"\""`} {
		if !strings.Contains(string(b), w) {
			t.Errorf("collection lacks %s: %s", w, b)
		}
	}
}

func TestBatches(t *testing.T) {
	for _, tc := range []struct{ rows, size int }{{7, 3}, {6, 3}, {1, 500}, {10000, 500}} {
		bs := batches(testRows(tc.rows), tc.size)
		if want := (tc.rows + tc.size - 1) / tc.size; len(bs) != want {
			t.Errorf("%d rows by %d: %d batches, want %d", tc.rows, tc.size, len(bs), want)
		}
		n := 0
		for _, b := range bs {
			if len(b.Requests) > tc.size {
				t.Errorf("%d rows by %d: a batch of %d", tc.rows, tc.size, len(b.Requests))
			}
			for _, q := range b.Requests {
				n++
				if q.Body.Code != fmt.Sprintf("2023-%04d", n) {
					t.Fatalf("row %d is %s: out of order", n, q.Body.Code)
				}
			}
		}
		if n != tc.rows {
			t.Errorf("%d rows by %d: %d sent", tc.rows, tc.size, n)
		}
	}
}

func TestReadRows(t *testing.T) {
	good := `{"year":2023,"org":"141102","code":"A","annual_plan":5}`
	cases := []struct {
		name, in, err string
		n             int
	}{
		{"rows and a blank line", good + "\n\n" + good + "\n", "", 2},
		{"unknown column", good + "\n" + `{"year":2023,"colour":"red"}`, "line 2", 0},
		{"broken line", good + "\n" + good + "\n{", "line 3", 0},
		{"amount as text", `{"annual_plan":"5"}`, "line 1", 0},
		{"empty", "\n", "no rows", 0},
	}
	for _, tc := range cases {
		rows, err := readRows(strings.NewReader(tc.in))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || len(rows) != tc.n || rows[0].AnnualPlan != 5 || rows[0].Org != "141102" {
			t.Errorf("%s: %v, %+v", tc.name, err, rows)
		}
	}
}

// A data directory with anything in it is refused before PocketBase runs.
func TestEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := emptyDir(filepath.Join(dir, "new")); err != nil {
		t.Errorf("a directory to be made: %v", err)
	}
	if err := emptyDir(dir); err != nil {
		t.Errorf("an empty directory: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "data.db"), nil, 0o644)
	if err := emptyDir(dir); err == nil {
		t.Error("a used directory was accepted")
	}
}
