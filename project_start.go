package qianxiang

// StageAfterStart is the stage of a project once a report (or an import of
// the 调度表) gives its actual start: a project still in 谋划, 储备 or 前期
// is now 在建. A stage the office has set beyond that (在建, 竣工, 投产)
// is the office's word and stays. The move happens when the start is first
// recorded (or changes), so an office that sets a started project back to
// 前期 on purpose is not overruled by the next month's report.
func StageAfterStart(s Stage) Stage {
	switch s {
	case StageIdea, StageReserve, StagePreparing, "":
		return StageConstruction
	}
	return s
}
