// Test helpers shared by the generator test files: a starter's output and one of its files, failing
// loudly (with the errors or the file list) instead of returning undefined.
import { generate } from "../registry"
import type { StarterOutput } from "../types"

export function files(id: string, options: Record<string, unknown> = {}): StarterOutput {
  const r = generate(id, options)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.value
}

export function file(out: StarterOutput, path: string): string {
  const f = out.files.find((x) => x.path === path)
  if (!f) throw new Error(`no ${path} in ${out.files.map((x) => x.path).join(", ")}`)
  return f.content
}
