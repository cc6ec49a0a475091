"use client"

import { useLocale, useTranslations } from "next-intl"

import { Link } from "@/components/shell/locale-link"
import { starterHref } from "@/lib/advisor/links"
import type { MechanismView, OutcomeView } from "@/lib/advisor/types"
import type { KubernetesMinor, Locale } from "@/lib/catalog/types"

import { useStarterTargets, type AdvisorView } from "./advisor-provider"
import { RichText } from "./rich-text"

function StateBadges({ view, minor }: { view: MechanismView; minor: KubernetesMinor }) {
  const t = useTranslations("advisor.result")
  const locale = useLocale() as Locale
  const s = view.state
  const on = view.enabledInCluster ? t("enabledInCluster") : s.enabledByDefault ? t("onByDefault") : t("offByDefault")
  const tone =
    view.availability === "available" || view.enabledInCluster
      ? "border-emerald-600 text-emerald-900 dark:text-emerald-200"
      : "border-amber-600 text-amber-950 dark:text-amber-200"
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-[var(--muted-foreground)]">{t("state", { minor })}</dt>
      <dd data-testid="feature-state">
        <span className={`rounded border px-1.5 py-0.5 text-xs font-medium ${tone}`}>
          {s.maturity === "unavailable" ? t("maturity.unavailable") : t("stateWithDefault", { maturity: t(`maturity.${s.maturity}`), onOff: on })}
        </span>
        {s.featureGate && s.maturity !== "ga" && <span className="ml-2 break-all text-xs">{t("gate", { gate: s.featureGate })}</span>}
        {s.runtimeConfig && !s.enabledByDefault && (
          <code className="ml-2 break-all text-xs">{t("runtimeConfig", { value: s.runtimeConfig })}</code>
        )}
        {s.note && <p className="mt-1 text-xs text-[var(--muted-foreground)]">{s.note[locale]}</p>}
      </dd>
      <dt className="text-[var(--muted-foreground)]">{t("managed")}</dt>
      <dd data-testid="managed-availability">
        <span className="font-medium">{t(`managedAvailability.${view.managed.availability}`)}</span>
        <p className="text-xs text-[var(--muted-foreground)]">{view.managed.note[locale]}</p>
      </dd>
    </dl>
  )
}

function MechanismCard({ names, view, minor, primary }: { names: AdvisorView; view: MechanismView; minor: KubernetesMinor; primary?: boolean }) {
  const t = useTranslations("advisor.result")
  const tLab = useTranslations("policyLab.link")
  const locale = useLocale() as Locale
  const m = names.mechanism(view.id)
  const name = m.name[locale]
  // A mechanism without a starter offers its replacement's, or none (never a link to a 404).
  const starter = useStarterTargets()[view.id]
  return (
    <article
      className={`rounded-md border p-3 ${primary ? "border-brand bg-blue-50/60 dark:bg-blue-950/40" : "border-[var(--border)]"}`}
      data-testid={primary ? "primary-mechanism" : "other-mechanism"}
      data-mechanism-id={view.id}
      data-role={view.role}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="font-semibold">{name}</h4>
        <span className="text-xs uppercase tracking-wide text-[var(--muted-foreground)]">{t(`role.${view.role}`)}</span>
      </div>
      <p className="mt-1 text-sm">{m.summary[locale]}</p>
      <StateBadges view={view} minor={minor} />
      <div className="mt-2 flex flex-wrap gap-3 text-sm">
        <Link
          href={`/mechanisms/${view.id}`}
          className="font-medium text-brand-strong underline dark:text-blue-300"
          aria-label={t("guideFor", { name })}
          data-testid="guide-link"
        >
          {t("guide")}
        </Link>
        {starter && (
          <Link
            href={starterHref(starter, minor)}
            className="font-medium text-brand-strong underline dark:text-blue-300"
            aria-label={starter === view.id ? t("starterFor", { name, minor }) : undefined}
            data-testid="starter-link"
          >
            {starter === view.id ? t("starter") : t("starterReplacement", { name: names.mechanism(starter).name[locale] })}
          </Link>
        )}
        {view.id === "validating-admission-policy" || view.id === "mutating-admission-policy" ? (
          <Link
            href={`/policy-lab?from=${view.id}&source=live`}
            className="font-medium text-brand-strong underline dark:text-blue-300"
            data-testid="policy-lab-link"
          >
            {tLab("advisor")}
          </Link>
        ) : null}
      </div>
    </article>
  )
}

