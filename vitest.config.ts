import tsconfigPaths from "vite-tsconfig-paths"
import { defineConfig } from "vitest/config"

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/*.cluster.test.ts", ".next/**", ".cache/**", "e2e/**/*.spec.ts"],
    environment: "node",
  },
})
