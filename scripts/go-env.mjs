// The one Go build environment of every test tier (control plane, starters, behaviour, matrix,
// policy lab): CGO_ENABLED and -trimpath are part of Go's build-cache key, so with one setting
// everywhere a package (client-go, k8s.io/apiserver, the scheduler…) is compiled once per machine
// and every later build reuses it. Static builds (CGO off) as upstream builds its server binaries
// and as the starters' Dockerfiles do; -p=2 for the 2-core CI machines; never a toolchain download.
// scripts/test-all.mjs exports it to every tier, so README commands the behaviour tier runs
// (`make build`, `go build`) inherit it too.

import { homedir } from "node:os"
import path from "node:path"

export const GO_TOOLCHAIN = process.env.GOTOOLCHAIN || "local"
export const CGO_ENABLED = "0"
export const GO_FLAGS = ["-trimpath", "-p=2"]

// The caches, pinned to where they are for this user now (Go's own defaults on Linux): tests that
// follow a README with HOME in a temp dir (kubectl plugins installed into ~/.local/bin, npm -g
// prefixes) would otherwise start from an empty build cache and download every module again.
const firstGoPath = (process.env.GOPATH || path.join(homedir(), "go")).split(path.delimiter)[0]
export const GO_CACHE = process.env.GOCACHE || path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "go-build")
export const GO_MOD_CACHE = process.env.GOMODCACHE || path.join(firstGoPath, "pkg", "mod")

/** Env for `go` commands; `extraFlags` (e.g. "-mod=readonly") are added to GOFLAGS. */
export function goEnv(...extraFlags) {
  return { GOTOOLCHAIN: GO_TOOLCHAIN, CGO_ENABLED, GOFLAGS: [...GO_FLAGS, ...extraFlags].join(" "), GOCACHE: GO_CACHE, GOMODCACHE: GO_MOD_CACHE }
}
