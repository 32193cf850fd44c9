package qianxiang

// ProjectMatcher finds the project of a year's plan that an imported row
// stands for: by its code, else by its name within its county. A project
// list is imported year after year from workbooks whose codes come and go,
// so the name is the fallback, but only where the codes do not disagree.
type ProjectMatcher struct {
	byCode map[string]*Project
	byName map[string]*Project
}

// NewProjectMatcher indexes a plan. The matcher points into plan.
func NewProjectMatcher(plan []Project) ProjectMatcher {
	m := ProjectMatcher{byCode: map[string]*Project{}, byName: map[string]*Project{}}
	for i := range plan {
		p := &plan[i]
		if p.Code != "" {
			m.byCode[p.Code] = p
		}
		m.byName[nameKey(p)] = p
	}
	return m
}

func nameKey(p *Project) string { return p.Name + "\x00" + p.Org.Code }

// Match gives the plan's project for p, or nil. A code always matches;
// with byName, a project of the same name in the
// same county matches too unless both have codes and they differ.
func (m ProjectMatcher) Match(p Project, byName bool) *Project {
	if p.Code != "" {
		if found := m.byCode[p.Code]; found != nil {
			return found
		}
	}
	if !byName {
		return nil
	}
	if found := m.byName[nameKey(&p)]; found != nil && (found.Code == "" || p.Code == "" || found.Code == p.Code) {
		return found
	}
	return nil
}
