// Helpers shared by several generators (names derived from validated options).
import { KUBERNETES_MINORS, type KubernetesMinor } from "@/lib/catalog"
import { pluralize } from "../code"

/** True when `minor` is `floor` or newer. */
export function atLeast(minor: KubernetesMinor, floor: KubernetesMinor): boolean {
  return KUBERNETES_MINORS.indexOf(minor) >= KUBERNETES_MINORS.indexOf(floor)
}

/** The supported minors from `floor` on. */
export function minorsFrom(floor: KubernetesMinor): KubernetesMinor[] {
  return KUBERNETES_MINORS.filter((m) => atLeast(m, floor))
}

export type KindNames = { kind: string; lower: string; plural: string; crdName: string }

export function kindNames(kind: string, group: string): KindNames {
  const lower = kind.toLowerCase()
  const plural = pluralize(lower)
  return { kind, lower, plural, crdName: `${plural}.${group}` }
}

/** Label set put on every object a starter deploys. */
export function appLabels(name: string, component?: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": name,
    ...(component ? { "app.kubernetes.io/component": component } : {}),
    "app.kubernetes.io/managed-by": "kustomize",
  }
}

export function minorNumber(minor: KubernetesMinor): number {
  return Number(minor.split(".")[1])
}
