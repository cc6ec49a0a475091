import { getTranslations } from "next-intl/server"

import { Link } from "@/i18n/navigation"
import {
  availabilityAt,
  getMechanism,
  getPoint,
  LATEST_MINOR,
  stateAt,
  type Locale,
  type Mechanism,
} from "@/lib/catalog"

import { Breakable } from "@/components/shell/page-container"

import { Callout } from "./callout"
import { GuideActions } from "./guide-actions"
import { MaturityBadge } from "./maturity-badge"

/** Title, summary and the catalog facts that head every guide. */
export async function GuideHeader({ mechanism, locale }: { mechanism: Mechanism; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "guide" })
  const point = getPoint(mechanism.point)
  const state = stateAt(mechanism, LATEST_MINOR)
  const replacement = mechanism.replacedBy ? getMechanism(mechanism.replacedBy) : undefined
  const mapHref = mechanism.point === "configuration" ? "/" : `/?point=${mechanism.point}`

  return (
    <header>
      <h1 className="text-2xl font-bold sm:text-3xl">
        <Breakable text={mechanism.name[locale]} />
      </h1>
      <p className="mt-3 text-lg text-[var(--muted-foreground)]">{mechanism.summary[locale]}</p>
      <GuideActions mechanism={mechanism} locale={locale} placement="top" />

      {replacement ? (
        <Callout type="warning" label={t("deprecated.title")}>
          <p>
            {t.rich("deprecated.body", {
              name: replacement.name[locale],
              link: (chunks) => (
                <Link
                  href={`/mechanisms/${replacement.id}`}
                  className="font-semibold text-brand-strong underline dark:text-blue-300"
                  data-slot="replaced-by"
                >
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </Callout>
      ) : null}

      <dl
        aria-label={t("facts.label")}
        className="mt-6 grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-[var(--border)] bg-[var(--card)] p-4 text-sm sm:grid-cols-[max-content_1fr]"
      >
        <dt className="font-semibold">{t("facts.state", { minor: LATEST_MINOR })}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <MaturityBadge maturity={state.maturity} locale={locale} />
          <span>{t(`availability.${availabilityAt(mechanism, LATEST_MINOR)}`)}</span>
        </dd>

        <dt className="font-semibold">{t("facts.point")}</dt>
        <dd>
          {mechanism.point === "configuration"
            ? t("index.configuration")
            : t("facts.pointValue", { id: point.id, name: point.name[locale] })}{" "}
          ·{" "}
          <Link href={mapHref} className="text-brand-strong underline hover:no-underline dark:text-blue-300">
            {t("facts.openOnMap")}
          </Link>
        </dd>

        {mechanism.apiStage ? (
          <>
            <dt className="font-semibold">{t("facts.stage")}</dt>
            <dd>{t(`stage.${mechanism.apiStage}`)}</dd>
          </>
        ) : null}

        <dt className="font-semibold">{t("facts.runsWhere")}</dt>
        <dd>{mechanism.runsWhere[locale]}</dd>

        <dt className="font-semibold">{t("facts.installer")}</dt>
        <dd>{t(`installer.${mechanism.installer}`)}</dd>

        <dt className="font-semibold">{t("facts.managed")}</dt>
        <dd>
          <span className="font-medium" data-managed={mechanism.managedClusters.availability}>
            {t(`managed.${mechanism.managedClusters.availability}`)}
          </span>
          {" — "}
          {mechanism.managedClusters.note[locale]}
        </dd>
      </dl>
    </header>
  )
}
