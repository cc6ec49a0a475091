// Pieces shared by the TypeScript starters: package.json, tsconfig, Dockerfile.
import { NODE_VERSION, NPM_DEPS, NPM_DEV_DEPS } from "../go-versions"
import { text, token } from "../code"
import type { StarterFile } from "../types"

export function packageJson(name: string, description: string, deps: readonly (keyof typeof NPM_DEPS)[]): StarterFile {
  const dependencies = Object.fromEntries(deps.map((d) => [d, NPM_DEPS[d]]))
  const pkg = {
    name,
    version: "0.1.0",
    private: true,
    description,
    type: "module",
    engines: { node: `>=${NODE_VERSION}` },
    scripts: {
      build: "tsc -p tsconfig.build.json",
      start: "node dist/src/main.js",
      typecheck: "tsc --noEmit",
      test: "node --import tsx --test test/*.test.ts",
    },
    dependencies,
    devDependencies: { ...NPM_DEV_DEPS },
  }
  return { path: "package.json", content: `${JSON.stringify(pkg, null, 2)}\n` }
}

export function tsconfigFiles(): StarterFile[] {
  const base = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      esModuleInterop: true,
      skipLibCheck: true,
      outDir: "dist",
      rootDir: ".",
      types: ["node"],
      allowImportingTsExtensions: true,
      rewriteRelativeImportExtensions: true,
    },
    include: ["src", "test"],
  }
  const build = { extends: "./tsconfig.json", include: ["src"] }
  return [
    { path: "tsconfig.json", content: `${JSON.stringify(base, null, 2)}\n` },
    { path: "tsconfig.build.json", content: `${JSON.stringify(build, null, 2)}\n` },
  ]
}

export function nodeDockerfile(): StarterFile {
  return {
    path: "Dockerfile",
    content: text`
      # Build
      FROM node:${token(NODE_VERSION)}-slim AS build
      WORKDIR /app
      COPY package.json package-lock.json* ./
      RUN npm install --no-audit --no-fund
      COPY . .
      RUN npm run build && npm prune --omit=dev

      # Run: distroless Node.js, non-root
      FROM gcr.io/distroless/nodejs${token(NODE_VERSION)}-debian12:nonroot
      WORKDIR /app
      COPY --from=build /app/node_modules ./node_modules
      COPY --from=build /app/dist ./dist
      COPY package.json ./
      CMD ["dist/src/main.js"]
    `,
  }
}
