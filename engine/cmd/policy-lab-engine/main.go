//go:build js && wasm

// Command policy-lab-engine is the WebAssembly build of the policy lab's evaluator.
package main

import (
	"runtime/debug"

	engine "github.com/k8s-extension-advisor/engine"
)

func main() {
	// Evaluation allocates many short-lived values; WebAssembly has a single-threaded,
	// stop-the-world collector, so collecting less often is much faster.
	debug.SetGCPercent(400)
	engine.RegisterJS()
	select {}
}
