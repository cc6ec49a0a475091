//go:build js && wasm

package engine

import "syscall/js"

// RegisterJS exposes Call to JavaScript as globalThis.policyLabEngine.call(method, json) → json.
func RegisterJS() {
	fn := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 2 {
			return `{"error":"call(method, json) needs two arguments"}`
		}
		return string(Call(args[0].String(), []byte(args[1].String())))
	})
	obj := js.Global().Get("Object").New()
	obj.Set("call", fn)
	info := string(Call("info", nil))
	obj.Set("info", info)
	js.Global().Set("policyLabEngine", obj)
	if cb := js.Global().Get("onPolicyLabEngineReady"); cb.Type() == js.TypeFunction {
		cb.Invoke()
	}
}
