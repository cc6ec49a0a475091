package engine

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"reflect"
	"testing"
)

// fill sets every field reachable from v (pointers allocated, slices of 0–2 elements, maps of
// 0–2 entries) to pseudo-random values, with strings that need escaping; zero values appear too,
// so omitempty is exercised both ways.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	strs := []string{"", "a", `quote " back \ slash`, "<tag> & amp", "ctl \x00\x1f\b\f\n\r\t", "ünï ✓ \u2028\u2029", "bad \xff utf8", "x"}
	switch v.Kind() {
	case reflect.String:
		v.SetString(strs[r.Intn(len(strs))])
	case reflect.Bool:
		v.SetBool(r.Intn(2) == 1)
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(int64(r.Intn(3)-1) * r.Int63n(1<<40))
	case reflect.Pointer:
		if depth > 16 || r.Intn(3) == 0 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(r, v.Elem(), depth+1)
	case reflect.Slice:
		if depth > 16 || v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		n := r.Intn(4) - 1 // -1: nil
		if n < 0 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := 0; i < n; i++ {
			fill(r, v.Index(i), depth+1)
		}
	case reflect.Map:
		if r.Intn(2) == 0 {
			return
		}
		v.Set(reflect.MakeMap(v.Type()))
		for i := r.Intn(3); i > 0; i-- {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(r, k, depth+1)
			fill(r, e, depth+1)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(r, v.Field(i), depth+1)
			}
		}
	case reflect.Interface:
		if r.Intn(2) == 0 {
			v.Set(reflect.ValueOf(strs[r.Intn(len(strs))]))
		}
	}
}

// TestAppendEvaluateResult: the hand-written encoder writes what json.Marshal writes, for every
// field of the result types (a field added to a result struct and not to encode.go fails here).
func TestAppendEvaluateResult(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		var res EvaluateResult
		fill(r, reflect.ValueOf(&res).Elem(), 0)
		want, err := json.Marshal(&res)
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendEvaluateResult(nil, &res)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("differs from json.Marshal:\nwant %s\ngot  %s", want, got)
		}
	}
}

func TestAppendJSONString(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		b := make([]byte, r.Intn(12))
		for j := range b {
			b[j] = byte(r.Intn(256))
			if r.Intn(3) == 0 {
				special := "<>&\"\\\n\x00\xe2\x80\xa8a"
				b[j] = special[r.Intn(len(special))]
			}
		}
		want, _ := json.Marshal(string(b))
		if got := appendJSONString(nil, string(b)); !bytes.Equal(got, want) {
			t.Fatalf("%q: want %s got %s", b, want, got)
		}
	}
}
