package excel

import (
	"bufio"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"
)

// xlsxBook is an opened workbook: the sheets' names and parts, read from
// the package's relationships, and the shared strings and cell formats,
// read once when a sheet first needs them. The importer reads the parts
// itself, as streams under the bounds of xlsx_zip.go, rather than through
// a library that holds whole sheets or whole packages in memory.
type xlsxBook struct {
	z          *zipBook
	sheets     []string
	parts      map[string]string // sheet name → part
	sstPart    string
	stylesPart string
	date1904   bool

	loaded  bool
	strings []string
	formats []cellFormat // by cell style (xf) index
}

// xmlStream reads raw tokens (no namespace stack, which nesting would
// grow) and bounds the nesting itself.
type xmlStream struct {
	dec      interface{ RawToken() (xml.Token, error) }
	depth    int
	elements *int // the workbook's count
}

var (
	errDeep = &errPartLimit{"elements are nested more than 64 deep"}
	errMany = &errPartLimit{"the workbook has more than 4,194,304 XML elements"}
)

func (z *zipBook) newXMLStream(r io.Reader) *xmlStream {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(256); declaresOtherEncoding(head) {
		dec := xml.NewDecoder(br)
		dec.CharsetReader = charset.NewReaderLabel // a part declared in another encoding, as a few writers do
		return &xmlStream{dec: dec, elements: &z.elements}
	}
	return &xmlStream{dec: newXMLTokens(br), elements: &z.elements}
}

