import tsconfigPaths from "vite-tsconfig-paths"
import { defineConfig } from "vitest/config"

// "matrix" tier: *.matrix.test.ts check starters against every minor's own API schemas and
// component config types (scripts/verify-matrix). The global setup downloads the releases'
// k8s.io/kubernetes modules and builds one config checker per minor on the first run (minutes,
// cold); later runs reuse .cache/k8s-schemas and .cache/bin.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["**/*.matrix.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".cache/**"],
    environment: "node",
    globalSetup: ["./scripts/verify-matrix/global-setup.ts"],
    // Cold: 8 module downloads and 8 Go builds on 2 shared cores.
    hookTimeout: 3_600_000,
    testTimeout: 600_000,
    // One file at a time: both load every minor's schemas.
    fileParallelism: false,
  },
})
