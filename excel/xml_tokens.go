package excel

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlTokens reads the raw tokens of a part in UTF-8, as encoding/xml's
// RawToken gives them (start and end elements, a self-closing element as
// both, character data with entities decoded and line ends normalised),
// at a fraction of its cost: a province's 调度表 is half a million cells,
// and encoding/xml's byte-at-a-time reading was most of its import.
// Comments, processing instructions and directives are skipped; no caller
// reads them. Character data is only valid until the next call. A part
// declared in another encoding is read by encoding/xml (newXMLStream).
type xmlTokens struct {
	r         *bufio.Reader
	buf       []byte // text gathered across buffer refills
	text      []byte // text decoded
	inTag     bool   // the '<' of the next tag is already read
	needClose bool   // a self-closing element's end is due
	closeName xml.Name
	names     map[string]string // element and attribute names, interned
	err       error             // met after text that is returned first
}

var errXMLSyntax = errors.New("XML syntax error")

// maxInterned bounds the names and short values kept: a sheet uses a
// dozen names, and a few dozen style numbers and cell types.
const (
	maxInterned      = 256
	maxInternedValue = 3
)

func newXMLTokens(r *bufio.Reader) *xmlTokens {
	if b, _ := r.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		r.Discard(3)
	}
	return &xmlTokens{r: r, names: map[string]string{}}
}

// declaresOtherEncoding reports an XML declaration naming an encoding
// other than UTF-8.
func declaresOtherEncoding(head []byte) bool {
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return true // a declaration longer than the peek: let encoding/xml judge it
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return false
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return true
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return true
	}
	j := bytes.IndexByte(rest[1:], rest[0])
	if j < 0 {
		return true
	}
	enc := string(bytes.ToLower(rest[1 : 1+j]))
	return enc != "utf-8" && enc != "utf8"
}

func (x *xmlTokens) RawToken() (xml.Token, error) {
	if x.err != nil {
		return nil, x.err
	}
	if x.needClose {
		x.needClose = false
		return xml.EndElement{Name: x.closeName}, nil
	}
	for {
		if !x.inTag {
			text, err := x.readUntil('<')
			if err != nil {
				// The text read so far comes first, as encoding/xml
				// gives it: a cell's own bound names the fault better
				// than the reader's.
				x.err = err
				if len(text) > 0 {
					return x.charData(text)
				}
				return nil, err
			}
			x.inTag = true
			if len(text) > 0 {
				return x.charData(text)
			}
		}
		x.inTag = false
		c, err := x.r.ReadByte()
		if err != nil {
			return nil, syntaxOr(err)
		}
		switch c {
		case '/':
			body, err := x.readUntil('>')
			if err != nil {
				return nil, syntaxOr(err)
			}
			name, ok := x.name(trimSpaceRight(body))
			if !ok {
				return nil, errXMLSyntax
			}
			return xml.EndElement{Name: name}, nil
		case '?':
			if err := x.skipPast("?>"); err != nil {
				return nil, err
			}
		case '!':
			tok, err := x.bang()
			if err != nil || tok != nil {
				return tok, err
			}
		default:
			x.r.UnreadByte()
			return x.startElement()
		}
	}
}

// readUntil reads up to delim and drops it; the bytes are valid until the
// next read. A run is bounded by the part's runGuard.
func (x *xmlTokens) readUntil(delim byte) ([]byte, error) {
	b, err := x.r.ReadSlice(delim)
	if err == nil {
		return b[:len(b)-1], nil
	}
	if err != bufio.ErrBufferFull {
		x.buf = append(x.buf[:0], b...)
		return x.buf, err
	}
	x.buf = append(x.buf[:0], b...)
	for {
		b, err = x.r.ReadSlice(delim)
		x.buf = append(x.buf, b...)
		switch err {
		case nil:
			return x.buf[:len(x.buf)-1], nil
		case bufio.ErrBufferFull:
			continue
		}
		return x.buf, err
	}
}

func syntaxOr(err error) error {
	if err == io.EOF {
		return errXMLSyntax
	}
	return err
}

// skipPast reads past the end marker of a comment or an instruction.
func (x *xmlTokens) skipPast(end string) error {
	last, lead := end[len(end)-1], []byte(end[:len(end)-1])
	var prev []byte // the bytes before the last byte seen, enough to match lead
	for {
		b, err := x.readUntil(last)
		if err != nil {
			return syntaxOr(err)
		}
		prev = append(prev, b...)
		if bytes.HasSuffix(prev, lead) {
			return nil
		}
		prev = append(prev, last)
		if n := len(prev); n > 8 {
			copy(prev, prev[n-8:])
			prev = prev[:8]
		}
	}
}

// bang reads what follows "<!": a comment or directive (skipped: nil), or
// a CDATA section (its text).
func (x *xmlTokens) bang() (xml.Token, error) {
	head, _ := x.r.Peek(7)
	switch {
	case bytes.HasPrefix(head, []byte("--")):
		x.r.Discard(2)
		return nil, x.skipPast("-->")
	case bytes.Equal(head, []byte("[CDATA[")):
		x.r.Discard(7)
		var text []byte
		for {
			b, err := x.readUntil('>')
			if err != nil {
				return nil, syntaxOr(err)
			}
			text = append(text, b...)
			if bytes.HasSuffix(text, []byte("]]")) {
				text = normalizeNewlines(text[:len(text)-2])
				if !utf8.Valid(text) {
					return nil, errXMLSyntax
				}
				return xml.CharData(text), nil
			}
			text = append(text, '>')
		}
	}
	if _, err := x.readUntil('>'); err != nil {
		return nil, syntaxOr(err)
	}
	return nil, nil
}

