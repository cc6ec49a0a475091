"use client"

// The policy lab: edit a ValidatingAdmissionPolicy / MutatingAdmissionPolicy (or a CRD's
// x-kubernetes-validations), pick objects (built-in samples, pasted YAML, or a live cluster) and
// see what kube-apiserver of the chosen minor would answer, evaluated in the browser by
// Kubernetes' own libraries compiled to WebAssembly.
import { useTranslations } from "next-intl"
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react"

import { buildBundle, buildCases, DEFAULT_USER, objectKey, policyKindOf, resolveResource } from "@/lib/policy-lab/cases"
import { knownDifferencesFor } from "@/lib/policy-lab/known-differences"
import { locateField, parseObjects, splitPolicyDocuments, type ParseError, type PolicyBundleParts } from "@/lib/policy-lab/parse"
import { KUBERNETES_MINORS, outcomeOf, type CaseResult, type CompileResult, type K8sObject, type Minor, type Operation } from "@/lib/policy-lab/protocol"
import { OUTCOMES, rowFor, totals } from "@/lib/policy-lab/report"
import { resourcesForRules, type RuleLike } from "@/lib/policy-lab/resources"
import { samplesFor } from "@/lib/policy-lab/samples"
import { warmUpSteps } from "@/lib/policy-lab/warm-up"

import { CaseCard, OutcomeBadge } from "./case-card"
import { ENGINE_DOWNLOAD_BYTES, sharedEnginePool } from "./engine-pool"
import { LivePanel } from "./live-panel"
import { YamlEditor, type EditorMark, type YamlEditorHandle } from "./yaml-editor"

export type PolicyLabProps = {
  locale: "en" | "zh-CN"
  initialPolicy: string
  initialObjects?: string
  initialMinor?: Minor
  /** Inside a starter's "Try it" tab: no live mode, compact layout. */
  embedded?: boolean
  initialSource?: "live"
}

type Source = "samples" | "paste" | "live"
type EngineState = { phase: "loading" } | { phase: "ready"; ms: number } | { phase: "failed"; message: string }

type Evaluation = {
  compile: CompileResult
  objects: K8sObject[]
  results: CaseResult[]
  errors: { object: K8sObject; message: string }[]
  syntheticBinding: boolean
  syntheticNamespaces: string[]
  ms: number
  /** Where `ms` went: compile, building the requests, the workers (see EvaluationStats). */
  phases: { compileMs: number; casesMs: number; evaluateMs: number; engineMs: number; goMs: number; workers: number }
  finishedAt: number
}

function parseOne(text: string): { object?: K8sObject; errors: ParseError[] } {
  if (!text.trim()) return { errors: [] }
  const r = parseObjects(text)
  if (!r.ok) return { errors: r.errors }
  return { object: r.value[0]?.object, errors: [] }
}

function rulesOf(parts: PolicyBundleParts | undefined): RuleLike[] {
  const p = parts?.policy
  if (!p) return []
  if (p.kind === "CustomResourceDefinition") return []
  const mc = (p.spec as { matchConstraints?: { resourceRules?: RuleLike[] } } | undefined)?.matchConstraints
  return mc?.resourceRules ?? []
}


