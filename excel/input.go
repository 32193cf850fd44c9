package excel

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"qianxiang"
)

// MaxFileSize is far above any real list (a 5,000-row workbook is about
// 1 MB, a 20,000-row CSV about 6 MB) and keeps one file from exhausting
// memory; the web's upload limit is lower still.
const MaxFileSize = 32 << 20

// maxRows bounds a sheet; the largest plan has a few thousand projects.
const maxRows = 100000

// maxCSVRecord bounds one CSV record (a line, or lines joined by a quoted
// line break): a row of thirty cells with long progress text is far less.
const maxCSVRecord = 1 << 20

// workbook is an opened file: its sheets in order, read on demand.
type workbook struct {
	sheets []string
	// load reads a sheet; rows > 0 reads only its first rows (a probe).
	load  func(sheet string, rows int) (*table, error)
	close func()
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// readWorkbook opens an upload by what it contains, not by its name: lists
// arrive as .xls that are really .xlsx, or as .xlsx that are CSV text.
func readWorkbook(r io.Reader, filename string) (*workbook, error) {
	if r == nil {
		return nil, unreadable("no file was given")
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, unreadable("the file could not be read")
	}
	switch {
	case len(data) > MaxFileSize:
		return nil, unreadable("the file is larger than %d MB", MaxFileSize>>20)
	case len(bytes.TrimSpace(data)) == 0:
		return nil, unreadable("the file is empty")
	case bytes.HasPrefix(data, zipMagic):
		return openXLSX(data)
	case bytes.HasPrefix(data, oleMagic):
		return nil, unreadable("%s is an old-style .xls workbook or a password-protected one: save it as .xlsx (Excel Workbook) without a password and import that", displayName(filename))
	}
	text, err := decodeText(data, filename)
	if err != nil {
		return nil, err
	}
	return openCSV(text, filename)
}

// unreadable is the error for a file that cannot be imported at all.
func unreadable(format string, args ...any) *qianxiang.Error {
	return qianxiang.Errorf(qianxiang.EValidation, format, args...)
}

func displayName(filename string) string {
	if filename == "" {
		return "the file"
	}
	return filepath.Base(filename)
}

// decodeText turns CSV bytes into UTF-8. Excel in China saves CSV as GBK
// (GB18030 is its superset) unless told otherwise, newer versions as UTF-8
// with a BOM, and "Unicode text" as UTF-16: anything that is not valid
// UTF-8 is taken to be GB18030. A file that is partly one and partly the
// other (lines pasted from two files) is refused as such: read either way
// it would come out garbled, and only the user can say which lines are
// which. Binary content is refused as not a spreadsheet.
func decodeText(data []byte, filename string) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) {
			return "", undetermined(data[3:], filename)
		}
		text = string(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		b, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", notSpreadsheet(filename)
		}
		text = string(b)
	case utf8.Valid(data):
		text = string(data)
	default:
		if looksBinary(string(data[:min(len(data), 8192)])) {
			return "", notSpreadsheet(filename)
		}
		if _, _, mixed := mixedLines(data); mixed {
			return "", undetermined(data, filename)
		}
		b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", undetermined(data, filename)
		}
		text = string(b)
	}
	if looksBinary(text) {
		return "", notSpreadsheet(filename)
	}
	return text, nil
}

func notSpreadsheet(filename string) error {
	return unreadable("%s is not a spreadsheet: import an .xlsx workbook or a .csv file", displayName(filename))
}

// mixedLines finds a line in UTF-8 (with characters beyond ASCII) and a
// line that is not UTF-8, 1-based. GBK text is almost never valid UTF-8,
// so a file with both was put together from two encodings.
func mixedLines(data []byte) (utf, other int, mixed bool) {
	for n, line := 1, data; len(line) > 0; n++ {
		i := bytes.IndexByte(line, '\n')
		next := []byte(nil)
		if i >= 0 {
			line, next = line[:i], line[i+1:]
		}
		switch {
		case !utf8.Valid(line):
			if other == 0 {
				other = n
			}
		case utf == 0 && bytes.ContainsFunc(line, func(r rune) bool { return r >= utf8.RuneSelf }):
			utf = n
		}
		line = next
	}
	return utf, other, utf > 0 && other > 0
}

