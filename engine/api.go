package engine

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"sync"
)

// EngineVersion is bumped whenever the request or result shapes change (lib/policy-lab checks it).
const EngineVersion = 1

// KubernetesVersion is the release whose Go libraries this engine is built from.
const KubernetesVersion = "1.37.2"

// Call is the single entry point used by the WebAssembly bridge and by native tests:
// method name plus a JSON payload in, JSON out. Errors never panic across the boundary.
func Call(method string, payload []byte) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = mustJSON(map[string]any{"error": fmt.Sprintf("engine panic: %v", r), "stack": string(debug.Stack())})
		}
	}()
	var result any
	var err error
	switch method {
	case "info":
		result = info()
	case "compile":
		var req CompileRequest
		if err = json.Unmarshal(payload, &req); err == nil {
			result, err = compile(&req)
		}
	case "evaluate":
		var req EvaluateRequest
		if err = json.Unmarshal(payload, &req); err == nil {
			result, err = evaluate(&req)
		}
	case "release":
		var req struct {
			Handle int `json:"handle"`
		}
		if err = json.Unmarshal(payload, &req); err == nil {
			releaseHandle(req.Handle)
			result = map[string]bool{"ok": true}
		}
	default:
		err = fmt.Errorf("unknown method %q", method)
	}
	if err != nil {
		return mustJSON(map[string]any{"error": err.Error()})
	}
	if r, ok := result.(*EvaluateResult); ok {
		// The hot path: written without reflection (encode.go), the same bytes as mustJSON.
		if b, err := appendEvaluateResult(make([]byte, 0, 2560*len(r.Results)+64), r); err == nil {
			return b
		}
	}
	return mustJSON(result)
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"error": "result could not be encoded: " + err.Error()})
	}
	return b
}

type Info struct {
	EngineVersion     int      `json:"engineVersion"`
	KubernetesVersion string   `json:"kubernetesVersion"`
	CelGoVersion      string   `json:"celGoVersion"`
	GoVersion         string   `json:"goVersion"`
	Minors            []string `json:"minors"`
}

func info() Info {
	i := Info{EngineVersion: EngineVersion, KubernetesVersion: KubernetesVersion, Minors: supportedMinors}
	if bi, ok := debug.ReadBuildInfo(); ok {
		i.GoVersion = bi.GoVersion
		for _, d := range bi.Deps {
			if d.Path == "github.com/google/cel-go" {
				i.CelGoVersion = d.Version
			}
		}
	}
	return i
}

// ---------------------------------------------------------------- handles

var (
	handlesMu  sync.Mutex
	handles    = map[int]*compiledBundle{}
	nextHandle = 1
)

func storeHandle(b *compiledBundle) int {
	handlesMu.Lock()
	defer handlesMu.Unlock()
	h := nextHandle
	nextHandle++
	handles[h] = b
	return h
}

func loadHandle(h int) (*compiledBundle, error) {
	handlesMu.Lock()
	defer handlesMu.Unlock()
	b, ok := handles[h]
	if !ok {
		return nil, fmt.Errorf("unknown compile handle %d (compile the policy first)", h)
	}
	return b, nil
}

func releaseHandle(h int) {
	handlesMu.Lock()
	defer handlesMu.Unlock()
	delete(handles, h)
}
