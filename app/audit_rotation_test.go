package app_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// After a key rotation new entries use the new key and old ones verify with
// theirs; a token issued before keeps working. A key file that lost the old
// key names the entries it can no longer check.
func TestAuditKeyRotationKeepsOldEntriesVerifiable(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		admin := testenv.User(t, a, "admin1", qianxiang.RoleAdmin, "141100")
		tok, err := a.CreateToken(ctx, admin, "admin1", "ops")
		if err != nil {
			t.Fatal(err)
		}
		oldKid := a.DB.Keys.Current().ID
		newKid, err := a.RotateAuditKey(ctx, qianxiang.SystemActor)
		if err != nil || newKid == oldKid {
			t.Fatalf("rotate: %q %v", newKid, err)
		}
		if _, err := a.RotateAuditKey(ctx, admin); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("an admin through the API rotated the key: %v", err)
		}
		testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		if f := findings(t, a); f != "" {
			t.Fatalf("after a rotation:\n%s", f)
		}
		es, _ := a.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Limit: 500})
		kids := map[string]bool{}
		for _, e := range es {
			kids[e.Kid] = true
		}
		if !kids[oldKid] || !kids[newKid] || es[0].Kid != newKid {
			t.Fatalf("entries' keys %v; newest %q, want %q", kids, es[0].Kid, newKid)
		}
		if _, err := a.TokenUser(ctx, tok); err != nil {
			t.Fatalf("a token issued before the rotation: %v", err)
		}
		// Reopened on the same file, the database still verifies.
		b := testenv.OpenDSN(t, a.DB.DSN, a.DB.Keys.Path)
		if f := findings(t, b); f != "" {
			t.Fatalf("reopened after a rotation:\n%s", f)
		}
		// The old key dropped from the file: its entries are named.
		data, _ := os.ReadFile(a.DB.Keys.Path)
		var kept []string
		for _, l := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(l, oldKid+" ") {
				kept = append(kept, l)
			}
		}
		short := a.DB.Keys.Path + ".new-only"
		os.WriteFile(short, []byte(strings.Join(kept, "\n")), 0o600)
		c := testenv.OpenDSN(t, a.DB.DSN, short)
		testenv.Contains(t, findings(t, c), "made with audit key "+oldKid+", which is not in the audit key file")
	})
}

// Someone holding the key itself rewrites an early entry and re-signs the
// whole chain after it: the chain walk is satisfied, the checkpoint the
// office kept is not.
func TestAuditCheckpointCatchesHistoryRewrittenWithTheKey(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		cp, err := a.AuditCheckpoint(ctx, qianxiang.SystemActor)
		if err != nil {
			t.Fatal(err)
		}
		testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		raw := testenv.Raw(t, a)
		rows, err := raw.Query(`SELECT id, at, actor, action, entity, entity_id, label, before_json, after_json, kid FROM audit_log ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		type entry struct {
			id, eid                                 int64
			at, actor, action, entity, label, b, af string
			kid                                     string
		}
		var es []entry
		for rows.Next() {
			var e entry
			rows.Scan(&e.id, &e.at, &e.actor, &e.action, &e.entity, &e.eid, &e.label, &e.b, &e.af, &e.kid)
			es = append(es, e)
		}
		rows.Close()
		prev := ""
		for _, e := range es {
			if e.id == 2 {
				e.actor = "someone"
			}
			h, err := a.DB.Keys.MAC(e.kid, "qianxiang audit entry v1", prev, fmt.Sprint(e.id), e.at, e.actor, e.action, e.entity, fmt.Sprint(e.eid), e.label, e.b, e.af, e.kid)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(rawSQL(a, `UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?`), e.actor, prev, h, e.id); err != nil {
				t.Fatal(err)
			}
			prev = h
		}
		raw.Exec(rawSQL(a, `UPDATE audit_head SET hash = ? WHERE id = 1`), prev)
		if f := findings(t, a); f != "" {
			t.Fatalf("the re-signed chain should satisfy the walk (the key holder can do that):\n%s", f)
		}
		_, broken, err := a.VerifyAuditAgainst(ctx, qianxiang.SystemActor, cp)
		if err != nil || len(broken) != 1 || !strings.Contains(broken[0].What, "history before the checkpoint was rewritten") {
			t.Fatalf("against the kept checkpoint: %v %v", broken, err)
		}
	})
}
