package app_test

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// findings joins verify's findings for matching.
func findings(t *testing.T, a *app.App) string {
	t.Helper()
	_, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, b := range broken {
		all = append(all, b.String())
	}
	return strings.Join(all, "\n")
}

// legacyHash is the plain SHA-256 chain hash, as a forger with only the
// database (and the source code) can compute it.
func legacyHash(prev string, id int64, at, actor, action, entity string, eid int64, label, before, after string) string {
	h := sha256.New()
	for _, s := range []string{prev, fmt.Sprint(id), at, actor, action, entity, fmt.Sprint(eid), label, before, after} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// forgeEntry appends to the trail an entry covering a record as it now is,
// correctly chained with SHA-256 to the head, under the key id given.
func forgeEntry(t *testing.T, raw *sql.DB, a *app.App, table string, id int64, kid string) int64 {
	t.Helper()
	var seq int64
	var head string
	if err := raw.QueryRow(`SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &head); err != nil {
		t.Fatal(err)
	}
	after, err := a.DB.Snapshot(ctx, table, id)
	if err != nil {
		t.Fatal(err)
	}
	seq++
	at := "2026-11-30T10:00:00.000Z"
	h := legacyHash(head, seq, at, "zhb", "update", table, id, "forged", "", after)
	q := `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, label, before_json, after_json, prev_hash, hash, kid)
		VALUES (?, ?, 'zhb', 'update', ?, ?, 'forged', '', ?, ?, ?, ?)`
	if _, err := raw.Exec(rawSQL(a, q), seq, at, table, id, after, head, h, kid); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(rawSQL(a, `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`), seq, h); err != nil {
		t.Fatal(err)
	}
	return seq
}

// Someone with write access to the database edits a project and appends an
// entry chained exactly as the plain SHA-256 chain was: verify used to say
// intact. The chain is keyed now, so the forged entry is named, whether it
// claims no key or the server's key.
func TestAuditForgedEntryAppendedWithSQLIsNamed(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		cmd := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		p, err := a.CreateProject(ctx, cmd, newProject("离石区伪造测试项目", "141102"))
		if err != nil {
			t.Fatal(err)
		}
		raw := testenv.Raw(t, a)
		for _, kid := range []string{"", a.DB.Keys.Current().ID} {
			if _, err := raw.Exec(`UPDATE projects SET annual_plan = annual_plan + 100000 WHERE name = '离石区伪造测试项目'`); err != nil {
				t.Fatal(err)
			}
			seq := forgeEntry(t, raw, a, "projects", p.ID, kid)
			all := findings(t, a)
			testenv.Contains(t, all, fmt.Sprintf("audit_log %d (forged)", seq))
			if kid == "" {
				testenv.Contains(t, all, "unkeyed entry after the keyed chain began")
			} else {
				testenv.Contains(t, all, "keyed hash", "does not match")
			}
			// The project itself matches the forged entry, so the forgery
			// is what is named, once.
			if strings.Contains(all, "projects "+fmt.Sprint(p.ID)) {
				t.Fatalf("the project is named instead of the forged entry:\n%s", all)
			}
		}
	})
}

// A database written before the chain was keyed still verifies after the
// upgrade: its first keyed entry seals the old head, its old tokens keep
// working; and an old entry changed and re-chained with SHA-256 afterwards
// breaks the chain at the seal.
func TestAuditLegacyChainVerifiesAfterUpgradeAndIsSealed(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		testenv.Lvliang(t, a)
		admin := testenv.User(t, a, "admin1", qianxiang.RoleAdmin, "141100")
		tok, err := a.CreateToken(ctx, admin, "admin1", "old script")
		if err != nil {
			t.Fatal(err)
		}
		raw := testenv.Raw(t, a)
		rechainLegacy(t, raw, a, 0)
		if _, err := raw.Exec(`UPDATE api_tokens SET mac = ''`); err != nil {
			t.Fatal(err)
		}
		if _, err := a.TokenUser(ctx, tok); err == nil {
			t.Fatal("a token without its MAC worked")
		}
		// Restart on the same key file: the upgrade seals the legacy chain.
		b := testenv.OpenDSN(t, a.DB.DSN, a.DB.Keys.Path)
		if all := findings(t, b); all != "" {
			t.Fatalf("legacy chain after the upgrade:\n%s", all)
		}
		if u, err := b.TokenUser(ctx, tok); err != nil || u.Username != "admin1" {
			t.Fatalf("a token issued before the upgrade: %v", err)
		}
		es, _ := b.AuditEntries(ctx, qianxiang.SystemActor, qianxiang.AuditFilter{Actor: "system"})
		if len(es) == 0 || es[len(es)-1].Action != "seal" && es[0].Action != "seal" {
			t.Fatalf("no seal entry: %+v", es)
		}
		// A legacy entry rewritten with a valid SHA-256 chain up to the seal.
		rechainLegacy(t, raw, b, 2)
		testenv.Contains(t, findings(t, b), "the entries before it were changed")
	})
}

// rechainLegacy rewrites the trail's entries as plain SHA-256 entries (kid
// empty), as a database written before the keyed chain holds them. With
// alter > 0 the actor of that entry is changed first; entries already keyed
// after the legacy ones are left as they are.
func rechainLegacy(t *testing.T, raw *sql.DB, a *app.App, alter int64) {
	t.Helper()
	ph := func(q string) string { return rawSQL(a, q) }
	rows, err := raw.Query(`SELECT id, at, actor, action, entity, entity_id, label, before_json, after_json, kid FROM audit_log ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	type e struct {
		id, eid                                      int64
		at, actor, action, entity, label, bj, aj, kd string
	}
	var es []e
	for rows.Next() {
		var x e
		rows.Scan(&x.id, &x.at, &x.actor, &x.action, &x.entity, &x.eid, &x.label, &x.bj, &x.aj, &x.kd)
		es = append(es, x)
	}
	rows.Close()
	prev := ""
	legacy := alter == 0 // a first conversion turns every entry into a legacy one
	for _, x := range es {
		if !legacy && x.kd != "" {
			break
		}
		if x.id == alter {
			x.actor = "someone"
		}
		h := legacyHash(prev, x.id, x.at, x.actor, x.action, x.entity, x.eid, x.label, x.bj, x.aj)
		if _, err := raw.Exec(ph(`UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ?, kid = '' WHERE id = ?`), x.actor, prev, h, x.id); err != nil {
			t.Fatal(err)
		}
		prev = h
	}
	if alter == 0 {
		if _, err := raw.Exec(ph(`UPDATE audit_head SET hash = ? WHERE id = 1`), prev); err != nil {
			t.Fatal(err)
		}
	}
}

// rawSQL writes ? placeholders as the app's database wants them.
func rawSQL(a *app.App, q string) string {
	if a.DB.Dialect() == store.SQLite {
		return q
	}
	return rebind(q)
}
