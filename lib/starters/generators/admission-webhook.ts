// Validating and mutating admission webhook starters (Go or TypeScript): an AdmissionReview v1
// server with unit tests, the webhook configuration with safe defaults (sideEffects None,
// short timeout, kube-system and the webhook's own namespace excluded), Deployment + Service +
// PodDisruptionBudget, and serving certificates via cert-manager or a self-signed script.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, num, str, text, token } from "../code"
import {
  apiGroup,
  choice,
  dnsLabel,
  flag,
  goModule,
  imageRef,
  int,
  k8sMinor,
  labelKey,
  labelValue,
  language,
  namespace,
} from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { selfSignedScript } from "./certs"
import { appLabels } from "./common"
import { goDockerfile, goDockerignore, goImports, goMakeTargets, goMod, goTlsServeWatched } from "./go-common"
import {
  certManagerObjects,
  deploymentObject,
  namespaceObject,
  pdbObject,
  serviceAccountObject,
  serviceObject,
} from "./k8s-objects"
import { nodeDockerfile, packageJson, tsconfigFiles, tsTlsFiles } from "./ts-common"

type Mode = "validating" | "mutating"

const PORT = 8443

function schemaFor(mode: Mode) {
  const base = {
    name: dnsLabel().default(mode === "validating" ? "deployment-policy" : "deployment-defaults"),
    // Each webhook starter has a namespace of its own, so removing one (make undeploy deletes the
    // namespace) never takes away the server of the other.
    namespace: namespace().default(mode === "validating" ? "deployment-policy-system" : "deployment-defaults-system"),
    group: apiGroup().default("example.com"),
    language: language(["go", "typescript"]),
    module: goModule().default(mode === "validating" ? "example.com/deployment-policy" : "example.com/deployment-defaults"),
    image: imageRef().default(
      mode === "validating" ? "registry.example.com/deployment-policy:v0.1.0" : "registry.example.com/deployment-defaults:v0.1.0",
    ),
    certificates: choice(["cert-manager", "self-signed"], "cert-manager"),
    failurePolicy: choice(["Fail", "Ignore"], "Fail"),
    timeoutSeconds: int(1, 30, 5),
    replicas: int(1, 5, 2),
    label: labelKey().default("team"),
    k8s: k8sMinor(),
  }
  return mode === "validating"
    ? z.object({ ...base, dryRunSafe: flag(true) }).strict()
    : z.object({ ...base, value: labelValue().default("unassigned"), dryRunSafe: flag(true) }).strict()
}

const validatingSchema = schemaFor("validating")
const mutatingSchema = schemaFor("mutating")
type Options = z.output<typeof validatingSchema> & { value?: string }

function paths(mode: Mode) {
  return mode === "validating" ? { path: "/validate", kind: "ValidatingWebhookConfiguration" } : { path: "/mutate", kind: "MutatingWebhookConfiguration" }
}

