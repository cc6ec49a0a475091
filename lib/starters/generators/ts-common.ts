// Pieces shared by the TypeScript starters: package.json, tsconfig, Dockerfile.
import { NODE_IMAGE_VERSION, NODE_VERSION, NPM_DEPS, NPM_DEV_DEPS } from "../go-versions"
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
      FROM node:${token(NODE_IMAGE_VERSION)}-slim AS build
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci --no-audit --no-fund
      COPY . .
      RUN npm run build && npm prune --omit=dev

      # Run: distroless Node.js, non-root
      FROM gcr.io/distroless/nodejs${token(NODE_IMAGE_VERSION)}-debian12:nonroot
      WORKDIR /app
      COPY --from=build /app/node_modules ./node_modules
      COPY --from=build /app/dist ./dist
      COPY package.json ./
      CMD ["dist/src/main.js"]
    `,
  }
}

/**
 * src/tls.ts: the serving certificate follows its files. A Secret volume is updated by swapping a
 * symlink in the mounted directory, so the directory is watched (plus a poll for file systems
 * without events); a half-written or mismatched pair is ignored and the old one kept.
 */
export function tsTlsFiles(): StarterFile[] {
  const source = text`
    // Serving certificate that follows its files, so a certificate rotated by cert-manager (or
    // replaced by hand) is served without restarting the process.
    import { readFileSync, watch, type FSWatcher } from "node:fs"
    import { dirname } from "node:path"
    import type { Server } from "node:https"

    export type KeyPair = { cert: Buffer; key: Buffer }

    export function readKeyPair(certFile: string, keyFile: string): KeyPair {
      return { cert: readFileSync(certFile), key: readFileSync(keyFile) }
    }

    export type WatchOptions = {
      /** Re-read the files this often even without a change event (ms). */
      pollMs?: number
      /** Called after each reload attempt that changed something or failed. */
      onReload?: (err?: unknown) => void
    }

    /** Reloads the server's certificate whenever the files change; returns a function that stops watching. */
    export function watchKeyPair(server: Server, certFile: string, keyFile: string, opts: WatchOptions = {}): () => void {
      let current = readKeyPair(certFile, keyFile)
      let timer: NodeJS.Timeout | undefined
      const reload = () => {
        clearTimeout(timer)
        // Let a writer finish both files before reading them.
        timer = setTimeout(() => {
          try {
            const next = readKeyPair(certFile, keyFile)
            if (next.cert.equals(current.cert) && next.key.equals(current.key)) return
            server.setSecureContext({ ...next, minVersion: "TLSv1.2" }) // throws on a mismatched pair
            current = next
            opts.onReload?.()
          } catch (err) {
            opts.onReload?.(err)
          }
        }, 200)
      }
      const watchers: FSWatcher[] = [...new Set([dirname(certFile), dirname(keyFile)])].map((dir) => watch(dir, reload))
      const poll = setInterval(reload, opts.pollMs ?? 10_000)
      poll.unref()
      return () => {
        for (const w of watchers) w.close()
        clearInterval(poll)
        clearTimeout(timer)
      }
    }
  `
  const test = text`
    // The server keeps serving and picks up a replaced certificate without a restart.
    import assert from "node:assert/strict"
    import { execFileSync } from "node:child_process"
    import { mkdtempSync, renameSync, rmSync } from "node:fs"
    import { createServer, type Server } from "node:https"
    import { tmpdir } from "node:os"
    import { join } from "node:path"
    import { connect } from "node:tls"
    import { test } from "node:test"
    import { readKeyPair, watchKeyPair } from "../src/tls.ts"

    function makeCert(dir: string, cn: string) {
      execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
        "-subj", \`/CN=\${cn}\`, "-keyout", join(dir, "tls.key.new"), "-out", join(dir, "tls.crt.new")], { stdio: "ignore" })
      renameSync(join(dir, "tls.key.new"), join(dir, "tls.key"))
      renameSync(join(dir, "tls.crt.new"), join(dir, "tls.crt"))
    }

    function servedCommonName(port: number): Promise<string> {
      return new Promise((resolve, reject) => {
        const s = connect({ port, host: "127.0.0.1", rejectUnauthorized: false }, () => {
          resolve(String(s.getPeerCertificate().subject.CN))
          s.end()
        })
        s.on("error", reject)
      })
    }

    let haveOpenssl = true
    try {
      execFileSync("openssl", ["version"], { stdio: "ignore" })
    } catch {
      haveOpenssl = false
    }

    test("a replaced certificate is served without a restart", { skip: !haveOpenssl && "openssl not installed" }, async () => {
      const dir = mkdtempSync(join(tmpdir(), "tls-"))
      let server: Server | undefined
      let stop = () => {}
      try {
        makeCert(dir, "first")
        const listening = createServer(readKeyPair(join(dir, "tls.crt"), join(dir, "tls.key")), (_req, res) => res.end("ok"))
        server = listening
        await new Promise<void>((r) => listening.listen(0, "127.0.0.1", r))
        const port = (listening.address() as { port: number }).port
        const reloaded = new Promise<void>((resolve, reject) => {
          // A watcher that never fires fails the test instead of leaving it waiting.
          setTimeout(() => reject(new Error("the replaced certificate was not loaded within 10 s")), 10_000).unref()
          stop = watchKeyPair(listening, join(dir, "tls.crt"), join(dir, "tls.key"), {
            pollMs: 500,
            onReload: (err) => (err ? reject(err) : resolve()),
          })
        })
        assert.equal(await servedCommonName(port), "first")
        makeCert(dir, "second")
        await reloaded
        assert.equal(await servedCommonName(port), "second")
      } finally {
        // Also when an assertion fails: an open server or watcher would keep node --test running.
        stop()
        server?.close()
        rmSync(dir, { recursive: true, force: true })
      }
    })
  `
  return [
    { path: "src/tls.ts", content: source },
    { path: "test/tls.test.ts", content: test },
  ]
}
