// Node-only (verifier and tests, never bundled): the hash that ties a matrix cell to the files it
// was checked with, so matrix.test.ts can tell a stale verified-matrix.json without the schemas.
import { createHash } from "node:crypto"
import { matrixCheckedFiles } from "./matrix"
import type { StarterFile } from "./types"

/** sha256 (first 16 hex digits) of the files the matrix checker reads. */
export function cellHash(files: readonly StarterFile[]): string {
  const h = createHash("sha256")
  for (const f of matrixCheckedFiles(files)) h.update(f.path).update("\0").update(f.content).update("\0")
  return h.digest("hex").slice(0, 16)
}
