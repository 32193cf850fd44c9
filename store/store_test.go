package store_test

import (
	"context"
	"sync"
	"testing"

	"qianxiang"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// Several server instances may start at once on one PostgreSQL (a
// province): each runs the migrations, and none may fail. (SQLite serves
// one instance: it is not run that way.)
func TestInstancesStartingTogetherMigrateOnce(t *testing.T) {
	for _, kind := range []string{"postgres"} {
		t.Run(kind, func(t *testing.T) {
			dsn := testenv.DSN(t, kind)
			// The instances share one audit key file, as they must.
			t.Setenv("QIANXIANG_AUDIT_KEY_FILE", testenv.KeyFile(t))
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for i := 0; i < 4; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					db, err := store.Open(context.Background(), dsn)
					if err == nil {
						db.Close()
					}
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestParseDSN(t *testing.T) {
	cases := []struct {
		in   string
		d    store.Dialect
		path string
		bad  bool
	}{
		{"qianxiang.db", store.SQLite, "qianxiang.db", false},
		{"sqlite:/var/lib/qx.db", store.SQLite, "/var/lib/qx.db", false},
		{"postgres://u@h/db", store.Postgres, "postgres://u@h/db", false},
		{"postgresql://u@h/db", store.Postgres, "postgresql://u@h/db", false},
		{"mysql://u@h/db", "", "", true},
		{"", "", "", true},
		{"sqlite:", "", "", true},
	}
	for _, c := range cases {
		d, p, err := store.ParseDSN(c.in)
		if (err != nil) != c.bad || d != c.d || p != c.path {
			t.Errorf("%q: %v %q %v", c.in, d, p, err)
		}
		if c.bad && qianxiang.ErrorCode(err) != qianxiang.EInvalid {
			t.Errorf("%q: a bad DSN is invalid input, got %v", c.in, err)
		}
	}
}
