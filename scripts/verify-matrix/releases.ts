// The release each target minor is verified against: the latest patch of k8s.io/kubernetes on
// the Go module proxy when the matrix was last refreshed. Pinned so every run (and CI) checks
// the same schemas; `npm run verify:matrix -- --latest` lists the newest patches to bump to
// (GOTOOLCHAIN=local go list -m -versions k8s.io/kubernetes).
import type { KubernetesMinor } from "@/lib/catalog"

export const K8S_RELEASES: Record<KubernetesMinor, string> = {
  "1.30": "v1.30.14",
  "1.31": "v1.31.14",
  "1.32": "v1.32.13",
  "1.33": "v1.33.13",
  "1.34": "v1.34.4",
  "1.35": "v1.35.4",
  "1.36": "v1.36.3",
  "1.37": "v1.37.2",
}

/** The k8s.io/* staging modules (api, apiserver, kubelet …) of a release: v1.3X.Y → v0.3X.Y. */
export function stagingVersion(release: string): string {
  return release.replace(/^v1\./, "v0.")
}

/**
 * Staging modules whose tag for the release's patch is not on the module proxy; the newest
 * earlier patch of the same minor is used (config types do not change within a minor).
 */
export const STAGING_EXCEPTIONS: Partial<Record<KubernetesMinor, Record<string, string>>> = {
  // `go list -m -versions k8s.io/kube-scheduler` stops at v0.31.13 for 1.31.
  "1.31": { "k8s.io/kube-scheduler": "v0.31.13" },
}
