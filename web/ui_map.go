package web

import (
	"fmt"
	"html/template"
	"io"
	"net/http"

	"qianxiang"
	"qianxiang/internal/i18n"
)

func (s *Server) mapRoutes() []route {
	a := s.authed
	return []route{
		{"GET /api/v1/map", a(s.apiMap)},
		{"PUT /api/v1/map", a(s.apiPutMap)},
		{"GET /api/v1/projects/{id}/place", a(s.apiProjectPlace)},
		{"PUT /api/v1/projects/{id}/place", a(s.apiPutProjectPlace)},
		{"GET /api/v1/projects/{id}/gallery", a(s.apiGallery)},
		{"GET /map", a(s.mapPage)},
		{"POST /map/upload", a(s.mapUpload)},
		{"POST /projects/{id}/place", a(s.projectPlaceSubmit)},
	}
}

// mapView is what map.html reads.
type mapView struct {
	*dispatchView
	By        string // progress or red
	SVG       template.HTML
	Rows      []qianxiang.OrgDispatch
	Schematic bool
	None      bool // no map at all: not a preset city and nothing uploaded
	Points    int
}

// cityMap draws the city's map for a dispatch view: counties coloured by
// completion against time progress (by "progress") or by their share of
// red projects (by "red"), each linked to its projects where the reader
// may see them, the reader's own county outlined. w is the drawing's
// width in SVG units.
func (s *Server) cityMap(r *http.Request, v *dispatchView, by string, w float64) (svg template.HTML, rows []qianxiang.OrgDispatch, m qianxiang.CityMap, points int, err error) {
	ctx, a, lang := r.Context(), actor(r), info(r).Lang
	m, ok, err := s.App.CityMap(ctx, a)
	if err != nil || !ok {
		return "", nil, m, 0, err
	}
	rows = v.D.ByOrg
	own := ""
	if st := v.D.Standing; st != nil && st.Ranking == "counties" {
		rows, own = st.Rows, st.Org.Code // the city's figures, as published
	}
	band := s.App.DispatchSettings(ctx).YellowBand
	u := info(r).User
	counties := map[string]mapCounty{}
	for _, o := range rows {
		c := mapCounty{Own: o.Org.Code == own}
		switch by {
		case "red":
			c.Class = redClass(o.Lights.Red, o.Lights.Green+o.Lights.Yellow+o.Lights.Red)
			c.Value = i18n.T(lang, "%d red", o.Lights.Red)
		default:
			c.Class = progressClass(o.CompletionRate, v.D.TimeProgress, band)
			c.Value = fmtPct(float64(o.CompletionRate))
		}
		if (u != nil && u.Role.CityWide()) || c.Own {
			c.Href = "/projects?" + queryString("year", fmt.Sprint(v.Year), "month", fmt.Sprint(v.Month), "org", o.Org.Code)
			if by == "red" {
				c.Href += "&light=red"
			}
		}
		counties[o.Org.Code] = c
	}
	scope := ""
	if v.Org != "" {
		if o, err := s.App.DB.OrgByCode(ctx, v.Org); err == nil {
			scope = o.Path
		}
	}
	pts, err := s.App.MapPoints(ctx, a, v.D, scope)
	if err != nil {
		return "", nil, m, 0, err
	}
	return cityMapSVG(m, counties, pts, w, i18n.T(lang, "Project map")), rows, m, len(pts), nil
}

func mapBy(r *http.Request) string {
	if r.URL.Query().Get("by") == "red" {
		return "red"
	}
	return "progress"
}

func (s *Server) mapPage(w http.ResponseWriter, r *http.Request) error {
	dv, err := s.loadDispatch(r)
	if err != nil {
		return err
	}
	v := &mapView{dispatchView: dv, By: mapBy(r)}
	var m qianxiang.CityMap
	if v.SVG, v.Rows, m, v.Points, err = s.cityMap(r, dv, v.By, 640); err != nil {
		return err
	}
	v.Schematic, v.None = m.Schematic, v.SVG == ""
	return s.render(w, r, 200, "map", s.page(r, "Project map", "dispatch", v))
}

