// A starter as a user gets it: generated and zipped by the same code as the download button and
// `GET /api/starters/<id>.zip`, then unpacked with the system `unzip` (which applies the zip's
// file modes, so executable scripts stay executable). Nothing is added or tidied afterwards.
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import path from "node:path"
import { generate, zipFileName, zipStarter } from "@/lib/starters"

const workRoot = path.resolve(import.meta.dirname, "..", "..", ".cache", "behaviour")

export interface UnpackedStarter {
  /** The project directory (the zip's single root folder). */
  dir: string
  /** The zip file, as downloaded. */
  zip: string
  /** Paths of the files in the project, relative to dir. */
  files: string[]
}

export function unpackStarter(id: string, options: Record<string, unknown> = {}): UnpackedStarter {
  const result = generate(id, options)
  if (!result.ok) throw new Error(`starter ${id} did not generate: ${JSON.stringify(result.errors)}`)
  mkdirSync(workRoot, { recursive: true })
  const base = mkdtempSync(path.join(workRoot, `${id}-`))
  const zip = path.join(base, zipFileName(result.value))
  writeFileSync(zip, zipStarter(result.value))
  execFileSync("unzip", ["-q", zip, "-d", base])
  return { dir: path.join(base, result.value.root), zip, files: result.value.files.map((f) => f.path) }
}
