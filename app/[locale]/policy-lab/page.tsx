import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"

import { PolicyLab } from "@/components/policy-lab/policy-lab"
import { ClientMessages } from "@/components/shell/client-messages"
import { shareMetadata } from "@/components/share/share-metadata"
import { routing } from "@/i18n/routing"
import engineManifest from "@/engine/dist/manifest.json"
import { isLabStarter, labInputFromStarter } from "@/lib/policy-lab/starter-input"
import { generate } from "@/lib/starters"

export async function generateMetadata({ params }: PageProps<"/[locale]/policy-lab">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "policyLab.meta" })
  return shareMetadata(locale, { title: t("title"), description: t("description") }, `/${locale}/policy-lab`)
}

// ?from=<validating-admission-policy|mutating-admission-policy|custom-resource-definition> opens
// the lab with that starter's default policy and test objects (the VAP starter otherwise);
// ?source=live opens live mode (the advisor's "try it on your cluster").
export default async function PolicyLabPage({ params, searchParams }: PageProps<"/[locale]/policy-lab">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  const sp = await searchParams
  const from = typeof sp.from === "string" && isLabStarter(sp.from) ? sp.from : "validating-admission-policy"
  const generated = generate(from, {}, { locale })
  if (!generated.ok) notFound()
  const input = labInputFromStarter(from, generated.value.files)
  const t = await getTranslations({ locale, namespace: "policyLab" })
  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 max-w-4xl text-[var(--muted-foreground)]">{t("intro", { version: engineManifest.kubernetes.replace(/^v/, "") })}</p>
      <div className="mt-5">
        <ClientMessages paths={["policyLab"]}>
          <PolicyLab
            key={from}
            locale={locale}
            initialPolicy={input.policy}
            initialObjects={from === "validating-admission-policy" ? undefined : input.objects}
            initialSource={sp.source === "live" ? "live" : undefined}
          />
        </ClientMessages>
      </div>
    </div>
  )
}