export function ResultPanel({
  view,
  outcome,
  minor,
  headingRef,
  headingId,
}: {
  view: AdvisorView
  outcome: OutcomeView
  minor: KubernetesMinor
  headingRef?: React.Ref<HTMLHeadingElement>
  headingId?: string
}) {
  const t = useTranslations("advisor.result")
  const locale = useLocale() as Locale
  const node = outcome.node
  const simplerId = node.simpler.mechanism
  const simpler = simplerId ? { id: simplerId, ...view.mechanism(simplerId) } : undefined
  return (
    <div className="rounded-lg border border-[var(--border)] bg-[var(--card)] p-4 shadow-sm" data-testid="advisor-result" data-outcome-id={node.id}>
      <p className="text-sm text-[var(--muted-foreground)]">{t("heading", { minor })}</p>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="mt-1 text-xl font-bold" data-testid="advisor-outcome-title">
        {outcome.title[locale]}
      </h3>
      <p className="mt-2 text-sm">
        <RichText text={outcome.summary[locale]} />
      </p>

      {node.builtIn && (
        <div className="mt-3 rounded-md border border-emerald-600 p-3 text-sm">
          <p className="font-semibold">
            {t("builtIn")}: {node.builtIn.name[locale]}
          </p>
          <p className="mt-1">
            <RichText text={node.builtIn.how[locale]} />
          </p>
        </div>
      )}

      <h4 className="mt-4 text-sm font-semibold">{t("primary")}</h4>
      <div className="mt-1">
        <MechanismCard names={view} view={outcome.primary} minor={minor} primary />
      </div>

      {outcome.others.length > 0 && (
        <>
          <h4 className="mt-4 text-sm font-semibold">{t("others")}</h4>
          <div className="mt-1 flex flex-col gap-2">
            {outcome.others.map((o) => (
              <MechanismCard key={o.id} names={view} view={o} minor={minor} />
            ))}
          </div>
        </>
      )}

      <h4 className="mt-4 text-sm font-semibold">{t("why")}</h4>
      <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm" data-testid="advisor-why">
        {outcome.why.map((w) => (
          <li key={w.en}>
            <RichText text={w[locale]} />
          </li>
        ))}
      </ol>

      {outcome.versionNotes.length > 0 && (
        <>
          <h4 className="mt-4 text-sm font-semibold">{t("versionNotes", { minor })}</h4>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm" data-testid="advisor-version-notes">
            {outcome.versionNotes.map((n) => (
              <li key={n.en}>{n[locale]}</li>
            ))}
          </ul>
        </>
      )}

      {outcome.clusterNotes.length > 0 && (
        <>
          <h4 className="mt-4 text-sm font-semibold">{t("clusterNotes")}</h4>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
            {outcome.clusterNotes.map((n) => (
              <li key={n.en}>{n[locale]}</li>
            ))}
          </ul>
        </>
      )}

      <h4 className="mt-4 text-sm font-semibold">{t("tradeoffs")}</h4>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
        {outcome.tradeoffs.map((x) => (
          <li key={x.en}>
            <RichText text={x[locale]} />
          </li>
        ))}
      </ul>

      <h4 className="mt-4 text-sm font-semibold">{t("simpler")}</h4>
      <p className="mt-1 text-sm">
        <RichText text={node.simpler.text[locale]} />
        {simpler && (
          <>
            {" "}
            <Link href={`/mechanisms/${simpler.id}`} className="font-medium text-brand-strong underline dark:text-blue-300">
              {t("guideFor", { name: simpler.name[locale] })}
            </Link>
          </>
        )}
      </p>
    </div>
  )
}