// mapUpload takes the office's GeoJSON of the counties from the page.
func (s *Server) mapUpload(w http.ResponseWriter, r *http.Request) error {
	if err := s.App.May(actor(r), qianxiang.ActSettings); err != nil {
		return err
	}
	lang := info(r).Lang
	f, name, err := s.uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, qianxiang.MapMaxBytes+1))
	if err != nil {
		return qianxiang.Errorf(qianxiang.EInvalid, "the file could not be read")
	}
	missing, uerr := s.App.SetCityMap(r.Context(), actor(r), name, data)
	dv, err := s.loadDispatch(r)
	if err != nil {
		return err
	}
	v := &mapView{dispatchView: dv, By: mapBy(r)}
	var m qianxiang.CityMap
	if v.SVG, v.Rows, m, v.Points, err = s.cityMap(r, dv, v.By, 640); err != nil {
		return err
	}
	v.Schematic, v.None = m.Schematic, v.SVG == ""
	p := s.page(r, "Project map", "dispatch", v)
	if uerr == nil {
		p.Flash = i18n.T(lang, "The map was saved.")
		if len(missing) > 0 {
			names := ""
			for i, c := range missing {
				if i > 0 {
					names += "、"
				}
				names += c.Name
			}
			p.Flash += " " + i18n.T(lang, "No shape for: %s.", names)
		}
		return s.render(w, r, 200, "map", p)
	}
	e := qianxiang.AsError(uerr)
	if e == nil || e.Code == qianxiang.EForbidden {
		return uerr
	}
	p.Error = i18n.T(lang, "The map was not saved; nothing was changed:") + " " + i18n.Message(lang, qianxiang.Detail{Format: e.Format, Args: e.Args})
	for _, d := range e.Details {
		p.Details = append(p.Details, i18n.Detail(lang, d))
	}
	return s.render(w, r, http.StatusUnprocessableEntity, "map", p)
}

// projectPlaceSubmit sets a project's location from its page.
func (s *Server) projectPlaceSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.App.ProjectFor(r.Context(), actor(r), id, qianxiang.ActEditProject); err != nil {
		return err
	}
	at, err := pointForm(r.FormValue("lon"), r.FormValue("lat"))
	if err == nil {
		err = s.App.SetProjectPlace(r.Context(), actor(r), id, at)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/projects/%d?saved=1#place", id), http.StatusSeeOther)
	return nil
}

func pointForm(lon, lat string) (qianxiang.Point, error) {
	var p qianxiang.Point
	if _, err := fmt.Sscan(lon, &p.Lon); err != nil {
		return p, qianxiang.FieldError("lon", "must be a longitude in degrees, e.g. 111.15")
	}
	if _, err := fmt.Sscan(lat, &p.Lat); err != nil {
		return p, qianxiang.FieldError("lat", "must be a latitude in degrees, e.g. 37.52")
	}
	return p, nil
}

// apiMap serves the city's map as GeoJSON (the upload, or the preset's
// schematic with "schematic": true); 404 when the city has none.
func (s *Server) apiMap(w http.ResponseWriter, r *http.Request) error {
	m, ok, err := s.App.CityMap(r.Context(), actor(r))
	if err != nil {
		return err
	}
	if !ok {
		return qianxiang.ErrNotFound("map")
	}
	b, err := m.GeoJSON()
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.Write(b)
	return nil
}

// apiPutMap replaces the map with the GeoJSON body (campaign office).
func (s *Server) apiPutMap(w http.ResponseWriter, r *http.Request) error {
	if !actor(r).Can(qianxiang.ActSettings, qianxiang.Scope{}) {
		return qianxiang.ErrForbidden()
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, qianxiang.MapMaxBytes+1))
	if err != nil {
		return qianxiang.FieldError("file", "is more than %d MB, more than a city's map needs", qianxiang.MapMaxBytes>>20)
	}
	missing, err := s.App.SetCityMap(r.Context(), actor(r), r.URL.Query().Get("name"), data)
	if err != nil {
		return err
	}
	if missing == nil {
		missing = []qianxiang.OrgRef{}
	}
	writeJSON(w, 200, map[string]any{"saved": true, "counties_without_shape": missing})
	return nil
}

func (s *Server) apiProjectPlace(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	at, ok, err := s.App.ProjectPlace(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	if !ok {
		return qianxiang.ErrNotFound("location")
	}
	writeJSON(w, 200, at)
	return nil
}

// apiPutProjectPlace: PUT {"lon","lat"} in degrees.
func (s *Server) apiPutProjectPlace(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.App.ProjectFor(r.Context(), actor(r), id, qianxiang.ActEditProject); err != nil {
		return err
	}
	var in struct {
		Lon *float64 `json:"lon"`
		Lat *float64 `json:"lat"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.Lon == nil || in.Lat == nil {
		return qianxiang.FieldError("lon", "lon and lat are both required, in degrees")
	}
	at := qianxiang.Point{Lon: *in.Lon, Lat: *in.Lat}
	if err := s.App.SetProjectPlace(r.Context(), actor(r), id, at); err != nil {
		return err
	}
	writeJSON(w, 200, at)
	return nil
}

// apiGallery gives a project's progress photos by month with the
// before/after pair; each photo's bytes are at /api/v1/photos/{sha256}.
func (s *Server) apiGallery(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	g, err := s.App.ProjectGallery(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	writeJSON(w, 200, g)
	return nil
}
