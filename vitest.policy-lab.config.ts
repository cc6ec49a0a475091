import tsconfigPaths from "vite-tsconfig-paths"
import { defineConfig } from "vitest/config"

// "policy-lab" tier: **/*.policy-lab.test.ts. The global setup starts one real kube-apiserver 1.37
// with an audit log (e2e/policy-lab/global-setup.ts); the differential corpus, live mode and the
// engine's per-minor and staleness checks run against it and against the committed engine.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["**/*.policy-lab.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".cache/**"],
    environment: "node",
    globalSetup: ["./e2e/policy-lab/global-setup.ts"],
    // One file at a time: each loads the ~90 MB engine and the machine has 2 cores.
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    hookTimeout: 600_000,
    testTimeout: 600_000,
    teardownTimeout: 60_000,
  },
})
