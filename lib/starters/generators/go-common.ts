// Pieces shared by the Go starters: go.mod, Dockerfile, Makefile targets and the TLS server
// bootstrap used by every webhook-style server.
import { GO_DEPS, GO_VERSION, type GoDep } from "../go-versions"
import { safeText, go, ident, str, text, token, unsafeFragment, type Safe } from "../code"
import type { MakeTarget } from "../builders"
import type { StarterFile } from "../types"

/**
 * go.mod with the direct requirements (and `tool` directives). The generator replaces it with the
 * pinned, tidy go.mod + go.sum of this dependency set (lib/starters/locks), so the project builds
 * with `-mod=readonly` as downloaded.
 */
export function goMod(module: string, deps: readonly GoDep[], tools: readonly string[] = []): StarterFile {
  const requires = [...new Set(deps)].sort().map((d) => `\t${d} ${GO_DEPS[d]}`)
  token(module) // passed the GO_MODULE pattern already; throws on anything outside the safe charset
  const toolBlock = tools.length ? `\ntool (\n${[...tools].sort().map((t) => `\t${t}`).join("\n")}\n)\n` : ""
  return {
    path: "go.mod",
    content: `module ${module}\n\ngo ${GO_VERSION}\n\nrequire (\n${requires.join("\n")}\n)\n${toolBlock}`,
  }
}

/** Multi-stage build: static binary on distroless, non-root. */
export function goDockerfile(cmd: string): StarterFile {
  return {
    path: "Dockerfile",
    content: text`
      # Build
      FROM golang:${token(GO_VERSION)} AS build
      WORKDIR /src
      COPY go.mod go.sum ./
      RUN go mod download
      COPY . .
      RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./${token(cmd)}

      # Run: distroless, no shell, non-root
      FROM gcr.io/distroless/static:nonroot
      COPY --from=build /out/app /app
      USER 65532:65532
      ENTRYPOINT ["/app"]
    `,
  }
}

export function goDockerignore(): StarterFile {
  return { path: ".dockerignore", content: "bin/\n.git/\n*.md\n" }
}

/**
 * Standard Go targets: fmt, vet, test, build, docker-build, and tidy (only after you change
 * imports: go.mod and go.sum ship pinned, and builds are -mod=readonly).
 */
export function goMakeTargets(cmd: string): MakeTarget[] {
  return [
    { name: "tidy", help: "Update go.mod/go.sum after changing imports", recipe: ["go mod tidy"] },
    { name: "fmt", help: "Format the code", recipe: ["go fmt ./..."] },
    { name: "vet", help: "Run go vet", recipe: ["go vet ./..."] },
    { name: "test", help: "Run the unit tests", recipe: ["go test ./..."] },
    { name: "build", help: "Build the binary into bin/", recipe: [`go build -o bin/app ./${cmd}`] },
    { name: "docker-build", help: "Build the container image", recipe: ["docker build -t $(IMG) ."] },
    { name: "docker-push", help: "Push the container image", recipe: ["docker push $(IMG)"] },
  ]
}

/**
 * Go: an HTTPS server that reloads nothing and needs nothing but a cert and key
 * (mounted from a Secret), shuts down gracefully, and serves /healthz.
 */
export function goTlsServe(): string {
  return go`
    // serveTLS runs an HTTPS server until SIGTERM/SIGINT, then drains for up to 10 seconds.
    func serveTLS(addr, certFile, keyFile string, handler http.Handler) error {
      srv := &http.Server{
        Addr:              addr,
        Handler:           handler,
        ReadHeaderTimeout: 10 * time.Second,
        TLSConfig:         &tls.Config{MinVersion: tls.VersionTLS12},
      }
      ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
      defer stop()
      errCh := make(chan error, 1)
      go func() { errCh <- srv.ListenAndServeTLS(certFile, keyFile) }()
      select {
      case err := <-errCh:
        return err
      case <-ctx.Done():
        shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
        defer cancel()
        return srv.Shutdown(shutdownCtx)
      }
    }
  `
}

/**
 * Go: an HTTPS server whose certificate follows its files. controller-runtime's certwatcher
 * re-reads tls.crt/tls.key when they change (fsnotify, plus a 10-second poll that catches the
 * symlink swap of a Secret volume), so a certificate rotated by cert-manager is served without a
 * restart. Needs the imports context, crypto/tls, log, net/http, os, os/signal, syscall, time and
 * sigs.k8s.io/controller-runtime/pkg/certwatcher.
 */
export function goTlsServeWatched(): string {
  return go`
    // serveTLS runs an HTTPS server until SIGTERM/SIGINT, then drains for up to 10 seconds. The
    // certificate is reloaded whenever certFile or keyFile change.
    func serveTLS(addr, certFile, keyFile string, handler http.Handler) error {
      ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
      defer stop()
      watcher, err := certwatcher.New(certFile, keyFile)
      if err != nil {
        return err
      }
      go func() {
        if err := watcher.Start(ctx); err != nil {
          log.Printf("certificate watcher stopped: %v", err)
        }
      }()
      srv := &http.Server{
        Addr:              addr,
        Handler:           handler,
        ReadHeaderTimeout: 10 * time.Second,
        TLSConfig:         &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: watcher.GetCertificate},
      }
      errCh := make(chan error, 1)
      go func() { errCh <- srv.ListenAndServeTLS("", "") }()
      select {
      case err := <-errCh:
        return err
      case <-ctx.Done():
        shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
        defer cancel()
        return srv.Shutdown(shutdownCtx)
      }
    }
  `
}

type GoImport = string | readonly [string, string]

/** A gofmt-style import block: standard library, modules, then local packages; each group sorted by path. */
export function goImports(std: readonly string[], mods: readonly GoImport[], local: readonly GoImport[] = []): Safe {
  const path = (m: GoImport) => (typeof m === "string" ? m : m[1])
  const line = (m: GoImport) =>
    typeof m === "string" ? `  ${safeText(str(m))}` : `  ${safeText(ident(m[0]))} ${safeText(str(m[1]))}`
  const groups = [std.map((p) => p as GoImport), mods, local]
    .filter((g) => g.length > 0)
    .map((g) => [...g].sort((a, b) => (path(a) < path(b) ? -1 : 1)).map(line).join("\n"))
  return unsafeFragment(`import (\n${groups.join("\n\n")}\n)`)
}
