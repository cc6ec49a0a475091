"use client"

// next/link that prefetches the target when the user is about to follow it (pointer over it, focus
// on it, a touch) instead of as soon as it scrolls into view: a page does not load the JavaScript
// of every page it links to, and a click still finds the target prefetched.
import Link from "next/link"
import { useRouter } from "next/navigation"
import { forwardRef } from "react"

type IntentHandlers<E> = {
  onPointerEnter?: React.PointerEventHandler<E>
  onFocus?: React.FocusEventHandler<E>
  onTouchStart?: React.TouchEventHandler<E>
}

/** The link's own pointer/focus/touch handlers, each calling `prefetch` first. */
export function prefetchOnIntent<E>(prefetch: () => void, own: IntentHandlers<E>): Required<IntentHandlers<E>> {
  return {
    onPointerEnter: (e) => {
      prefetch()
      own.onPointerEnter?.(e)
    },
    onFocus: (e) => {
      prefetch()
      own.onFocus?.(e)
    },
    onTouchStart: (e) => {
      prefetch()
      own.onTouchStart?.(e)
    },
  }
}

type Props = Omit<React.ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string }

export const IntentLink = forwardRef<HTMLAnchorElement, Props>(function IntentLink({ href, onPointerEnter, onFocus, onTouchStart, ...rest }, ref) {
  const router = useRouter()
  return <Link ref={ref} href={href} prefetch={false} {...prefetchOnIntent(() => router.prefetch(href), { onPointerEnter, onFocus, onTouchStart })} {...rest} />
})
