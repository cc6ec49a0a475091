// Cluster versions: no catalog data, so the browser can use it before the decision model loads.
const VERSION_RE = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/

/** Parses a cluster gitVersion ("v1.33.4-eks-…") into "1.33"; undefined when malformed. */
export function minorFromVersion(version: string): string | undefined {
  const m = VERSION_RE.exec(version.trim())
  if (!m) return undefined
  return `${Number(m[1])}.${Number(m[2])}`
}
