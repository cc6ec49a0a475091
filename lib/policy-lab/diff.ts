// A line diff (longest common subsequence) of two YAML renderings, for MutatingAdmissionPolicy results.
import { stringify } from "yaml"

export type DiffLine = { kind: "same" | "add" | "remove"; text: string }

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n")
  const b = after.split("\n")
  const n = a.length
  const m = b.length
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  }
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]! })
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: "remove", text: a[i++]! })
    else out.push({ kind: "add", text: b[j++]! })
  }
  while (i < n) out.push({ kind: "remove", text: a[i++]! })
  while (j < m) out.push({ kind: "add", text: b[j++]! })
  return out
}

/** YAML for display, without the noise the storage layer adds. */
export function displayYaml(o: unknown): string {
  if (o && typeof o === "object") {
    const c = JSON.parse(JSON.stringify(o)) as { metadata?: Record<string, unknown> }
    if (c.metadata) {
      delete c.metadata.managedFields
      if (c.metadata.creationTimestamp === null) delete c.metadata.creationTimestamp
    }
    return stringify(c, { lineWidth: 0 }).trimEnd()
  }
  return String(o)
}

/** Only changed lines with `context` unchanged lines around them; gaps become "…". */
export function compactDiff(lines: DiffLine[], context = 3): (DiffLine | { kind: "gap"; count: number })[] {
  const keep = new Array<boolean>(lines.length).fill(false)
  lines.forEach((l, i) => {
    if (l.kind !== "same") for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true
  })
  const out: (DiffLine | { kind: "gap"; count: number })[] = []
  let gap = 0
  lines.forEach((l, i) => {
    if (keep[i]) {
      if (gap) out.push({ kind: "gap", count: gap })
      gap = 0
      out.push(l)
    } else gap++
  })
  if (gap) out.push({ kind: "gap", count: gap })
  return out
}
