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

// maxFileSize is far above any real list (a 5,000-row workbook is about
// 1 MB) and keeps one upload from exhausting memory.
const maxFileSize = 64 << 20

// maxRows bounds a sheet; the largest plan has a few thousand projects.
const maxRows = 200000

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
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, unreadable("the file could not be read")
	}
	switch {
	case len(data) > maxFileSize:
		return nil, unreadable("the file is larger than %d MB", maxFileSize>>20)
	case len(bytes.TrimSpace(data)) == 0:
		return nil, unreadable("the file is empty")
	case bytes.HasPrefix(data, zipMagic):
		return openXLSX(data)
	case bytes.HasPrefix(data, oleMagic):
		return nil, unreadable("%s is an old-style .xls workbook or a password-protected one: save it as .xlsx (Excel Workbook) without a password and import that", displayName(filename))
	}
	text, ok := decodeText(data)
	if !ok {
		return nil, unreadable("%s is not a spreadsheet: import an .xlsx workbook or a .csv file", displayName(filename))
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
// UTF-8 is taken to be GB18030. ok is false for binary content.
func decodeText(data []byte) (string, bool) {
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text = string(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		b, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", false
		}
		text = string(b)
	case utf8.Valid(data):
		text = string(data)
	default:
		b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", false
		}
		text = string(b)
	}
	return text, !looksBinary(text)
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
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = csvDelimiter(text)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	t := &table{sheet: strings.TrimSuffix(displayName(filename), filepath.Ext(filename))}
	// Excel numbers a CSV's rows by record, blank lines included; the csv
	// package skips blank lines, so the row is recovered from the line.
	extra := 0 // line breaks inside quoted fields so far
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil && !errors.Is(err, csv.ErrFieldCount) {
			return nil, unreadable("%s is not a readable CSV file", displayName(filename))
		}
		line, _ := cr.FieldPos(0)
		row := max(line-extra-1, len(t.rows))
		if row >= maxRows {
			return nil, unreadable("%s has more than %d rows", displayName(filename), maxRows)
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
