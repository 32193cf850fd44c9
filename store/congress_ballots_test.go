package store_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The batch statements of the ballots, the session bodies and the
// resolutions' rows on both databases: one ballot per deputy kept by the
// primary key inside and across batches, the running count gone at the
// close, and the unique rules of bodies, resolutions and report-backs.
func TestCongressBatchBallotsAndFollowUpRows(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		staff := testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")
		var ds []qianxiang.Deputy
		for i := 1; i <= 5; i++ {
			ds = append(ds, qianxiang.Deputy{Seq: i, Name: fmt.Sprintf("代表%d", i), Delegation: "离石区代表团", Card: fmt.Sprintf("S-%d", i), Presidium: i < 3})
		}
		if _, err := a.AddDeputiesSharedPassword(ctx, staff, "s-1", ds, testenv.Password); err != nil {
			t.Fatal(err)
		}
		k, _ := a.DB.CongressByCode(ctx, "s-1")
		ds, _ = a.DB.Deputies(ctx, k.ID, "")
		m, err := a.CreateMeeting(ctx, staff, app.NewMeeting{Congress: "s-1", Body: qianxiang.BodyPlenary, Title: "全体会议", Date: "2023-02-26"})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds[:4] {
			if _, err := a.DeskCheckIn(ctx, staff, m.ID, d.Card, ""); err != nil {
				t.Fatal(err)
			}
		}
		v, _ := a.CreateVote(ctx, staff, m.ID, app.NewVote{Title: "决议", Resolution: true})
		if _, err := a.OpenVote(ctx, staff, v.ID); err != nil {
			t.Fatal(err)
		}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			if open, err := tx.LockTally(ctx, v.ID); err != nil || !open {
				t.Fatalf("lock: %v %v", open, err)
			}
			ids := []int64{ds[0].ID, ds[1].ID, ds[4].ID}
			present, err := tx.PresentAmong(ctx, m.ID, ids)
			if err != nil || !present[ds[0].ID] || !present[ds[1].ID] || present[ds[4].ID] {
				t.Fatalf("present: %v %v", present, err)
			}
			in, err := tx.InsertBallots(ctx, v.ID, []store.BallotIn{{ds[0].ID, qianxiang.ChoiceFor}, {ds[1].ID, qianxiang.ChoiceAgainst}}, false)
			if err != nil || len(in) != 2 {
				t.Fatalf("first batch: %v %v", in, err)
			}
			in, err = tx.InsertBallots(ctx, v.ID, []store.BallotIn{{ds[1].ID, qianxiang.ChoiceFor}, {ds[2].ID, qianxiang.ChoiceFor}, {ds[3].ID, qianxiang.ChoiceFor}}, false)
			if err != nil || len(in) != 2 || !in[ds[2].ID] || in[ds[1].ID] {
				t.Fatalf("second batch keeps the first ballot: %v %v", in, err)
			}
			return tx.AddToTally(ctx, v.ID, qianxiang.Tally{For: 3, Against: 1})
		})
		if err != nil {
			t.Fatal(err)
		}
		if bs, err := a.DB.NamedBallots(ctx, v.ID); err != nil || len(bs) != 0 {
			t.Fatalf("an aggregate ballot stored its choice: %+v %v", bs, err)
		}
		closed, err := a.CloseVote(ctx, staff, v.ID)
		if err != nil || *closed.For != 3 || *closed.Against != 1 || closed.Cast != 4 || !*closed.Passed {
			t.Fatalf("close: %+v %v", closed, err)
		}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			if open, err := tx.LockTally(ctx, v.ID); err != nil || open {
				t.Fatalf("the count outlived the close: %v %v", open, err)
			}
			if err := tx.AddToTally(ctx, v.ID, qianxiang.Tally{For: 1}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
				t.Fatalf("counted after the close: %v", err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// The passed resolution is one row per vote.
		r, ok, err := a.DB.ResolutionByVote(ctx, v.ID)
		if err != nil || !ok || r.Kind != qianxiang.ResolutionOther {
			t.Fatalf("resolution: %+v %v %v", r, ok, err)
		}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			dup := qianxiang.Resolution{CongressID: k.ID, VoteID: v.ID, Title: "x", Kind: qianxiang.ResolutionOther}
			return tx.InsertResolution(ctx, &dup)
		})
		if qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Fatalf("a second resolution of the vote: %v", err)
		}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			if _, err := tx.InsertBodyMember(ctx, k.ID, qianxiang.BodyMember{Body: qianxiang.MotionsCommittee, Role: "member", Deputy: ds[0]}, 1); err != nil {
				return err
			}
			_, err := tx.InsertBodyMember(ctx, k.ID, qianxiang.BodyMember{Body: qianxiang.MotionsCommittee, Role: "chair", Deputy: ds[0]}, 2)
			return err
		})
		if err == nil {
			t.Fatal("a deputy sat twice in one body")
		}
		if ms, _ := a.DB.BodyMembers(ctx, k.ID, qianxiang.MotionsCommittee); len(ms) != 0 {
			t.Fatalf("the refused list was half written: %+v", ms)
		}
	})
}

// After a vote closes the SQLite write-ahead log, which holds every
// committed image of the running count's page, is truncated: the
// checkpoint waits for a reader still on an older snapshot rather than
// leaving the log as it is.
func TestForgetHistoryWaitsForReaders(t *testing.T) {
	ctx := context.Background()
	a := testenv.Open(t, "sqlite")
	testenv.Lvliang(t, a)
	raw := testenv.Raw(t, a)
	rtx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := rtx.QueryRow(`SELECT COUNT(*) FROM orgs`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	// A write after the reader's snapshot: the log now has frames the
	// reader's snapshot does not see.
	testenv.User(t, a, "rdb", qianxiang.RoleCongressStaff, "141100")
	go func() {
		time.Sleep(300 * time.Millisecond)
		rtx.Rollback()
	}()
	start := time.Now()
	if err := a.DB.ForgetHistory(ctx); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) < 250*time.Millisecond {
		t.Fatalf("the checkpoint did not wait for the reader (%v)", time.Since(start))
	}
	_, path, _ := store.ParseDSN(a.DB.DSN)
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() != 0 {
		t.Fatalf("the write-ahead log keeps %d bytes", st.Size())
	}
}
