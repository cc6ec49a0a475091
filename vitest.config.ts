import tsconfigPaths from "vite-tsconfig-paths"
import { defineConfig } from "vitest/config"

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/*.cluster.test.ts", "**/*.behaviour.test.ts", "**/*.matrix.test.ts", "**/*.policy-lab.test.ts", ".next/**", ".cache/**", "e2e/**/*.spec.ts"],
    environment: "node",
    // next-intl's middleware imports "next/server" without an extension, which only a bundler
    // resolves: let Vite handle it (proxy.test.ts).
    server: { deps: { inline: ["next-intl"] } },
    // Generous: CI machines have 2 cores and several suites compile Go or MDX.
    testTimeout: 30_000,
  },
})
