package qianxiang

import "strings"

// LeadMoveInput is a requested change of stage with what the target stage
// needs: a reason to go back, the contract to sign, the project to land.
type LeadMoveInput struct {
	Stage          string `json:"stage"`
	Reason         string `json:"reason"`
	ContractAmount *Money `json:"contract_amount"`
	ContractDate   string `json:"contract_date"`
	// 落地: the registry project it becomes (defaults: this year, the
	// investor and industry as its name, the contract amount, next month).
	ProjectYear  int    `json:"project_year"`
	ProjectName  string `json:"project_name"`
	Investment   *Money `json:"investment"`
	PlannedStart string `json:"planned_start"`
}

// Move applies a change of stage on a day. Forward moves go one stage at a
// time, never skipping: signing records the contract, landing creates the
// project, and a skipped stage would leave either unrecorded. Backward
// moves (to any earlier stage) need a reason; the contract and the linked
// project are kept, since they happened, and landing again reuses the
// project. It returns the move to record.
func (l *Lead) Move(in LeadMoveInput, today Date) (LeadMove, error) {
	to, ok := ParseLeadStage(in.Stage)
	if !ok {
		return LeadMove{}, FieldError("stage", "%q is not a stage (talking, signed, landed, investing, serving)", in.Stage)
	}
	reason, err := clean("reason", in.Reason)
	if err != nil {
		return LeadMove{}, err
	}
	from := l.Stage
	switch {
	case to == from:
		return LeadMove{}, FieldError("stage", "the lead is already at %s", to.Label())
	case to.Index() < from.Index():
		if reason == "" {
			return LeadMove{}, FieldError("reason", "is required to move a lead back from %s to %s", from.Label(), to.Label())
		}
	case to.Index() > from.Index()+1:
		return LeadMove{}, FieldError("stage", "a lead moves forward one stage at a time: from %s the next stage is %s", from.Label(), LeadStages[from.Index()+1].Label())
	case to == LeadSigned:
		if err := l.sign(in, today); err != nil {
			return LeadMove{}, err
		}
	}
	l.Stage = to
	return LeadMove{LeadID: l.ID, From: from, To: to, Reason: reason}, nil
}

// sign records the contract of a lead moving to 签约.
func (l *Lead) sign(in LeadMoveInput, today Date) error {
	if in.ContractAmount == nil || *in.ContractAmount <= 0 {
		return FieldError("contract_amount", "is required to sign: the contract amount in 10k yuan")
	}
	if d := CheckAmount("contract_amount", *in.ContractAmount); d != nil {
		return FieldError(d.Field, d.Format, d.Args...)
	}
	date, err := ParseDate(in.ContractDate)
	switch {
	case strings.TrimSpace(in.ContractDate) == "":
		return FieldError("contract_date", "is required to sign (YYYY-MM-DD)")
	case err != nil || date.MonthOnly():
		return FieldError("contract_date", "%q is not a date (YYYY-MM-DD)", in.ContractDate)
	case today.Before(date):
		return FieldError("contract_date", "%s is in the future (today is %s)", date.String(), today.String())
	}
	l.ContractAmount, l.ContractDate = *in.ContractAmount, date
	return nil
}

// LandedProject is the registry project a lead becomes at 落地 (the
// caller fills in the county's organisation): a new project of the
// investor in the lead's county and industry, with the lead's leader,
// team and target.
func (l *Lead) LandedProject(in LeadMoveInput, today Date) (Project, error) {
	p := Project{Year: in.ProjectYear, Name: in.ProjectName, Owner: l.Investor, Org: l.County, LeadOrg: l.County,
		Kind: KindNew, Stage: StagePreparing, Sector: l.Industry, Leader: l.Leader.Name, Team: append([]TeamMember{}, l.Team...),
		Target: Target{Text: l.Target}, TotalInvestment: l.ContractAmount}
	if p.Year == 0 {
		p.Year = today.Year
	}
	if strings.TrimSpace(p.Name) == "" {
		p.Name = l.Investor + " · " + l.Industry
	}
	if in.Investment != nil {
		p.TotalInvestment = *in.Investment
	}
	if p.TotalInvestment <= 0 {
		p.TotalInvestment = l.Intended
	}
	if d := CheckAmount("investment", p.TotalInvestment); d != nil {
		return p, FieldError(d.Field, d.Format, d.Args...)
	}
	// A landed project still needs its approvals: it is planned to start
	// the month after landing unless the move says otherwise.
	next := Date{Year: today.Year, Month: today.Month + 1}
	if next.Month > 12 {
		next = Date{Year: today.Year + 1, Month: 1}
	}
	p.PlannedStart = next
	if s := strings.TrimSpace(in.PlannedStart); s != "" {
		d, err := ParseDate(s)
		if err != nil {
			return p, FieldError("planned_start", "%q is not a month (YYYY-MM)", s)
		}
		p.PlannedStart = d
	}
	return p, nil
}
