package typeset_test

import (
	"fmt"
	"testing"

	"github.com/cwo-tool/cwo/typeset"
)

func TestTmpComma(t *testing.T) {
	st := typeset.NewStyle(serif(t), face(t, file(t, notoDir+"NotoNaskhArabic-Regular.ttf"), ""))
	for _, s := range []string{"المفتوحة,", "الرياض.", "(OORI)", "Funder: مؤسسة البيانات, شارع."} {
		l := st.Shape(s)
		fmt.Printf("%q:", s)
		for _, r := range l.Runs {
			fmt.Printf(" [%q rtl=%v]", r.Text, r.RTL)
		}
		fmt.Println()
	}
}
