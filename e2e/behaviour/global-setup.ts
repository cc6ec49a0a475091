// Builds the control-plane binary once before any behaviour test file starts its own control
// plane, and removes run dirs left by killed runs. A build failure fails the tier.
import { pruneStaleRunDirs } from "../../scripts/cluster/cluster.mjs"
import { goEnv } from "../../scripts/go-env.mjs"
import { ensureBuilt } from "../../scripts/cluster/build.mjs"
import { cacheDir } from "../../scripts/cluster/paths.mjs"

export default async function setup() {
  // The shared Go build env (also when run as `npm run test:behaviour`, outside scripts/test-all):
  // README commands (`make build`, `go build`) inherit it from the workers spawned after this.
  Object.assign(process.env, goEnv())
  await ensureBuilt({ log: (m: string) => process.stderr.write(`${m}\n`) })
  await pruneStaleRunDirs(cacheDir, "cp-")
}