// startElement reads a start tag and its attributes.
func (x *xmlTokens) startElement() (xml.Token, error) {
	body, err := x.readTag()
	if err != nil {
		return nil, err
	}
	selfClose := false
	if n := len(body); n > 0 && body[n-1] == '/' {
		selfClose, body = true, body[:n-1]
	}
	i := 0
	for i < len(body) && !isSpace(body[i]) {
		i++
	}
	name, ok := x.name(body[:i])
	if !ok {
		return nil, errXMLSyntax
	}
	e := xml.StartElement{Name: name}
	rest := body[i:]
	if n := bytes.Count(rest, []byte("=")); n > 0 {
		e.Attr = make([]xml.Attr, 0, n)
	}
	for {
		rest = trimSpaceLeft(rest)
		if len(rest) == 0 {
			break
		}
		eq := bytes.IndexByte(rest, '=')
		if eq <= 0 {
			return nil, errXMLSyntax
		}
		an, ok := x.name(trimSpaceRight(rest[:eq]))
		if !ok {
			return nil, errXMLSyntax
		}
		rest = trimSpaceLeft(rest[eq+1:])
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return nil, errXMLSyntax
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return nil, errXMLSyntax
		}
		v, err := xmlText(rest[1:1+end], nil)
		if err != nil {
			return nil, err
		}
		var value string
		if len(v) <= maxInternedValue {
			value = x.intern(v) // a style number, a cell type: the same few again and again
		} else {
			value = string(v)
		}
		e.Attr = append(e.Attr, xml.Attr{Name: an, Value: value})
		rest = rest[2+end:]
	}
	if selfClose {
		x.needClose, x.closeName = true, name
	}
	return e, nil
}

// readTag reads a start tag's body up to its '>', which may stand inside
// a quoted attribute value.
func (x *xmlTokens) readTag() ([]byte, error) {
	b, err := x.readUntil('>')
	if err != nil {
		return nil, syntaxOr(err)
	}
	if quotesClosed(b) {
		return b, nil
	}
	tag := append([]byte(nil), b...)
	for {
		tag = append(tag, '>')
		b, err := x.readUntil('>')
		if err != nil {
			return nil, syntaxOr(err)
		}
		tag = append(tag, b...)
		if quotesClosed(tag) {
			return tag, nil
		}
	}
}

func quotesClosed(b []byte) bool {
	var q byte
	for _, c := range b {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q == 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// notInName marks the bytes a name cannot hold.
var notInName = func() (t [256]bool) {
	for _, c := range []byte(" \t\r\n<>\"'=&/") {
		t[c] = true
	}
	return t
}()

func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

func trimSpaceRight(b []byte) []byte {
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// name splits prefix:local, interning both.
func (x *xmlTokens) name(b []byte) (xml.Name, bool) {
	ascii := true
	for _, c := range b {
		if notInName[c] {
			return xml.Name{}, false
		}
		ascii = ascii && c < utf8.RuneSelf
	}
	if len(b) == 0 || !ascii && !utf8.Valid(b) {
		return xml.Name{}, false
	}
	if i := bytes.IndexByte(b, ':'); i > 0 && i < len(b)-1 {
		return xml.Name{Space: x.intern(b[:i]), Local: x.intern(b[i+1:])}, true
	}
	return xml.Name{Local: x.intern(b)}, true
}

func (x *xmlTokens) intern(b []byte) string {
	if s, ok := x.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(x.names) < maxInterned {
		x.names[s] = s
	}
	return s
}

// charData decodes text as a token valid until the next call.
func (x *xmlTokens) charData(text []byte) (xml.Token, error) {
	if bytes.IndexByte(text, '&') < 0 && bytes.IndexByte(text, '\r') < 0 {
		if !utf8.Valid(text) {
			return nil, errXMLSyntax
		}
		return xml.CharData(text), nil
	}
	out, err := xmlText(text, x.text)
	if err != nil {
		return nil, err
	}
	x.text = out
	return xml.CharData(out), nil
}

// decodeText resolves the entities of text and normalises its line ends
// into dst (reused), as encoding/xml does.
func xmlText(text, dst []byte) ([]byte, error) {
	if bytes.IndexByte(text, '&') < 0 && bytes.IndexByte(text, '\r') < 0 {
		if !utf8.Valid(text) {
			return nil, errXMLSyntax
		}
		return text, nil
	}
	out := dst[:0]
	for i := 0; i < len(text); {
		c := text[i]
		switch c {
		case '&':
			semi := bytes.IndexByte(text[i:], ';')
			if semi < 0 {
				return nil, errXMLSyntax
			}
			r, ok := entity(text[i+1 : i+semi])
			if !ok {
				return nil, errXMLSyntax
			}
			out = utf8.AppendRune(out, r)
			i += semi + 1
		case '\r':
			out = append(out, '\n')
			i++
			if i < len(text) && text[i] == '\n' {
				i++
			}
		default:
			out = append(out, c)
			i++
		}
	}
	if !utf8.Valid(out) {
		return nil, errXMLSyntax
	}
	return out, nil
}

func normalizeNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\r' {
			out = append(out, b[i])
			continue
		}
		out = append(out, '\n')
		if i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
	}
	return out
}

// entity resolves the predefined entities and character references.
func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if name[1] == 'x' {
		n, err = strconv.ParseUint(string(name[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(name[1:]), 10, 32)
	}
	r := rune(n)
	if err != nil || !isXMLChar(r) {
		return 0, false
	}
	return r, true
}

// isXMLChar is XML 1.0's Char production.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
