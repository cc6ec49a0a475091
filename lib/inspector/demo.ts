// The bundled demo report, recorded from the real test cluster by `npm run demo:record`
// (scripts/demo-record.mjs). Always marked source "demo" so the UI labels it "demo data".
import recorded from "./demo-report.json"
import type { ClusterReport } from "./types"

export function demoReport(): ClusterReport {
  return { ...(recorded as unknown as ClusterReport), source: "demo", context: "demo" }
}
