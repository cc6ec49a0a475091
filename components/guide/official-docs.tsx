import { getTranslations } from "next-intl/server"

import type { Locale, Mechanism } from "@/lib/catalog"

const SITE = "https://kubernetes.io"

export type DocLink = { title: string; path: string }

/** kubernetes.io links: the mechanism's docPath (+ extra pages); zh-CN readers also get the /zh-cn/ translation. */
export async function OfficialDocs({
  mechanism,
  locale,
  extra = [],
}: {
  mechanism: Mechanism
  locale: Locale
  extra?: readonly DocLink[]
}) {
  const t = await getTranslations({ locale, namespace: "guide.officialDocs" })
  const pages: DocLink[] = [{ title: mechanism.name[locale], path: mechanism.docPath }, ...extra]
  return (
    <ul data-slot="official-docs" className="my-4 list-disc space-y-1 pl-6">
      {pages.flatMap((page) => {
        const links = [
          ...(locale === "zh-CN"
            ? [{ key: "zh", href: `${SITE}/zh-cn${page.path}`, text: t("chinese", { title: page.title }) }]
            : []),
          { key: "en", href: `${SITE}${page.path}`, text: t("english", { title: page.title }) },
        ]
        return links.map((link) => (
          <li key={`${page.path}-${link.key}`}>
            <a href={link.href} hrefLang={link.key === "zh" ? "zh-CN" : "en"} className="text-brand-strong underline hover:no-underline dark:text-blue-300">
              {link.text}
            </a>
          </li>
        ))
      })}
    </ul>
  )
}
