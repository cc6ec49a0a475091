// Hand-off to the starter generator: `/starters/<id>?k8s=<minor>` (the starters page reads `k8s`).
import type { KubernetesMinor, MechanismId } from "@/lib/catalog"

export function starterHref(id: MechanismId, minor: KubernetesMinor): string {
  return `/starters/${id}?k8s=${minor}`
}
