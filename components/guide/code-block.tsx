import { getTranslations } from "next-intl/server"

import type { Locale } from "@/lib/catalog"

import { CopyButton } from "./copy-button"
import { highlight, type HighlightLang } from "./highlight"

/** A build-time highlighted code block with a copy button (the only client JS on a guide page). */
export async function CodeBlock({
  code,
  lang,
  locale,
  title,
}: {
  code: string
  lang: HighlightLang
  locale: Locale
  title?: string
}) {
  const [html, t] = await Promise.all([
    highlight(code, lang),
    getTranslations({ locale, namespace: "guide.example" }),
  ])
  return (
    <figure className="guide-code my-4 overflow-hidden rounded-lg border border-[var(--border)]" data-slot="code-block">
      <figcaption className="flex items-center justify-between gap-2 border-b border-[var(--border)] bg-[var(--muted)] px-3 py-1.5 text-xs">
        <span className="font-mono text-[var(--muted-foreground)]">{title ?? lang}</span>
        <CopyButton
          text={code}
          labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed"), label: t("copyLabel") }}
        />
      </figcaption>
      {/* shiki escapes the code; the HTML is generated at build time from our own data. */}
      <div className="text-sm" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  )
}
