"use client"

import { useTranslations } from "next-intl"
import { startTransition, useEffect, useState } from "react"

import type { PointBadges } from "@/components/map/map-graph"
import { MapView, type MapViewProps } from "@/components/map/map-view"
import { Link } from "@/components/shell/locale-link"
import { pointSummary } from "@/lib/cluster-report/summary"
import type { ClusterReport } from "@/lib/cluster-report/types"

type Overlay = { badges: PointBadges; demo: boolean }

/** Fetches the live report (or the demo report when no cluster is configured) for map badges. */
async function loadOverlay(signal: AbortSignal): Promise<Overlay | undefined> {
  const contexts = await fetch("/api/cluster/contexts", { signal, cache: "no-store" })
  const body = (await contexts.json()) as { state: string; defaultContext?: string }
  // Switched off: no overlay at all.
  if (body.state === "disabled") return undefined
  const demo = body.state !== "ready"
  const url = demo ? "/api/cluster/report?demo=1" : `/api/cluster/report?context=${encodeURIComponent(body.defaultContext ?? "")}`
  const res = await fetch(url, { signal, cache: "no-store" })
  if (!res.ok) return undefined
  const { report } = (await res.json()) as { report: ClusterReport }
  return { badges: pointSummary(report), demo }
}

/** The map with the inspector's per-point badges; the map renders unchanged until they arrive. */
export function ClusterMapView(props: Omit<MapViewProps, "pointBadges">) {
  const t = useTranslations("cluster")
  const [overlay, setOverlay] = useState<Overlay>()
  useEffect(() => {
    const ctl = new AbortController()
    // A transition: drawing the badges re-renders both drawings, in slices that leave input free.
    loadOverlay(ctl.signal).then((next) => startTransition(() => setOverlay(next)), () => undefined)
    return () => ctl.abort()
  }, [])
  return (
    <>
      {/* The line keeps the room of the longer of its two wordings (the demo's, with its label, and
          the live one), both laid out hidden from the first paint: on a phone they take two lines,
          and the map below does not move when the report arrives, whichever it is, or if none does. */}
      <div className="mb-2 grid min-h-6 text-sm *:[grid-area:1/1]">
        <p data-testid="map-cluster-overlay">
          {overlay ? (
            <>
              {overlay.demo ? <DemoLabel text={t("demoLabel")} /> : null}
              <Link href="/cluster" className="text-brand-strong underline underline-offset-2 dark:text-blue-300">
                {overlay.demo ? t("mapOverlayDemo") : t("mapOverlayLive")}
              </Link>
            </>
          ) : null}
        </p>
        <p aria-hidden="true" inert className="invisible">
          <DemoLabel text={t("demoLabel")} />
          {t("mapOverlayDemo")}
        </p>
        <p aria-hidden="true" inert className="invisible">
          {t("mapOverlayLive")}
        </p>
      </div>
      <MapView {...props} {...(overlay ? { pointBadges: overlay.badges } : {})} />
    </>
  )
}

function DemoLabel({ text }: { text: string }) {
  return <span className="mr-2 rounded bg-amber-800 px-1.5 py-0.5 text-xs font-bold uppercase text-white dark:bg-amber-300 dark:text-amber-950">{text}</span>
}
