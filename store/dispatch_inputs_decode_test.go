package store

import (
	"reflect"
	"strconv"
	"testing"

	"qianxiang"
)

// The packed reports of dispatch_inputs.ReportMonths decode to the reports
// the query packed: amount*64 + 16*(has a start date) + month, negative
// when the amount was out of bounds. The bounds and the flags are what a
// wrong shift or mask would break; the database side is checked by
// app's TestRolledForwardDispatchEqualsFromScratch (both databases).
func TestDecodeReportMonths(t *testing.T) {
	pack := func(amount int64, start bool, month int64) int64 {
		s := int64(0)
		if start {
			s = 16
		}
		return amount*64 + s + month
	}
	max := int64(qianxiang.MaxAmount)
	cases := []struct {
		name   string
		packed string
		want   []ReportMonth
	}{
		{"empty", "", nil},
		{"one with a start", "6417", []ReportMonth{{ProjectID: 7, Month: 1, Completed: 100, StartedOn: "2023-03-01"}}},
		{"zero amount, no start, December", "12", []ReportMonth{{ProjectID: 7, Month: 12}}},
		{"the largest amount", strconv.FormatInt(pack(max, true, 12), 10), []ReportMonth{{ProjectID: 7, Month: 12, Completed: qianxiang.MaxAmount, StartedOn: "2023-03-01"}}},
		{"out of bounds, with and without a start", "-28,-3", []ReportMonth{
			{ProjectID: 7, Month: 12, StartedOn: "2023-03-01", Implausible: true},
			{ProjectID: 7, Month: 3, Implausible: true}}},
		{"several, a month twice", strconv.FormatInt(pack(5, false, 2), 10) + "," + strconv.FormatInt(pack(9, true, 2), 10) + "," + strconv.FormatInt(pack(1, true, 11), 10), []ReportMonth{
			{ProjectID: 7, Month: 2, Completed: 5},
			{ProjectID: 7, Month: 2, Completed: 9, StartedOn: "2023-03-01"},
			{ProjectID: 7, Month: 11, Completed: 1, StartedOn: "2023-03-01"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []ReportMonth
			if err := decodeReportMonths(7, []byte(c.packed), "2023-03-01", func(r ReportMonth) { got = append(got, r) }); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
	for _, bad := range []string{"x", "1,,2", "12a", "-", "1234567890123456789"} {
		if err := decodeReportMonths(7, []byte(bad), "", func(ReportMonth) {}); err == nil {
			t.Errorf("%q decoded without an error", bad)
		}
	}
}
