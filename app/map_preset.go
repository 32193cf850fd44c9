package app

import "qianxiang"

// presetMaps are the schematic maps of preset cities: each county's seat
// (县城, from the seats' published coordinates, rounded to 0.01°) and a
// coarse outline of the city, divided among the seats by SchematicMap.
// They stand until the office uploads its official boundaries.
var presetMaps = map[string]struct {
	Seats   []qianxiang.Seat
	Outline qianxiang.Ring
}{
	"141100": {
		Seats: []qianxiang.Seat{
			{Code: "141102", Name: "离石区", At: qianxiang.Point{Lon: 111.15, Lat: 37.52}},
			{Code: "141121", Name: "文水县", At: qianxiang.Point{Lon: 112.03, Lat: 37.44}},
			{Code: "141122", Name: "交城县", At: qianxiang.Point{Lon: 112.16, Lat: 37.55}},
			{Code: "141123", Name: "兴县", At: qianxiang.Point{Lon: 111.13, Lat: 38.46}},
			{Code: "141124", Name: "临县", At: qianxiang.Point{Lon: 110.99, Lat: 37.95}},
			{Code: "141125", Name: "柳林县", At: qianxiang.Point{Lon: 110.89, Lat: 37.43}},
			{Code: "141126", Name: "石楼县", At: qianxiang.Point{Lon: 110.83, Lat: 37.00}},
			{Code: "141127", Name: "岚县", At: qianxiang.Point{Lon: 111.67, Lat: 38.28}},
			{Code: "141128", Name: "方山县", At: qianxiang.Point{Lon: 111.24, Lat: 37.89}},
			{Code: "141129", Name: "中阳县", At: qianxiang.Point{Lon: 111.18, Lat: 37.34}},
			{Code: "141130", Name: "交口县", At: qianxiang.Point{Lon: 111.18, Lat: 36.98}},
			{Code: "141181", Name: "孝义市", At: qianxiang.Point{Lon: 111.78, Lat: 37.15}},
			{Code: "141182", Name: "汾阳市", At: qianxiang.Point{Lon: 111.79, Lat: 37.27}},
		},
		Outline: qianxiang.Ring{
			{Lon: 111.05, Lat: 38.72}, {Lon: 111.55, Lat: 38.62}, {Lon: 111.95, Lat: 38.38}, {Lon: 112.05, Lat: 38.02},
			{Lon: 112.38, Lat: 37.78}, {Lon: 112.42, Lat: 37.45}, {Lon: 112.12, Lat: 37.22}, {Lon: 111.98, Lat: 36.98},
			{Lon: 111.62, Lat: 36.84}, {Lon: 111.32, Lat: 36.74}, {Lon: 110.95, Lat: 36.80}, {Lon: 110.68, Lat: 37.05},
			{Lon: 110.58, Lat: 37.40}, {Lon: 110.72, Lat: 37.75}, {Lon: 110.84, Lat: 38.10}, {Lon: 110.90, Lat: 38.45},
			{Lon: 111.05, Lat: 38.72},
		},
	},
}
