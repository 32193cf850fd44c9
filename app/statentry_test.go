package app_test

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// A small real PNG and a minimal PDF, as vouchers.
func testPNG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var testPDF = []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

func entryProject(t *testing.T, a *app.App, office qianxiang.Actor, org, name, total string, started qianxiang.Date) qianxiang.Project {
	t.Helper()
	m, _ := qianxiang.ParseMoney(total)
	p, err := a.CreateProject(ctx, office, qianxiang.Project{Year: 2023, Name: name, Org: qianxiang.OrgRef{Code: org}, Kind: qianxiang.KindNew,
		PlannedStart: qianxiang.Date{Year: 2023, Month: 3}, StartedOn: started, Stage: qianxiang.StageConstruction, TotalInvestment: m, AnnualPlan: m / 2})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStatisticsEntryWorkflowEndToEnd(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 6, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		county := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		other := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		stats := testenv.User(t, a, "tongji", qianxiang.RoleStatistics, "141100")
		started := qianxiang.Date{Year: 2023, Month: 4, Day: 2}
		p := entryProject(t, a, office, "141102", "离石区物流园", "8000", started)
		entryProject(t, a, office, "141102", "离石区小型车间", "499.99", started) // below the threshold
		ws := entryProject(t, a, office, "141121", "文水县污水厂", "500", started)

		// Bad vouchers are refused and leave nothing behind.
		for name, data := range map[string][]byte{
			"a text file named .pdf": []byte("this is not a pdf"),
			"a truncated PDF":        []byte("%PDF-1.4\n1 0 obj<<>>"),
			"too large":              append(append([]byte("%PDF-1.4\n"), make([]byte, app.MaxVoucherBytes)...), []byte("%%EOF")...),
			"empty":                  {},
		} {
			if _, err := a.UploadVoucher(ctx, unit, p.ID, qianxiang.VoucherApproval, "批复.pdf", data); qianxiang.ErrorCode(err) != qianxiang.EValidation {
				t.Errorf("%s: got %v, want a validation refusal", name, err)
			}
		}
		if _, err := a.UploadVoucher(ctx, unit, p.ID, "deed", "x.pdf", testPDF); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Errorf("unknown kind: %v", err)
		}
		if _, err := a.UploadVoucher(ctx, unit, ws.ID, qianxiang.VoucherApproval, "x.pdf", testPDF); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("another county's project: %v, want not found", err)
		}
		if v, err := a.StatEntry(ctx, county, p.ID); err != nil || len(v.Vouchers[0].Files) != 0 {
			t.Fatalf("refused uploads left files: %v %+v", err, v.Vouchers)
		}

		// Submitting with vouchers missing names them.
		if _, err := a.UploadVoucher(ctx, unit, p.ID, qianxiang.VoucherApproval, "备案证明.pdf", testPDF); err != nil {
			t.Fatal(err)
		}
		_, err := a.StepEntry(ctx, unit, p.ID, qianxiang.EntrySubmit, "")
		if e := qianxiang.AsError(err); e == nil || e.Code != qianxiang.EValidation || len(e.Details) != 2 {
			t.Fatalf("submit with two vouchers missing: %v", err)
		}
		f, err := a.UploadVoucher(ctx, unit, p.ID, qianxiang.VoucherContract, "现场照片.png", testPNG(t))
		if err != nil || f.MIME != "image/png" || len(f.SHA256) != 64 {
			t.Fatalf("photo voucher: %+v %v", f, err)
		}
		if _, err := a.UploadVoucher(ctx, unit, p.ID, qianxiang.VoucherLicence, "营业执照.pdf", testPDF); err != nil {
			t.Fatal(err)
		}
		if _, got, err := a.StatFileData(ctx, stats, p.ID, f.ID); err != nil || !bytes.Equal(got, testPNG(t)) {
			t.Errorf("the bureau reads the voucher back: %v", err)
		}
		if _, _, err := a.StatFileData(ctx, other, p.ID, f.ID); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("another county reads the voucher: %v", err)
		}

		gap, err := a.EntryGap(ctx, stats, 2023, "")
		if err != nil || gap.Expected != 2 || gap.Count != 2 || gap.Items[0].Reason != qianxiang.GapNotSubmitted || gap.Items[1].Reason != qianxiang.GapMissingVouchers {
			t.Fatalf("gap before submission: %+v %v", gap, err)
		}
		if g, err := a.EntryGap(ctx, county, 2023, ""); err != nil || g.Count != 1 || g.Items[0].Project.ID != p.ID {
			t.Errorf("the county sees only its gap: %+v %v", g, err)
		}
		if _, err := a.EntryGap(ctx, county, 2023, "141121"); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Errorf("a county filtering on another county: %v", err)
		}

		steps := []struct {
			who    qianxiang.Actor
			act    qianxiang.EntryAction
			reason string
			code   string
			status qianxiang.EntryStatus
		}{
			{unit, qianxiang.EntrySubmit, "", "", qianxiang.EntrySubmitted},
			{other, qianxiang.EntryReview, "", qianxiang.ENotFound, ""},
			{unit, qianxiang.EntryReview, "", qianxiang.EForbidden, ""},
			{stats, qianxiang.EntryAccept, "", qianxiang.EValidation, ""}, // not reviewed yet
			{county, qianxiang.EntryReview, "", "", qianxiang.EntryReviewed},
			{county, qianxiang.EntryAccept, "", qianxiang.EForbidden, ""},
			{office, qianxiang.EntryAccept, "", qianxiang.EForbidden, ""},
			{stats, qianxiang.EntryReturn, " ", qianxiang.EValidation, ""},
			{stats, qianxiang.EntryReturn, "合同金额与申报投资不符", "", qianxiang.EntryReturned},
			{unit, qianxiang.EntrySubmit, "", "", qianxiang.EntrySubmitted},
			{county, qianxiang.EntryReview, "", "", qianxiang.EntryReviewed},
			{stats, qianxiang.EntryAccept, "", "", qianxiang.EntryAccepted},
			{stats, qianxiang.EntryAccept, "", qianxiang.EValidation, ""},
		}
		for i, s := range steps {
			e, err := a.StepEntry(ctx, s.who, p.ID, s.act, s.reason)
			if s.code != "" {
				if qianxiang.ErrorCode(err) != s.code {
					t.Fatalf("step %d %s by %s: %v, want %s", i, s.act, s.who.Username, err, s.code)
				}
				continue
			}
			if err != nil || e.Status != s.status {
				t.Fatalf("step %d %s by %s: %v, status %s", i, s.act, s.who.Username, err, e.Status)
			}
		}
		v, err := a.StatEntry(ctx, county, p.ID)
		if err != nil || !v.InStats || len(v.History) != 6 || v.History[2].Reason != "合同金额与申报投资不符" || v.History[2].Role != qianxiang.RoleStatistics {
			t.Fatalf("after acceptance: in stats %v, history %+v, %v", v.InStats, v.History, err)
		}
		pr, _ := a.Project(ctx, office, p.ID)
		if !pr.InStats {
			t.Error("acceptance did not put the project in the statistics")
		}
		h, err := a.DB.History(ctx, "projects", p.ID)
		if err != nil || h[len(h)-1].Action != "enter_stats" && h[0].Action != "enter_stats" {
			t.Errorf("the project's history lacks the entry: %+v %v", h, err)
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
			t.Errorf("audit verify after the workflow: %+v %v", broken, err)
		}

		// Who must act next was told: the bureau of each review, the unit of
		// the return (with its reason) and of the acceptance.
		kinds := func(who qianxiang.Actor) map[qianxiang.NotificationKind]string {
			ns, _, err := a.Notifications(ctx, who, 50)
			if err != nil {
				t.Fatal(err)
			}
			m := map[qianxiang.NotificationKind]string{}
			for _, n := range ns {
				m[n.Kind] = n.Subject
			}
			return m
		}
		if k := kinds(stats); k[app.NoteEntryReviewed] != "离石区物流园" {
			t.Errorf("the bureau's notices: %v", k)
		}
		if k := kinds(unit); !strings.Contains(k[app.NoteEntryReturned], "合同金额与申报投资不符") || k[app.NoteEntryAccepted] == "" {
			t.Errorf("the unit's notices: %v", k)
		}
		if k := kinds(other); len(k) != 0 {
			t.Errorf("another county was told: %v", k)
		}

		gap, err = a.EntryGap(ctx, stats, 2023, "")
		if err != nil || gap.Expected != 2 || gap.Entered != 1 || gap.Count != 1 || gap.Rate.Rounded() != 0.5 {
			t.Errorf("gap after acceptance: %+v %v", gap, err)
		}
		d, err := a.Dispatch(ctx, stats, 2023, 5)
		if err != nil {
			t.Fatal(err)
		}
		rates := map[string]string{}
		for _, o := range d.ByOrg {
			if o.EntryRate != nil {
				rates[o.Org.Code] = strings.TrimSpace(qianxiang.Money(o.EntryRate.Rounded() * 100).String())
			}
		}
		if d.Total.EntryExpected != 2 || d.Total.EntryEntered != 1 || rates["141102"] != "1.00" || rates["141121"] != "0.00" {
			t.Errorf("dispatch entry: %d/%d, rates %v", d.Total.EntryEntered, d.Total.EntryExpected, rates)
		}
	})
}

