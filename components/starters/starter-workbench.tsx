"use client"

// The starter page: options form with inline validation, a live Explore pane (file tree +
// highlighted file), zip download, share link, Ctrl/Cmd+Enter, remembered options with reset.
//
// The server renders the files of the options the page starts with (`initial`); the browser loads
// the chosen starter's generator (lib/starters/loaders.ts) when the options change or the user is
// about to change them, and the zip writer when the user downloads.
import dynamic from "next/dynamic"
import { useTranslations } from "next-intl"
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react"

import type { FeatureState, KubernetesMinor, Locale, MechanismId } from "@/lib/catalog/types"
import type { FieldSpec } from "@/lib/starters/registry"
import { loadStarterRunner, type StarterRunner } from "@/lib/starters/loaders"
import type { GenerateResult } from "@/lib/starters/run"
import type { FieldError, StarterOutput } from "@/lib/starters/types"
import { isLabStarter } from "@/lib/policy-lab/starter-input"

import { ClusterConflictsNotice } from "./cluster-conflicts-notice"
import { ExplorePane } from "./explore-pane"
import { queryFromValues, sameValues, type RawValues } from "./option-values"
import { useStarterOptions } from "./use-starter-options"

/** The options the server rendered with and their result (`failure` stays on the server). */
export type InitialStarter = { values: RawValues; result: { ok: true; value: StarterOutput } | { ok: false; errors: FieldError[] } }

// The policy lab ("Try it" tab of the VAP, MAP and CRD starters) loads only when the tab is opened.
const TryItPane = dynamic(() => import("@/components/policy-lab/try-it-pane"), { ssr: false, loading: () => <TryItLoading /> })

function TryItLoading() {
  const t = useTranslations("policyLab.tryIt")
  return <p className="mt-3 text-sm">{t("loading")}</p>
}

type Props = {
  mechanism: MechanismId
  fields: FieldSpec[]
  locale: Locale
  /** Minors the verification matrix has not verified (marked in the target selector). */
  unverified?: readonly KubernetesMinor[]
  /** The mechanism's feature state per minor (the target selector's labels and note). */
  minorStates: Partial<Record<KubernetesMinor, FeatureState>>
  initial: InitialStarter
}

/** The chosen starter's generator, loaded once `wanted` (undefined until then). */
function useGenerator(mechanism: MechanismId, wanted: boolean): StarterRunner | undefined {
  const [loaded, setLoaded] = useState<{ run: StarterRunner } | undefined>(undefined)
  useEffect(() => {
    if (!wanted || loaded) return
    let live = true
    loadStarterRunner(mechanism).then(
      (run) => live && setLoaded({ run }),
      (error: unknown) => console.error(`The ${mechanism} generator could not be loaded:`, error),
    )
    return () => {
      live = false
    }
  }, [mechanism, wanted, loaded])
  return loaded?.run
}

/**
 * Options that only matter while a switch is on: shown disabled (their value kept) when it is off.
 * Mirrors the generators, which read these options only under that switch.
 */
const DEPENDS_ON: Partial<Record<MechanismId, Record<string, string>>> = {
  "validating-admission-policy": { group: "params", paramKind: "params" },
  "image-credential-provider": { audience: "serviceAccountToken" },
}

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text)
  const area = document.createElement("textarea")
  area.value = text
  area.style.position = "fixed"
  area.style.opacity = "0"
  document.body.appendChild(area)
  area.select()
  const ok = document.execCommand("copy")
  area.remove()
  if (!ok) throw new Error("copy failed")
}

