import { useTranslations } from "next-intl"

import { PageContainer } from "@/components/shell/page-container"
import { Link } from "@/i18n/navigation"

export default function NotFound() {
  const t = useTranslations("shell.notFound")
  return (
    <PageContainer>
      <div className="max-w-2xl py-10">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-[var(--muted-foreground)]">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block underline">
        {t("home")}
      </Link>
      </div>
    </PageContainer>
  )
}