func TestVerificationRecordsAreAllOrNothing(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 6, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		stats := testenv.User(t, a, "tongji", qianxiang.RoleStatistics, "141100")
		p := entryProject(t, a, office, "141102", "离石区物流园", "8000", qianxiang.Date{Year: 2023, Month: 4, Day: 2})
		rec := qianxiang.Verification{VisitedOn: qianxiang.Date{Year: 2023, Month: 6, Day: 9}, People: "统计局 王某、李某", Findings: "主体结构施工中，现场人员约80人"}
		if _, err := a.AddVerification(ctx, stats, p.ID, rec, []app.NamedFile{{"ok.png", testPNG(t)}, {"bad.jpg", []byte("not a picture")}}); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("a bad photo: %v", err)
		}
		if _, err := a.AddVerification(ctx, unit, p.ID, rec, nil); qianxiang.ErrorCode(err) != qianxiang.EForbidden {
			t.Fatalf("a project unit verifying itself: %v", err)
		}
		if vs, _ := a.Verifications(ctx, stats, p.ID); len(vs) != 0 {
			t.Fatalf("refused records were written: %+v", vs)
		}
		v, err := a.AddVerification(ctx, stats, p.ID, rec, []app.NamedFile{{"现场1.png", testPNG(t)}})
		if err != nil || len(v.Photos) != 1 {
			t.Fatalf("verification: %+v %v", v, err)
		}
		if _, err := a.AddVerificationPhoto(ctx, stats, p.ID, v.ID, "dup.png", testPNG(t)); qianxiang.ErrorCode(err) != qianxiang.EConflict {
			t.Errorf("the same photo twice: %v", err)
		}
		vs, err := a.Verifications(ctx, unit, p.ID)
		if err != nil || len(vs) != 1 || vs[0].People != "统计局 王某、李某" || len(vs[0].Photos) != 1 || vs[0].VisitedOn.String() != "2023-06-09" {
			t.Errorf("the unit reads the record: %+v %v", vs, err)
		}
	})
}