export function StarterWorkbench({ mechanism, fields, locale, unverified = [], minorStates, initial }: Props) {
  const t = useTranslations("starters")
  const tLab = useTranslations("policyLab.tryIt")
  const { values, setValue, reset, origin, ready } = useStarterOptions(mechanism, fields, initial.values)
  const [status, setStatus] = useState("")
  const [lastGood, setLastGood] = useState<StarterOutput | undefined>(initial.result.ok ? initial.result.value : undefined)
  const [pane, setPane] = useState<"explore" | "try">("explore")
  const labStarter = isLabStarter(mechanism) ? mechanism : undefined

  // The server's files while the options are the ones it rendered; otherwise the generator's.
  const isInitial = sameValues(values, initial.values)
  const [intent, setIntent] = useState(false)
  const generator = useGenerator(mechanism, intent || !isInitial)
  const result: GenerateResult | undefined = useMemo(
    () => (isInitial ? initial.result : generator ? generator(values, { locale }) : undefined),
    [isInitial, initial.result, generator, values, locale],
  )
  // Remember the last valid output (React's "state from previous renders" pattern) so the
  // Explore pane keeps showing files while an option is being corrected (or the generator loads).
  if (result?.ok && lastGood !== result.value) setLastGood(result.value)
  const output = result?.ok ? result.value : lastGood
  const errors = useMemo(() => {
    const byField = new Map<string, FieldError>()
    if (result && !result.ok) for (const e of result.errors) if (!byField.has(e.field)) byField.set(e.field, e)
    return byField
  }, [result])
  // About to edit (pointer over the form, focus in it): load the generator and the zip writer now.
  const prepare = useCallback(() => {
    setIntent(true)
    import("@/lib/starters/zip").catch(() => undefined)
  }, [])
  // The result for the current options, waiting for the generator if it is still loading.
  const valuesRef = useRef(values)
  useEffect(() => {
    valuesRef.current = values
  })
  const currentResult = async (): Promise<GenerateResult> =>
    result ?? (await loadStarterRunner(mechanism))(valuesRef.current, { locale })

  useEffect(() => {
    if (!ready) return
    // eslint-disable-next-line react-hooks/set-state-in-effect -- announce where the options came from, once
    if (origin === "link") setStatus(t("workbench.loadedFromLink"))
    else if (origin === "stored") setStatus(t("workbench.restored"))
  }, [ready, origin, t])

  const download = async () => {
    const [r, { zipStarter, zipFileName }] = await Promise.all([currentResult(), import("@/lib/starters/zip")])
    if (!r.ok) {
      setStatus(t("workbench.invalid"))
      return
    }
    const bytes = zipStarter(r.value)
    const blob = new Blob([bytes as BlobPart], { type: "application/zip" })
    const url = URL.createObjectURL(blob)
    const a = document.createElement("a")
    a.href = url
    a.download = zipFileName(r.value)
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    setStatus(t("workbench.downloaded", { file: zipFileName(r.value) }))
  }

  const downloadRef = useRef(download)
  useEffect(() => {
    downloadRef.current = download
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        void downloadRef.current()
      }
    }
    window.addEventListener("keydown", onKey)
    return () => window.removeEventListener("keydown", onKey)
  }, [])

  const share = async () => {
    const url = `${window.location.origin}${window.location.pathname}?${queryFromValues(fields, values)}`
    try {
      await writeClipboard(url)
      setStatus(t("workbench.shareCopied"))
    } catch {
      setStatus(t("workbench.copyFailed"))
    }
  }

  const copyFile = async (path: string, content: string) => {
    try {
      await writeClipboard(content)
      setStatus(t("workbench.fileCopied", { path }))
    } catch {
      setStatus(t("workbench.copyFailed"))
    }
  }

  const errorText = (e: FieldError) => {
    const key = `errors.${e.key}` as "errors.invalid"
    return t.has(key) ? t(key, (e.params ?? {}) as Record<string, string>) : e.message
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(18rem,22rem)_1fr]">
      <section aria-labelledby="starter-options" className="min-w-0">
        <h2 id="starter-options" className="text-lg font-bold">
          {t("workbench.options")}
        </h2>
        <form
          className="mt-3 space-y-4"
          noValidate
          onPointerEnter={prepare}
          onFocusCapture={prepare}
          onTouchStartCapture={prepare}
          onSubmit={(e) => {
            e.preventDefault()
            void download()
          }}
        >
          {fields.map((f) => {
            const dependsOn = DEPENDS_ON[mechanism]?.[f.name]
            return (
              <OptionField
                key={f.name}
                field={f}
                locale={locale}
                unverified={unverified}
                minorStates={minorStates}
                value={values[f.name]}
                error={errors.get(f.name)}
                errorText={errorText}
                onChange={(v) => setValue(f.name, v)}
                disabledBy={dependsOn !== undefined && values[dependsOn] !== true ? dependsOn : undefined}
              />
            )
          })}
          {[...errors.values()]
            .filter((e) => !fields.some((f) => f.name === e.field))
            .map((e) => (
              <p key={e.field} data-testid="form-error" className="text-sm text-red-700 dark:text-red-400">
                {e.field ? `${e.field}: ` : null}
                {errorText(e)}
              </p>
            ))}
          <div className="flex flex-wrap gap-2 pt-2">
            <button
              type="submit"
              data-testid="download"
              aria-disabled={result ? !result.ok : undefined}
              className="rounded-md bg-brand-strong px-4 py-2 text-sm font-semibold text-white hover:bg-brand aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            >
              {t("workbench.download")}
            </button>
            <button
              type="button"
              data-testid="share"
              onClick={share}
              className="rounded-md border border-[var(--border)] px-4 py-2 text-sm font-semibold hover:bg-[var(--muted)]"
            >
              {t("workbench.share")}
            </button>
            <button
              type="button"
              data-testid="reset"
              onClick={() => {
                reset()
                setStatus(t("workbench.resetDone"))
              }}
              className="rounded-md border border-[var(--border)] px-4 py-2 text-sm font-semibold hover:bg-[var(--muted)]"
            >
              {t("workbench.reset")}
            </button>
          </div>
          <p className="text-xs text-[var(--muted-foreground)]">{t("workbench.shortcut")}</p>
          {result && !result.ok ? (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              {t("workbench.invalid")}
            </p>
          ) : null}
        </form>
        <p role="status" aria-live="polite" data-testid="status" className="mt-3 min-h-5 text-sm">
          {status}
        </p>
        <ClusterConflictsNotice mechanism={mechanism} values={values} />
      </section>

      <section aria-labelledby="starter-explore" className="min-w-0">
        <h2 id="starter-explore" className="text-lg font-bold">
          {t("workbench.explore")}
          {output ? (
            <span className="ml-2 text-sm font-normal text-[var(--muted-foreground)]">
              {output.root}/ · {t("workbench.fileCount", { count: output.files.length })}
            </span>
          ) : null}
        </h2>
        {result && !result.ok && output ? <p className="mt-1 text-sm text-[var(--muted-foreground)]">{t("workbench.staleFiles")}</p> : null}
        {labStarter ? (
          <div role="tablist" aria-label={t("workbench.explore")} className="mt-2 flex gap-1 border-b border-[var(--border)]">
            {(["explore", "try"] as const).map((p) => (
              <button
                key={p}
                type="button"
                role="tab"
                aria-selected={pane === p}
                data-testid={`pane-${p}`}
                onClick={() => setPane(p)}
                className={`-mb-px rounded-t-md border px-3 py-1.5 text-sm font-semibold ${pane === p ? "border-[var(--border)] border-b-[var(--background)] bg-[var(--background)]" : "border-transparent text-[var(--muted-foreground)] hover:bg-[var(--muted)]"}`}
              >
                {p === "explore" ? t("workbench.explore") : tLab("tab")}
              </button>
            ))}
          </div>
        ) : null}
        {output && labStarter && pane === "try" ? (
          <TryItPane mechanism={labStarter} files={output.files} minor={typeof values.k8s === "string" ? values.k8s : undefined} locale={locale} />
        ) : output ? (
          <ExplorePane output={output} onCopy={copyFile} />
        ) : null}
      </section>
    </div>
  )
}

