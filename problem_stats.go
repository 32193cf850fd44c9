package qianxiang

import "sort"

// ProblemCount is one line of the problem report: how many an organisation
// (or a category) has, how many are solved, and how fast.
type ProblemCount struct {
	Key        string  `json:"key"` // organisation code or category
	Label      string  `json:"label"`
	Total      int     `json:"total"`
	Pending    int     `json:"pending"`
	Overdue    int     `json:"overdue"`
	Solved     int     `json:"solved"`      // resolved or closed
	SolveRate  float64 `json:"solve_rate"`  // solved / total
	MedianDays float64 `json:"median_days"` // days from raising to resolution, of the solved; -1 when none
}

// CountProblems groups derived problems by key (owner organisation or
// category), most problems first.
func CountProblems(ps []Problem, key func(*Problem) (string, string)) []ProblemCount {
	idx := map[string]int{}
	var out []ProblemCount
	days := map[string][]int{}
	for i := range ps {
		p := &ps[i]
		k, label := key(p)
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, ProblemCount{Key: k, Label: label})
		}
		c := &out[j]
		c.Total++
		switch {
		case p.Status.Pending():
			c.Pending++
			if p.Overdue {
				c.Overdue++
			}
		default:
			c.Solved++
			days[k] = append(days[k], p.DaysOpen)
		}
	}
	for i := range out {
		c := &out[i]
		c.SolveRate = float64(c.Solved) / float64(c.Total)
		c.MedianDays = median(days[c.Key])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Total != out[j].Total {
			return out[i].Total > out[j].Total
		}
		return out[i].Key < out[j].Key
	})
	return out
}

func median(xs []int) float64 {
	if len(xs) == 0 {
		return -1
	}
	s := append([]int(nil), xs...)
	sort.Ints(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// ByOwner keys problems by their owner organisation.
func ByOwner(p *Problem) (string, string) { return p.OwnerOrg.Code, p.OwnerOrg.Name }

// ByCategory keys problems by category.
func ByCategory(p *Problem) (string, string) { return string(p.Category), p.Category.Label() }
