package engine

import (
	"encoding/json"
	"sync"
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
)

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
}
