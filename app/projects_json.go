package app

import "strconv"

// AppendJSON appends the page as json.Marshal writes it, without
// reflection (see qianxiang.Project.AppendJSON): the registry API's
// answer. TestProjectPageJSON compares the two.
func (pg *ProjectPage) AppendJSON(b []byte) []byte {
	b = append(b, `{"items":`...)
	if pg.Items == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range pg.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = pg.Items[i].AppendJSON(b)
		}
		b = append(b, ']')
	}
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, int64(pg.Total), 10)
	b = append(b, `,"page":`...)
	b = strconv.AppendInt(b, int64(pg.Page), 10)
	b = append(b, `,"per_page":`...)
	b = strconv.AppendInt(b, int64(pg.PerPage), 10)
	b = append(b, `,"totals":`...)
	b = pg.Totals.AppendJSON(b)
	b = append(b, `,"light_month":`...)
	b = strconv.AppendInt(b, int64(pg.Month), 10)
	return append(b, '}')
}
