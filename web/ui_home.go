package web

import "net/http"

// homePage is the cockpit for city-wide roles and the month's work for
// counties, departments and units.
func (s *Server) homePage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, 200, "home", s.page(r, "Home", "", nil))
}
