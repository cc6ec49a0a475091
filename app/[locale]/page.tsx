import { useTranslations } from "next-intl"

// Temporary landing text; the extension-point map (issue 4) replaces this page.
export default function HomePage() {
  const t = useTranslations("shell.meta")
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-lg text-[var(--muted-foreground)]">{t("description")}</p>
    </div>
  )
}
