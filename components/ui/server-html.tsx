"use client"

// A long, mostly static block (the map's list: 600+ elements) costs the browser its HTML once, and
// React as much again to hydrate it: a fiber per element and every component run a second time,
// in one long task after the first paint. Content that only changes with something the caller
// watches can skip that: React hydrates an element with dangerouslySetInnerHTML without walking
// its children, so the server's HTML stays as it is and React owns only the wrapper.
import { useRouter } from "next/navigation"
import { forwardRef, useState, type ComponentPropsWithoutRef } from "react"

import { useHydrated } from "./use-hydrated"

// One object for every render: React sets innerHTML again only when this prop changes.
const KEEP_SERVER_HTML = { __html: "" }

/** The same-origin path an unmodified primary click on a plain link inside the block would open, if any. */
function linkTarget(event: React.SyntheticEvent): string | null {
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute("download")) return null
  if (anchor.origin !== window.location.origin) return null
  return `${anchor.pathname}${anchor.search}${anchor.hash}`
}

// The pointer, focus and touch handlers are its own (prefetching); a caller's would be dropped.
type Props = Omit<ComponentPropsWithoutRef<"div">, "dangerouslySetInnerHTML" | "onPointerOver" | "onFocus" | "onTouchStart">

/**
 * A div whose children are server-rendered and, when the page hydrates, kept as HTML: their
 * components do not run in the browser and their handlers are not attached. Links inside still
 * navigate client-side and prefetch on intent, like `IntentLink` (delegated here). Mounted by a
 * client render instead (a client-side navigation), it renders its children as usual. The caller
 * keeps the kept HTML in step with state (attributes through a ref) or renders another element
 * when its content would change.
 */
export const ServerHtml = forwardRef<HTMLDivElement, Props>(function ServerHtml({ children, onClick, ...rest }, ref) {
  const router = useRouter()
  const hydrated = useHydrated()
  // Decided once: an instance mounted by hydration keeps its HTML for its whole life.
  const [fromServer] = useState(!hydrated)
  if (!fromServer || typeof window === "undefined") {
    return (
      <div ref={ref} onClick={onClick} {...rest}>
        {children}
      </div>
    )
  }
  const prefetch = (event: React.SyntheticEvent) => {
    // As IntentLink: on every approach; the router's cache answers repeats.
    const path = linkTarget(event)
    if (path !== null) router.prefetch(path)
  }
  return (
    <div
      ref={ref}
      {...rest}
      onClick={(event) => {
        onClick?.(event)
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
        const path = linkTarget(event)
        if (path === null) return
        event.preventDefault()
        router.push(path)
      }}
      onPointerOver={prefetch}
      onFocus={prefetch}
      onTouchStart={prefetch}
      dangerouslySetInnerHTML={KEEP_SERVER_HTML}
      suppressHydrationWarning
    />
  )
})
