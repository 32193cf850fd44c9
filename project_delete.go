package qianxiang

// ProjectTies counts what makes a project part of the city's record rather
// than a line entered by mistake.
type ProjectTies struct {
	SentReports     int // monthly reports past draft: dispatches counted them
	Problems        int // raised to other offices; leaders instructed on them
	Suggestions     int // deputies' suggestions that name the project
	StationProblems int // liaison-station problems that name it
}

// RefuseDelete says why the project cannot be deleted, or nil. A project
// with a history stays: deleting it would rewrite dispatches already sent
// and leave others' records pointing at nothing. Drafts, photos of drafts,
// factors, vouchers and the like go with a deleted project (audited).
func (t ProjectTies) RefuseDelete() error {
	switch {
	case t.SentReports > 0:
		return Errorf(EConflict, "the project has %d monthly reports sent to the office, which dispatches have counted: it cannot be deleted; correct its details instead", t.SentReports)
	case t.Problems > 0:
		return Errorf(EConflict, "%d problems were raised on the project and stay on record: it cannot be deleted", t.Problems)
	case t.Suggestions > 0:
		return Errorf(EConflict, "%d deputies' suggestions name the project: it cannot be deleted", t.Suggestions)
	case t.StationProblems > 0:
		return Errorf(EConflict, "%d liaison-station problems name the project: it cannot be deleted", t.StationProblems)
	}
	return nil
}
