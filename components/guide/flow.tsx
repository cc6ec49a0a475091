/** How a mechanism hooks in, as an ordered list drawn as a left-to-right (or stacked) sequence. */
export function Flow({ steps, label }: { steps: readonly string[]; label: string }) {
  return (
    <ol
      aria-label={label}
      data-slot="flow"
      className="my-4 flex list-none flex-col gap-2 p-0 sm:flex-row sm:flex-wrap sm:items-stretch"
    >
      {steps.map((step, i) => (
        <li key={`${i}-${step}`} className="flex items-center gap-2 sm:flex-row">
          <span className="flex h-full items-center gap-2 rounded-md border border-[var(--border)] bg-[var(--card)] px-3 py-2 text-sm">
            <span
              aria-hidden="true"
              className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-brand text-xs font-semibold text-white"
            >
              {i + 1}
            </span>
            <span>{step}</span>
          </span>
          {i < steps.length - 1 ? (
            <span aria-hidden="true" className="text-[var(--muted-foreground)]">
              <span className="hidden sm:inline">→</span>
              <span className="sm:hidden">↓</span>
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
