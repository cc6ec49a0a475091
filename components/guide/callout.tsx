import type { ReactNode } from "react"

export type CalloutType = "note" | "tip" | "warning"

const STYLES: Record<CalloutType, string> = {
  note: "border-blue-600 bg-blue-50 dark:bg-blue-950/40",
  tip: "border-green-700 bg-green-50 dark:bg-green-950/40",
  warning: "border-amber-600 bg-amber-50 dark:bg-amber-950/40",
}

export function Callout({
  type = "note",
  label,
  children,
}: {
  type?: CalloutType
  /** Localised "Note" / "Tip" / "Warning", supplied by the guide page. */
  label: string
  children: ReactNode
}) {
  return (
    <div role="note" data-slot="callout" data-type={type} className={`my-4 rounded-md border-l-4 px-4 py-3 ${STYLES[type]}`}>
      <p className="mb-1 text-sm font-semibold">{label}</p>
      <div className="[&>p]:my-1">{children}</div>
    </div>
  )
}
