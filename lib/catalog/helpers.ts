// Small builders that keep the catalog data terse but fully typed.
import {
  KUBERNETES_MINORS,
  type FeatureState,
  type KubernetesMinor,
  type Localized,
  type LocalizedList,
} from "./types"

export function l(en: string, zhCN: string): Localized {
  return { en, "zh-CN": zhCN }
}

export function aliases(en: readonly string[], zhCN: readonly string[]): LocalizedList {
  return { en, "zh-CN": zhCN }
}

export function minorIndex(minor: KubernetesMinor): number {
  return KUBERNETES_MINORS.indexOf(minor)
}

export function atLeast(minor: KubernetesMinor, floor: KubernetesMinor): boolean {
  return minorIndex(minor) >= minorIndex(floor)
}

/** Builds a complete per-minor record; a function keeps every minor covered by construction. */
export function perMinor<T>(fn: (minor: KubernetesMinor) => T): Record<KubernetesMinor, T> {
  const out = {} as Record<KubernetesMinor, T>
  for (const minor of KUBERNETES_MINORS) out[minor] = fn(minor)
  return out
}

export function sameState(state: FeatureState): Record<KubernetesMinor, FeatureState> {
  return perMinor(() => state)
}

/**
 * apiVersion per minor from a list of steps: each step applies from its minor until the next
 * step; `null` means "not served from here on".
 */
export function versionSteps(
  steps: ReadonlyArray<readonly [KubernetesMinor, string | null]>,
): Partial<Record<KubernetesMinor, string>> {
  const out: Partial<Record<KubernetesMinor, string>> = {}
  for (const minor of KUBERNETES_MINORS) {
    let current: string | null = null
    for (const [from, value] of steps) if (atLeast(minor, from)) current = value
    if (current !== null) out[minor] = current
  }
  return out
}

export function everyMinor(apiVersion: string): Partial<Record<KubernetesMinor, string>> {
  return versionSteps([["1.30", apiVersion]])
}

export const GA: FeatureState = { maturity: "ga", enabledByDefault: true }
