// Label selector evaluation (metav1.LabelSelector semantics), used to decide which namespaces a
// webhook's namespaceSelector matches.
import type { LabelSelector } from "./types"

/** An absent selector matches everything, as in admission webhooks. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key)
    const value = labels[e.key]
    const values = e.values ?? []
    switch (e.operator) {
      case "In":
        if (!has || !values.includes(value as string)) return false
        break
      case "NotIn":
        if (has && values.includes(value as string)) return false
        break
      case "Exists":
        if (!has) return false
        break
      case "DoesNotExist":
        if (has) return false
        break
      default:
        // Unknown operators are rejected by the API server; treat as non-matching.
        return false
    }
  }
  return true
}

/** Labels every namespace carries since 1.22 (NamespaceDefaultLabelName). */
export function defaultNamespaceLabels(name: string): Record<string, string> {
  return { "kubernetes.io/metadata.name": name }
}
