import { Fragment } from "react"

/**
 * The one content grid: every page starts at the same left edge as the header (same max width and
 * padding); narrower content (guides, forms) limits its own width without re-centring.
 */
export function PageContainer({ children, className = "", ...rest }: React.ComponentProps<"div">) {
  return (
    <div className={`mx-auto w-full max-w-7xl px-4 py-6 sm:py-8 ${className}`} {...rest}>
      {children}
    </div>
  )
}

/**
 * Long API names in titles (ValidatingAdmissionPolicy) may wrap only between their words, never in
 * the middle of one: a <wbr> before each capital that follows a lower-case letter.
 */
export function Breakable({ text }: { text: string }) {
  return (
    <>
      {text.split(/(?<=[a-z])(?=[A-Z])/).map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  )
}
