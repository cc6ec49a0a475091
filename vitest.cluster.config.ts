import tsconfigPaths from "vite-tsconfig-paths"
import { defineConfig } from "vitest/config"

// "cluster" tier: *.cluster.test.ts against a real kube-apiserver built from Go (e2e/cluster),
// started once per run by the global setup. The first run builds the binary (minutes).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["**/*.cluster.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".cache/**"],
    environment: "node",
    globalSetup: ["./e2e/cluster/global-setup.ts"],
    // The first build of kube-apiserver takes minutes on 2 cores.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    teardownTimeout: 30_000,
  },
})
