// The engine's own Go tests (engine/*_test.go: decoding against upstream, per-minor environments,
// CRD rules, the result encoder, answers with and without the cache of decoded objects), built
// natively with the one Go build environment of every tier (scripts/go-env.mjs).
import { spawnSync } from "node:child_process"
import path from "node:path"

import { expect, it } from "vitest"

import { goEnv } from "../../scripts/go-env.mjs"

it("engine/*_test.go pass", () => {
  const run = spawnSync("go", ["test", "-count=1", "."], {
    cwd: path.resolve(import.meta.dirname, "../../engine"),
    env: { ...process.env, ...goEnv("-mod=mod") },
    encoding: "utf8",
  })
  expect(run.error).toBeUndefined()
  expect(run.status, `${run.stdout}${run.stderr}`.slice(-4000)).toBe(0)
})
