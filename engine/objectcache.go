package engine

import (
	"encoding/json"
	"sync"

	"k8s.io/apiserver/pkg/admission"
)

// Built-in objects decoded for earlier requests. The lab evaluates the same pasted objects again
// after every edit of the policy, its bindings or params, and every change of Kubernetes
// version; decoding them (strict JSON, the version's defaults, conversion to the internal
// version) is about a third of the engine's time per object. The decoding depends only on the
// bytes and the request's resource, so a later request for the same pair gets the object
// decoded then. Admission changes the object it is given (built-in admission plugins, mutating
// policies), so the cache keeps its own copy and hands out deep copies: an answer never depends
// on whether its object came from the cache (engine tests run both ways).
type decodedKey struct {
	res ResourceInfo
	raw string
}

// maxDecodedBytes bounds the cache by the JSON it was given (a Pod of 1 kB is a few kB decoded):
// when full it starts again.
const maxDecodedBytes = 16 << 20

var (
	decodedMu      sync.Mutex
	decodedObjects = map[decodedKey]*decodedObject{}
	decodedBytes   int
	// The second level, for validating policies (admittedObjectsCached).
	admittedCache = map[admittedKey]*admitted{}
	admittedBytes int
)

// A request's objects after decoding and built-in admission, which depend only on the object,
// the old object, the operation and the resource (admittedObjects).
type admittedKey struct {
	res      ResourceInfo
	op       admission.Operation
	raw, old string
}

type admitted struct {
	obj, old *decodedObject
	notes    []string
}

// decodeBuiltinCached is decodeBuiltinFast through the cache of decoded objects.
func decodeBuiltinCached(raw json.RawMessage, res ResourceInfo) *decodedObject {
	key := decodedKey{res: res, raw: string(raw)}
	decodedMu.Lock()
	kept, ok := decodedObjects[key]
	decodedMu.Unlock()
	if ok {
		return kept.deepCopy()
	}
	d := decodeBuiltinFast(raw, res)
	if d == nil {
		return nil
	}
	kept = d.deepCopy()
	decodedMu.Lock()
	defer decodedMu.Unlock()
	if decodedBytes+len(raw) > maxDecodedBytes {
		clear(decodedObjects)
		decodedBytes = 0
	}
	decodedObjects[key] = kept
	decodedBytes += len(raw)
	return d
}

// admittedObjectsCached is admittedObjects for a validating policy, through a cache of admitted
// objects: a ValidatingAdmissionPolicy only reads the objects it evaluates (matching reads labels,
// CEL reads fields), so every request for the same key can share one copy, with neither the
// deep copy of decodeBuiltinCached nor built-in admission again. Only built-in kinds, as in the
// cache of decoded objects; requests that cannot be built are not kept.
func admittedObjectsCached(c *Case, op admission.Operation) (obj, old *decodedObject, notes []string, inputError string) {
	if c.Resource.Kind == "" || !isBuiltin(c.Resource.GVK()) {
		return admittedObjects(c, op, nil, true)
	}
	key := admittedKey{res: c.Resource, op: op, raw: string(c.Object), old: string(c.OldObject)}
	decodedMu.Lock()
	kept, ok := admittedCache[key]
	decodedMu.Unlock()
	if ok {
		return kept.obj, kept.old, kept.notes, ""
	}
	obj, old, notes, inputError = admittedObjects(c, op, nil, true)
	if inputError != "" {
		return obj, old, notes, inputError
	}
	decodedMu.Lock()
	defer decodedMu.Unlock()
	size := len(key.raw) + len(key.old)
	if admittedBytes+size > maxDecodedBytes {
		clear(admittedCache)
		admittedBytes = 0
	}
	admittedCache[key] = &admitted{obj: obj, old: old, notes: notes}
	admittedBytes += size
	return obj, old, notes, ""
}

func (d *decodedObject) deepCopy() *decodedObject {
	c := *d
	c.obj = d.obj.DeepCopyObject()
	c.warnings = append([]string(nil), d.warnings...)
	return &c
}

func forgetDecodedObjects() {
	decodedMu.Lock()
	defer decodedMu.Unlock()
	clear(decodedObjects)
	decodedBytes = 0
	clear(admittedCache)
	admittedBytes = 0
}
