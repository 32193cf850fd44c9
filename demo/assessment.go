package demo

import (
	"context"

	"qianxiang"
	"qianxiang/app"
)

// fillAssessment is the campaign office setting the year's assessment
// weights (奖惩): delivery first, then statistics entry as much as the
// target, with 红榜 and 黑榜 of three each. The scores themselves come from
// the demo's reports, problems and projects.
func fillAssessment(ctx context.Context, a *app.App, sys qianxiang.Actor, year int) error {
	return a.SetAssessSettings(ctx, sys, year, qianxiang.AssessSettings{BoardSize: 3, Weights: qianxiang.AssessWeights{
		Completion: 30, StartRate: 20, TargetRate: 15, EntryRate: 15, ProblemsOnTime: 10, ReportsOnTime: 10}})
}
