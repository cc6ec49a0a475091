// A Vitest reporter that writes every error of a run to $VITEST_FAILURES_FILE as
// [{ title, message }]: failed tests, and errors of test files and describe blocks (a failing
// beforeAll), which Vitest's JSON reporter leaves out (its file `message` is empty then).
// scripts/test-all.mjs repeats them just before its summary, at the end of the output, the part CI keeps.
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"

/** The error's message and the first stack frame outside node_modules (where the test called). */
const text = (/** @type {{ name?: string, message?: string, stack?: string }} */ error) => {
  const frame = (error.stack ?? "").split("\n").find((l) => /^\s+at /.test(l) && !l.includes("node_modules"))
  return `${error.name ?? "Error"}: ${error.message ?? ""}${frame ? `\n${frame.trim()}` : ""}`
}

export default class FailuresReporter {
  /** @param {ReadonlyArray<import("vitest/node").TestModule>} testModules */
  onTestRunEnd(testModules, unhandledErrors) {
    const file = process.env.VITEST_FAILURES_FILE
    if (!file) return
    const failures = []
    for (const mod of testModules) {
      for (const e of mod.errors()) failures.push({ title: mod.relativeModuleId, message: text(e) })
      for (const suite of mod.children.allSuites()) {
        for (const e of suite.errors()) failures.push({ title: `${mod.relativeModuleId} › ${suite.fullName}`, message: text(e) })
      }
      for (const test of mod.children.allTests("failed")) {
        for (const e of test.result().errors ?? []) failures.push({ title: `${mod.relativeModuleId} › ${test.fullName}`, message: text(e) })
      }
    }
    for (const e of unhandledErrors) failures.push({ title: "unhandled error", message: text(e) })
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(failures, null, 2))
  }
}
