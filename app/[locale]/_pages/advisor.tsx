import { getTranslations } from "next-intl/server"

import { AdvisorApp } from "@/components/advisor/advisor-app"
import { AdvisorStoreProvider } from "@/components/advisor/advisor-provider"
import type { AdvisorState } from "@/components/advisor/advisor-store"
import { ClientMessages } from "@/components/shell/client-messages"
import { PageContainer } from "@/components/shell/page-container"
import { starterTargetFor } from "@/lib/advisor/handoff"
import { snapshotForState } from "@/lib/advisor/snapshot"
import { MECHANISM_IDS, type Locale, type MechanismId } from "@/lib/catalog"

function starterTargets(): Partial<Record<MechanismId, MechanismId>> {
  return Object.fromEntries(
    MECHANISM_IDS.flatMap((id) => {
      const target = starterTargetFor(id)
      return target ? [[id, target]] : []
    }),
  )
}

/**
 * The advisor in the state `initial`: the server evaluates it and sends the snapshot the views
 * render, so the browser loads the decision model only once the user changes the state.
 */
export async function AdvisorPageBody({ locale, initial }: { locale: Locale; initial: AdvisorState }) {
  const t = await getTranslations({ locale, namespace: "advisor" })
  const starters = starterTargets()
  const snapshot = snapshotForState(initial.answers, initial.minor, undefined, starters)
  return (
    <PageContainer>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-[var(--muted-foreground)]">{t("intro")}</p>
      <div className="mt-6">
        <ClientMessages paths={["advisor", "shell.meta.title", "policyLab.link"]}>
          <AdvisorStoreProvider initial={initial} starters={starters} snapshot={snapshot}>
            <AdvisorApp />
          </AdvisorStoreProvider>
        </ClientMessages>
      </div>
    </PageContainer>
  )
}