type FieldProps = {
  field: FieldSpec
  locale: Locale
  unverified: readonly KubernetesMinor[]
  minorStates: Props["minorStates"]
  value: string | boolean | undefined
  error: FieldError | undefined
  errorText: (e: FieldError) => string
  onChange: (v: string | boolean) => void
  /** The switch that is off and makes this option irrelevant. */
  disabledBy?: string
}

function OptionField({ field, locale, unverified, minorStates, value, error, errorText, onChange, disabledBy }: FieldProps) {
  const t = useTranslations("starters")
  const id = useId()
  const labelKey = `fields.${field.name}.label` as "fields.name.label"
  const helpKey = `fields.${field.name}.help` as "fields.name.help"
  const label = t.has(labelKey) ? t(labelKey) : field.name
  const help = t.has(helpKey) ? t(helpKey) : undefined
  const switchKey = `fields.${disabledBy ?? ""}.label` as "fields.name.label"
  const dependsNote = disabledBy ? t("workbench.dependsOn", { switch: t.has(switchKey) ? t(switchKey) : disabledBy }) : undefined
  const describedBy = [help ? `${id}-help` : "", dependsNote ? `${id}-depends` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  const optionLabel = (v: string) => {
    const key = `fields.${field.name}.options.${v}` as "fields.name.label"
    return t.has(key) ? t(key) : v
  }
  const inputClass = `mt-1 w-full rounded-md border bg-[var(--background)] px-2 py-1.5 text-sm disabled:cursor-not-allowed disabled:opacity-60 ${
    error ? "border-red-600" : "border-[var(--border)]"
  }`

  let control: React.ReactNode
  if (field.kind === "boolean") {
    control = (
      <input
        id={id}
        name={field.name}
        type="checkbox"
        className="size-4 shrink-0"
        checked={value === true}
        aria-invalid={!!error}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.checked)}
      />
    )
  } else if (field.kind === "select") {
    control = (
      <select
        id={id}
        name={field.name}
        className={inputClass}
        value={String(value ?? "")}
        disabled={disabledBy !== undefined}
        aria-invalid={!!error}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        {/* An invalid value from a link stays visible instead of silently switching. */}
        {value !== undefined && !field.values?.includes(String(value)) ? <option value={String(value)}>{String(value)}</option> : null}
        {field.values?.map((v) => (
          <option key={v} value={v}>
            {field.name === "k8s" ? minorLabel(minorStates[v as KubernetesMinor], v, t, unverified) : optionLabel(v)}
          </option>
        ))}
      </select>
    )
  } else {
    control = (
      <input
        id={id}
        name={field.name}
        type="text"
        inputMode={field.kind === "number" ? "numeric" : undefined}
        spellCheck={false}
        autoComplete="off"
        className={inputClass}
        value={String(value ?? "")}
        disabled={disabledBy !== undefined}
        aria-invalid={!!error}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    )
  }

  const stateNote = field.name === "k8s" && typeof value === "string" ? minorNote(minorStates[value as KubernetesMinor], value, t, locale) : undefined
  return (
    <div data-field={field.name} data-disabled={disabledBy !== undefined || undefined}>
      {field.kind === "boolean" ? (
        // A switch reads as one line: the box, then its label.
        <div className="flex items-center gap-2">
          {control}
          <label htmlFor={id} className="text-sm font-semibold">
            {label}
          </label>
        </div>
      ) : (
        <>
          <label htmlFor={id} className={`block text-sm font-semibold ${disabledBy ? "text-[var(--muted-foreground)]" : ""}`}>
            {label}
          </label>
          {control}
        </>
      )}
      {dependsNote ? (
        <p id={`${id}-depends`} className="mt-1 text-xs text-[var(--muted-foreground)]">
          {dependsNote}
        </p>
      ) : null}
      {help ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-[var(--muted-foreground)]">
          {help}
        </p>
      ) : null}
      {stateNote ? <p className="mt-1 text-xs" data-testid="state-note">{stateNote}</p> : null}
      {error ? (
        <p id={`${id}-error`} data-testid={`error-${field.name}`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errorText(error)}
        </p>
      ) : null}
    </div>
  )
}

