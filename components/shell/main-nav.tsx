"use client"

import { useTranslations } from "next-intl"

import { Link, usePathname } from "@/i18n/navigation"

import { NAV_ITEMS } from "./nav-items"

export function MainNav() {
  const t = useTranslations("shell.nav")
  const pathname = usePathname()
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-1">
      {NAV_ITEMS.map((item) => {
        const active =
          item.href === "/" ? pathname === "/" : pathname.startsWith(item.href)
        return (
          <Link
            key={item.key}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
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
