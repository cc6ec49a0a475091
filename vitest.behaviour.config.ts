import tsconfigPaths from "vite-tsconfig-paths"
import { defineConfig } from "vitest/config"

// "behaviour" tier: e2e/behaviour/*.behaviour.test.ts. Each file starts the control plane it
// needs (e2e/cluster/control-plane.ts) and runs starters the way their READMEs say. The global
// setup only builds the control-plane binary (once, shared with the cluster tier's build cache).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["e2e/behaviour/**/*.behaviour.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".cache/**"],
    environment: "node",
    globalSetup: ["./e2e/behaviour/global-setup.ts"],
    // Two files at a time: each runs a control plane and builds Go/TS projects on 2 cores.
    pool: "forks",
    maxWorkers: 2,
    hookTimeout: 300_000,
    testTimeout: 300_000,
    teardownTimeout: 60_000,
  },
})
