"use client"

// Warns when the starter would create something the cluster already has (same CRD group/kind,
// webhook configuration or policy name). Opt-in, like the advisor's cluster facts: the report is
// only read after the user ticks the box (or arrives with ?cluster=<context> / ?demo=1, e.g. from
// the advisor). The choice is not written back to the URL: the starter's query holds its options.
import { useTranslations } from "next-intl"
import { useEffect, useId, useMemo, useState } from "react"

import type { ClusterSource } from "@/lib/advisor/query"
import type { MechanismId } from "@/lib/catalog/types"
import type { ClusterConflict } from "@/lib/starters/cluster-conflicts"
import { useClusterContexts, useClusterReport } from "@/components/advisor/use-cluster-report"

type ConflictsOf = typeof import("@/lib/starters/cluster-conflicts").clusterConflicts

/** Starters whose names can clash with what an inspector report lists. */
const CHECKED: ReadonlySet<MechanismId> = new Set<MechanismId>([
  "custom-resource-definition",
  "operator",
  "api-aggregation",
  "validating-admission-webhook",
  "mutating-admission-webhook",
  "validating-admission-policy",
  "mutating-admission-policy",
])

function sourceFromUrl(search: string): ClusterSource | undefined {
  const q = new URLSearchParams(search)
  const context = q.get("cluster")
  if (context && context.length <= 253 && !/\p{Cc}/u.test(context)) return { kind: "context", context }
  if (q.get("demo") === "1") return { kind: "demo" }
  return undefined
}

type Props = { mechanism: MechanismId; values: Readonly<Record<string, unknown>> }

export function ClusterConflictsNotice({ mechanism, values }: Props) {
  if (!CHECKED.has(mechanism)) return null
  return <Notice mechanism={mechanism} values={values} />
}

function Notice({ mechanism, values }: Props) {
  const t = useTranslations("starters.cluster")
  const id = useId()
  const contexts = useClusterContexts()
  const [source, setSource] = useState<ClusterSource | undefined>(undefined)
  useEffect(() => {
    const fromUrl = sourceFromUrl(window.location.search)
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is only readable after hydration
    if (fromUrl) setSource(fromUrl)
  }, [])
  const report = useClusterReport(source)
  // The comparison (and the name rules it shares with the generators) loads with the first report.
  const [clusterConflicts, setClusterConflicts] = useState<ConflictsOf | null>(null)
  const reportReady = report.state === "ok"
  useEffect(() => {
    if (!reportReady || clusterConflicts) return
    let live = true
    import("@/lib/starters/cluster-conflicts").then(
      (m) => live && setClusterConflicts(() => m.clusterConflicts),
      (error: unknown) => console.error("The cluster comparison could not be loaded:", error),
    )
    return () => {
      live = false
    }
  }, [reportReady, clusterConflicts])
  const conflicts = useMemo(
    () => (report.state === "ok" && clusterConflicts ? clusterConflicts(report.report, mechanism, values) : []),
    [report, mechanism, values, clusterConflicts],
  )

  if (contexts.state === "loading" || (contexts.state === "disabled" && !source)) return null
  const offered: ClusterSource =
    source ?? (contexts.state === "ready" ? { kind: "context", context: contexts.defaultContext } : { kind: "demo" })
  const demo = offered.kind === "demo"

  return (
    <section aria-labelledby={`${id}-label`} className="mt-4 rounded-md border border-[var(--border)] p-3 text-sm" data-testid="starter-cluster">
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${id}-toggle`}
          type="checkbox"
          className="h-4 w-4"
          checked={source !== undefined}
          onChange={(e) => setSource(e.target.checked ? offered : undefined)}
        />
        <label id={`${id}-label`} htmlFor={`${id}-toggle`} className="font-medium">
          {demo ? t("checkDemo") : t("checkCluster", { context: offered.kind === "context" ? offered.context : "" })}
        </label>
        {demo && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-950">{t("demoLabel")}</span>}
      </div>
      {source && (report.state === "loading" || (report.state === "ok" && !clusterConflicts)) && (
        <p className="mt-1" role="status">
          {t("loading")}
        </p>
      )}
      {source && report.state === "error" && (
        <p className="mt-1 text-red-700 dark:text-red-400" role="alert" data-testid="starter-cluster-error">
          {t("error", { status: report.status, message: report.message.slice(0, 300) })}
        </p>
      )}
      {source && report.state === "ok" && clusterConflicts && conflicts.length === 0 && (
        <p className="mt-1" role="status" data-testid="starter-cluster-clear">
          {t("noConflicts", { context: report.report.context })}
        </p>
      )}
      {source && report.state === "ok" && conflicts.length > 0 && (
        <div role="alert" className="mt-2 rounded border border-amber-600 bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-100" data-testid="starter-cluster-conflicts">
          <p className="font-semibold">{t("conflictsTitle", { context: report.report.context })}</p>
          <ul className="mt-1 list-disc pl-5">
            {conflicts.map((c, i) => (
              <li key={i}>
                <ConflictText conflict={c} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

function ConflictText({ conflict: c }: { conflict: ClusterConflict }) {
  const t = useTranslations("starters.cluster.conflicts")
  switch (c.kind) {
    case "crd":
      return c.owner ? t("crdOwned", { name: c.name, kind: c.crdKind, owner: c.owner }) : t("crd", { name: c.name, kind: c.crdKind })
    case "crd-group":
      return t("crdGroup", { group: c.group, count: c.crds })
    case "aggregated-group":
      return t("aggregatedGroup", { group: c.group, apiService: c.apiService })
    case "webhook":
      return c.type === "validating" ? t("validatingWebhook", { name: c.name }) : t("mutatingWebhook", { name: c.name })
    case "policy":
      return c.type === "validating" ? t("validatingPolicy", { name: c.name }) : t("mutatingPolicy", { name: c.name })
    case "binding":
      return c.type === "validating" ? t("validatingBinding", { name: c.name }) : t("mutatingBinding", { name: c.name })
  }
}