// next returns the next token; io.EOF at the end. CharData is only valid
// until the next call.
func (s *xmlStream) next() (xml.Token, error) {
	tok, err := s.dec.RawToken()
	if err != nil {
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		if s.depth++; s.depth > maxXMLDepth {
			return nil, errDeep
		}
		if *s.elements++; *s.elements > maxXMLElements {
			return nil, errMany
		}
	case xml.EndElement:
		s.depth--
	}
	return tok, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relID is a relationship id attribute (r:id), whatever the prefix.
func relID(e xml.StartElement) string {
	for _, a := range e.Attr {
		if a.Name.Local == "id" && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

// eachElement streams part name and calls fn for each start element.
// A missing part is not an error when optional.
func (z *zipBook) eachElement(name string, limit int64, optional bool, fn func(s *xmlStream, e xml.StartElement) error) error {
	rc, ok, err := z.open(name, limit)
	if err != nil {
		return err
	}
	if !ok {
		if optional {
			return nil
		}
		return unreadable("the workbook could not be read: it is damaged or not an .xlsx file")
	}
	defer rc.Close()
	s := z.newXMLStream(rc)
	for {
		tok, err := s.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partError(err, name)
		}
		if e, ok := tok.(xml.StartElement); ok {
			if err := fn(s, e); err != nil {
				return partError(err, name)
			}
		}
	}
}

// rels reads a part's relationships: id → (type's last word, target part).
func (z *zipBook) rels(part string) (map[string][2]string, error) {
	dir, file := path.Split(part)
	out := map[string][2]string{}
	err := z.eachElement(dir+"_rels/"+file+".rels", maxSmallPart, true, func(_ *xmlStream, e xml.StartElement) error {
		if e.Name.Local != "Relationship" || attr(e, "TargetMode") == "External" {
			return nil
		}
		t := attr(e, "Type")
		target := attr(e, "Target")
		if strings.HasPrefix(target, "/") {
			target = path.Clean(target[1:])
		} else {
			target = path.Join(dir, target)
		}
		out[attr(e, "Id")] = [2]string{t[strings.LastIndex(t, "/")+1:], target}
		return nil
	})
	return out, err
}

// openXLSX opens a workbook: its sheets in order and where each is.
func openXLSX(data []byte) (*workbook, error) {
	z, err := openZip(data)
	if err != nil {
		return nil, err
	}
	b := &xlsxBook{z: z, parts: map[string]string{}}
	root, err := z.rels("")
	if err != nil {
		return nil, err
	}
	wbPart := "xl/workbook.xml"
	for _, r := range root {
		if r[0] == "officeDocument" {
			wbPart = r[1]
		}
	}
	rels, err := z.rels(wbPart)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		switch r[0] {
		case "sharedStrings":
			b.sstPart = r[1]
		case "styles":
			b.stylesPart = r[1]
		}
	}
	err = z.eachElement(wbPart, maxSmallPart, false, func(_ *xmlStream, e xml.StartElement) error {
		switch e.Name.Local {
		case "workbookPr":
			v := attr(e, "date1904")
			b.date1904 = v == "1" || v == "true"
		case "sheet":
			name := attr(e, "name")
			if r, ok := rels[relID(e)]; ok && name != "" && b.parts[name] == "" {
				b.sheets = append(b.sheets, name)
				b.parts[name] = r[1]
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(b.sheets) == 0 {
		return nil, unreadable("the workbook has no sheets")
	}
	return &workbook{sheets: b.sheets, load: b.loadSheet, close: func() {}}, nil
}

// load reads the shared strings and the cell formats, once.
func (b *xlsxBook) load() error {
	if b.loaded {
		return nil
	}
	b.loaded = true
	if b.sstPart != "" {
		if err := b.readStrings(); err != nil {
			return err
		}
	}
	if b.stylesPart != "" {
		return b.readStyles()
	}
	return nil
}

// readStrings reads the shared strings: an item's text is its <t>, or its
// runs' <t>s joined; phonetic guides (<rPh>) are not part of it.
func (b *xlsxBook) readStrings() error {
	var (
		sb      strings.Builder
		inItem  bool
		phonetc int
	)
	return b.z.eachElement(b.sstPart, maxStringsPart, true, func(s *xmlStream, e xml.StartElement) error {
		if e.Name.Local != "si" {
			return nil
		}
		if len(b.strings) >= maxSharedStrings {
			return &errPartLimit{"more than 1,048,576 shared strings"}
		}
		sb.Reset()
		inItem, phonetc = true, 0
		inT := false
		for inItem {
			tok, err := s.next()
			if err != nil {
				return err
			}
			switch t := tok.(type) {
			case xml.StartElement:
				switch t.Name.Local {
				case "rPh":
					phonetc++
				case "t":
					inT = true
				}
			case xml.EndElement:
				switch t.Name.Local {
				case "rPh":
					phonetc--
				case "t":
					inT = false
				case "si":
					inItem = false
				}
			case xml.CharData:
				if inT && phonetc == 0 {
					if sb.Len()+len(t) > maxCellBytes {
						return &errPartLimit{"a cell has more than 32,767 characters"}
					}
					sb.Write(t)
				}
			}
		}
		b.strings = append(b.strings, unescapeBSTR(sb.String()))
		return nil
	})
}

// readStyles classifies each cell style by its number format: only a
// date column asks, to tell a day from a month.
func (b *xlsxBook) readStyles() error {
	custom := map[int]string{}
	inXfs := false
	return b.z.eachElement(b.stylesPart, maxSmallPart, true, func(s *xmlStream, e xml.StartElement) error {
		switch e.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(e, "numFmtId")); err == nil {
				custom[id] = attr(e, "formatCode")
			}
		case "cellXfs":
			inXfs = true
		case "cellStyleXfs", "dxfs":
			inXfs = false
		case "xf":
			if inXfs {
				id, _ := strconv.Atoi(attr(e, "numFmtId"))
				b.formats = append(b.formats, fmtPlain)
				if code, ok := custom[id]; ok {
					b.formats[len(b.formats)-1] = classifyNumFmt(id, &code)
				} else {
					b.formats[len(b.formats)-1] = classifyNumFmt(id, nil)
				}
			}
		}
		return nil
	})
}

// unescapeBSTR decodes the _xHHHH_ escapes Excel writes for characters XML
// cannot hold (a line feed as _x000D_…); _x005F_ escapes the underscore.
func unescapeBSTR(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				sb.WriteRune(rune(v))
				i += 7
				continue
			}
		}
		sb.WriteByte(s[i])
		i++
	}
	return sb.String()
}
