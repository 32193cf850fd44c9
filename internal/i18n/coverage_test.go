package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The formats of qianxiang.Error and qianxiang.Detail are what users read:
// the UI translates them by looking them up in the catalog, so a format
// missing from it reaches a Chinese user in English. These tests find every
// such format in the repository's code and check the catalog has it.
//
// A message format is a string literal (or a constant made of them) that is
//   - the Format field of a Detail or Error composite literal;
//   - the argument, at that position, of a parameter named format (type
//     string) of a function, method or func literal of the repository whose
//     format reaches such a field or another such parameter: Errorf,
//     FieldError, excel's unreadable, (*layout).detail and the readers'
//     fail, warn and warnAt, Validate's add;
//   - the first result returned by a function whose results are
//     (string, []any), a format and its arguments (excel's orgProblem).
//
// fmt.Errorf (internal errors, for the log) and helpers whose format goes
// elsewhere (cmd/qianxiang's usagef: CLI usage, in English) do not count, nor
// do formats without a word ("%s"), which read the same in any language.

func TestEveryMessageFormatHasChinese(t *testing.T) {
	sites, unresolved := messageFormats(t)
	if len(sites) < 100 {
		t.Fatalf("found only %d message formats: the scan is broken", len(sites))
	}
	for _, u := range unresolved {
		t.Logf("%s: a format that is not a constant, not checked", u)
	}
	var missing []string
	for _, s := range sites {
		if _, ok := zh[s.format]; !ok {
			missing = append(missing, fmt.Sprintf("%s: %q", s.pos, s.format))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d message formats have no Chinese (add them to a zh_*.go file):\n%s",
			len(missing), len(sites), strings.Join(missing, "\n"))
	}
}

// TestChineseKeepsTheVerbs: fmt fills verbs in order, so a translation must
// have the English verbs in the same order (register only counts them).
// Flags and widths may differ: "%d-%02d" is "%d年%d月" in Chinese.
func TestChineseKeepsTheVerbs(t *testing.T) {
	keys := make([]string, 0, len(zh))
	for k := range zh {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if a, b := verbs(k), verbs(zh[k]); !slices.Equal(a, b) {
			t.Errorf("%q has verbs %q, its Chinese %q has %q", k, a, zh[k], b)
		}
	}
}

