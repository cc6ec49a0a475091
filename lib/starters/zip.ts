// Deterministic zip of a starter: entries sorted, one fixed timestamp, fixed modes, fixed
// compression level. fflate is pure JS, so the browser and the API produce identical bytes.
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate"
import type { StarterFile, StarterOutput } from "./types"

// fflate converts the Date with local-time getters (DOS time has no zone), so building it from
// local-time parts gives the same DOS timestamp in every time zone.
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0)
const UNIX = 3
const FILE_MODE = 0o100644
const EXEC_MODE = 0o100755

export function zipStarter(output: StarterOutput): Uint8Array {
  const sorted = [...output.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const entries: Zippable = {}
  for (const f of sorted) {
    entries[`${output.root}/${f.path}`] = [
      strToU8(f.content),
      { level: 6, mtime: FIXED_MTIME, os: UNIX, attrs: (f.executable ? EXEC_MODE : FILE_MODE) * 0x10000 },
    ]
  }
  return zipSync(entries, { level: 6, mtime: FIXED_MTIME })
}

/** Reads a starter zip back (tests and the UI's own checks). */
export function unzipStarter(bytes: Uint8Array): { path: string; content: string }[] {
  const out = unzipSync(bytes)
  const dec = new TextDecoder()
  return Object.keys(out)
    .sort()
    .map((path) => ({ path, content: dec.decode(out[path]) }))
}

export function zipFileName(output: StarterOutput): string {
  return `${output.root}.zip`
}

export type { StarterFile }
