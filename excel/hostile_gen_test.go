package excel

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"testing"
)

// Generators of the hostile files of issue 7 (item 2): small on the wire,
// enormous inside. Each writes a minimal but well-formed xlsx package (or
// CSV), streaming its parts so that the test itself stays small; the
// small ones are also kept in testdata/hostile (see TestHostileTestdata).

// xlsxPart is one part: its name and a writer of its content.
type xlsxPart struct {
	name  string
	write func(w io.Writer)
}

const (
	ctypesXML = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	workbookXML = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="项目清单" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
	sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	sheetTail = `</sheetData></worksheet>`
)

// header is the row of a list the importer recognises, as inline strings.
const listHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>项目名称</t></is></c>` +
	`<c r="C1" t="inlineStr"><is><t>县（市、区）</t></is></c><c r="D1" t="inlineStr"><is><t>项目类型</t></is></c>` +
	`<c r="E1" t="inlineStr"><is><t>总投资</t></is></c><c r="F1" t="inlineStr"><is><t>年度计划投资</t></is></c></row>`

func fixed(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }

// buildXLSX packs a workbook whose sheet body (between <sheetData> and
// </sheetData>) and shared strings are written by the given functions.
func buildXLSX(t testing.TB, body func(w io.Writer), sst func(w io.Writer), extra ...xlsxPart) []byte {
	return buildXLSXLevel(t, flate.BestCompression, body, sst, extra...)
}

// buildXLSXLevel is buildXLSX at a compression level: the largest files are
// made faster than they pack.
func buildXLSXLevel(t testing.TB, level int, body func(w io.Writer), sst func(w io.Writer), extra ...xlsxPart) []byte {
	t.Helper()
	if sst == nil {
		sst = fixed(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></sst>`)
	}
	parts := append([]xlsxPart{
		{"[Content_Types].xml", fixed(ctypesXML)},
		{"_rels/.rels", fixed(rootRels)},
		{"xl/workbook.xml", fixed(workbookXML)},
		{"xl/_rels/workbook.xml.rels", fixed(workbookRels)},
		{"xl/sharedStrings.xml", sst},
		{"xl/worksheets/sheet1.xml", func(w io.Writer) {
			io.WriteString(w, sheetHead)
			body(w)
			io.WriteString(w, sheetTail)
		}},
	}, extra...)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, level)
	})
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		bw := &bufWriter{w: w}
		p.write(bw)
		bw.flush()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bufWriter batches the generators' small writes for the compressor.
type bufWriter struct {
	w   io.Writer
	buf []byte
}

func (b *bufWriter) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	if len(b.buf) > 1<<20 {
		b.flush()
	}
	return len(p), nil
}

func (b *bufWriter) flush() {
	b.w.Write(b.buf)
	b.buf = b.buf[:0]
}

// repeat writes s n times.
func repeat(w io.Writer, s string, n int) {
	chunk := strings.Repeat(s, max(1, (64<<10)/len(s)))
	per := len(chunk) / len(s)
	for ; n >= per; n -= per {
		io.WriteString(w, chunk)
	}
	io.WriteString(w, strings.Repeat(s, n))
}

// hostileXFD is a list header and n rows, each with a value at XFD (the
// last column Excel has): 2,000 rows is the 18.9 KB file.
func hostileXFD(t testing.TB, n int) []byte {
	return buildXLSX(t, func(w io.Writer) {
		io.WriteString(w, listHeader)
		for r := 2; r <= n+1; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r-1, r)
		}
	}, nil)
}

