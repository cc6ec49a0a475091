"use client"

import { useTranslations } from "next-intl"

import { KUBERNETES_MINORS, LATEST_MINOR, type KubernetesMinor } from "@/lib/catalog/types"

import { useMapStore } from "./map-store-provider"

export function VersionSelect() {
  const t = useTranslations("map.version")
  const version = useMapStore((s) => s.version)
  const setVersion = useMapStore((s) => s.setVersion)
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <label htmlFor="map-version" className="text-sm font-medium">
        {t("label")}
      </label>
      <select
        id="map-version"
        data-testid="map-version"
        value={version}
        aria-describedby="map-version-hint"
        onChange={(e) => setVersion(e.target.value as KubernetesMinor)}
        className="rounded-md border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm"
      >
        {[...KUBERNETES_MINORS].reverse().map((minor) => (
          <option key={minor} value={minor}>
            {minor === LATEST_MINOR ? t("latest", { version: minor }) : minor}
          </option>
        ))}
      </select>
      <p id="map-version-hint" className="text-sm text-[var(--muted-foreground)]">
        {t("hint")}
      </p>
    </div>
  )
}
