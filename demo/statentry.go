package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"

	"qianxiang"
	"qianxiang/app"
)

// fillStatistics gives the statistics bureau a login (tongji) and its
// work: in 离石区 and 文水县, entries at every step of the workflow — one
// only started on its vouchers, one submitted, one reviewed and waiting for
// the bureau, one accepted with an on-site verification, one returned by
// the bureau with its reason — and the rest of the city's gap untouched.
func fillStatistics(ctx context.Context, a *app.App, sys qianxiang.Actor) ([]Login, error) {
	rng := rand.New(rand.NewPCG(2023, 125))
	pw := fmt.Sprintf("qx%06d!", rng.IntN(1000000))
	made, _, err := a.AddUser(ctx, sys, app.NewUser{Username: "tongji", DisplayName: "市统计局", Role: qianxiang.RoleStatistics, OrgCode: "141100", Password: pw})
	if err != nil {
		return nil, err
	}
	logins := []Login{{"tongji", pw, string(qianxiang.RoleStatistics), made.Org.Name}}
	stats := made.Actor()
	actor := func(name string) (qianxiang.Actor, error) {
		u, err := a.DB.UserByName(ctx, name)
		return u.Actor(), err
	}
	unit, err := actor("lishi-xm")
	if err != nil {
		return nil, err
	}
	lishi, err := actor("lishi")
	if err != nil {
		return nil, err
	}
	wenshui, err := actor("wenshui")
	if err != nil {
		return nil, err
	}
	year := a.DefaultYear(ctx)
	gap, err := a.EntryGap(ctx, sys, year, "")
	if err != nil {
		return nil, err
	}
	var inLishi, inWenshui []int64
	for _, it := range gap.Items {
		switch it.Project.Org.Code {
		case "141102":
			inLishi = append(inLishi, it.Project.ID)
		case "141121":
			inWenshui = append(inWenshui, it.Project.ID)
		}
	}
	if len(inLishi) < 4 || len(inWenshui) < 1 {
		return logins, nil // a plan without enough gap projects: nothing to show
	}
	vouchers := func(who qianxiang.Actor, id int64, kinds ...qianxiang.VoucherKind) error {
		for _, k := range kinds {
			name, data := string(k)+".pdf", demoPDF(fmt.Sprintf("project %d %s", id, k))
			if k == qianxiang.VoucherContract {
				name, data = "现场照片.png", demoPNG(rng)
			}
			if _, err := a.UploadVoucher(ctx, who, id, k, name, data); err != nil {
				return err
			}
		}
		return nil
	}
	all := []qianxiang.VoucherKind{qianxiang.VoucherApproval, qianxiang.VoucherContract, qianxiang.VoucherLicence}
	steps := func(id int64, s ...func(int64) error) error {
		for _, f := range s {
			if err := f(id); err != nil {
				return err
			}
		}
		return nil
	}
	step := func(who qianxiang.Actor, act qianxiang.EntryAction, reason string) func(int64) error {
		return func(id int64) error { _, err := a.StepEntry(ctx, who, id, act, reason); return err }
	}
	upload := func(who qianxiang.Actor, kinds ...qianxiang.VoucherKind) func(int64) error {
		return func(id int64) error { return vouchers(who, id, kinds...) }
	}
	verify := func(id int64) error {
		v := qianxiang.Verification{VisitedOn: a.Today(), People: "市统计局 王建华、刘敏；离石区统计局 张强",
			Findings: "现场主体工程已开工，施工人员约60人，机械设备8台；施工合同、形象进度与报送一致。"}
		_, err := a.AddVerification(ctx, stats, id, v, []app.NamedFile{{Name: "核查现场.png", Data: demoPNG(rng)}})
		return err
	}
	plan := []struct {
		id    int64
		steps []func(int64) error
	}{
		{inLishi[0], []func(int64) error{upload(unit, qianxiang.VoucherApproval)}},
		{inLishi[1], []func(int64) error{upload(unit, all...), step(unit, qianxiang.EntrySubmit, "")}},
		{inLishi[2], []func(int64) error{upload(unit, all...), step(unit, qianxiang.EntrySubmit, ""), step(lishi, qianxiang.EntryReview, "")}},
		{inLishi[3], []func(int64) error{upload(unit, all...), step(unit, qianxiang.EntrySubmit, ""), step(lishi, qianxiang.EntryReview, ""),
			verify, step(stats, qianxiang.EntryAccept, "")}},
		{inWenshui[0], []func(int64) error{upload(wenshui, all...), step(wenshui, qianxiang.EntrySubmit, ""), step(wenshui, qianxiang.EntryReview, ""),
			step(stats, qianxiang.EntryReturn, "施工合同金额与申报总投资不一致，请补充合同补充协议或说明后重新报送")}},
	}
	for _, p := range plan {
		if err := steps(p.id, p.steps...); err != nil {
			return nil, fmt.Errorf("statistics demo, project %d: %w", p.id, err)
		}
	}
	return logins, nil
}

// demoPDF is a small valid one-page PDF naming what it stands for.
func demoPDF(title string) []byte {
	var b bytes.Buffer
	stream := fmt.Sprintf("BT /F1 14 Tf 72 760 Td (%s) Tj ET", title)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// demoPNG is a small picture of a site: sky, ground and a crane.
func demoPNG(rng *rand.Rand) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 160, 100))
	sky := color.RGBA{170, 200, 235, 255}
	ground := color.RGBA{150, 120, 80, 255}
	crane := color.RGBA{230, 170, 30, 255}
	mast := 30 + rng.IntN(100)
	for y := 0; y < 100; y++ {
		for x := 0; x < 160; x++ {
			c := sky
			switch {
			case y >= 70:
				c = ground
			case x >= mast && x < mast+4 && y >= 15, y >= 15 && y < 19 && x >= mast-25 && x < mast+45:
				c = crane
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
