import { getTranslations } from "next-intl/server"

import { LATEST_MINOR, type KubernetesMinor, type Locale, type Mechanism } from "@/lib/catalog"
import { exampleFor, exampleText } from "@/lib/catalog/examples"

import { CodeBlock } from "./code-block"

/** The mechanism's minimal example, serialised with `yaml` from lib/catalog/examples.ts. */
export async function ExampleObject({
  mechanism,
  locale,
  minor = LATEST_MINOR,
}: {
  mechanism: Mechanism
  locale: Locale
  minor?: KubernetesMinor
}) {
  const t = await getTranslations({ locale, namespace: "guide.example" })
  const example = exampleFor(mechanism.id, minor)
  if (!example) {
    return <p className="my-4">{t("unavailable", { name: mechanism.name[locale], minor })}</p>
  }
  const text = exampleText(example)
  const label = t("label", { minor })
  return (
    <div data-slot="example-object" data-minor={minor}>
      <CodeBlock
        code={text.code}
        lang={text.lang}
        locale={locale}
        title={text.filename ? `${text.filename} · ${label}` : label}
      />
    </div>
  )
}
