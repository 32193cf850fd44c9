package excel

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// tokensOf renders the element and text tokens of doc as read by next.
func tokensOf(next func() (xml.Token, error)) (string, bool) {
	var b strings.Builder
	for {
		tok, err := next()
		if err == io.EOF {
			return b.String(), true
		}
		if err != nil {
			return b.String(), false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			fmt.Fprintf(&b, "<%s:%s", t.Name.Space, t.Name.Local)
			for _, a := range t.Attr {
				fmt.Fprintf(&b, " %s:%s=%q", a.Name.Space, a.Name.Local, a.Value)
			}
			b.WriteString(">")
		case xml.EndElement:
			fmt.Fprintf(&b, "</%s:%s>", t.Name.Space, t.Name.Local)
		case xml.CharData:
			fmt.Fprintf(&b, "%q", string(t))
		}
	}
}

// The fast reader gives the tokens encoding/xml gives, on well-formed
// parts, and refuses what it refuses among the faults a damaged part has.
// (It is laxer on comments, which no caller reads, and skips a byte-order
// mark, which encoding/xml returns as text before the root.)
func TestXMLTokensAreEncodingXMLs(t *testing.T) {
	for _, doc := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet xmlns="http://x" xmlns:r="http://r"><sheetData><row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> 项目 名称 </t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
		`<x:row r='2'><x:c r="A2"><x:v>1.5</x:v></x:c></x:row>`,
		`<a b="x &amp; y &lt;z&gt; &quot;q&quot; &apos;s&apos; &#20013;&#x6587;">t &amp; u&#10;v</a>`,
		"<a>line\r\nbreak\rhere</a><b c=\"1\r\n2\"/>",
		`<!-- a comment --><a><!-- inside -->text<![CDATA[<raw> & ]] >]]></a>`,
		`<a  b = "1"  c="x>y"   ><b/></a >`,
		`<si><r><rPr><b/></rPr><t>粗</t></r><r><t>体</t></r><rPh sb="0" eb="1"><t>フリ</t></rPh></si>`,
		`<a>unknown &nbsp; entity</a>`,
		`<a b=c></a>`,
		`<a>&#0;</a>`,
		`<a>bad utf8 ` + "\xff" + `</a>`,
		`<a`,
		`<a>text`,
		`<a b="1" b2="2"`,
	} {
		dec := xml.NewDecoder(strings.NewReader(doc))
		want, wantOK := tokensOf(dec.RawToken)
		x := newXMLTokens(bufio.NewReaderSize(strings.NewReader(doc), 16))
		got, gotOK := tokensOf(x.RawToken)
		if gotOK != wantOK || gotOK && got != want {
			t.Errorf("%q:\n got %v %s\nwant %v %s", doc, gotOK, got, wantOK, want)
		}
	}
}

func TestDeclaresOtherEncoding(t *testing.T) {
	for head, want := range map[string]bool{
		`<?xml version="1.0" encoding="UTF-8"?><a/>`:  false,
		`<?xml version="1.0" encoding='utf8'?><a/>`:   false,
		`<?xml version="1.0"?><a/>`:                   false,
		`<a/>`:                                        false,
		`<?xml version="1.0" encoding="GB2312"?><a/>`: true,
		`<?xml version="1.0" encoding="UTF-16"?>`:     true,
	} {
		if got := declaresOtherEncoding([]byte(head)); got != want {
			t.Errorf("%s: %v, want %v", head, got, want)
		}
	}
}
