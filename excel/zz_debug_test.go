package excel

import (
	"fmt"
	"testing"
)

func TestZZDebug(t *testing.T) {
	for _, f := range sampleFolders {
		imp, err := ReadProjects(bytesOf(t, f, "bad.xlsx"), "bad.xlsx", importOptions())
		fmt.Println("==", f, err)
		for _, d := range imp.Errors {
			fmt.Println("E", d)
		}
		for _, d := range imp.Warnings {
			fmt.Println("W", d)
		}
		imp, err = ReadProjects(bytesOf(t, f, "projects.xlsx"), "p.xlsx", importOptions())
		fmt.Println(imp.Unit, imp.Sheet, len(imp.Warnings))
		for _, i := range []int{0, 1, 2, 3, 5, 20, 21, 130, 299} {
			if i < len(imp.Rows) {
				fmt.Printf("%+v\n", imp.Rows[i])
			}
		}
	}
}
