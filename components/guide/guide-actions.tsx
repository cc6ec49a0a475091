import { getTranslations } from "next-intl/server"

import { Link } from "@/i18n/server-link"
import { advisorHandoffHref, starterTargetFor } from "@/lib/advisor/handoff"
import { getMechanism, type Locale, type Mechanism } from "@/lib/catalog"
import { isLabStarter } from "@/lib/policy-lab/starter-input"

/**
 * "Generate a starter" and "Is this right for me?", under the title and again after the guide.
 * The advisor link is walked to the answers that lead to this mechanism; the starter link goes to
 * the replacement's starter when the mechanism has none; a link with nowhere to go is left out.
 */
export async function GuideActions({ mechanism, locale, placement }: { mechanism: Mechanism; locale: Locale; placement: "top" | "bottom" }) {
  const t = await getTranslations({ locale, namespace: "guide" })
  const tLab = await getTranslations({ locale, namespace: "policyLab.link" })
  const advisor = advisorHandoffHref(mechanism.id)
  const starter = starterTargetFor(mechanism.id)
  if (!advisor && !starter) return null
  return (
    <nav
      aria-label={placement === "top" ? t("actions.label") : t("actions.labelBottom")}
      className={placement === "top" ? "mt-4 flex flex-wrap gap-3" : "mt-10 flex flex-wrap gap-3 border-t border-[var(--border)] pt-6"}
      data-slot={`guide-actions-${placement}`}
    >
      {starter ? (
        <Link
          href={`/starters/${starter}`}
          className="rounded-md bg-brand-strong px-4 py-2 text-sm font-semibold text-white hover:bg-brand"
          data-slot="starter-link"
        >
          {starter === mechanism.id ? t("actions.starter") : t("actions.starterReplacement", { name: getMechanism(starter).name[locale] })}
        </Link>
      ) : null}
      {advisor ? (
        <Link
          href={advisor}
          className="rounded-md border border-[var(--border)] px-4 py-2 text-sm font-semibold hover:bg-[var(--muted)]"
          data-slot="advisor-link"
        >
          {t("actions.advisor")}
        </Link>
      ) : null}
      {isLabStarter(mechanism.id) ? (
        <Link
          href={`/policy-lab?from=${mechanism.id}`}
          className="rounded-md border border-[var(--border)] px-4 py-2 text-sm font-semibold hover:bg-[var(--muted)]"
          data-slot="policy-lab-link"
        >
          {tLab("guide")}
        </Link>
      ) : null}
    </nav>
  )
}
