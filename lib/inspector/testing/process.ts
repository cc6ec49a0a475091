// Test helpers for credential plugins: write one as a script, is a process still running (zombies count as gone: a
// killed grandchild waits for init to reap it), and wait until a condition holds.
import { chmodSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

export function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z"
  } catch {
    return false
  }
}

export async function waitFor(cond: () => boolean, ms = 2000): Promise<boolean> {
  const end = Date.now() + ms
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
  return cond()
}

/** An executable shell script, as a stand-in credential plugin. */
export function writeScript(dir: string, name: string, body: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, `#!/bin/sh\n${body}\n`)
  chmodSync(file, 0o755)
  return file
}
