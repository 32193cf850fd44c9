package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"time"
)

// listAnswer is what both servers' list answers share: the page's rows
// with their project codes and names (a project may have no code yet), and
// the count of rows the filter matches (ours calls it total, PocketBase
// totalItems).
type listAnswer struct {
	Items []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"items"`
	Total      *int `json:"total"`
	TotalItems *int `json:"totalItems"`
}

// same checks, before anything is measured, that the two servers answer
// the same page: the same project codes in the same order and the same
// total. A faster answer to a different question would prove nothing.
func same(args []string) error {
	fs := flag.NewFlagSet("same", flag.ContinueOnError)
	aURL := fs.String("a", "", "first server's list URL")
	bURL := fs.String("b", "", "second server's list URL")
	aAuth := fs.String("a-auth", "", "Authorization header for the first")
	bAuth := fs.String("b-auth", "", "Authorization header for the second")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *aURL == "" || *bURL == "" {
		return errors.New("same needs --a and --b")
	}
	c := &http.Client{Timeout: time.Minute}
	a, err := fetchList(c, *aURL, *aAuth)
	if err != nil {
		return err
	}
	b, err := fetchList(c, *bURL, *bAuth)
	if err != nil {
		return err
	}
	msg, err := compareLists(a, b)
	if err != nil {
		return err
	}
	fmt.Println(msg)
	return nil
}

// list is one server's page: its rows as "code name", and its total.
type list struct {
	rows  []string
	total int
}

func fetchList(c *http.Client, url, auth string) (list, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return list{}, err
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := c.Do(req)
	if err != nil {
		return list{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return list{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return list{}, fmt.Errorf("%s answered %d: %s", url, resp.StatusCode, clip(body))
	}
	var ans listAnswer
	if err := json.Unmarshal(body, &ans); err != nil {
		return list{}, fmt.Errorf("%s: %v", url, err)
	}
	var l list
	switch {
	case ans.Total != nil:
		l.total = *ans.Total
	case ans.TotalItems != nil:
		l.total = *ans.TotalItems
	default:
		return list{}, fmt.Errorf("%s: no total or totalItems in the answer", url)
	}
	for _, it := range ans.Items {
		l.rows = append(l.rows, it.Code+" "+it.Name)
	}
	return l, nil
}

// compareLists says how the two pages agree, or where they first differ.
func compareLists(a, b list) (string, error) {
	if a.total != b.total {
		return "", fmt.Errorf("totals differ: %d and %d", a.total, b.total)
	}
	if len(a.rows) == 0 {
		return "", errors.New("the first answer has no rows: nothing to compare")
	}
	for i := range max(len(a.rows), len(b.rows)) {
		if i >= len(a.rows) || i >= len(b.rows) || a.rows[i] != b.rows[i] {
			return "", fmt.Errorf("the pages differ at row %d (%d and %d rows): %q and %q",
				i+1, len(a.rows), len(b.rows), at(a.rows, i), at(b.rows, i))
		}
	}
	return fmt.Sprintf("same %d rows in the same order, total %d", len(a.rows), a.total), nil
}

func at(rows []string, i int) string {
	if i < len(rows) {
		return rows[i]
	}
	return "(none)"
}
