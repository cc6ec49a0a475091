"use client"

// Opt-in "use facts from my cluster": fetches the inspector report for the chosen source, turns it
// into the advisor's ClusterFacts and puts them in the store (evaluate() then annotates and
// pre-answers). The source is in the URL (`cluster=<context>` or `demo=1`); the facts are not,
// so a shared link re-reads the same source instead of carrying a stale copy.
import { useTranslations } from "next-intl"
import { useEffect, useId, useRef } from "react"

import type { ClusterSource } from "@/lib/advisor/query"
import { minorFromVersion } from "@/lib/advisor/version"
import { isKubernetesMinor } from "@/lib/catalog/types"
import { toClusterFacts } from "@/lib/cluster-report/summary"

import { useAdvisorStore } from "./advisor-provider"
import { useClusterContexts, useClusterReport, type ContextsState, type ReportState } from "./use-cluster-report"

/** The source the checkbox offers: the URL's context if the server knows it, else its default; demo without a cluster. */
function offered(contexts: ContextsState, current: ClusterSource | undefined): ClusterSource | undefined {
  if (current) return current
  if (contexts.state === "ready") return { kind: "context", context: contexts.defaultContext }
  if (contexts.state === "unconfigured" || contexts.state === "error") return { kind: "demo" }
  return undefined
}

export function ClusterFactsSource() {
  const t = useTranslations("advisor.cluster")
  const id = useId()
  const cluster = useAdvisorStore((s) => s.cluster)
  const facts = useAdvisorStore((s) => s.clusterFacts)
  const setCluster = useAdvisorStore((s) => s.setCluster)
  const setClusterFacts = useAdvisorStore((s) => s.setClusterFacts)
  const setMinor = useAdvisorStore((s) => s.setMinor)
  const contexts = useClusterContexts()
  const report = useClusterReport(cluster)
  // Set when the user ticks the box: then the cluster's version becomes the selected version once.
  const adoptMinor = useRef(false)

  useEffect(() => {
    if (report.state !== "ok") {
      if (report.state === "error") setClusterFacts(undefined)
      return
    }
    const next = toClusterFacts(report.report)
    setClusterFacts(next)
    if (adoptMinor.current) {
      adoptMinor.current = false
      const minor = next.version ? minorFromVersion(next.version) : undefined
      if (minor && isKubernetesMinor(minor)) setMinor(minor)
    }
  }, [report, setClusterFacts, setMinor])

  // The inspector is switched off on this server: offer nothing (a shared link's source is ignored).
  if (contexts.state === "disabled" && !cluster) return null
  // Until the server says which source it offers, the section keeps its room, laid out with the
  // demo's wording (the answer without a cluster; the cluster's is about as long) and hidden: the
  // questions below do not move down when the answer arrives.
  const offeredSource = offered(contexts, cluster)
  const pending = offeredSource === undefined
  const source: ClusterSource = offeredSource ?? { kind: "demo" }
  const demo = source.kind === "demo"

  return (
    <section
      aria-labelledby={`${id}-label`}
      aria-hidden={pending || undefined}
      inert={pending}
      className={`rounded-md border border-[var(--border)] p-3 text-sm ${pending ? "invisible" : ""}`}
      data-testid="advisor-cluster"
    >
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${id}-toggle`}
          type="checkbox"
          className="h-4 w-4"
          checked={cluster !== undefined}
          onChange={(e) => {
            adoptMinor.current = e.target.checked
            setCluster(e.target.checked ? source : undefined)
          }}
        />
        <label id={`${id}-label`} htmlFor={`${id}-toggle`} className="font-medium">
          {demo ? t("useDemo") : t("useCluster", { context: source.kind === "context" ? source.context : "" })}
        </label>
        {demo && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-950" data-testid="advisor-cluster-demo-label">
            {t("demoLabel")}
          </span>
        )}
      </div>
      {!cluster && <p className="mt-1 text-[var(--muted-foreground)]">{demo ? t("demoHint") : t("hint")}</p>}
      {cluster && <Status report={report} facts={facts} demo={demo} />}
    </section>
  )
}

function Status({ report, facts, demo }: { report: ReportState; facts: ReturnType<typeof toClusterFacts> | undefined; demo: boolean }) {
  const t = useTranslations("advisor.cluster")
  if (report.state === "loading" || report.state === "idle") {
    return (
      <p className="mt-1" role="status">
        {t("loading")}
      </p>
    )
  }
  if (report.state === "error") {
    const reason =
      report.status === 403
        ? t("errors.forbidden")
        : report.status === 502
          ? t("errors.unreachable")
          : report.status === 504
            ? t("errors.timeout")
            : report.status === 503
              ? t("errors.unavailable")
              : report.status === 400
                ? t("errors.badContext")
                : t("errors.other")
    return (
      <div role="alert" className="mt-2 rounded border border-red-600 bg-red-50 p-2 text-red-950 dark:bg-red-950 dark:text-red-100" data-testid="advisor-cluster-error">
        <p className="font-semibold">{reason}</p>
        <p>{t("errors.detail", { status: report.status, message: report.message.slice(0, 300) })}</p>
        <p>{t("errors.stillWorks")}</p>
      </div>
    )
  }
  const context = report.report.context
  return (
    <p className="mt-1" role="status" data-testid="advisor-cluster-summary">
      {t(demo ? "usingDemo" : "using", {
        context,
        version: facts?.version ?? t("unknownVersion"),
        groups: facts?.crdGroups?.length ?? 0,
        webhooks: (facts?.validatingWebhooks?.length ?? 0) + (facts?.mutatingWebhooks?.length ?? 0),
      })}
    </p>
  )
}
