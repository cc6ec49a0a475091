// Shared between the browser worker and Node: start the Go WebAssembly module and wrap its
// single `call(method, json)` entry point. wasm_exec.js (Go's own loader, committed next to the
// module in engine/dist/) must already have defined globalThis.Go.
import type {
  CompileRequest,
  CompileResult,
  Engine,
  EngineInfo,
  EvaluateRequest,
  EvaluateResult,
} from "./protocol"

type GoInstance = { importObject: WebAssembly.Imports; run(instance: WebAssembly.Instance): Promise<void> }
type GoConstructor = new () => GoInstance
type EngineGlobal = { call(method: string, payload: string): string; info: string }

declare global {
  var Go: GoConstructor | undefined
  var policyLabEngine: EngineGlobal | undefined
  var onPolicyLabEngineReady: (() => void) | undefined
}

export class EngineError extends Error {}

/** Instantiates the module (compiled, or its bytes) and waits until Go has registered the engine. */
export async function startGoEngine(source: WebAssembly.Module | BufferSource): Promise<EngineGlobal> {
  const GoCtor = globalThis.Go
  if (!GoCtor) throw new EngineError("wasm_exec.js is not loaded")
  const go = new GoCtor()
  const instance =
    source instanceof WebAssembly.Module
      ? await WebAssembly.instantiate(source, go.importObject)
      : (await WebAssembly.instantiate(source, go.importObject)).instance
  const ready = new Promise<void>((resolve) => {
    globalThis.onPolicyLabEngineReady = resolve
  })
  void go.run(instance)
  await ready
  const engine = globalThis.policyLabEngine
  if (!engine) throw new EngineError("the engine did not register")
  return engine
}

/** Reads the engine's JSON answer; `{"error": …}` becomes an EngineError. */
export function parseEngineOutput<T>(json: string): T {
  const out = JSON.parse(json) as T & { error?: string }
  if (out && typeof out === "object" && "error" in out && typeof out.error === "string") throw new EngineError(out.error)
  return out
}

function invoke<T>(g: EngineGlobal, method: string, payload: unknown): T {
  return parseEngineOutput<T>(g.call(method, JSON.stringify(payload)))
}

/** A synchronous engine over one Go instance (calls block the thread they run on). */
export function directEngine(g: EngineGlobal): Engine & { callSync<T>(method: string, payload: unknown): T; callJSON(method: string, payload: unknown): string } {
  return {
    callSync: <T>(method: string, payload: unknown) => invoke<T>(g, method, payload),
    /** The answer as the engine wrote it (for a worker to post as one string, see parseEngineOutput). */
    callJSON: (method: string, payload: unknown) => g.call(method, JSON.stringify(payload)),
    compile: async (req: CompileRequest) => invoke<CompileResult>(g, "compile", req),
    evaluate: async (req: EvaluateRequest) => invoke<EvaluateResult>(g, "evaluate", req),
    release: async (handle: number) => {
      invoke(g, "release", { handle })
    },
    info: async () => JSON.parse(g.info) as EngineInfo,
  }
}
