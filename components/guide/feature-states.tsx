import { getTranslations } from "next-intl/server"

import {
  availabilityAt,
  KUBERNETES_MINORS,
  LATEST_MINOR,
  stateAt,
  type Locale,
  type Mechanism,
} from "@/lib/catalog"

import { MaturityBadge } from "./maturity-badge"

/** Maturity per supported minor, straight from the catalog (never retyped in MDX). */
export async function FeatureStates({ mechanism, locale }: { mechanism: Mechanism; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "guide" })
  return (
    <div className="my-4 overflow-x-auto" data-slot="feature-states">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("featureStates.caption", { name: mechanism.name[locale] })}</caption>
        <thead>
          <tr className="border-b border-[var(--border)]">
            <th scope="col" className="py-2 pr-3 font-semibold">{t("featureStates.version")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("featureStates.maturity")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("featureStates.default")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("featureStates.switch")}</th>
            <th scope="col" className="py-2 font-semibold">{t("featureStates.notes")}</th>
          </tr>
        </thead>
        <tbody>
          {[...KUBERNETES_MINORS].reverse().map((minor) => {
            const state = stateAt(mechanism, minor)
            const switches = [
              state.featureGate ? `--feature-gates=${state.featureGate}=true` : undefined,
              state.runtimeConfig ? `--runtime-config=${state.runtimeConfig}` : undefined,
            ].filter((s): s is string => s !== undefined)
            return (
              <tr key={minor} className="border-b border-[var(--border)] align-top" data-minor={minor}>
                <th scope="row" className="py-2 pr-3 font-mono font-medium whitespace-nowrap">
                  {minor}
                  {minor === LATEST_MINOR ? (
                    <span className="ml-1 font-sans text-xs font-normal text-[var(--muted-foreground)]">
                      {t("featureStates.currentMarker")}
                    </span>
                  ) : null}
                </th>
                <td className="py-2 pr-3">
                  <MaturityBadge maturity={state.maturity} locale={locale} />
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{t(`availability.${availabilityAt(mechanism, minor)}`)}</td>
                <td className="py-2 pr-3">
                  {switches.length > 0 ? (
                    <ul className="space-y-1">
                      {switches.map((s) => (
                        <li key={s}>
                          <code className="break-all text-xs">{s}</code>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("featureStates.none")
                  )}
                </td>
                <td className="py-2">{state.note ? state.note[locale] : t("featureStates.none")}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
