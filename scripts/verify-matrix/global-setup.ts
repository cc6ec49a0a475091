// Prepares the matrix tier once: every minor's schemas (module download + extraction) and config
// checker (Go build), so the tests themselves only validate.
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { ensureConfigChecker } from "./config-checkers"
import { releaseSchemas, timings } from "./schemas"

export default async function setup() {
  const started = Date.now()
  for (const minor of KUBERNETES_MINORS) {
    releaseSchemas(minor)
    await ensureConfigChecker(minor)
  }
  const slow = timings.filter((t) => t.ms >= 1000).map((t) => `${t.label} ${(t.ms / 1000).toFixed(1)}s`)
  console.log(`matrix setup: ${((Date.now() - started) / 1000).toFixed(1)}s${slow.length ? ` (${slow.join(", ")})` : ""}`)
}
