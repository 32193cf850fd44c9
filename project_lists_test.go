package qianxiang

import "testing"

func TestProjectListsCheckChoices(t *testing.T) {
	l := ProjectLists{Sectors: []string{"能源", "交通"}}
	leaders := []string{"王市长"}
	was := &Project{Sector: "旧行业", Leader: "旧领导"}
	cases := []struct {
		name           string
		l              ProjectLists
		leaders        []string
		sector, leader string
		was            *Project
		want           []string
	}{
		{"listed", l, leaders, "能源", "王市长", nil, nil},
		{"empty values", l, leaders, "", "", nil, nil},
		{"off both lists", l, leaders, "娱乐", "张三", nil, []string{"sector", "leader"}},
		{"kept as stored", l, leaders, "旧行业", "旧领导", was, nil},
		{"changed off the list", l, leaders, "娱乐", "旧领导", was, []string{"sector"}},
		{"other sectors allowed", ProjectLists{Sectors: l.Sectors, AllowOtherSector: true}, leaders, "娱乐", "张三", nil, []string{"leader"}},
		{"other leaders allowed", ProjectLists{Sectors: l.Sectors, AllowOtherLeader: true}, leaders, "娱乐", "张三", nil, []string{"sector"}},
		{"nothing to choose from", ProjectLists{}, nil, "娱乐", "张三", nil, nil},
	}
	for _, c := range cases {
		ds := c.l.CheckChoices(Project{Sector: c.sector, Leader: c.leader}, c.was, c.leaders)
		var got []string
		for _, d := range ds {
			got = append(got, d.Field)
		}
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) || (len(got) > 1 && got[1] != c.want[1]) {
			t.Errorf("%s: faults %v, want %v", c.name, got, c.want)
		}
	}
	bad := ProjectLists{Sectors: []string{"能源", "a\x01b"}}
	if e := AsError(bad.Clean()); e == nil || e.Details[0].Row != 2 || e.Details[0].Field != "sectors" {
		t.Errorf("a control character on line 2: %v", bad.Clean())
	}
	if l2, added := l.AddSectors("能源", "水利", "", "水利"); len(added) != 1 || len(l2.Sectors) != 3 || len(l.Sectors) != 2 {
		t.Errorf("AddSectors: %v added %v (original %v)", l2.Sectors, added, l.Sectors)
	}
}
