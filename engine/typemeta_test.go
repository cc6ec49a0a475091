package engine

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/runtime/serializer/json"
)

// randomJSONObject writes a valid JSON object whose keys include apiVersion and kind in many
// spellings (case, escapes, the Kelvin sign that encoding/json folds to k, duplicates) with
// values of every type, nested values and random whitespace.
func randomJSONObject(r *rand.Rand) string {
	keys := []string{`"apiVersion"`, `"kind"`, `"Kind"`, `"APIVERSION"`, `"apiversion"`, `"kind "`, `"metadata"`, `"spec"`, `"k\u0069nd"`, `"\u212aind"`, `"ápiVersion"`, `"api\"Version"`, `""`}
	values := []string{`"v1"`, `"Pod"`, `"apps/v1"`, `"a/b/c"`, `""`, `"P\u006fd"`, `"Pöd"`, `"x\"y"`, `null`, `1`, `-2.5e3`, `true`, `false`, `{}`, `[]`,
		`{"kind":"Inner","a":[1,{"b":"}"},"]"]}`, `["apiVersion","kind",{"kind":"x"}]`, `"\\"`, `"tab\t"`}
	ws := []string{"", " ", "\n", "\t ", "\r\n"}
	w := func() string { return ws[r.Intn(len(ws))] }
	var b strings.Builder
	b.WriteString(w() + "{")
	n := r.Intn(6)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%s%s%s:%s%s%s", w(), keys[r.Intn(len(keys))], w(), w(), values[r.Intn(len(values))], w())
	}
	b.WriteString("}" + w())
	return b.String()
}

// TestFastMetaFactory: on valid JSON the fast Interpret answers exactly as SimpleMetaFactory
// (same kind, same error text), and the fast scan itself agrees whenever it does not give up.
func TestFastMetaFactory(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	fast, scanned := 0, 0
	inputs := []string{`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"}}`, `[]`, `"x"`, `{}`, ` {"kind":"Pod"} `, `{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","image":"b"}]},"n":12}`}
	for i := 0; i < 50000; i++ {
		inputs = append(inputs, randomJSONObject(r))
	}
	for _, in := range inputs {
		want, wantErr := json.SimpleMetaFactory{}.Interpret([]byte(in))
		got, gotErr := fastMetaFactory{}.Interpret([]byte(in))
		if fmt.Sprint(want) != fmt.Sprint(got) || fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
			t.Fatalf("%s:\nupstream %v %v\nfast     %v %v", in, want, wantErr, got, gotErr)
		}
		if _, _, ok := scanTypeMeta([]byte(in)); ok {
			scanned++
			if wantErr == nil {
				fast++
			}
		}
	}
	if fast < len(inputs)/10 {
		t.Fatalf("the fast scan answered only %d of %d inputs", fast, len(inputs))
	}
	t.Logf("%d inputs, fast scan answered %d", len(inputs), scanned)
}