var verbRE = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\d+|\*)?(\.(\d+|\*)?)?(\[\d+\])?[a-zA-Z%]`)

// verbs lists a format's verbs without their flags and widths.
func verbs(s string) []string {
	var out []string
	for _, v := range verbRE.FindAllStringSubmatch(s, -1) {
		out = append(out, v[1]+v[5]+v[0][len(v[0])-1:])
	}
	return out
}

// hasWords: whether a format says anything once its verbs are gone.
func hasWords(format string) bool {
	return strings.IndexFunc(verbRE.ReplaceAllString(format, ""), func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}) >= 0
}

type formatSite struct{ format, pos string }

// scan holds the repository's parsed packages and what is known of them.
type scan struct {
	root, module string
	fset         *token.FileSet
	pkgs         []*scanPkg
	funcs        map[string]*formatFunc // see funcKey
	methods      map[string][]string    // method name → the funcKeys of all methods so named
	consts       map[string]ast.Expr    // import path + "." + name
}

type scanPkg struct {
	path  string // import path
	files []*ast.File
}

// formatFunc is a function with a parameter named format of type string.
type formatFunc struct {
	pos    int // of that parameter
	bodies []*ast.BlockStmt
	msg    bool // its format reaches an Error or a Detail
}

// messageFormats scans the repository's non-test Go files.
func messageFormats(t *testing.T) (sites []formatSite, unresolved []string) {
	t.Helper()
	s := &scan{fset: token.NewFileSet(), funcs: map[string]*formatFunc{}, methods: map[string][]string{}, consts: map[string]ast.Expr{}}
	s.load(t)
	s.index()
	for changed := true; changed; {
		changed = false
		for _, f := range s.funcs {
			if !f.msg && s.reachesMessage(f) {
				f.msg, changed = true, true
			}
		}
	}
	seen := map[formatSite]bool{}
	add := func(c *ctx, e ast.Expr) {
		p := s.fset.Position(e.Pos())
		rel, _ := filepath.Rel(s.root, p.Filename)
		where := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), p.Line)
		v, ok := c.constant(e, 0)
		if !ok {
			unresolved = append(unresolved, where)
			return
		}
		if fs := (formatSite{v, where}); hasWords(v) && !seen[fs] {
			seen[fs] = true
			sites = append(sites, fs)
		}
	}
	s.walk(func(c *ctx, n ast.Node) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if v := c.messageFormat(n); v != nil && !isForwarded(v) {
				add(c, v)
			}
		case *ast.CallExpr:
			if f := c.resolve(n.Fun); f != nil && f.msg && f.pos < len(n.Args) {
				if a := n.Args[f.pos]; !isForwarded(a) {
					add(c, a)
				}
			}
		case *ast.FuncDecl:
			if returnsFormat(n.Type) && n.Body != nil {
				ast.Inspect(n.Body, func(m ast.Node) bool {
					if _, lit := m.(*ast.FuncLit); lit {
						return false
					}
					if r, ok := m.(*ast.ReturnStmt); ok && len(r.Results) == 2 {
						add(c, r.Results[0])
					}
					return true
				})
			}
		}
	})
	sort.Slice(sites, func(i, j int) bool { return sites[i].pos < sites[j].pos })
	return sites, unresolved
}

// isForwarded: a format passed on rather than written here — a helper's own
// format parameter (FieldError's "%s: " + format too), a format returned
// with its arguments (orgProblem's, checked there), or another message's
// format (e.Format, d.Format).
func isForwarded(e ast.Expr) bool {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok && sel.Sel.Name == "Format" {
		return true
	}
	return mentionsFormat(e)
}

// returnsFormat: results (string, []any).
func returnsFormat(ft *ast.FuncType) bool {
	if ft.Results == nil || len(ft.Results.List) != 2 || len(ft.Results.List[0].Names) > 1 || len(ft.Results.List[1].Names) > 1 {
		return false
	}
	s, ok := ft.Results.List[0].Type.(*ast.Ident)
	if !ok || s.Name != "string" {
		return false
	}
	a, ok := ft.Results.List[1].Type.(*ast.ArrayType)
	if !ok || a.Len != nil {
		return false
	}
	switch e := a.Elt.(type) {
	case *ast.Ident:
		return e.Name == "any"
	case *ast.InterfaceType:
		return len(e.Methods.List) == 0
	}
	return false
}

func (s *scan) load(t *testing.T) {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
	s.root = dir
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(mod); m != nil {
		s.module = string(m[1])
	} else {
		t.Fatal("go.mod names no module")
	}
	byDir := map[string]*scanPkg{}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor" || name == "node_modules") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); path != dir && err == nil {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(s.fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pd := filepath.Dir(path)
		p := byDir[pd]
		if p == nil {
			rel, _ := filepath.Rel(dir, pd)
			p = &scanPkg{path: s.module}
			if rel != "." {
				p.path += "/" + filepath.ToSlash(rel)
			}
			byDir[pd] = p
			s.pkgs = append(s.pkgs, p)
		}
		p.files = append(p.files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// funcKey names a function ("pkg.F"), a method ("pkg.#M", whatever its
// receiver) or a func literal assigned to a local name ("pkg.F/name").
func funcKey(pkg, name string) string { return pkg + "." + name }

// index finds the functions with a format parameter and the constants.
func (s *scan) index() {
	addFunc := func(key string, ft *ast.FuncType, body *ast.BlockStmt) {
		pos := formatParam(ft)
		if pos < 0 || body == nil {
			return
		}
		f := s.funcs[key]
		if f == nil {
			f = &formatFunc{pos: pos}
			s.funcs[key] = f
		}
		f.bodies = append(f.bodies, body)
	}
	for _, p := range s.pkgs {
		for _, file := range p.files {
			for _, d := range file.Decls {
				switch d := d.(type) {
				case *ast.GenDecl:
					if d.Tok != token.CONST {
						continue
					}
					for _, sp := range d.Specs {
						vs := sp.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								s.consts[p.path+"."+n.Name] = vs.Values[i]
							}
						}
					}
				case *ast.FuncDecl:
					key := funcKey(p.path, d.Name.Name)
					if d.Recv != nil {
						key = funcKey(p.path, "#"+d.Name.Name)
						if !slices.Contains(s.methods[d.Name.Name], key) {
							s.methods[d.Name.Name] = append(s.methods[d.Name.Name], key)
						}
					}
					addFunc(key, d.Type, d.Body)
					if d.Body == nil {
						continue
					}
					for name, fl := range localFuncs(d.Body) {
						addFunc(funcKey(p.path, d.Name.Name+"/"+name), fl.Type, fl.Body)
					}
				}
			}
		}
	}
}

// formatParam is the index of the parameter named format of type string,
// or -1.
func formatParam(ft *ast.FuncType) int {
	i := 0
	for _, field := range ft.Params.List {
		id, isString := field.Type.(*ast.Ident)
		isString = isString && id.Name == "string"
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, n := range field.Names {
			if n.Name == "format" && isString {
				return i
			}
			i++
		}
	}
	return -1
}

// localFuncs are the func literals a body assigns to a name (add := func…).
func localFuncs(body *ast.BlockStmt) map[string]*ast.FuncLit {
	out := map[string]*ast.FuncLit{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if fl, ok := r.(*ast.FuncLit); ok && i < len(n.Lhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						out[id.Name] = fl
					}
				}
			}
		case *ast.ValueSpec:
			for i, r := range n.Values {
				if fl, ok := r.(*ast.FuncLit); ok && i < len(n.Names) {
					out[n.Names[i].Name] = fl
				}
			}
		}
		return true
	})
	return out
}

// ctx is where a node is: its package, file and enclosing declaration.
type ctx struct {
	s       *scan
	pkg     *scanPkg
	imports map[string]string // local name → import path
	decl    string            // enclosing FuncDecl's name
	elided  map[*ast.CompositeLit]bool
}

// walk visits every node of every file with its context.
func (s *scan) walk(visit func(*ctx, ast.Node)) {
	for _, p := range s.pkgs {
		for _, file := range p.files {
			c := &ctx{s: s, pkg: p, imports: map[string]string{}, elided: map[*ast.CompositeLit]bool{}}
			for _, im := range file.Imports {
				path, _ := strconv.Unquote(im.Path.Value)
				name := path[strings.LastIndex(path, "/")+1:]
				if im.Name != nil {
					name = im.Name.Name
				}
				c.imports[name] = path
			}
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					c.decl = fd.Name.Name
				} else {
					c.decl = ""
				}
				ast.Inspect(d, func(n ast.Node) bool {
					if n != nil {
						c.markElided(n)
						visit(c, n)
					}
					return true
				})
			}
		}
	}
}

// isMessageType: Detail or Error of the root package, or a pointer to one.
func (c *ctx) isMessageType(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.StarExpr:
		return c.isMessageType(e.X)
	case *ast.Ident:
		return c.pkg.path == c.s.module && (e.Name == "Detail" || e.Name == "Error")
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && c.imports[x.Name] == c.s.module && (e.Sel.Name == "Detail" || e.Sel.Name == "Error")
	}
	return false
}

// markElided notes the elements of a []Detail{{…}} (or map) literal, whose
// type is left out.
func (c *ctx) markElided(n ast.Node) {
	cl, ok := n.(*ast.CompositeLit)
	if !ok {
		return
	}
	var elt ast.Expr
	switch t := cl.Type.(type) {
	case *ast.ArrayType:
		elt = t.Elt
	case *ast.MapType:
		elt = t.Value
	}
	if elt == nil || !c.isMessageType(elt) {
		return
	}
	for _, e := range cl.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		if u, ok := e.(*ast.UnaryExpr); ok {
			e = u.X
		}
		if inner, ok := e.(*ast.CompositeLit); ok && inner.Type == nil {
			c.elided[inner] = true
		}
	}
}

// messageFormat is the Format of a Detail or Error literal, or nil.
func (c *ctx) messageFormat(cl *ast.CompositeLit) ast.Expr {
	if !c.elided[cl] && (cl.Type == nil || !c.isMessageType(cl.Type)) {
		return nil
	}
	for _, e := range cl.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Format" {
				return kv.Value
			}
		}
	}
	return nil
}

// resolve finds the format function a call calls, or nil.
func (c *ctx) resolve(fun ast.Expr) *formatFunc {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		if c.decl != "" {
			if fn := c.s.funcs[funcKey(c.pkg.path, c.decl+"/"+f.Name)]; fn != nil {
				return fn
			}
		}
		return c.s.funcs[funcKey(c.pkg.path, f.Name)]
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			if path, ok := c.imports[x.Name]; ok {
				return c.s.funcs[funcKey(path, f.Sel.Name)]
			}
		}
		own := funcKey(c.pkg.path, "#"+f.Sel.Name)
		if slices.Contains(c.s.methods[f.Sel.Name], own) {
			return c.s.funcs[own] // nil when it has no format parameter
		}
		// Without types, a method the package does not declare is taken
		// to be any message helper so named in another package.
		for _, k := range c.s.methods[f.Sel.Name] {
			if fn := c.s.funcs[k]; fn != nil && fn.msg {
				return fn
			}
		}
	}
	return nil
}

// reachesMessage: whether a function's format parameter reaches the Format
// of a Detail or Error, or the format of a message helper.
func (s *scan) reachesMessage(f *formatFunc) bool {
	found := false
	s.walk(func(c *ctx, n ast.Node) {
		if found || !slices.ContainsFunc(f.bodies, func(b *ast.BlockStmt) bool { return b.Pos() <= n.Pos() && n.End() <= b.End() }) {
			return
		}
		switch n := n.(type) {
		case *ast.CompositeLit:
			found = mentionsFormat(c.messageFormat(n))
		case *ast.CallExpr:
			if g := c.resolve(n.Fun); g != nil && g.msg && g.pos < len(n.Args) {
				found = mentionsFormat(n.Args[g.pos])
			}
		}
	})
	return found
}

func mentionsFormat(e ast.Expr) bool {
	found := false
	if e != nil {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == "format" {
				found = true
			}
			return !found
		})
	}
	return found
}

// constant evaluates a string literal, a sum of them, or a named constant.
func (c *ctx) constant(e ast.Expr, depth int) (string, bool) {
	if depth > 10 {
		return "", false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			v, err := strconv.Unquote(e.Value)
			return v, err == nil
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ok1 := c.constant(e.X, depth+1)
			b, ok2 := c.constant(e.Y, depth+1)
			return a + b, ok1 && ok2
		}
	case *ast.Ident:
		if v, ok := c.s.consts[c.pkg.path+"."+e.Name]; ok {
			return c.constant(v, depth+1)
		}
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if v, ok := c.s.consts[c.imports[x.Name]+"."+e.Sel.Name]; ok {
				// Evaluated as if in its package; constants made of other
				// packages' constants are not followed.
				return c.constant(v, depth+1)
			}
		}
	}
	return "", false
}
