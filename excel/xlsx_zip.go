package excel

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"

	"qianxiang"
)

// Bounds on what a workbook may make the reader do. A hostile file is small
// on the wire and enormous inside (a zip bomb, one 300 MB cell, XML nested
// a million deep), so each part is bounded by its uncompressed size before
// it is opened and while it is read, and nothing is kept whole but what the
// import needs. README ("Import limits") states what these add up to.
const (
	// maxZipEntries bounds the central directory (each entry costs memory
	// before anything is read); a real workbook has a few dozen parts.
	maxZipEntries = 10000
	// maxSheetPart bounds a worksheet's XML; a 20,000-row list is about
	// 25 MB. It is streamed, never held whole.
	maxSheetPart = 128 << 20
	// maxStringsPart bounds the shared strings, which are held (as text),
	// and maxSharedStrings their number.
	maxStringsPart   = 32 << 20
	maxSharedStrings = 1 << 20
	// maxSmallPart bounds the other parts read (workbook, relationships,
	// styles).
	maxSmallPart = 16 << 20
	// maxInflated bounds everything decompressed for one import, probes
	// of several sheets included; it bounds the time an import takes.
	maxInflated = 256 << 20
	// maxXMLRun bounds one text or one tag in any part read: Excel keeps a
	// cell to 32,767 characters, which escaped is at most about 330 KB.
	maxXMLRun = 512 << 10
	// maxXMLDepth bounds element nesting; SpreadsheetML needs about 8.
	maxXMLDepth = 64
	// maxXMLElements bounds the elements parsed for one import, and so its
	// time (about a microsecond each): a 20,000-row list of thirty columns
	// has about 1.3 million (a cell, its value, some formatted blanks).
	maxXMLElements = 4 << 20
)

// errPartLimit marks a bound crossed while reading a part.
type errPartLimit struct{ what string }

func (e *errPartLimit) Error() string { return e.what }

// zipBook is an xlsx package opened for reading parts one at a time.
type zipBook struct {
	parts    map[string]*zip.File // lower-cased part name → entry
	inflated int64                // bytes decompressed so far
	elements int                  // XML elements parsed so far
}

// openZip opens the package after checking its directory's size, which
// zip.NewReader would otherwise allocate for before anything is checked.
func openZip(data []byte) (*zipBook, error) {
	if n, ok := zipEntryCount(data); ok && n > maxZipEntries {
		return nil, unreadable("the workbook has %d parts, more than the %d a workbook can have here", n, maxZipEntries)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) > maxZipEntries {
		return nil, unreadable("the workbook could not be read: it is damaged or not an .xlsx file")
	}
	z := &zipBook{parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		z.parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	return z, nil
}

// zipEntryCount reads the entry count from the end-of-central-directory
// record; ok is false when there is none (zip.NewReader then refuses).
func zipEntryCount(data []byte) (int, bool) {
	tail := data[max(0, len(data)-(1<<16)-22):]
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < 22 {
		return 0, false
	}
	n := int(binary.LittleEndian.Uint16(tail[i+10:]))
	if n == 0xFFFF { // ZIP64: no workbook within the upload limit needs it
		return maxZipEntries + 1, true
	}
	return n, true
}

// open returns a reader of the named part (case-insensitive, as OOXML part
// names are), refusing it when its declared size is above limit; the zip
// reader itself refuses data beyond the declared size. ok is false when
// the part does not exist.
func (z *zipBook) open(name string, limit int64) (io.ReadCloser, bool, error) {
	f := z.parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if f == nil {
		return nil, false, nil
	}
	size := int64(f.UncompressedSize64)
	if f.UncompressedSize64 > uint64(limit) || size < 0 {
		return nil, true, unreadable("part %s of the workbook is %d MB uncompressed, more than the %d MB allowed", f.Name, f.UncompressedSize64>>20, limit>>20)
	}
	if z.inflated += size; z.inflated > maxInflated {
		return nil, true, unreadable("the workbook holds more than %d MB of data to read", int64(maxInflated>>20))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, unreadable("the workbook could not be read: it is damaged or not an .xlsx file")
	}
	return readCloser{&runGuard{r: rc}, rc}, true, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}

// runGuard fails a read once a text or a tag (the bytes between one '<'
// or '>' and the next) grows beyond maxXMLRun, before the XML decoder
// would hold it whole.
type runGuard struct {
	r   io.Reader
	run int
}

var errLongRun = &errPartLimit{"a cell or tag of the workbook is longer than 512 KB"}

func (g *runGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	b := p[:n]
	for len(b) > 0 {
		i := bytes.IndexAny(b, "<>")
		if i < 0 {
			g.run += len(b)
			break
		}
		g.run += i
		if g.run > maxXMLRun {
			break
		}
		g.run, b = 0, b[i+1:]
	}
	if g.run > maxXMLRun {
		return 0, errLongRun
	}
	return n, err
}

// partError turns an error met while reading a part into the refusal a
// user reads: the bound crossed, or a damaged file.
func partError(err error, part string) error {
	var lim *errPartLimit
	if errors.As(err, &lim) {
		return unreadable("%s is too large or too deeply nested to import: %s", part, lim.what)
	}
	if e := qianxiang.AsError(err); e != nil {
		return e
	}
	return unreadable("the workbook could not be read: %s is damaged", part)
}