// hostileBigCell is one shared string of size bytes: 300 MB packs into
// about 300 KB.
func hostileBigCell(t testing.TB, size int) []byte {
	return buildXLSX(t, func(w io.Writer) {
		io.WriteString(w, listHeader)
		io.WriteString(w, `<row r="2"><c r="B2" t="s"><v>0</v></c></row>`)
	}, func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`)
		repeat(w, "a", size)
		io.WriteString(w, `</t></si></sst>`)
	})
}

// hostileInlineCell is one inline cell of size bytes inside the sheet:
// within the part's size bound, so the run bound must catch it.
func hostileInlineCell(t testing.TB, size int) []byte {
	return buildXLSX(t, func(w io.Writer) {
		io.WriteString(w, listHeader)
		io.WriteString(w, `<row r="2"><c r="B2" t="inlineStr"><is><t>`)
		repeat(w, "a", size)
		io.WriteString(w, `</t></is></c></row>`)
	}, nil)
}

// hostileNested nests depth elements inside a cell.
func hostileNested(t testing.TB, depth int) []byte {
	return buildXLSX(t, func(w io.Writer) {
		io.WriteString(w, listHeader)
		io.WriteString(w, `<row r="2"><c r="B2">`)
		repeat(w, "<x>", depth)
		repeat(w, "</x>", depth)
		io.WriteString(w, `</c></row>`)
	}, nil)
}

// hostileRows is a list header and rows-1 rows of one number each.
func hostileRows(t testing.TB, rows int) []byte {
	return buildXLSXLevel(t, flate.BestSpeed, func(w io.Writer) {
		io.WriteString(w, listHeader)
		var b []byte
		for r := 2; r <= rows; r++ {
			n := strconv.Itoa(r)
			b = append(b[:0], `<row r="`...)
			b = append(b, n...)
			b = append(b, `"><c r="A`...)
			b = append(b, n...)
			b = append(b, `"><v>1</v></c></row>`...)
			w.Write(b)
		}
	}, nil)
}

// hostileBomb is a zip bomb: the sheet part inflates to size bytes of
// spaces. lie declares it as 1 KB, as a crafted zip can.
func hostileBomb(t testing.TB, size int64, lie bool) []byte {
	var sheet bytes.Buffer
	fw, _ := flate.NewWriter(&sheet, flate.BestCompression)
	crc := crc32.NewIEEE()
	mw := io.MultiWriter(fw, crc)
	io.WriteString(mw, sheetHead+listHeader)
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	for n := int64(0); n < size; n += int64(len(spaces)) {
		mw.Write(spaces)
	}
	io.WriteString(mw, sheetTail)
	fw.Close()
	declared := uint64(size) + uint64(len(sheetHead+listHeader+sheetTail))
	if lie {
		declared = 1 << 10
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []xlsxPart{{"[Content_Types].xml", fixed(ctypesXML)}, {"_rels/.rels", fixed(rootRels)},
		{"xl/workbook.xml", fixed(workbookXML)}, {"xl/_rels/workbook.xml.rels", fixed(workbookRels)}} {
		w, _ := zw.Create(p.name)
		p.write(w)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(sheet.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(sheet.Bytes())
	zw.Close()
	return buf.Bytes()
}

// hostileCommas is a CSV list header and one line of size commas.
func hostileCommas(size int) []byte {
	var b bytes.Buffer
	b.WriteString("序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资\n1,")
	b.Write(bytes.Repeat([]byte(","), size))
	b.WriteString("\n")
	return b.Bytes()
}

// validList is a real-shaped list of n projects, to show the bounds leave
// a large city's list alone.
func validList(t testing.TB, n int) []byte {
	counties := []string{"离石区", "文水县", "交城县", "兴县", "临县"}
	return buildXLSX(t, func(w io.Writer) {
		io.WriteString(w, listHeader)
		for i := 1; i <= n; i++ {
			r := i + 1
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>第%d号道路改造项目</t></is></c>`+
				`<c r="C%d" t="inlineStr"><is><t>%s</t></is></c><c r="D%d" t="inlineStr"><is><t>新开工</t></is></c>`+
				`<c r="E%d"><v>%d</v></c><c r="F%d"><v>%d</v></c></row>`,
				r, r, i, r, i, r, counties[i%len(counties)], r, r, 1000+i%700, r, 500+i%300)
		}
	}, nil)
}

// hostileFiller is a list header followed by size bytes of empty elements
// in the sheet: the largest sheet part allowed, all of which is parsed.
func hostileFiller(t testing.TB, size int) []byte {
	return buildXLSXLevel(t, flate.BestSpeed, func(w io.Writer) {
		io.WriteString(w, listHeader)
		repeat(w, "<x/>", size/4)
	}, nil)
}

// wideList is a list of rows projects with cols columns (the six known and
// the rest extra attributes), each cell of width bytes: with 4,000 × 250
// cells it is the most the importer holds (its cell and text bounds).
func wideList(rows, cols, width int, csv bool) []byte {
	var b bytes.Buffer
	b.WriteString("序号,项目名称,县（市、区）,项目类型,总投资,年度计划投资")
	for c := 6; c < cols; c++ {
		fmt.Fprintf(&b, ",备注%d", c)
	}
	b.WriteString("\n")
	pad := strings.Repeat("x", width)
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&b, "%d,项目%d,离石区,新开工,100,50", r, r)
		for c := 6; c < cols; c++ {
			b.WriteString(",")
			b.WriteString(pad)
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}