func TestWrongVoucherIsRemovedOnlyOutsideReview(t *testing.T) {
	testenv.Each(t, func(t *testing.T, a *app.App) {
		a.Now = func() time.Time { return time.Date(2023, 6, 10, 9, 0, 0, 0, a.Loc) }
		testenv.Lvliang(t, a)
		office := testenv.User(t, a, "zhb", qianxiang.RoleCommand, "141100")
		unit := testenv.User(t, a, "lishi-xm", qianxiang.RoleReporter, "141102")
		county := testenv.User(t, a, "lishi", qianxiang.RoleOrgAdmin, "141102")
		other := testenv.User(t, a, "wenshui", qianxiang.RoleOrgAdmin, "141121")
		p := entryProject(t, a, office, "141102", "离石区物流园", "8000", qianxiang.Date{Year: 2023, Month: 4, Day: 2})
		var ids []int64
		for _, k := range []qianxiang.VoucherKind{qianxiang.VoucherApproval, qianxiang.VoucherContract, qianxiang.VoucherLicence} {
			f, err := a.UploadVoucher(ctx, unit, p.ID, k, string(k)+".pdf", testPDF)
			if k == qianxiang.VoucherContract {
				f, err = a.UploadVoucher(ctx, unit, p.ID, k, "site.png", testPNG(t))
			}
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, f.ID)
		}
		if _, err := a.StepEntry(ctx, unit, p.ID, qianxiang.EntrySubmit, ""); err != nil {
			t.Fatal(err)
		}
		if err := a.DeleteVoucher(ctx, unit, p.ID, ids[0]); qianxiang.ErrorCode(err) != qianxiang.EValidation {
			t.Fatalf("removing a voucher under review: %v", err)
		}
		if _, err := a.StepEntry(ctx, county, p.ID, qianxiang.EntryReturn, "批复文件不清晰"); err != nil {
			t.Fatal(err)
		}
		if err := a.DeleteVoucher(ctx, other, p.ID, ids[0]); qianxiang.ErrorCode(err) != qianxiang.ENotFound {
			t.Errorf("another county removes it: %v", err)
		}
		if err := a.DeleteVoucher(ctx, unit, p.ID, ids[0]); err != nil {
			t.Fatalf("removing after the return: %v", err)
		}
		v, _ := a.StatEntry(ctx, unit, p.ID)
		if len(v.Missing) != 1 || v.Missing[0] != qianxiang.VoucherApproval {
			t.Errorf("after removal, missing %v", v.Missing)
		}
		if _, broken, err := a.VerifyAudit(ctx, qianxiang.SystemActor); err != nil || len(broken) != 0 {
			t.Errorf("audit after removal: %v %v", broken, err)
		}
	})
}
