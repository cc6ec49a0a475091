// Mechanisms that deliberately have no starter, with the message and the starter to use instead.
// generate() returns the message as a field error; the API and UI can show it with a link.
import type { MechanismId } from "@/lib/catalog"

export type StarterNotice = { message: string; key: string; alternative: MechanismId }

export const STARTER_NOTICES: Partial<Record<MechanismId, StarterNotice>> = {
  // source: kubernetes-1.34-1.37-changes.md §1 (FlexVolume deprecated since 1.23, not removed as of 1.37).
  flexvolume: {
    key: "deprecatedMechanism",
    alternative: "csi-driver",
    message:
      "FlexVolume is deprecated since Kubernetes 1.23 (kubeadm dropped its support in 1.36) and gets no starter. Write a CSI driver instead: /api/starters/csi-driver.zip",
  },
}

export function starterNotice(id: string): StarterNotice | undefined {
  // Own keys only: "__proto__", "constructor" and friends are not mechanisms.
  return Object.hasOwn(STARTER_NOTICES, id) ? (STARTER_NOTICES as Record<string, StarterNotice | undefined>)[id] : undefined
}