// undetermined refuses a text file whose encoding could not be told,
// naming the encodings tried and, for a mixed file, a line of each.
func undetermined(data []byte, filename string) error {
	if utf, other, mixed := mixedLines(data); mixed {
		return unreadable("the encoding of %s could not be determined (tried UTF-8, UTF-16 and GB18030/GBK): line %d is UTF-8 but line %d is not; save the file again as \"CSV UTF-8\" and import that",
			displayName(filename), utf, other)
	}
	return unreadable("the encoding of %s could not be determined: it is not UTF-8, UTF-16 or GB18030/GBK; save the file again as \"CSV UTF-8\" and import that", displayName(filename))
}

// looksBinary reports control characters no text file has: a PDF, an image
// or a zip with its header cut off.
func looksBinary(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		if r == 0 || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			bad++
		}
		if n >= 8192 {
			break
		}
	}
	return bad > 0 && bad*100 >= n || strings.ContainsRune(s, 0)
}

// openCSV reads the whole text as one sheet named after the file.
func openCSV(text, filename string) (*workbook, error) {
	guard := &recordGuard{r: strings.NewReader(text)}
	cr := csv.NewReader(guard)
	cr.Comma = csvDelimiter(text)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	t := &table{sheet: strings.TrimSuffix(displayName(filename), filepath.Ext(filename))}
	// Excel numbers a CSV's rows by record, blank lines included; the csv
	// package skips blank lines, so the row is recovered from the line.
	extra := 0 // line breaks inside quoted fields so far
	cells := 0
	for {
		guard.n = 0
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if errors.Is(err, errLongRecord) {
			return nil, unreadable("%s has a line longer than %d KB after row %d: a row of a list is far shorter; check the file", displayName(filename), maxCSVRecord>>10, len(t.rows))
		}
		if err != nil && !errors.Is(err, csv.ErrFieldCount) {
			return nil, unreadable("%s is not a readable CSV file", displayName(filename))
		}
		line, _ := cr.FieldPos(0)
		row := max(line-extra-1, len(t.rows))
		if row >= maxRows {
			return nil, unreadable("%s has more than %d rows", displayName(filename), maxRows)
		}
		for len(rec) > 0 && rec[len(rec)-1] == "" {
			rec = rec[:len(rec)-1] // trailing empty fields: separators only
		}
		if len(rec) > maxSheetColumns {
			return nil, unreadable("row %d of %s has %d columns: a list can have at most %d", row+1, displayName(filename), len(rec), maxSheetColumns)
		}
		if cells += len(rec); cells > maxCells {
			return nil, unreadable("sheet %q has more than %d cells", t.sheet, maxCells)
		}
		for len(t.rows) < row {
			t.rows = append(t.rows, nil)
		}
		t.rows = append(t.rows, rec)
		for _, f := range rec {
			extra += strings.Count(f, "\n")
		}
	}
	if len(t.rows) == 0 {
		return nil, unreadable("the file is empty")
	}
	return &workbook{
		sheets: []string{t.sheet},
		load:   func(string, int) (*table, error) { return t, nil },
		close:  func() {},
	}, nil
}

// recordGuard fails a read once one CSV record has read more than
// maxCSVRecord bytes (the csv package reads a record whole, however long);
// openCSV resets n before each record.
type recordGuard struct {
	r io.Reader
	n int
}

var errLongRecord = errors.New("CSV record too long")

func (g *recordGuard) Read(p []byte) (int, error) {
	if g.n > maxCSVRecord {
		return 0, errLongRecord
	}
	n, err := g.r.Read(p)
	g.n += n
	return n, err
}

// csvDelimiter picks comma, tab or semicolon by what the first lines use
// most: Excel's "Unicode text" is tab-separated, some locales use ';'.
func csvDelimiter(text string) rune {
	head := text[:min(len(text), 4096)]
	best, n := ',', strings.Count(head, ",")
	for _, d := range []rune{'\t', ';'} {
		if c := strings.Count(head, string(d)); c > n {
			best, n = d, c
		}
	}
	return best
}
