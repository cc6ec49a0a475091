import type { MDXComponents } from "mdx/types"
import type { ComponentProps, ReactNode } from "react"
import { isValidElement } from "react"
import { getTranslations } from "next-intl/server"

import { REQUIRED_SECTIONS } from "@/content/guide-format"
import { Link } from "@/i18n/server-link"
import type { KubernetesMinor, Locale, Mechanism } from "@/lib/catalog"

import { Callout, type CalloutType } from "./callout"
import { CopyButton } from "./copy-button"
import { ExampleObject } from "./example-object"
import { FeatureStates } from "./feature-states"
import { Flow } from "./flow"
import { OfficialDocs, type DocLink } from "./official-docs"

/** Plain text of a rendered MDX subtree (for the copy button of fenced code blocks). */
function nodeText(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return ""
  if (typeof node === "string" || typeof node === "number") return String(node)
  if (Array.isArray(node)) return node.map(nodeText).join("")
  if (isValidElement<{ children?: ReactNode }>(node)) return nodeText(node.props.children)
  return ""
}

/** Section anchors are the English heading slugs in both locales, so #what-can-go-wrong works everywhere. */
function sectionId(locale: Locale, children: ReactNode): string | undefined {
  const index = REQUIRED_SECTIONS[locale].indexOf(nodeText(children).trim())
  const english = REQUIRED_SECTIONS.en[index]
  return english ? english.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") : undefined
}

/**
 * Everything a guide's MDX may use, bound to the page's mechanism and locale so the MDX needs no
 * props: <FeatureStates />, <ExampleObject />, <Callout type>, <Flow steps>, <OfficialDocs />,
 * plus styled Markdown elements. Passed to the MDX content via its `components` prop.
 */
export async function guideComponents(mechanism: Mechanism, locale: Locale): Promise<MDXComponents> {
  const t = await getTranslations({ locale, namespace: "guide" })
  const copyLabels = {
    copy: t("example.copy"),
    copied: t("example.copied"),
    failed: t("example.copyFailed"),
    label: t("example.copyLabel"),
  }
  return {
    FeatureStates: () => <FeatureStates mechanism={mechanism} locale={locale} />,
    ExampleObject: ({ minor }: { minor?: KubernetesMinor }) => (
      <ExampleObject mechanism={mechanism} locale={locale} minor={minor} />
    ),
    OfficialDocs: ({ extra }: { extra?: readonly DocLink[] }) => (
      <OfficialDocs mechanism={mechanism} locale={locale} extra={extra} />
    ),
    Flow: ({ steps }: { steps: readonly string[] }) => (
      <Flow steps={steps} label={t("flow.label", { name: mechanism.name[locale] })} />
    ),
    Callout: ({ type = "note", children }: { type?: CalloutType; children: ReactNode }) => (
      <Callout type={type} label={t(`callout.${type}`)}>
        {children}
      </Callout>
    ),
    // The page renders the only <h1> (the catalog name); guides start at ##.
    h2: (props: ComponentProps<"h2">) => (
      <h2 id={sectionId(locale, props.children)} className="mt-10 mb-3 scroll-mt-4 text-2xl font-bold" {...props} />
    ),
    h3: (props: ComponentProps<"h3">) => <h3 className="mt-6 mb-2 text-lg font-semibold" {...props} />,
    p: (props: ComponentProps<"p">) => <p className="my-3 leading-7" {...props} />,
    ul: (props: ComponentProps<"ul">) => <ul className="my-3 list-disc space-y-1 pl-6" {...props} />,
    ol: (props: ComponentProps<"ol">) => <ol className="my-3 list-decimal space-y-1 pl-6" {...props} />,
    li: (props: ComponentProps<"li">) => <li className="leading-7" {...props} />,
    a: ({ href = "", children, ...props }: ComponentProps<"a">) =>
      // Site-relative links become locale-aware (/mechanisms/x → /zh-CN/mechanisms/x).
      href.startsWith("/") ? (
        <Link href={href} className="text-brand-strong underline hover:no-underline dark:text-blue-300">
          {children}
        </Link>
      ) : (
        <a href={href} className="text-brand-strong underline hover:no-underline dark:text-blue-300" {...props}>
          {children}
        </a>
      ),
    table: (props: ComponentProps<"table">) => (
      <div className="my-4 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" {...props} />
      </div>
    ),
    th: (props: ComponentProps<"th">) => <th className="border-b border-[var(--border)] py-2 pr-3 font-semibold" {...props} />,
    td: (props: ComponentProps<"td">) => <td className="border-b border-[var(--border)] py-2 pr-3 align-top" {...props} />,
    // Fenced code blocks arrive highlighted by @shikijs/rehype at build time; we add a copy button.
    pre: ({ children, ...props }: ComponentProps<"pre">) => (
      <div className="guide-code relative my-4" data-slot="code-block">
        <pre {...props} className={`${props.className ?? ""} overflow-x-auto rounded-lg border border-[var(--border)] p-4 pr-20 text-sm`}>
          {children}
        </pre>
        <div className="absolute top-2 right-2">
          <CopyButton text={nodeText(children)} labels={copyLabels} />
        </div>
      </div>
    ),
  }
}
