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
      {/* Below md: logo and tools on one row, the navigation on a second full-width row. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 md:gap-x-4 md:py-3">
        {/* Zero basis below md: the name shrinks (truncates) so the tools stay on the same row. */}
        <Link href="/" className="order-1 flex min-w-0 flex-1 items-center gap-2 font-semibold md:flex-none">
          <span
            aria-hidden="true"
            className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand text-sm text-white"
          >
            ⎈
          </span>
          <span className="truncate">{t("productName")}</span>
        </Link>
        <div className="order-2 ml-auto flex shrink-0 items-center gap-1.5 md:order-3 md:gap-2">
          {search}
          <LocaleSwitcher />
          <ThemeToggle />
        </div>
        <div className="order-3 w-full md:order-2 md:w-auto">
          <MainNav />
        </div>
      </div>
    </header>
  )
}