export function PolicyLab({ locale, initialPolicy, initialObjects, initialMinor = "1.37", embedded = false, initialSource }: PolicyLabProps) {
  const t = useTranslations("policyLab")
  const ids = { policy: useId(), paste: useId(), old: useId(), minor: useId(), op: useId(), user: useId(), groups: useId(), authz: useId(), source: useId(), filter: useId() }
  const [minor, setMinor] = useState<Minor>(initialMinor)
  const [policyText, setPolicyText] = useState(initialPolicy)
  const [source, setSource] = useState<Source>(initialSource === "live" && !embedded ? "live" : initialObjects ? "paste" : "samples")
  const [pasteText, setPasteText] = useState(initialObjects ?? "")
  const [operation, setOperation] = useState<Operation>("CREATE")
  const [oldText, setOldText] = useState("")
  const [username, setUsername] = useState(DEFAULT_USER.username)
  const [groupsText, setGroupsText] = useState((DEFAULT_USER.groups ?? []).join(", "))
  const [authzDefault, setAuthzDefault] = useState<"allow" | "deny">("allow")
  const [engine, setEngine] = useState<EngineState>({ phase: "loading" })
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null)
  const [evalError, setEvalError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [warmUpMs, setWarmUpMs] = useState<number>()
  const [open, setOpen] = useState<Set<number>>(new Set())
  const [filter, setFilter] = useState("")
  const editor = useRef<YamlEditorHandle>(null)
  const run = useRef(0)
  const startMinor = useRef(initialMinor)
  const engineStarted = useRef(0)

  useEffect(() => {
    const pool = sharedEnginePool()
    const started = performance.now()
    engineStarted.current = started
    pool
      .start()
      .then(() => setEngine({ phase: "ready", ms: performance.now() - started }))
      .catch((err: Error) => setEngine({ phase: "failed", message: err.message }))
    // The server's engine for live mode starts too (when it has a cluster to read): a cold start
    // takes a second or more, better spent while the policy is being written than after the click.
    fetch("/api/policy-lab/live", { cache: "no-store" }).catch(() => undefined)
  }, [])

  // While the page is idle the engine warms up (lib/policy-lab/warm-up.ts; when it ended is shown to
  // benchmarks), except in live mode: the server evaluates there, and the page needs its cores
  // for the report.
  const live = source === "live"
  useEffect(() => {
    if (engine.phase !== "ready" || live) return
    const pool = sharedEnginePool()
    let stopped = false
    void pool.warmUp(warmUpSteps(startMinor.current)).then((warm) => {
      if (warm && !stopped) setWarmUpMs(performance.now() - engineStarted.current)
    })
    return () => {
      stopped = true
      pool.stopWarmUp()
    }
  }, [engine.phase, live])

  // ------------------------------------------------------------ inputs

  const policyParse = useMemo(() => {
    const r = parseObjects(policyText)
    if (!r.ok) return { errors: r.errors }
    const split = splitPolicyDocuments(r.value.map((d) => d.object))
    if (!split.ok) return { errors: split.errors }
    return { parts: split.value, errors: [] as ParseError[] }
  }, [policyText])
  const parts = policyParse.parts
  const policyKind = parts?.policy ? policyKindOf(parts.policy) : undefined

  const matchedResources = useMemo(() => resourcesForRules(rulesOf(parts)), [parts])
  const samples = useMemo(() => samplesFor(matchedResources), [matchedResources])

  const pasteParse = useMemo(() => (source === "paste" && pasteText.trim() ? parseObjects(pasteText) : undefined), [source, pasteText])
  const oldParse = useMemo(() => parseOne(oldText), [oldText])

  const objects: K8sObject[] = useMemo(() => {
    if (source === "samples") {
      if (policyKind === "CustomResourceDefinition") return []
      return samples.map((s) => s.object)
    }
    if (source === "paste") return pasteParse?.ok ? pasteParse.value.map((d) => d.object) : []
    return []
  }, [source, samples, pasteParse, policyKind])

  const userInfo = useMemo(
    () => ({
      username: username.trim(),
      groups: groupsText
        .split(",")
        .map((g) => g.trim())
        .filter(Boolean),
    }),
    [username, groupsText],
  )

  // ------------------------------------------------------------ evaluation (debounced)

  const evaluate = useCallback(async () => {
    if (!parts?.policy || engine.phase !== "ready" || source === "live") return
    const id = ++run.current
    setBusy(true)
    setEvalError(null)
    const started = performance.now()
    try {
      const pool = sharedEnginePool()
      const bundle = buildBundle({ minor, parts, objects, authorizer: { default: authzDefault } })
      const compile = await pool.compile(bundle.request)
      const compiled = performance.now()
      const oldObjects = new Map<string, K8sObject>()
      if (oldParse.object) {
        const key = objectKey(oldParse.object)
        const target = objects.find((o) => objectKey(o) === key) ?? (objects.length === 1 ? objects[0] : undefined)
        if (target) oldObjects.set(objectKey(target), oldParse.object)
      }
      const built = buildCases(objects, { operation, userInfo, oldObjects, crds: bundle.request.crds ?? [] })
      const cases = built.flatMap((b) => (b.case ? [b.case] : []))
      const casesBuilt = performance.now()
      const results = cases.length ? await pool.evaluate(cases) : []
      const stats = cases.length ? pool.lastStats : undefined
      if (id !== run.current) return
      const byIndex = new Map(results.map((r) => [Number(r.id), r]))
      const kept: K8sObject[] = []
      const keptResults: CaseResult[] = []
      const errors: Evaluation["errors"] = []
      built.forEach((b, i) => {
        if (b.error) errors.push({ object: objects[i]!, message: b.error })
        else {
          kept.push(objects[i]!)
          keptResults.push(byIndex.get(i)!)
        }
      })
      const finishedAt = performance.now()
      const phases = {
        compileMs: compiled - started,
        casesMs: casesBuilt - compiled,
        evaluateMs: stats?.wallMs ?? 0,
        engineMs: stats?.engineMs ?? 0,
        goMs: stats?.casesMs ?? 0,
        workers: stats?.workers ?? 0,
      }
      setEvaluation({ compile, objects: kept, results: keptResults, errors, syntheticBinding: bundle.syntheticBinding, syntheticNamespaces: bundle.syntheticNamespaces, ms: finishedAt - started, phases, finishedAt })
      // The version select is usually moved a step: have those minors compiled (not evaluated).
      const at = KUBERNETES_MINORS.indexOf(minor)
      void pool.precompile([KUBERNETES_MINORS[at - 1], KUBERNETES_MINORS[at + 1]].filter((m) => m !== undefined))
    } catch (err) {
      if (id === run.current) setEvalError((err as Error).message)
    } finally {
      if (id === run.current) setBusy(false)
    }
  }, [parts, engine.phase, source, minor, objects, authzDefault, oldParse.object, operation, userInfo])

  useEffect(() => {
    const timer = setTimeout(() => void evaluate(), 300)
    return () => clearTimeout(timer)
  }, [evaluate])

  // Time from the results to the next paint of the list, for `npm run bench:policy-lab` (set on
  // the DOM directly: a state update would itself re-render).
  const summaryRef = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const el = summaryRef.current
    if (!el || !evaluation) return
    delete el.dataset.paintMs
    const frame = requestAnimationFrame(() => setTimeout(() => (el.dataset.paintMs = String(Math.round(performance.now() - evaluation.finishedAt)))))
    return () => cancelAnimationFrame(frame)
  }, [evaluation])

  // ------------------------------------------------------------ derived output

  const diagnostics = evaluation?.compile.diagnostics ?? []
  const marks: EditorMark[] = [
    ...policyParse.errors.filter((e) => e.line).map((e) => ({ line: e.line!, column: e.column, message: e.message })),
    ...diagnostics
      .map((d) => {
        const at = evaluation ? locateField(policyText, evaluation.compile.kind, d.path, d.line ?? 1) : undefined
        return at ? { line: at.line, message: d.message } : undefined
      })
      .filter((m): m is EditorMark => !!m),
  ]
  const rows = evaluation ? evaluation.results.map((r, i) => rowFor(evaluation.objects[i]!, r)) : []
  const counts = totals(rows)
  const shownIndexes = evaluation
    ? evaluation.results
        .map((r, i) => ({ r, i }))
        .filter(({ r, i }) => {
          if (!filter.trim()) return true
          const o = evaluation.objects[i]!
          return `${o.kind} ${o.metadata?.namespace ?? ""} ${o.metadata?.name ?? ""} ${outcomeOf(r)}`.toLowerCase().includes(filter.trim().toLowerCase())
        })
        .map(({ i }) => i)
    : []

  const toggle = (i: number) =>
    setOpen((s) => {
      const n = new Set(s)
      if (n.has(i)) n.delete(i)
      else n.add(i)
      return n
    })

  const known = knownDifferencesFor(minor)

  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="policy-lab" data-engine={engine.phase} data-busy={busy ? "1" : "0"} data-warm-up-ms={warmUpMs === undefined ? undefined : Math.round(warmUpMs)}>
      <section className="grid content-start gap-3" aria-label={t("inputs")}>
        <div className="flex flex-wrap items-end gap-3">
          <div className="grid gap-1">
            <label htmlFor={ids.minor} className="text-sm font-medium">
              {t("minor")}
            </label>
            <select id={ids.minor} value={minor} onChange={(e) => setMinor(e.target.value as Minor)} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm">
              {KUBERNETES_MINORS.map((m) => (
                <option key={m} value={m}>
                  Kubernetes {m}
                </option>
              ))}
            </select>
          </div>
          <p className="text-xs text-[var(--muted-foreground)]" data-testid="engine-status">
            {engine.phase === "loading"
              ? t("engine.loading", { mb: (ENGINE_DOWNLOAD_BYTES / 1e6).toFixed(1) })
              : engine.phase === "ready"
                ? t("engine.ready", { seconds: (engine.ms / 1000).toFixed(1) })
                : t("engine.failed", { message: engine.message })}
          </p>
        </div>

        <YamlEditor
          ref={editor}
          id={ids.policy}
          testId="policy-editor"
          label={t("policyLabel")}
          value={policyText}
          onChange={setPolicyText}
          marks={marks}
          rows={embedded ? 16 : 22}
          describedBy={`${ids.policy}-errors`}
        />
        <div id={`${ids.policy}-errors`} aria-live="polite">
          {policyParse.errors.length ? (
            <ul data-testid="policy-errors" className="grid gap-1 text-sm text-red-700 dark:text-red-300">
              {policyParse.errors.map((e, i) => (
                <li key={i}>
                  {e.line ? t("atLine", { line: e.line, column: e.column ?? 1 }) : null} {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>

        <fieldset className="grid gap-2 rounded-md border border-[var(--border)] p-3">
          <legend className="px-1 text-sm font-medium">{t("objects")}</legend>
          <div role="radiogroup" aria-label={t("objectSource")} className="flex flex-wrap gap-3 text-sm">
            {(["samples", "paste", ...(embedded ? [] : ["live"])] as Source[]).map((s) => (
              <label key={s} className="inline-flex items-center gap-1">
                <input type="radio" name={ids.source} value={s} checked={source === s} onChange={() => setSource(s)} />
                {t(`source.${s}`)}
              </label>
            ))}
          </div>
          {source === "samples" ? (
            <p className="text-xs text-[var(--muted-foreground)]" data-testid="samples-note">
              {policyKind === "CustomResourceDefinition"
                ? t("samplesCrd")
                : samples.length
                  ? t("samplesFor", { kinds: [...new Set(samples.map((s) => s.object.kind))].join(", ") })
                  : t("noSamples")}
            </p>
          ) : null}
          {source === "paste" ? (
            <>
              <YamlEditor id={ids.paste} testId="paste-editor" label={t("pasteLabel")} value={pasteText} onChange={setPasteText} rows={10} marks={pasteParse && !pasteParse.ok ? pasteParse.errors.filter((e) => e.line).map((e) => ({ line: e.line!, message: e.message })) : []} />
              {pasteParse && !pasteParse.ok ? (
                <ul data-testid="paste-errors" className="text-sm text-red-700 dark:text-red-300">
                  {pasteParse.errors.map((e, i) => (
                    <li key={i}>
                      {e.line ? t("atLine", { line: e.line, column: e.column ?? 1 }) : null} {e.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
          {source !== "live" ? (
            <div className="grid gap-2 sm:grid-cols-2">
              <div className="grid gap-1">
                <label htmlFor={ids.op} className="text-sm font-medium">
                  {t("operation")}
                </label>
                <select id={ids.op} value={operation} onChange={(e) => setOperation(e.target.value as Operation)} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm">
                  {(["CREATE", "UPDATE", "DELETE"] as Operation[]).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </div>
              <div className="grid gap-1">
                <label htmlFor={ids.authz} className="text-sm font-medium">
                  {t("authorizer")}
                </label>
                <select id={ids.authz} value={authzDefault} onChange={(e) => setAuthzDefault(e.target.value as "allow" | "deny")} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm">
                  <option value="allow">{t("authzAllow")}</option>
                  <option value="deny">{t("authzDeny")}</option>
                </select>
              </div>
              <div className="grid gap-1">
                <label htmlFor={ids.user} className="text-sm font-medium">
                  {t("username")}
                </label>
                <input id={ids.user} value={username} onChange={(e) => setUsername(e.target.value)} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm" />
              </div>
              <div className="grid gap-1">
                <label htmlFor={ids.groups} className="text-sm font-medium">
                  {t("groups")}
                </label>
                <input id={ids.groups} value={groupsText} onChange={(e) => setGroupsText(e.target.value)} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm" />
              </div>
            </div>
          ) : null}
          {source !== "live" && operation === "UPDATE" ? (
            <>
              <YamlEditor id={ids.old} testId="old-editor" label={t("oldObject")} value={oldText} onChange={setOldText} rows={8} marks={oldParse.errors.filter((e) => e.line).map((e) => ({ line: e.line!, message: e.message }))} />
              <p className="text-xs text-[var(--muted-foreground)]">{oldParse.errors.length ? oldParse.errors.map((e) => e.message).join("; ") : t("oldObjectHelp")}</p>
            </>
          ) : null}
        </fieldset>
        <details className="rounded-md border border-[var(--border)] p-3 text-sm" data-testid="known-differences">
          <summary className="cursor-pointer font-medium">{t("knownDifferences", { count: known.length })}</summary>
          <ul className="mt-2 grid list-disc gap-2 pl-5 text-xs">
            {known.map((d) => (
              <li key={d.id} data-difference={d.id}>
                {locale === "zh-CN" ? d.zh : d.en}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-[var(--muted-foreground)]">{t("differentialNote")}</p>
        </details>
      </section>

      <section className="grid content-start gap-3" aria-label={t("results")} aria-live="polite" aria-busy={busy}>
        {source === "live" && parts?.policy ? (
          <LivePanel minor={minor} parts={parts} userInfo={userInfo} />
        ) : source === "live" ? (
          <p className="text-sm">{t("livePolicyFirst")}</p>
        ) : null}
        {evalError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="eval-error">
            {evalError}
          </p>
        ) : null}
        {source !== "live" && evaluation ? (
          <>
            {diagnostics.length ? (
              <div className="rounded-md border border-red-300 p-3 dark:border-red-800" data-testid="diagnostics">
                <h3 className="text-sm font-semibold">{t("diagnostics", { minor })}</h3>
                <ul className="mt-1 grid gap-1 text-sm">
                  {diagnostics.map((d, i) => {
                    const at = locateField(policyText, evaluation.compile.kind, d.path, d.line ?? 1)
                    const line = at?.line
                    return (
                      <li key={i} data-phase={d.phase} data-severity={d.severity} className={d.severity === "error" ? "text-red-700 dark:text-red-300" : "text-amber-800 dark:text-amber-300"}>
                        <span className="mr-1 rounded bg-[var(--muted)] px-1 text-xs text-[var(--foreground)]">{t(`phase.${d.phase}`)}</span>
                        {line ? (
                          <button type="button" className="mr-1 underline" onClick={() => editor.current?.focusLine(line, at?.column)}>
                            {t("atLine", { line, column: d.column ?? 1 })}
                          </button>
                        ) : null}
                        <span className="break-words">{d.message}</span>
                      </li>
                    )
                  })}
                </ul>
              </div>
            ) : (
              <p className="text-sm text-green-700 dark:text-green-300" data-testid="compiles">
                {t("compiles", { minor, kind: evaluation.compile.kind })}
              </p>
            )}
            {evaluation.syntheticBinding ? <p className="text-xs text-[var(--muted-foreground)]">{t("syntheticBinding")}</p> : null}
            {evaluation.syntheticNamespaces.length ? <p className="text-xs text-[var(--muted-foreground)]">{t("syntheticNamespaces", { names: evaluation.syntheticNamespaces.join(", ") })}</p> : null}
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">{t("costs")}</summary>
              <table className="mt-1 w-full text-xs">
                <thead>
                  <tr className="text-left text-[var(--muted-foreground)]">
                    <th className="pr-2 font-medium">{t("path")}</th>
                    <th className="pr-2 font-medium">{t("estimated")}</th>
                    <th className="font-medium">{t("limit")}</th>
                  </tr>
                </thead>
                <tbody>
                  {evaluation.compile.expressions.map((x) => (
                    <tr key={x.path} className="border-t border-[var(--border)]" data-over={x.estimatedMax !== undefined && x.estimatedMax > x.limit ? "1" : "0"}>
                      <td className="py-0.5 pr-2 font-mono">{x.path}</td>
                      <td className={`pr-2 tabular-nums ${x.estimatedMax !== undefined && x.estimatedMax > x.limit ? "text-amber-700 dark:text-amber-300" : ""}`}>
                        {x.runtimeError ? t("doesNotCompile") : x.estimatedMax !== undefined ? `${(x.estimatedMin ?? 0).toLocaleString("en-US")} – ${x.estimatedMax.toLocaleString("en-US")}` : "–"}
                      </td>
                      <td className="tabular-nums">{x.limit.toLocaleString("en-US")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="mt-1 text-xs text-[var(--muted-foreground)]">{policyKind === "CustomResourceDefinition" ? t("costNoteCrd") : t("costNote")}</p>
            </details>
            <div
              ref={summaryRef}
              className="flex flex-wrap items-center gap-2 text-sm"
              data-testid="summary"
              data-compile-ms={Math.round(evaluation.phases.compileMs)}
              data-cases-ms={Math.round(evaluation.phases.casesMs)}
              data-evaluate-ms={Math.round(evaluation.phases.evaluateMs)}
              data-engine-ms={Math.round(evaluation.phases.engineMs)}
              data-go-ms={Math.round(evaluation.phases.goMs)}
              data-workers={evaluation.phases.workers}
            >
              {OUTCOMES.filter((o) => counts[o] > 0).map((o) => (
                <span key={o} className="inline-flex items-center gap-1">
                  <OutcomeBadge outcome={o} /> <span data-count={o}>{counts[o]}</span>
                </span>
              ))}
              <span className="text-xs text-[var(--muted-foreground)]">{t("evaluatedIn", { count: rows.length, ms: Math.round(evaluation.ms) })}</span>
            </div>
            {rows.length > 6 ? (
              <div className="grid gap-1">
                <label htmlFor={ids.filter} className="text-sm font-medium">
                  {t("filter")}
                </label>
                <input id={ids.filter} value={filter} onChange={(e) => setFilter(e.target.value)} className="rounded border border-[var(--border)] bg-[var(--card)] px-2 py-1 text-sm" />
              </div>
            ) : null}
            <div className="grid gap-2" data-testid="cases">
              {shownIndexes.slice(0, 200).map((i) => {
                const o = evaluation.objects[i]!
                const r = evaluation.results[i]!
                const res = resolveResource(o, parts?.crds ?? [])
                const title = `${o.kind} ${res?.namespaced ? `${o.metadata?.namespace ?? "default"}/` : ""}${o.metadata?.name ?? ""}`
                return <CaseCard key={i} title={title} object={o} result={r} open={open.has(i)} onToggle={() => toggle(i)} />
              })}
              {shownIndexes.length > 200 ? <p className="text-xs">{t("moreHidden", { count: shownIndexes.length - 200 })}</p> : null}
              {evaluation.errors.map((e, i) => (
                <p key={`e${i}`} data-testid="object-error" className="text-sm text-red-700 dark:text-red-300">
                  {e.object.kind} {e.object.metadata?.name}: {e.message}
                </p>
              ))}
              {!rows.length && !evaluation.errors.length ? <p className="text-sm text-[var(--muted-foreground)]">{t("noObjects")}</p> : null}
            </div>
          </>
        ) : null}
      </section>
    </div>
  )
}
