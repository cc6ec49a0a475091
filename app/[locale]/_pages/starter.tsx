import { getTranslations } from "next-intl/server"

import { StarterWorkbench, type InitialStarter } from "@/components/starters/starter-workbench"
import { defaultValues, valuesFromQuery } from "@/components/starters/option-values"
import { VerifiedRow } from "@/components/starters/verified-row"
import { Breakable, PageContainer } from "@/components/shell/page-container"
import { Link } from "@/i18n/server-link"
import { KUBERNETES_MINORS, getMechanism, stateAt, type Locale, type MechanismId } from "@/lib/catalog"
import { fieldSpecs, generate, type AnyStarterGenerator } from "@/lib/starters"
import { isLabStarter } from "@/lib/policy-lab/starter-input"
import { unverifiedMinors } from "@/lib/starters/matrix"

/** What the starter page's client components format (also its error boundary, in the layouts). */
export const STARTER_CLIENT_MESSAGES = [
  "starters.workbench",
  "starters.fields",
  "starters.errors",
  "starters.maturity",
  "starters.cluster",
  "starters.pageError",
  "starters.matrix.unverifiedOption",
]

/** STARTER_CLIENT_MESSAGES, and the policy lab's for starters with a "Try it" tab (loaded with the tab). */
export function starterClientMessages(mechanism: string): readonly string[] {
  return isLabStarter(mechanism) ? [...STARTER_CLIENT_MESSAGES, "policyLab"] : STARTER_CLIENT_MESSAGES
}

/**
 * A starter page. `search` is a link's query (undefined on the prerendered page): the server
 * generates the files for those options, so the page shows them without loading the generator.
 */
export async function StarterPageBody({ locale, g, search }: { locale: Locale; g: AnyStarterGenerator; search?: string }) {
  const m = getMechanism(g.id)
  const t = await getTranslations({ locale, namespace: "starters" })
  const fields = fieldSpecs(g)
  const values = { ...defaultValues(fields), ...(search === undefined ? {} : valuesFromQuery(fields, search)) }
  const generated = generate(g.id, values, { locale })
  const initial: InitialStarter = { values, result: generated.ok ? generated : { ok: false, errors: generated.errors } }
  const minorStates = Object.fromEntries(KUBERNETES_MINORS.map((minor) => [minor, stateAt(m, minor)]))

  return (
    <PageContainer data-mechanism={g.id}>
      <nav className="text-sm">
        <Link href="/starters" className="underline hover:no-underline">
          ← {t("workbench.back")}
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">
        <Breakable text={t("meta.starterTitle", { name: m.name[locale] })} />
      </h1>
      <p className="mt-2 max-w-3xl text-[var(--muted-foreground)]">
        {m.summary[locale]}{" "}
        <Link href={`/mechanisms/${g.id}`} className="underline hover:no-underline">
          {t("workbench.guide")}
        </Link>
      </p>
      <div className="mt-6">
        <StarterWorkbench
          mechanism={g.id as MechanismId}
          fields={fields}
          locale={locale}
          unverified={unverifiedMinors(g.id)}
          minorStates={minorStates}
          initial={initial}
        />
      </div>
      <section aria-labelledby="starter-matrix" className="mt-8 max-w-3xl">
        <h2 id="starter-matrix" className="text-lg font-bold">
          {t("matrix.heading")}
        </h2>
        <div className="mt-2">
          <VerifiedRow mechanism={g.id as MechanismId} locale={locale} details />
        </div>
      </section>
    </PageContainer>
  )
}
