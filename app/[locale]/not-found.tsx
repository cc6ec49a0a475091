import { useTranslations } from "next-intl"

import { Link } from "@/i18n/navigation"

export default function NotFound() {
  const t = useTranslations("shell.notFound")
  return (
    <div className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-[var(--muted-foreground)]">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block underline">
        {t("home")}
      </Link>
    </div>
  )
}
