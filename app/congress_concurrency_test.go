package app_test

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// Every deputy of a full hall presses at once, and presses twice: each
// gets exactly one ballot, the second refused, and the count adds up.
func TestConcurrentBallotsOneEach(t *testing.T) {
	for _, n := range []int{369, 2977} {
		// The National People's Congress: 6–9 s a database on the loaded
		// development machine since ballots are written in batches; left
		// out only with -short.
		if n > 369 && testing.Short() {
			continue
		}
		t.Run(strconvI(n), func(t *testing.T) {
			testenv.Each(t, func(t *testing.T, a *app.App) {
				start := time.Now()
				s := newSession(t, a, n, 0)
				t.Logf("roster of %d: %v", n, time.Since(start))
				m, err := a.CreateMeeting(ctx, s.staff, app.NewMeeting{Congress: s.code, Body: qianxiang.BodyPlenary, Title: "全体会议", Date: "2023-02-26"})
				if err != nil {
					t.Fatal(err)
				}
				checkInAll(t, a, m.ID, s.deputies)
				v, _ := a.CreateVote(ctx, s.staff, m.ID, app.NewVote{Title: "决议"})
				if _, err := a.OpenVote(ctx, s.staff, v.ID); err != nil {
					t.Fatal(err)
				}
				start = time.Now()
				var ok, dup, failed atomic.Int64
				var wg sync.WaitGroup
				sem := make(chan struct{}, 64)
				for i := 0; i < n; i++ {
					wg.Add(1)
					go func(i int) {
						defer wg.Done()
						sem <- struct{}{}
						defer func() { <-sem }()
						c := []qianxiang.Choice{qianxiang.ChoiceFor, qianxiang.ChoiceAgainst, qianxiang.ChoiceAbstain}[i%3]
						for try := 0; try < 2; try++ {
							_, err := a.CastBallot(ctx, s.actors[i], v.ID, c)
							switch {
							case err == nil:
								ok.Add(1)
							case qianxiang.ErrorCode(err) == qianxiang.EConflict:
								dup.Add(1)
							default:
								failed.Add(1)
								t.Errorf("ballot %d: %v", i, err)
							}
						}
					}(i)
				}
				wg.Wait()
				t.Logf("%d deputies pressing twice: %v", n, time.Since(start))
				if ok.Load() != int64(n) || dup.Load() != int64(n) || failed.Load() != 0 {
					t.Fatalf("%d ballots, %d refused as second, %d failed", ok.Load(), dup.Load(), failed.Load())
				}
				r, err := a.CloseVote(ctx, s.staff, v.ID)
				if err != nil {
					t.Fatal(err)
				}
				if r.Cast != n || *r.For+*r.Against+*r.Abstain != n || *r.For != (n+2)/3 || *r.NotVoted != 0 {
					t.Fatalf("result %+v", r)
				}
			})
		})
	}
}

func strconvI(n int) string {
	b := []byte{}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// checkInAll marks every deputy present in one transaction (a test fixture:
// the desk's audited path is tested elsewhere).
func checkInAll(t testing.TB, a *app.App, meetingID int64, ds []qianxiang.Deputy) {
	t.Helper()
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, d := range ds {
			if _, err := tx.SetAttendance(ctx, meetingID, d.ID, qianxiang.AttendanceRecord{Status: "present", Via: "list"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
