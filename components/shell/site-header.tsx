import { useTranslations } from "next-intl"

import { Link } from "@/i18n/navigation"

import { LocaleSwitcher } from "./locale-switcher"
import { MainNav } from "./main-nav"
import { ThemeToggle } from "./theme-toggle"

export function SiteHeader({ search }: { search?: React.ReactNode }) {
  const t = useTranslations("shell")
  return (
    <header className="border-b border-[var(--border)] bg-[var(--card)]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-[var(--card)] focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span
            aria-hidden="true"
            className="inline-flex h-7 w-7 items-center justify-center rounded-full bg-brand text-sm text-white"
          >
            ⎈
          </span>
          <span>{t("productName")}</span>
        </Link>
        <MainNav />
        <div className="ml-auto flex items-center gap-2">
          {search}
          <LocaleSwitcher />
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}
