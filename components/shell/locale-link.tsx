"use client"

// next-intl's localized <Link> for client components, prefetching when the user is about to
// follow it (like IntentLink) instead of whenever it scrolls into view.
import { forwardRef } from "react"

import { Link as IntlLink, useRouter } from "@/i18n/navigation"

import { prefetchOnIntent } from "./intent-link"

type Props = Omit<React.ComponentProps<typeof IntlLink>, "prefetch" | "href"> & { href: string }

export const Link = forwardRef<HTMLAnchorElement, Props>(function LocaleLink({ href, onPointerEnter, onFocus, onTouchStart, ...rest }, ref) {
  const router = useRouter()
  return <IntlLink ref={ref} href={href} prefetch={false} {...prefetchOnIntent(() => router.prefetch(href), { onPointerEnter, onFocus, onTouchStart })} {...rest} />
})
