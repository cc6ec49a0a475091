package engine

// Reading apiVersion and kind of a request body without a full decode. The strict decoder's JSON
// serializer asks its MetaFactory for them before decoding; the upstream SimpleMetaFactory
// json.Unmarshals the whole object into two fields, about 5 % of evaluating a Pod in
// WebAssembly. fastMetaFactory scans the top level of the object instead and hands everything it
// is not certain about to SimpleMetaFactory, so the answer is always the upstream one.

import (
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	"k8s.io/apimachinery/pkg/runtime/serializer/versioning"
)

// fastStrictDecoder is strictDecoder for JSON bodies (the universal decoder picks the strict JSON
// serializer for them; the versioning codec converts to the internal version the same way), with
// fastMetaFactory. Only decodeBuiltinFast uses it: on any error the general path decodes again
// with strictDecoder, so errors are always worded as before.
var fastStrictDecoder = versioning.NewDefaultingCodecForScheme(scheme, nil,
	json.NewSerializerWithOptions(fastMetaFactory{}, scheme, scheme, json.SerializerOptions{Strict: true}),
	runtime.DisabledGroupVersioner, runtime.InternalGroupVersioner)

type fastMetaFactory struct{}

func (fastMetaFactory) Interpret(data []byte) (*schema.GroupVersionKind, error) {
	if apiVersion, kind, ok := scanTypeMeta(data); ok {
		if gv, err := schema.ParseGroupVersion(apiVersion); err == nil {
			return &schema.GroupVersionKind{Group: gv.Group, Version: gv.Version, Kind: kind}, nil
		}
	}
	return json.SimpleMetaFactory{}.Interpret(data)
}

// scanTypeMeta reads the top-level apiVersion and kind of a JSON object the way encoding/json
// fills struct{ APIVersion string `json:"apiVersion"`; Kind string `json:"kind"` }: keys match
// exactly or ASCII case-insensitively, the last match wins, absent keys leave "". It gives up
// (ok false) on anything where encoding/json might differ or fail: not an object, a key or a
// matched value with escapes or non-ASCII bytes, a matched value that is not a string, malformed
// structure, trailing data. Values of other keys are skipped, not validated: the decode that
// follows reads the whole document and fails on invalid JSON.
func scanTypeMeta(data []byte) (apiVersion, kind string, ok bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return "", "", false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return "", "", skipSpace(data, i+1) == len(data)
	}
	for {
		key, next, plain := scanString(data, i)
		if !plain {
			return "", "", false
		}
		i = skipSpace(data, next)
		if i >= len(data) || data[i] != ':' {
			return "", "", false
		}
		i = skipSpace(data, i+1)
		field := 0
		switch {
		case asciiEqualFold(key, "apiVersion"):
			field = 1
		case asciiEqualFold(key, "kind"):
			field = 2
		}
		if field != 0 {
			value, next, plain := scanString(data, i)
			if !plain {
				return "", "", false
			}
			if field == 1 {
				apiVersion = string(value)
			} else {
				kind = string(value)
			}
			i = next
		} else if i = skipValue(data, i); i < 0 {
			return "", "", false
		}
		i = skipSpace(data, i)
		if i >= len(data) {
			return "", "", false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return apiVersion, kind, skipSpace(data, i+1) == len(data)
		default:
			return "", "", false
		}
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// scanString reads the string starting at data[i]; plain is false unless it is a string of
// printable ASCII without escapes (its bytes are then its value).
func scanString(data []byte, i int) (value []byte, next int, plain bool) {
	if i >= len(data) || data[i] != '"' {
		return nil, 0, false
	}
	for j := i + 1; j < len(data); j++ {
		switch b := data[j]; {
		case b == '"':
			return data[i+1 : j], j + 1, true
		case b == '\\' || b < 0x20 || b >= 0x80:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// skipValue returns the index after the JSON value starting at data[i], or -1. It relies on the
// document being valid JSON (see scanTypeMeta).
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for ; i < len(data); i++ {
			switch data[i] {
			case '"':
				j := skipString(data, i)
				if j < 0 {
					return -1
				}
				i = j - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	default: // a number, true, false or null
		for i < len(data) && data[i] != ',' && data[i] != '}' && data[i] != ']' && data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' {
			i++
		}
		return i
	}
}

// skipString returns the index after the string starting at data[i], or -1.
func skipString(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		x, y := b[i], s[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
