package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
)

// pbClient speaks PocketBase's public HTTP API (v0.23 and later: the
// `_superusers` auth collection, `/api/batch`).
type pbClient struct {
	base  string
	http  *http.Client
	token string
}

// call sends body as JSON and decodes a 2xx answer into out; any other
// answer becomes an error naming the step and quoting PocketBase.
func (c *pbClient) call(step, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("%s: %v", step, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		return fmt.Errorf("%s: %v", step, err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %v", step, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("%s: reading the answer: %v", step, err)
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s: %s %s answered %d: %s", step, method, path, resp.StatusCode, clip(b))
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("%s: unreadable answer (%v): %s", step, err, clip(b))
	}
	return nil
}

// clip keeps an error message readable when PocketBase answers at length.
func clip(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

// authenticate signs in to an auth collection and keeps the token.
func (c *pbClient) authenticate(collection, email, password string) error {
	var ans struct {
		Token string `json:"token"`
	}
	err := c.call("auth-with-password ("+collection+")", "POST", "/api/collections/"+collection+"/auth-with-password",
		map[string]string{"identity": email, "password": password}, &ans)
	if err != nil {
		return err
	}
	if ans.Token == "" {
		return fmt.Errorf("auth-with-password (%s): no token in the answer", collection)
	}
	c.token = ans.Token
	return nil
}

// enableBatch turns the batch API on (off in a new PocketBase), sized for
// our batches; the transaction's timeout leaves room on a loaded machine.
func (c *pbClient) enableBatch(max int) error {
	return c.call("enable batch API", "PATCH", "/api/settings",
		map[string]any{"batch": map[string]any{"enabled": true, "maxRequests": max, "timeout": 120}}, nil)
}

func (c *pbClient) createCollection(col map[string]any) error {
	return c.call("create collection", "POST", "/api/collections", col, nil)
}

// projectsCollection is the peer's table: one field per column of row
// (the same names, so a row's JSON is a record's body), numbers for the
// integers and text for the rest, the two indexes our projects list uses,
// and lists for signed-in users only, as ours are.
func projectsCollection() map[string]any {
	var fields []map[string]any
	t := reflect.TypeFor[row]()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		kind := "text"
		if f.Type.Kind() == reflect.Int || f.Type.Kind() == reflect.Int64 {
			kind = "number"
		}
		fields = append(fields, map[string]any{"name": name, "type": kind})
	}
	signedIn := `@request.auth.id != ""`
	return map[string]any{
		"name":     "projects",
		"type":     "base",
		"fields":   fields,
		"listRule": signedIn,
		"viewRule": signedIn,
		// create, update and delete stay null: superusers only.
		"indexes": []string{
			"CREATE INDEX `idx_projects_year_org_plan` ON `projects` (`year`, `org`, `annual_plan`)",
			"CREATE INDEX `idx_projects_year_plan` ON `projects` (`year`, `annual_plan`)",
		},
	}
}

// batchRequest is one transaction of /api/batch creating rows.
type batchRequest struct {
	Requests []batchItem `json:"requests"`
}

type batchItem struct {
	Method string `json:"method"`
	URL    string `json:"url"`
	Body   row    `json:"body"`
}

// batches cuts rows into /api/batch bodies of at most size rows each.
func batches(rows []row, size int) []batchRequest {
	var out []batchRequest
	for start := 0; start < len(rows); start += size {
		end := min(start+size, len(rows))
		b := batchRequest{Requests: make([]batchItem, 0, end-start)}
		for _, r := range rows[start:end] {
			b.Requests = append(b.Requests, batchItem{Method: "POST", URL: "/api/collections/projects/records", Body: r})
		}
		out = append(out, b)
	}
	return out
}

// loadRows creates every row, then counts the collection: a batch is one
// transaction, so a short count means rows went missing some other way.
func (c *pbClient) loadRows(rows []row, size int) error {
	for i, b := range batches(rows, size) {
		var results []struct {
			Status int `json:"status"`
		}
		step := fmt.Sprintf("load rows %d–%d", i*size+1, i*size+len(b.Requests))
		if err := c.call(step, "POST", "/api/batch", b, &results); err != nil {
			return err
		}
		if len(results) != len(b.Requests) {
			return fmt.Errorf("%s: %d results for %d requests", step, len(results), len(b.Requests))
		}
		for j, r := range results {
			if r.Status/100 != 2 {
				return fmt.Errorf("%s: row %d answered %d", step, i*size+j+1, r.Status)
			}
		}
	}
	var page struct {
		TotalItems int `json:"totalItems"`
	}
	if err := c.call("count rows", "GET", "/api/collections/projects/records?perPage=1", nil, &page); err != nil {
		return err
	}
	if page.TotalItems != len(rows) {
		return fmt.Errorf("count rows: PocketBase holds %d projects, %d were sent", page.TotalItems, len(rows))
	}
	return nil
}

// createUser adds the benchmark's client to the default `users` collection.
func (c *pbClient) createUser(email, password string) error {
	return c.call("create user", "POST", "/api/collections/users/records",
		map[string]any{"email": email, "password": password, "passwordConfirm": password, "verified": true}, nil)
}

func readRowsFile(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := readRows(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}

// readRows reads seed's rows, refusing unknown fields: a column seed
// writes that the peer's collection lacks would be dropped silently.
func readRows(r io.Reader) ([]row, error) {
	var rows []row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var x row
		if err := dec.Decode(&x); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		rows = append(rows, x)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, errors.New("no rows")
	}
	return rows, nil
}
