"use client"

// next/link that prefetches the target when the user is about to follow it (pointer over it, focus
// on it, a touch) instead of as soon as it scrolls into view: a page does not load the JavaScript
// of every page it links to, and a click still finds the target prefetched.
import Link from "next/link"
import { useRouter } from "next/navigation"
import { forwardRef } from "react"

type Props = Omit<React.ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string }

export const IntentLink = forwardRef<HTMLAnchorElement, Props>(function IntentLink({ href, onPointerEnter, onFocus, onTouchStart, ...rest }, ref) {
  const router = useRouter()
  const prefetch = () => router.prefetch(href)
  return (
    <Link
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
