"use client"

import { useTranslations } from "next-intl"

import { Link, usePathname } from "@/i18n/navigation"

import { NAV_ITEMS } from "./nav-items"

export function MainNav() {
  const t = useTranslations("shell.nav")
  const pathname = usePathname()
  return (
    <nav aria-label={t("label")} className="-mx-2 flex gap-0.5 overflow-x-auto md:mx-0 md:flex-wrap md:gap-1">
      {NAV_ITEMS.map((item) => {
        const active =
          item.href === "/" ? pathname === "/" : pathname.startsWith(item.href)
        return (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-2 py-1 text-sm font-medium md:px-3 md:py-1.5 ${
              active
                ? "bg-brand text-white"
                : "hover:bg-[var(--muted)]"
            }`}
          >
            {t(item.key)}
          </Link>
        )
      })}
    </nav>
  )
}
