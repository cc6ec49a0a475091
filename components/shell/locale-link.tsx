"use client"

// next-intl's localized <Link> for client components, prefetching when the user is about to
// follow it (like IntentLink) instead of whenever it scrolls into view.
import { forwardRef } from "react"

import { Link as IntlLink, useRouter } from "@/i18n/navigation"

type Props = Omit<React.ComponentProps<typeof IntlLink>, "prefetch" | "href"> & { href: string }

export const Link = forwardRef<HTMLAnchorElement, Props>(function LocaleLink({ href, onPointerEnter, onFocus, onTouchStart, ...rest }, ref) {
  const router = useRouter()
  const prefetch = () => router.prefetch(href)
  return (
    <IntlLink
      ref={ref}
      href={href}
      prefetch={false}
      onPointerEnter={(e) => {
        prefetch()
        onPointerEnter?.(e)
      }}
      onFocus={(e) => {
        prefetch()
        onFocus?.(e)
      }}
      onTouchStart={(e) => {
        prefetch()
        onTouchStart?.(e)
      }}
      {...rest}
    />
  )
})
