"use client"

import { usePathname } from "next/navigation"

import { localizedHref, splitLocale } from "@/i18n/paths"

import { IntentLink as Link } from "./intent-link"

type Item = { key: string; href: string; label: string }

export function MainNav({ label, items }: { label: string; items: readonly Item[] }) {
  const { locale = "en", path } = splitLocale(usePathname())
  return (
    <nav aria-label={label} className="-mx-2 flex gap-0.5 overflow-x-auto md:mx-0 md:flex-wrap md:gap-1">
      {items.map((item) => {
        const active = item.href === "/" ? path === "/" : path.startsWith(item.href)
        return (
          <Link
            key={item.key}
            href={localizedHref(locale, item.href)}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-2 py-1 text-sm font-medium md:px-3 md:py-1.5 ${
              active
                ? "bg-brand text-white"
                : "hover:bg-[var(--muted)]"
            }`}
          >
            {item.label}
          </Link>
        )
      })}
    </nav>
  )
}