type T = ReturnType<typeof useTranslations<"starters">>

function minorLabel(s: FeatureState | undefined, minor: string, t: T, unverified: readonly KubernetesMinor[]): string {
  const mark = unverified.includes(minor as KubernetesMinor) ? ` · ⚠ ${t("matrix.unverifiedOption")}` : ""
  return s ? `${minor} · ${t(`maturity.${s.maturity}`)}${mark}` : `${minor}${mark}`
}

function minorNote(s: FeatureState | undefined, minor: string, t: T, locale: Locale): string | undefined {
  if (!s) return undefined
  const flags = [s.featureGate && !s.enabledByDefault ? `--feature-gates=${s.featureGate}=true` : "", s.runtimeConfig ? `--runtime-config=${s.runtimeConfig}` : ""]
    .filter(Boolean)
    .join(" ")
  // Each message is a whole sentence with its own punctuation; Chinese sentences are joined without spaces.
  const sentences = [
    t("workbench.state", { maturity: t(`maturity.${s.maturity}`), minor }),
    !s.enabledByDefault && flags ? t("workbench.needsEnabling", { minor, flags }) : undefined,
    s.note?.[locale],
  ].filter((x): x is string => Boolean(x))
  return sentences.join(locale === "zh-CN" ? "" : " ")
}

export type { RawValues }
