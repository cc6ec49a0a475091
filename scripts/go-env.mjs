// The one Go build environment of every test tier (control plane, starters, behaviour, matrix,
// policy lab): CGO_ENABLED and -trimpath are part of Go's build-cache key, so with one setting
// everywhere a package (client-go, k8s.io/apiserver, the scheduler…) is compiled once per machine
// and every later build reuses it. Static builds (CGO off) as upstream builds its server binaries
// and as the starters' Dockerfiles do; -p=2 for the 2-core CI machines; never a toolchain download.
// scripts/test-all.mjs exports it to every tier, so README commands the behaviour tier runs
// (`make build`, `go build`) inherit it too.

export const GO_TOOLCHAIN = process.env.GOTOOLCHAIN || "local"
export const CGO_ENABLED = "0"
export const GO_FLAGS = ["-trimpath", "-p=2"]

/** Env for `go` commands; `extraFlags` (e.g. "-mod=readonly") are added to GOFLAGS. */
export function goEnv(...extraFlags) {
  return { GOTOOLCHAIN: GO_TOOLCHAIN, CGO_ENABLED, GOFLAGS: [...GO_FLAGS, ...extraFlags].join(" ") }
}