function webhookConfiguration(mode: Mode, o: Options): Record<string, unknown> {
  const { path, kind } = paths(mode)
  const webhook: Record<string, unknown> = {
    name: `${o.name}.${o.group}`,
    admissionReviewVersions: ["v1"],
    sideEffects: o.dryRunSafe ? "None" : "NoneOnDryRun",
    failurePolicy: o.failurePolicy,
    timeoutSeconds: o.timeoutSeconds,
    matchPolicy: "Equivalent",
    // Never gate the control plane's own namespaces or the webhook's namespace (a webhook
    // that must admit its own pods can deadlock the cluster after a restart).
    namespaceSelector: {
      matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system", "kube-node-lease", o.namespace] }],
    },
    rules: [{ apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"], scope: "Namespaced" }],
    clientConfig: { service: { name: o.name, namespace: o.namespace, path, port: 443 } },
  }
  if (mode === "mutating") webhook.reinvocationPolicy = "Never"
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind,
    metadata: {
      name: o.name,
      labels: appLabels(o.name, "webhook"),
      ...(o.certificates === "cert-manager" ? { annotations: { "cert-manager.io/inject-ca-from": `${o.namespace}/${o.name}-serving` } } : {}),
    },
    webhooks: [webhook],
  }
}

// ---------------------------------------------------------------- Go

function goReview(mode: Mode, o: Options): string {
  const body =
    mode === "validating"
      ? go`
          if d.Labels[RequiredLabel] == "" {
            resp.Allowed = false
            resp.Result = &metav1.Status{
              Code:    http.StatusForbidden,
              Reason:  metav1.StatusReasonForbidden,
              Message: fmt.Sprintf("deployment %q must have the label %q", d.Name, RequiredLabel),
            }
          }
          return resp
        `
      : go`
          if _, ok := d.Labels[DefaultLabel]; ok {
            return resp
          }
          var patch []map[string]any
          if d.Labels == nil {
            patch = append(patch, map[string]any{"op": "add", "path": "/metadata/labels", "value": map[string]string{DefaultLabel: DefaultValue}})
          } else {
            patch = append(patch, map[string]any{"op": "add", "path": "/metadata/labels/" + escapeJSONPointer(DefaultLabel), "value": DefaultValue})
          }
          raw, err := json.Marshal(patch)
          if err != nil {
            return deny(req, http.StatusInternalServerError, err.Error())
          }
          pt := admissionv1.PatchTypeJSONPatch
          resp.Patch = raw
          resp.PatchType = &pt
          return resp
        `
  const consts =
    mode === "validating"
      ? go`
          // RequiredLabel must be set on every Deployment.
          const RequiredLabel = ${str(o.label)}
        `
      : go`
          // DefaultLabel is added with DefaultValue to Deployments that do not have it.
          const (
            DefaultLabel = ${str(o.label)}
            DefaultValue = ${str(o.value ?? "")}
          )
        `
  const extra =
    mode === "mutating"
      ? go`

          // escapeJSONPointer escapes a map key for use in a JSON Patch path (RFC 6901).
          func escapeJSONPointer(s string) string {
            return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
          }
        `
      : ""
  return (
    go`
      // Package webhook decides AdmissionReview v1 requests for Deployments.
      package webhook

      ${goImports(["encoding/json", "fmt", "io", "net/http", ...(mode === "mutating" ? ["strings"] : [])], [
        ["admissionv1", "k8s.io/api/admission/v1"],
        ["appsv1", "k8s.io/api/apps/v1"],
        ["metav1", "k8s.io/apimachinery/pkg/apis/meta/v1"],
      ])}
    ` +
    "\n" +
    consts +
    go`

      // maxBody caps request bodies; kube-apiserver sends at most a few MiB.
      const maxBody = 3 << 20

      // Review decides one AdmissionRequest. It never returns nil.
      func Review(req *admissionv1.AdmissionRequest) *admissionv1.AdmissionResponse {
        resp := &admissionv1.AdmissionResponse{UID: req.UID, Allowed: true}
        if req.Kind.Group != "apps" || req.Kind.Kind != "Deployment" {
          return resp
        }
        var d appsv1.Deployment
        if err := json.Unmarshal(req.Object.Raw, &d); err != nil {
          return deny(req, http.StatusBadRequest, fmt.Sprintf("cannot decode the Deployment: %v", err))
        }
    ` +
    body.replace(/^/gm, "\t").replace(/^\t$/gm, "") +
    go`
      }

      func deny(req *admissionv1.AdmissionRequest, code int32, msg string) *admissionv1.AdmissionResponse {
        return &admissionv1.AdmissionResponse{
          UID:     req.UID,
          Allowed: false,
          Result:  &metav1.Status{Code: code, Message: msg},
        }
      }

      // Handler serves POSTed AdmissionReview v1 objects.
      func Handler(w http.ResponseWriter, r *http.Request) {
        if r.Method != http.MethodPost {
          http.Error(w, "use POST", http.StatusMethodNotAllowed)
          return
        }
        body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
        if err != nil {
          http.Error(w, "cannot read body", http.StatusBadRequest)
          return
        }
        var review admissionv1.AdmissionReview
        if err := json.Unmarshal(body, &review); err != nil || review.Request == nil {
          http.Error(w, "expected an AdmissionReview with a request", http.StatusBadRequest)
          return
        }
        out := admissionv1.AdmissionReview{
          TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1", Kind: "AdmissionReview"},
          Response: Review(review.Request),
        }
        w.Header().Set("Content-Type", "application/json")
        _ = json.NewEncoder(w).Encode(out)
      }
    ` +
    extra
  )
}

function goReviewTest(mode: Mode, o: Options): string {
  const cases =
    mode === "validating"
      ? go`
          func TestReview(t *testing.T) {
            tests := []struct {
              name    string
              labels  map[string]string
              allowed bool
            }{
              {"with label", map[string]string{RequiredLabel: "payments"}, true},
              {"without labels", nil, false},
              {"empty value", map[string]string{RequiredLabel: ""}, false},
            }
            for _, tc := range tests {
              t.Run(tc.name, func(t *testing.T) {
                resp := Review(request(t, tc.labels))
                if resp.Allowed != tc.allowed {
                  t.Fatalf("allowed = %v, want %v (%v)", resp.Allowed, tc.allowed, resp.Result)
                }
                if resp.UID != "uid-1" {
                  t.Fatalf("uid = %q, want uid-1", resp.UID)
                }
              })
            }
          }
        `
      : go`
          func TestReview(t *testing.T) {
            tests := []struct {
              name      string
              labels    map[string]string
              wantPatch string
            }{
              {"already labelled", map[string]string{DefaultLabel: "x"}, ""},
              {"no labels", nil, ${str(JSON.stringify([{ op: "add", path: "/metadata/labels", value: { [o.label]: o.value ?? "" } }]))}},
              {"other labels", map[string]string{"app": "web"}, ${str(JSON.stringify([{ op: "add", path: `/metadata/labels/${o.label.replace(/~/g, "~0").replace(/\//g, "~1")}`, value: o.value ?? "" }]))}},
            }
            for _, tc := range tests {
              t.Run(tc.name, func(t *testing.T) {
                resp := Review(request(t, tc.labels))
                if !resp.Allowed {
                  t.Fatalf("denied: %v", resp.Result)
                }
                if string(resp.Patch) != tc.wantPatch {
                  t.Fatalf("patch = %s, want %s", resp.Patch, tc.wantPatch)
                }
              })
            }
          }
        `
  return (
    go`
      package webhook

      import (
        "bytes"
        "encoding/json"
        "net/http"
        "net/http/httptest"
        "testing"

        admissionv1 "k8s.io/api/admission/v1"
        appsv1 "k8s.io/api/apps/v1"
        metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        "k8s.io/apimachinery/pkg/runtime"
      )

      func request(t *testing.T, labels map[string]string) *admissionv1.AdmissionRequest {
        t.Helper()
        raw, err := json.Marshal(appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "web", Labels: labels}})
        if err != nil {
          t.Fatal(err)
        }
        return &admissionv1.AdmissionRequest{
          UID:    "uid-1",
          Kind:   metav1.GroupVersionKind{Group: "apps", Version: "v1", Kind: "Deployment"},
          Object: runtime.RawExtension{Raw: raw},
        }
      }

    ` +
    cases +
    go`

      func TestHandler(t *testing.T) {
        review := admissionv1.AdmissionReview{
          TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1", Kind: "AdmissionReview"},
          Request:  request(t, nil),
        }
        body, _ := json.Marshal(review)
        rec := httptest.NewRecorder()
        Handler(rec, httptest.NewRequest(http.MethodPost, ${str(paths(mode).path)}, bytes.NewReader(body)))
        if rec.Code != http.StatusOK {
          t.Fatalf("status = %d", rec.Code)
        }
        var out admissionv1.AdmissionReview
        if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
          t.Fatal(err)
        }
        if out.Kind != "AdmissionReview" || out.Response == nil || out.Response.UID != "uid-1" {
          t.Fatalf("unexpected response %+v", out)
        }

        rec = httptest.NewRecorder()
        Handler(rec, httptest.NewRequest(http.MethodPost, ${str(paths(mode).path)}, bytes.NewReader([]byte("{}"))))
        if rec.Code != http.StatusBadRequest {
          t.Fatalf("empty review: status = %d, want 400", rec.Code)
        }
      }
    `
  )
}

function goMain(mode: Mode, o: Options): string {
  return (
    go`
      // Command webhook serves the ${token(mode)} admission webhook over HTTPS.
      package main

      import (
        "context"
        "crypto/tls"
        "flag"
        "log"
        "net/http"
        "os"
        "os/signal"
        "syscall"
        "time"

        "github.com/go-logr/logr/funcr"
        "sigs.k8s.io/controller-runtime/pkg/certwatcher"
        ctrllog "sigs.k8s.io/controller-runtime/pkg/log"

        "${token(o.module)}/internal/webhook"
      )

      func main() {
        addr := flag.String("addr", ":${num(PORT)}", "listen address")
        cert := flag.String("tls-cert-file", "/tls/tls.crt", "serving certificate")
        key := flag.String("tls-private-key-file", "/tls/tls.key", "serving key")
        flag.Parse()
        // certwatcher logs through controller-runtime's logger: send it to the standard log.
        ctrllog.SetLogger(funcr.New(func(prefix, args string) { log.Println(prefix, args) }, funcr.Options{}))

        mux := http.NewServeMux()
        mux.HandleFunc(${str(paths(mode).path)}, webhook.Handler)
        mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })

        log.Printf("listening on %s", *addr)
        if err := serveTLS(*addr, *cert, *key, mux); err != nil && err != http.ErrServerClosed {
          log.Fatal(err)
        }
      }

    ` + goTlsServeWatched()
  )
}

// ---------------------------------------------------------------- TypeScript

function tsReview(mode: Mode, o: Options): string {
  const decide =
    mode === "validating"
      ? text`
          /** Every Deployment must carry this label. */
          export const REQUIRED_LABEL = ${str(o.label)}

          export function review(req: AdmissionRequest): AdmissionResponse {
            const allowed: AdmissionResponse = { uid: req.uid, allowed: true }
            if (req.kind.group !== "apps" || req.kind.kind !== "Deployment") return allowed
            const labels = req.object?.metadata?.labels ?? {}
            if (!labels[REQUIRED_LABEL]) {
              return {
                uid: req.uid,
                allowed: false,
                status: { code: 403, reason: "Forbidden", message: \`deployment "\${req.object?.metadata?.name ?? ""}" must have the label "\${REQUIRED_LABEL}"\` },
              }
            }
            return allowed
          }
        `
      : text`
          /** Added with DEFAULT_VALUE to Deployments that do not have it. */
          export const DEFAULT_LABEL = ${str(o.label)}
          export const DEFAULT_VALUE = ${str(o.value ?? "")}

          /** Escapes a map key for a JSON Patch path (RFC 6901). */
          export function escapeJsonPointer(s: string): string {
            return s.replaceAll("~", "~0").replaceAll("/", "~1")
          }

          export function review(req: AdmissionRequest): AdmissionResponse {
            const allowed: AdmissionResponse = { uid: req.uid, allowed: true }
            if (req.kind.group !== "apps" || req.kind.kind !== "Deployment") return allowed
            const labels = req.object?.metadata?.labels
            if (labels && DEFAULT_LABEL in labels) return allowed
            const patch = labels
              ? [{ op: "add", path: \`/metadata/labels/\${escapeJsonPointer(DEFAULT_LABEL)}\`, value: DEFAULT_VALUE }]
              : [{ op: "add", path: "/metadata/labels", value: { [DEFAULT_LABEL]: DEFAULT_VALUE } }]
            return { ...allowed, patchType: "JSONPatch", patch: Buffer.from(JSON.stringify(patch)).toString("base64") }
          }
        `
  return (
    text`
      // AdmissionReview v1 types (the fields this webhook uses) and the decision function.

      export type AdmissionRequest = {
        uid: string
        kind: { group: string; version: string; kind: string }
        operation: string
        namespace?: string
        object?: { metadata?: { name?: string; labels?: Record<string, string> } }
      }

      export type AdmissionResponse = {
        uid: string
        allowed: boolean
        status?: { code: number; reason?: string; message: string }
        patchType?: "JSONPatch"
        patch?: string
      }

      export type AdmissionReview = {
        apiVersion: "admission.k8s.io/v1"
        kind: "AdmissionReview"
        request?: AdmissionRequest
        response?: AdmissionResponse
      }

    ` +
    "\n" +
    decide +
    text`

      /** Answers one AdmissionReview body; throws on input that is not an AdmissionReview v1 request. */
      export function handleReview(body: unknown): AdmissionReview {
        const r = body as Partial<AdmissionReview> | null
        if (!r || r.apiVersion !== "admission.k8s.io/v1" || r.kind !== "AdmissionReview" || !r.request?.uid || !r.request.kind) {
          throw new Error("expected an admission.k8s.io/v1 AdmissionReview with a request")
        }
        return { apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", response: review(r.request) }
      }
    `
  )
}

function tsServer(mode: Mode): string {
  return text`
    // HTTPS server for the ${token(mode)} admission webhook.
    import { createServer } from "node:https"
    import { handleReview } from "./review.ts"
    import { readKeyPair, watchKeyPair } from "./tls.ts"

    const MAX_BODY = 3 * 1024 * 1024
    const port = Number(process.env.PORT ?? ${num(PORT)})
    const certFile = process.env.TLS_CERT_FILE ?? "/tls/tls.crt"
    const keyFile = process.env.TLS_KEY_FILE ?? "/tls/tls.key"
    const options = { ...readKeyPair(certFile, keyFile), minVersion: "TLSv1.2" as const }

    const server = createServer(options, (req, res) => {
      if (req.url === "/healthz") {
        res.writeHead(200).end("ok")
        return
      }
      if (req.url?.split("?")[0] !== ${str(paths(mode).path)} || req.method !== "POST") {
        res.writeHead(404).end()
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      req.on("data", (c: Buffer) => {
        size += c.length
        if (size > MAX_BODY) req.destroy()
        else chunks.push(c)
      })
      req.on("end", () => {
        try {
          const out = handleReview(JSON.parse(Buffer.concat(chunks).toString("utf8")))
          res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(out))
        } catch (err) {
          res.writeHead(400).end(String(err instanceof Error ? err.message : err))
        }
      })
    })

    // A rotated certificate (cert-manager renews the Secret, the kubelet updates the volume) is
    // picked up without a restart.
    const stopWatching = watchKeyPair(server, certFile, keyFile, {
      onReload: (err) => (err ? console.error("certificate reload failed, keeping the old one:", err) : console.log("serving certificate reloaded")),
    })

    server.listen(port, () => console.log(\`listening on :\${port}\`))
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.on(signal, () => {
        stopWatching()
        server.close(() => process.exit(0))
      })
    }
  `
}

function tsTest(mode: Mode, o: Options): string {
  const cases =
    mode === "validating"
      ? text`
          test("allows Deployments with the label", () => {
            assert.equal(review(request({ [REQUIRED_LABEL]: "payments" })).allowed, true)
          })

          test("denies Deployments without the label", () => {
            const res = review(request(undefined))
            assert.equal(res.allowed, false)
            assert.equal(res.status?.code, 403)
            assert.equal(res.uid, "uid-1")
          })
        `
      : text`
          const decode = (p?: string) => JSON.parse(Buffer.from(p ?? "", "base64").toString("utf8"))

          test("leaves labelled Deployments alone", () => {
            const res = review(request({ [DEFAULT_LABEL]: "x" }))
            assert.equal(res.allowed, true)
            assert.equal(res.patch, undefined)
          })

          test("adds the labels map when missing", () => {
            const res = review(request(undefined))
            assert.equal(res.patchType, "JSONPatch")
            assert.deepEqual(decode(res.patch), [{ op: "add", path: "/metadata/labels", value: { [DEFAULT_LABEL]: DEFAULT_VALUE } }])
          })

          test("adds one label next to others", () => {
            const res = review(request({ app: "web" }))
            assert.deepEqual(decode(res.patch), [${str(JSON.stringify({ op: "add", path: `/metadata/labels/${o.label.replace(/~/g, "~0").replace(/\//g, "~1")}`, value: o.value ?? "" }))}].map((s) => JSON.parse(s)))
          })
        `
  const imports = mode === "validating" ? "REQUIRED_LABEL" : "DEFAULT_LABEL, DEFAULT_VALUE"
  return (
    text`
      import assert from "node:assert/strict"
      import { test } from "node:test"
      import { handleReview, review, ${token(imports.replace(/ /g, ""))} } from "../src/review.ts"

      const request = (labels: Record<string, string> | undefined) => ({
        uid: "uid-1",
        kind: { group: "apps", version: "v1", kind: "Deployment" },
        operation: "CREATE",
        object: { metadata: { name: "web", ...(labels ? { labels } : {}) } },
      })

    ` +
    "\n" +
    cases +
    text`

      test("handleReview wraps the response and rejects other bodies", () => {
        const out = handleReview({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: request({}) })
        assert.equal(out.kind, "AdmissionReview")
        assert.equal(out.response?.uid, "uid-1")
        assert.throws(() => handleReview({}))
      })
    `
  )
}

// ---------------------------------------------------------------- project

function generateWebhook(mode: Mode, o: Options) {
  const isGo = o.language === "go"
  const title = mode === "validating" ? "Validating admission webhook" : "Mutating admission webhook"
  const mechanism = mode === "validating" ? "validating-admission-webhook" : "mutating-admission-webhook"
  const certManager = o.certificates === "cert-manager"
  const { kind } = paths(mode)

  const serverArgs = isGo ? ["--tls-cert-file=/tls/tls.crt", "--tls-private-key-file=/tls/tls.key"] : []
  const files: StarterFile[] = [
    { path: "deploy/namespace.yaml", content: yamlDoc(namespaceObject(o.namespace)) },
    {
      path: "deploy/server.yaml",
      content: yamlDocs([
        // The server never calls the Kubernetes API, so it gets no token and no roles.
        serviceAccountObject(o.name, o.namespace, false),
        deploymentObject({
          name: o.name,
          namespace: o.namespace,
          image: o.image,
          args: serverArgs,
          port: PORT,
          replicas: o.replicas,
          tlsSecret: `${o.name}-tls`,
          probePath: "/healthz",
          automountToken: false,
        }),
        serviceObject(o.name, o.namespace, PORT),
        pdbObject(o.name, o.namespace),
      ]),
    },
    { path: "deploy/webhook.yaml", content: yamlDoc(webhookConfiguration(mode, o)) },
    kustomization("deploy", {
      resources: ["namespace.yaml", "server.yaml", ...(certManager ? ["certificate.yaml"] : []), "webhook.yaml"],
    }),
    {
      path: "test/deployment-without-label.yaml",
      content: yamlDocs(
        [{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "unlabelled", namespace: "default" }, spec: sampleDeploymentSpec() }],
        mode === "validating" ? "The webhook denies this Deployment (no required label)." : "The webhook adds the default label to this Deployment.",
      ),
    },
    gitignore(["bin/", "certs/", "dist/", "node_modules/"]),
  ]
  if (certManager) files.push({ path: "deploy/certificate.yaml", content: yamlDocs(certManagerObjects(o.name, o.namespace)) })
  else
    files.push(
      selfSignedScript({
        name: o.name,
        namespace: o.namespace,
        dnsNames: [`${o.name}.${o.namespace}.svc`, `${o.name}.${o.namespace}.svc.cluster.local`],
        createSecret: true,
        patchWebhook: { resource: mode === "validating" ? "validatingwebhookconfiguration" : "mutatingwebhookconfiguration", name: o.name, count: 1 },
      }),
    )

  if (isGo) {
    files.push(
      goMod(o.module, ["k8s.io/api", "k8s.io/apimachinery", "sigs.k8s.io/controller-runtime"]),
      { path: "cmd/webhook/main.go", content: goMain(mode, o) },
      { path: "internal/webhook/webhook.go", content: goReview(mode, o) },
      { path: "internal/webhook/webhook_test.go", content: goReviewTest(mode, o) },
      goDockerfile("cmd/webhook"),
      goDockerignore(),
    )
  } else {
    files.push(
      packageJson(o.name, `${title} (AdmissionReview v1)`, []),
      ...tsconfigFiles(),
      { path: "src/review.ts", content: tsReview(mode, o) },
      { path: "src/main.ts", content: tsServer(mode) },
      ...tsTlsFiles(),
      { path: "test/review.test.ts", content: tsTest(mode, o) },
      nodeDockerfile(),
      { path: ".dockerignore", content: "node_modules/\ndist/\n.git/\n" },
    )
  }

  const deploySteps = certManager
    ? ["# needs cert-manager in the cluster (https://cert-manager.io/docs/installation/)", "make docker-build docker-push IMG=" + o.image, "make deploy"]
    : [
        "make docker-build docker-push IMG=" + o.image,
        "kubectl apply -f deploy/namespace.yaml",
        "hack/gen-certs.sh --apply   # throwaway CA + serving cert Secret (no cert-manager)",
        "make deploy",
        "hack/gen-certs.sh --apply   # again, now that the webhook configuration exists: patches caBundle",
      ]
  const mkTargets = isGo
    ? goMakeTargets("cmd/webhook")
    : [
        { name: "install", help: "Install dependencies", recipe: ["npm install"] },
        { name: "typecheck", help: "Type-check", recipe: ["npm run typecheck"] },
        { name: "test", help: "Run the unit tests", recipe: ["npm test"] },
        { name: "build", help: "Compile to dist/", recipe: ["npm run build"] },
        { name: "docker-build", help: "Build the container image", recipe: ["docker build -t $(IMG) ."] },
        { name: "docker-push", help: "Push the container image", recipe: ["docker push $(IMG)"] },
      ]
  files.push(
    makefile(
      [
        ["IMG", o.image],
        ["KUBECTL", "kubectl"],
      ],
      [
        ...mkTargets,
        { name: "deploy", help: "Deploy server and webhook configuration", recipe: ["$(KUBECTL) apply -k deploy"] },
        {
          name: "undeploy",
          help: "Remove the webhook configuration first, then the server and its namespace",
          // With the configuration gone first, no request is ever sent to a server being deleted
          // (with failurePolicy Fail that request would be rejected).
          recipe: ["$(KUBECTL) delete -f deploy/webhook.yaml --ignore-not-found --wait", "$(KUBECTL) delete -k deploy --ignore-not-found"],
        },
      ],
    ),
    readme({
      mechanism,
      title: `${title}: ${o.name}`,
      what:
        (mode === "validating"
          ? `Rejects Deployments that lack the \`${o.label}\` label. `
          : `Adds the label \`${o.label}: ${o.value ?? ""}\` to Deployments that do not set it. `) +
        `A ${isGo ? "Go" : "TypeScript (Node.js)"} HTTPS server answers AdmissionReview v1 requests from kube-apiserver; ` +
        `the ${kind} uses safe defaults: \`sideEffects: ${o.dryRunSafe ? "None" : "NoneOnDryRun"}\`, \`timeoutSeconds: ${o.timeoutSeconds}\`, ` +
        `\`failurePolicy: ${o.failurePolicy}\`, \`matchPolicy: Equivalent\`, and kube-system, kube-node-lease and \`${o.namespace}\` excluded by namespaceSelector.`,
      k8s: o.k8s,
      versionNotes: [
        "`admissionregistration.k8s.io/v1` webhook configurations and `matchConditions` work on every supported minor (1.30+).",
        o.failurePolicy === "Fail"
          ? `\`failurePolicy: Fail\` blocks Deployment changes while the server is down: keep ${o.replicas} replicas and the PodDisruptionBudget.`
          : "`failurePolicy: Ignore` lets requests through while the server is down: the rule is best-effort.",
        mode === "validating"
          ? "If the rule needs no external data, a ValidatingAdmissionPolicy (CEL, in-process) avoids running a server at all."
          : "From 1.36 MutatingAdmissionPolicy (CEL, in-process) is GA and can often replace a mutating webhook.",
      ],
      files: [
        ...(isGo
          ? [
              { path: "cmd/webhook/main.go", purpose: "HTTPS server (TLS 1.2+, graceful shutdown, /healthz)" },
              { path: "internal/webhook/webhook.go", purpose: "AdmissionReview v1 handling and the decision" },
              { path: "internal/webhook/webhook_test.go", purpose: "unit tests (`go test ./...`)" },
            ]
          : [
              { path: "src/main.ts", purpose: "HTTPS server (TLS 1.2+, /healthz)" },
              { path: "src/review.ts", purpose: "AdmissionReview v1 types and the decision" },
              { path: "test/review.test.ts", purpose: "unit tests (`npm test`, node:test)" },
            ]),
        { path: "deploy/server.yaml", purpose: "ServiceAccount (no token), Deployment, Service, PodDisruptionBudget" },
        { path: "deploy/webhook.yaml", purpose: kind },
        certManager
          ? { path: "deploy/certificate.yaml", purpose: "cert-manager Issuer and Certificate; cainjector fills caBundle" }
          : { path: "hack/gen-certs.sh", purpose: "self-signed CA and serving certificate for local development" },
        { path: "test/deployment-without-label.yaml", purpose: "a Deployment to try the webhook with" },
      ],
      build: isGo ? ["make test", "make build"] : ["npm install", "npm run typecheck", "npm test", "npm run build"],
      deploy: deploySteps,
      test: [isGo ? "make test" : "npm test"],
      try: [
        "kubectl apply -f test/deployment-without-label.yaml" + (mode === "validating" ? "   # denied" : "   # gets the label"),
        ...(mode === "validating"
          ? [`kubectl label -f test/deployment-without-label.yaml --local -o yaml ${o.label}=payments | kubectl apply -f -   # allowed`]
          : [`kubectl get deployment unlabelled -n default -o jsonpath='{.metadata.labels}'`]),
        `kubectl create deployment excluded --image=registry.k8s.io/pause:3.10 -n ${o.namespace}   # ${mode === "validating" ? "allowed" : "not labelled"}: the webhook's own namespace is excluded`,
      ],
      removeNotes: [
        `\`make undeploy\` deletes the ${kind} first and only then the server, its Service and the \`${o.namespace}\` namespace, ` +
          "so no request reaches a server that is going away. The namespace belongs to this starter alone: other webhooks keep working.",
      ],
      remove: [
        "kubectl delete -f test/deployment-without-label.yaml --ignore-not-found",
        `kubectl delete deployment excluded -n ${o.namespace} --ignore-not-found`,
        "make undeploy",
        ...(certManager ? [] : ["rm -rf certs/"]),
      ],
      nextSteps: [
        "Change the rule in " + (isGo ? "`internal/webhook/webhook.go`" : "`src/review.ts`") + " and the `rules` in deploy/webhook.yaml together.",
        "Start with `failurePolicy: Ignore` in production, watch the apiserver metrics `apiserver_admission_webhook_*`, then switch to `Fail`.",
        "Add `matchConditions` (CEL) to skip requests cheaply before they reach the server.",
      ],
    }),
  )
  return { root: o.name, files }
}

function sampleDeploymentSpec() {
  return {
    replicas: 1,
    selector: { matchLabels: { app: "unlabelled" } },
    template: {
      metadata: { labels: { app: "unlabelled" } },
      spec: { containers: [{ name: "app", image: "registry.k8s.io/pause:3.10" }] },
    },
  }
}

export const validatingWebhookStarter = defineStarter({
  id: "validating-admission-webhook",
  schema: validatingSchema,
  languages: ["go", "typescript"],
  targets: KUBERNETES_MINORS,
  variants: [
    { name: "typescript", options: { language: "typescript" } },
    { name: "go-self-signed", options: { certificates: "self-signed", label: "example.com/team" } },
  ],
  generate: (o) => generateWebhook("validating", o),
})

export const mutatingWebhookStarter = defineStarter({
  id: "mutating-admission-webhook",
  schema: mutatingSchema,
  languages: ["go", "typescript"],
  targets: KUBERNETES_MINORS,
  variants: [
    { name: "typescript", options: { language: "typescript", label: "example.com/team" } },
    { name: "go-self-signed", options: { certificates: "self-signed", label: "example.com/team" } },
  ],
  generate: (o) => generateWebhook("mutating", o),
})
