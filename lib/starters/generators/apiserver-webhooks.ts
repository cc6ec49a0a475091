// Webhooks that kube-apiserver calls through a kubeconfig file (not API objects): token
// authentication (TokenReview), authorization (SubjectAccessReview + AuthorizationConfiguration),
// ImagePolicyWebhook (ImageReview + AdmissionConfiguration); plus structured JWT authentication
// (AuthenticationConfiguration, no server). Servers run as static Pods on control-plane nodes,
// listening on 127.0.0.1, so kube-apiserver reaches them without cluster DNS.
import { z } from "zod"
import { KUBERNETES_MINORS, apiVersionAt, getMechanism, type KubernetesMinor, type MechanismId } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, ident, num, str } from "../code"
import { dnsLabel, flag, goModule, httpsUrl, imageRef, k8sMinor, language, namespace, registryPrefix, subjectName } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc } from "../yaml"
import { selfSignedScript } from "./certs"
import { goDockerfile, goDockerignore, goImports, goMakeTargets, goMod, goTlsServe } from "./go-common"
import { RESTRICTED_CONTAINER } from "./k8s-objects"

type Obj = Record<string, unknown>

function configApiVersion(mechanism: MechanismId, kind: string, minor: KubernetesMinor): string {
  const obj = getMechanism(mechanism).apiObjects.find((a) => a.kind === kind)
  const v = obj ? apiVersionAt(obj, minor) : undefined
  if (!v) throw new Error(`catalog has no ${kind} apiVersion for ${minor}`)
  return v
}

/** kubeconfig kube-apiserver uses to call the webhook (server CA from the self-signed script). */
function webhookKubeconfig(name: string, port: number, path: string): Obj {
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server: `https://127.0.0.1:${port}${path}`, "certificate-authority": `/etc/kubernetes/${name}/ca.crt` } }],
    users: [{ name: "kube-apiserver", user: {} }],
    contexts: [{ name: "webhook", context: { cluster: name, user: "kube-apiserver" } }],
    "current-context": "webhook",
  }
}

/** Static Pod for /etc/kubernetes/manifests on each control-plane node. */
function staticPod(name: string, image: string, port: number): Obj {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "kube-system", labels: { "app.kubernetes.io/name": name, tier: "control-plane" } },
    spec: {
      hostNetwork: true,
      priorityClassName: "system-node-critical",
      containers: [
        {
          name: "server",
          image,
          args: [`--addr=127.0.0.1:${port}`, `--tls-cert-file=/etc/kubernetes/${name}/tls.crt`, `--tls-private-key-file=/etc/kubernetes/${name}/tls.key`],
          livenessProbe: { httpGet: { host: "127.0.0.1", path: "/healthz", port, scheme: "HTTPS" }, periodSeconds: 10 },
          resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
          securityContext: { ...RESTRICTED_CONTAINER, runAsUser: 65532 },
          volumeMounts: [{ name: "certs", mountPath: `/etc/kubernetes/${name}`, readOnly: true }],
        },
      ],
      volumes: [{ name: "certs", hostPath: { path: `/etc/kubernetes/${name}`, type: "Directory" } }],
    },
  }
}

type ServerSpec = {
  mechanism: MechanismId
  pkg: string
  path: string
  port: number
  /** Go: decision code + handler in package `pkg` (imports included). */
  code: string
  test: string
}

function goServerMain(module: string, pkg: string, path: string, port: number): string {
  return (
    go`
      // Command server is an HTTPS webhook that kube-apiserver calls via a kubeconfig file.
      package main

      ${goImports(["context", "crypto/tls", "flag", "log", "net/http", "os", "os/signal", "syscall", "time"], [], [`${module}/internal/${pkg}`])}

      func main() {
        addr := flag.String("addr", "127.0.0.1:${num(port)}", "listen address (loopback: only kube-apiserver on this node calls it)")
        cert := flag.String("tls-cert-file", "tls.crt", "serving certificate")
        key := flag.String("tls-private-key-file", "tls.key", "serving key")
        flag.Parse()

        mux := http.NewServeMux()
        mux.HandleFunc(${str(path)}, ${ident(pkg)}.Handler)
        mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })

        log.Printf("listening on %s", *addr)
        if err := serveTLS(*addr, *cert, *key, mux); err != nil && err != http.ErrServerClosed {
          log.Fatal(err)
        }
      }

    ` + goTlsServe()
  )
}

type ServerOptions = { name: string; module: string; image: string; k8s: KubernetesMinor }

/** The project around a webhook server: Go code, static Pod, kubeconfig, certs script, Makefile, README. */
function serverProject(spec: ServerSpec, o: ServerOptions, extra: { configFiles: StarterFile[]; readme: { title: string; what: string; flags: string[]; versionNotes: string[]; nextSteps: string[] } }) {
  const files: StarterFile[] = [
    goMod(o.module, ["k8s.io/api", "k8s.io/apimachinery"]),
    { path: "cmd/server/main.go", content: goServerMain(o.module, spec.pkg, spec.path, spec.port) },
    { path: `internal/${spec.pkg}/${spec.pkg}.go`, content: spec.code },
    { path: `internal/${spec.pkg}/${spec.pkg}_test.go`, content: spec.test },
    goDockerfile("cmd/server"),
    goDockerignore(),
    gitignore(["bin/", "certs/"]),
    { path: `config/${o.name}.kubeconfig`, content: yamlDoc(webhookKubeconfig(o.name, spec.port, spec.path)) },
    ...extra.configFiles,
    { path: "deploy/static-pod.yaml", content: yamlDoc(staticPod(o.name, o.image, spec.port)) },
    kustomization("deploy", { resources: ["static-pod.yaml"] }),
    selfSignedScript({ name: o.name, namespace: "kube-system", dnsNames: ["localhost"], ips: ["127.0.0.1"], createSecret: false }),
    makefile([["IMG", o.image]], [
      ...goMakeTargets("cmd/server"),
      { name: "certs", help: "Make a throwaway CA and serving cert in certs/", recipe: ["./hack/gen-certs.sh"] },
      { name: "run", help: "Run locally on 127.0.0.1 with certs/", deps: ["certs"], recipe: ["go run ./cmd/server --tls-cert-file=certs/tls.crt --tls-private-key-file=certs/tls.key"] },
    ]),
    readme({
      mechanism: spec.mechanism,
      title: extra.readme.title,
      what: extra.readme.what,
      k8s: o.k8s,
      versionNotes: extra.readme.versionNotes,
      files: [
        { path: "cmd/server/main.go", purpose: "HTTPS server on 127.0.0.1 (TLS 1.2+, graceful shutdown, /healthz)" },
        { path: `internal/${spec.pkg}/`, purpose: "the decision and its unit tests" },
        { path: `config/${o.name}.kubeconfig`, purpose: "kubeconfig-format file kube-apiserver uses to call the server" },
        ...extra.configFiles.map((f) => ({ path: f.path, purpose: "configuration file read by kube-apiserver" })),
        { path: "deploy/static-pod.yaml", purpose: "static Pod for /etc/kubernetes/manifests on each control-plane node" },
        { path: "hack/gen-certs.sh", purpose: "self-signed CA + serving certificate for 127.0.0.1" },
      ],
      build: ["make test", "make build"],
      deploy: [
        "make certs docker-build docker-push",
        `# on every control-plane node:`,
        `sudo mkdir -p /etc/kubernetes/${o.name} && sudo cp certs/ca.crt certs/tls.crt certs/tls.key config/* /etc/kubernetes/${o.name}/`,
        `sudo cp deploy/static-pod.yaml /etc/kubernetes/manifests/${o.name}.yaml`,
        `# then add to kube-apiserver's flags (its static Pod manifest) and mount /etc/kubernetes/${o.name}:`,
        ...extra.readme.flags.map((f) => `#   ${f}`),
      ],
      test: ["make test", "make run   # then POST a review to it with curl --cacert certs/ca.crt"],
      nextSteps: extra.readme.nextSteps,
    }),
  ]
  return { root: o.name, files }
}

const serverSchemaBase = (name: string) => ({
  name: dnsLabel().default(name),
  language: language(["go"]),
  module: goModule().default(`example.com/${name}`),
  image: imageRef().default(`registry.example.com/${name}:v0.1.0`),
})

// ---------------------------------------------------------------- authentication webhook

const authnSchema = z
  .object({ ...serverSchemaBase("token-authn-webhook"), adminGroup: subjectName().default("example:admins"), k8s: k8sMinor() })
  .strict()

function authnCode(o: z.output<typeof authnSchema>): ServerSpec {
  return {
    mechanism: "authentication-webhook",
    pkg: "authn",
    path: "/authenticate",
    port: 8443,
    code: go`
      // Package authn answers TokenReview v1 requests from kube-apiserver.
      package authn

      ${goImports(["crypto/subtle", "encoding/json", "io", "net/http", "os", "strings"], [
        ["authenticationv1", "k8s.io/api/authentication/v1"],
        ["metav1", "k8s.io/apimachinery/pkg/apis/meta/v1"],
      ])}

      // Group every authenticated user gets (bind RBAC roles to it).
      const Group = ${str(o.adminGroup)}

      // User is an identity the webhook vouches for.
      type User struct {
        Name   string
        UID    string
        Groups []string
      }

      // Lookup maps a bearer token to a user. Replace it with your identity system; the default
      // reads "token:username" lines from the file named by $TOKENS_FILE.
      var Lookup = func(token string) (User, bool) {
        data, err := os.ReadFile(os.Getenv("TOKENS_FILE"))
        if err != nil {
          return User{}, false
        }
        for _, line := range strings.Split(string(data), "\\n") {
          t, name, ok := strings.Cut(strings.TrimSpace(line), ":")
          if ok && subtle.ConstantTimeCompare([]byte(t), []byte(token)) == 1 {
            return User{Name: name, UID: name, Groups: []string{Group}}, true
          }
        }
        return User{}, false
      }

      // Review decides one TokenReview.
      func Review(in authenticationv1.TokenReview) authenticationv1.TokenReview {
        out := authenticationv1.TokenReview{
          TypeMeta: metav1.TypeMeta{APIVersion: "authentication.k8s.io/v1", Kind: "TokenReview"},
        }
        u, ok := Lookup(in.Spec.Token)
        if !ok {
          out.Status.Error = "unknown token"
          return out
        }
        out.Status.Authenticated = true
        out.Status.User = authenticationv1.UserInfo{Username: u.Name, UID: u.UID, Groups: u.Groups}
        out.Status.Audiences = in.Spec.Audiences
        return out
      }

      // Handler serves POSTed TokenReview objects.
      func Handler(w http.ResponseWriter, r *http.Request) {
        if r.Method != http.MethodPost {
          http.Error(w, "use POST", http.StatusMethodNotAllowed)
          return
        }
        var in authenticationv1.TokenReview
        if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&in); err != nil {
          http.Error(w, "expected a TokenReview", http.StatusBadRequest)
          return
        }
        w.Header().Set("Content-Type", "application/json")
        _ = json.NewEncoder(w).Encode(Review(in))
      }
    `,
    test: go`
      package authn

      ${goImports(["bytes", "encoding/json", "net/http", "net/http/httptest", "testing"], [["authenticationv1", "k8s.io/api/authentication/v1"]])}

      func withUsers(t *testing.T) {
        t.Helper()
        old := Lookup
        Lookup = func(token string) (User, bool) {
          if token == "good" {
            return User{Name: "alice", UID: "1", Groups: []string{Group}}, true
          }
          return User{}, false
        }
        t.Cleanup(func() { Lookup = old })
      }

      func TestReview(t *testing.T) {
        withUsers(t)
        ok := Review(authenticationv1.TokenReview{Spec: authenticationv1.TokenReviewSpec{Token: "good"}})
        if !ok.Status.Authenticated || ok.Status.User.Username != "alice" || ok.Kind != "TokenReview" {
          t.Fatalf("good token: %+v", ok)
        }
        bad := Review(authenticationv1.TokenReview{Spec: authenticationv1.TokenReviewSpec{Token: "bad"}})
        if bad.Status.Authenticated || bad.Status.Error == "" {
          t.Fatalf("bad token: %+v", bad)
        }
      }

      func TestHandler(t *testing.T) {
        withUsers(t)
        body, _ := json.Marshal(authenticationv1.TokenReview{Spec: authenticationv1.TokenReviewSpec{Token: "good"}})
        rec := httptest.NewRecorder()
        Handler(rec, httptest.NewRequest(http.MethodPost, "/authenticate", bytes.NewReader(body)))
        var out authenticationv1.TokenReview
        if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || !out.Status.Authenticated {
          t.Fatalf("status %d, body %s", rec.Code, rec.Body.String())
        }
        rec = httptest.NewRecorder()
        Handler(rec, httptest.NewRequest(http.MethodGet, "/authenticate", nil))
        if rec.Code != http.StatusMethodNotAllowed {
          t.Fatalf("GET: status %d", rec.Code)
        }
      }
    `,
  }
}

export const authnWebhookStarter = defineStarter({
  id: "authentication-webhook",
  schema: authnSchema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: (o) =>
    serverProject(authnCode(o), o, {
      configFiles: [],
      readme: {
        title: `Webhook token authentication: ${o.name}`,
        what:
          "A TokenReview v1 server: kube-apiserver sends bearer tokens it does not recognise, the server answers with the user name, UID and groups. " +
          `Authenticated users get the group \`${o.adminGroup}\`; bind RBAC roles to it.`,
        flags: [`--authentication-token-webhook-config-file=/etc/kubernetes/${o.name}/${o.name}.kubeconfig`, "--authentication-token-webhook-version=v1", "--authentication-token-webhook-cache-ttl=2m"],
        versionNotes: ["TokenReview `authentication.k8s.io/v1` and the webhook flags are unchanged on 1.30–1.37."],
        nextSteps: ["Replace `Lookup` with your identity provider.", "Keep the cache TTL short so revoked tokens stop working quickly.", "For OIDC/JWT tokens prefer structured authentication (no server needed)."],
      },
    }),
})

// ---------------------------------------------------------------- authorization webhook

const authzSchema = z
  .object({
    ...serverSchemaBase("namespace-guard-authz"),
    protectedNamespace: namespace().default("payments"),
    adminGroup: subjectName().default("payments:admins"),
    k8s: k8sMinor(),
  })
  .strict()

function authzCode(o: z.output<typeof authzSchema>): ServerSpec {
  return {
    mechanism: "authorization-webhook",
    pkg: "authz",
    path: "/authorize",
    port: 8444,
    code: go`
      // Package authz answers SubjectAccessReview v1 requests from kube-apiserver.
      package authz

      ${goImports(["encoding/json", "io", "net/http", "slices"], [
        ["authorizationv1", "k8s.io/api/authorization/v1"],
        ["metav1", "k8s.io/apimachinery/pkg/apis/meta/v1"],
      ])}

      const (
        // ProtectedNamespace is guarded: only AdminGroup may write there.
        ProtectedNamespace = ${str(o.protectedNamespace)}
        // AdminGroup may write in ProtectedNamespace.
        AdminGroup = ${str(o.adminGroup)}
      )

      var readVerbs = []string{"get", "list", "watch"}

      // Decide returns the review with status set: denied for writes in the protected namespace by
      // anyone outside AdminGroup, otherwise no opinion (the next authorizer, e.g. RBAC, decides).
      func Decide(in authorizationv1.SubjectAccessReview) authorizationv1.SubjectAccessReview {
        out := authorizationv1.SubjectAccessReview{
          TypeMeta: metav1.TypeMeta{APIVersion: "authorization.k8s.io/v1", Kind: "SubjectAccessReview"},
        }
        ra := in.Spec.ResourceAttributes
        if ra == nil || ra.Namespace != ProtectedNamespace || slices.Contains(readVerbs, ra.Verb) {
          out.Status.Reason = "no opinion"
          return out
        }
        if slices.Contains(in.Spec.Groups, AdminGroup) {
          out.Status.Allowed = true
          out.Status.Reason = "member of " + AdminGroup
          return out
        }
        out.Status.Denied = true
        out.Status.Reason = "only " + AdminGroup + " may change objects in " + ProtectedNamespace
        return out
      }

      // Handler serves POSTed SubjectAccessReview objects.
      func Handler(w http.ResponseWriter, r *http.Request) {
        if r.Method != http.MethodPost {
          http.Error(w, "use POST", http.StatusMethodNotAllowed)
          return
        }
        var in authorizationv1.SubjectAccessReview
        if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&in); err != nil {
          http.Error(w, "expected a SubjectAccessReview", http.StatusBadRequest)
          return
        }
        w.Header().Set("Content-Type", "application/json")
        _ = json.NewEncoder(w).Encode(Decide(in))
      }
    `,
    test: go`
      package authz

      ${goImports(["testing"], [["authorizationv1", "k8s.io/api/authorization/v1"]])}

      func review(verb, ns string, groups ...string) authorizationv1.SubjectAccessReview {
        return authorizationv1.SubjectAccessReview{Spec: authorizationv1.SubjectAccessReviewSpec{
          User:               "bob",
          Groups:             groups,
          ResourceAttributes: &authorizationv1.ResourceAttributes{Namespace: ns, Verb: verb, Resource: "deployments", Group: "apps"},
        }}
      }

      func TestDecide(t *testing.T) {
        tests := []struct {
          name            string
          in              authorizationv1.SubjectAccessReview
          allowed, denied bool
        }{
          {"read in protected namespace", review("get", ProtectedNamespace), false, false},
          {"write by outsider", review("delete", ProtectedNamespace, "devs"), false, true},
          {"write by admin", review("update", ProtectedNamespace, AdminGroup), true, false},
          {"other namespace", review("delete", "default", "devs"), false, false},
          {"non-resource request", authorizationv1.SubjectAccessReview{}, false, false},
        }
        for _, tc := range tests {
          t.Run(tc.name, func(t *testing.T) {
            got := Decide(tc.in)
            if got.Status.Allowed != tc.allowed || got.Status.Denied != tc.denied {
              t.Fatalf("allowed=%v denied=%v, want %v %v (%s)", got.Status.Allowed, got.Status.Denied, tc.allowed, tc.denied, got.Status.Reason)
            }
          })
        }
      }
    `,
  }
}

function authorizationConfig(o: z.output<typeof authzSchema>): Obj {
  return {
    apiVersion: configApiVersion("authorization-webhook", "AuthorizationConfiguration", o.k8s),
    kind: "AuthorizationConfiguration",
    authorizers: [
      { type: "Node", name: "node" },
      {
        type: "Webhook",
        name: o.name,
        webhook: {
          timeout: "3s",
          authorizedTTL: "30s",
          unauthorizedTTL: "30s",
          subjectAccessReviewVersion: "v1",
          matchConditionSubjectAccessReviewVersion: "v1",
          // NoOpinion: if the webhook is down, RBAC still decides (the cluster stays usable).
          failurePolicy: "NoOpinion",
          connectionInfo: { type: "KubeConfigFile", kubeConfigFile: `/etc/kubernetes/${o.name}/${o.name}.kubeconfig` },
          matchConditions: [
            { expression: `has(request.resourceAttributes) && request.resourceAttributes.namespace == ${JSON.stringify(o.protectedNamespace)}` },
            { expression: "!(request.resourceAttributes.verb in ['get', 'list', 'watch'])" },
          ],
        },
      },
      { type: "RBAC", name: "rbac" },
    ],
  }
}

export const authzWebhookStarter = defineStarter({
  id: "authorization-webhook",
  schema: authzSchema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [{ name: "1.31-v1beta1", options: { k8s: "1.31" } }],
  generate: (o) => {
    const apiVersion = configApiVersion("authorization-webhook", "AuthorizationConfiguration", o.k8s)
    return serverProject(authzCode(o), o, {
      configFiles: [{ path: "config/authorization-config.yaml", content: yamlDoc(authorizationConfig(o)) }],
      readme: {
        title: `Authorization webhook: ${o.name}`,
        what:
          `A SubjectAccessReview v1 server and a structured AuthorizationConfiguration (\`${apiVersion}\`): writes in the \`${o.protectedNamespace}\` namespace ` +
          `are denied unless the user is in \`${o.adminGroup}\`; everything else gets "no opinion" and falls through to RBAC. CEL matchConditions keep ` +
          "other requests from ever reaching the webhook, and failurePolicy NoOpinion keeps the cluster usable if it is down.",
        flags: [`--authorization-config=/etc/kubernetes/${o.name}/authorization-config.yaml   (replaces --authorization-mode)`],
        versionNotes: [
          `AuthorizationConfiguration is \`apiserver.config.k8s.io/v1beta1\` on 1.30–1.31 and \`v1\` from 1.32 (GA); this starter targets ${o.k8s}.`,
        ],
        nextSteps: ["Add the real policy source (a database, OPA, your org chart) behind `Decide`.", "Watch `apiserver_authorization_webhook_*` metrics before tightening failurePolicy."],
      },
    })
  },
})

// ---------------------------------------------------------------- ImagePolicyWebhook

const imagePolicySchema = z
  .object({
    ...serverSchemaBase("image-policy-webhook"),
    allowedRegistry: registryPrefix().default("registry.example.com"),
    defaultAllow: flag(false),
    k8s: k8sMinor(),
  })
  .strict()

function imagePolicyCode(o: z.output<typeof imagePolicySchema>): ServerSpec {
  return {
    mechanism: "image-policy-webhook",
    pkg: "imagepolicy",
    path: "/review",
    port: 8445,
    code: go`
      // Package imagepolicy answers ImageReview (imagepolicy.k8s.io/v1alpha1) requests.
      package imagepolicy

      ${goImports(["encoding/json", "io", "net/http", "strings"], [
        ["imagepolicyv1alpha1", "k8s.io/api/imagepolicy/v1alpha1"],
        ["metav1", "k8s.io/apimachinery/pkg/apis/meta/v1"],
      ])}

      // AllowedRegistry is the only registry pods may pull from.
      const AllowedRegistry = ${str(o.allowedRegistry)}

      // Review allows a pod only if every container image comes from AllowedRegistry.
      func Review(in imagepolicyv1alpha1.ImageReview) imagepolicyv1alpha1.ImageReview {
        out := imagepolicyv1alpha1.ImageReview{
          TypeMeta: metav1.TypeMeta{APIVersion: "imagepolicy.k8s.io/v1alpha1", Kind: "ImageReview"},
        }
        for _, c := range in.Spec.Containers {
          if !strings.HasPrefix(c.Image, AllowedRegistry+"/") {
            out.Status.Reason = "image " + c.Image + " is not from " + AllowedRegistry
            return out
          }
        }
        out.Status.Allowed = true
        return out
      }

      // Handler serves POSTed ImageReview objects.
      func Handler(w http.ResponseWriter, r *http.Request) {
        if r.Method != http.MethodPost {
          http.Error(w, "use POST", http.StatusMethodNotAllowed)
          return
        }
        var in imagepolicyv1alpha1.ImageReview
        if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&in); err != nil {
          http.Error(w, "expected an ImageReview", http.StatusBadRequest)
          return
        }
        w.Header().Set("Content-Type", "application/json")
        _ = json.NewEncoder(w).Encode(Review(in))
      }
    `,
    test: go`
      package imagepolicy

      ${goImports(["testing"], [["imagepolicyv1alpha1", "k8s.io/api/imagepolicy/v1alpha1"]])}

      func review(images ...string) imagepolicyv1alpha1.ImageReview {
        var in imagepolicyv1alpha1.ImageReview
        for _, i := range images {
          in.Spec.Containers = append(in.Spec.Containers, imagepolicyv1alpha1.ImageReviewContainerSpec{Image: i})
        }
        return in
      }

      func TestReview(t *testing.T) {
        if got := Review(review(AllowedRegistry + "/app:v1")); !got.Status.Allowed {
          t.Fatalf("allowed registry denied: %s", got.Status.Reason)
        }
        if got := Review(review(AllowedRegistry+"/app:v1", "docker.io/library/nginx")); got.Status.Allowed {
          t.Fatal("foreign image allowed")
        }
        if got := Review(review(AllowedRegistry + ".evil.com/app")); got.Status.Allowed {
          t.Fatal("look-alike registry allowed")
        }
      }
    `,
  }
}

export const imagePolicyStarter = defineStarter({
  id: "image-policy-webhook",
  schema: imagePolicySchema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: (o) => {
    const admission: Obj = {
      apiVersion: "apiserver.config.k8s.io/v1",
      kind: "AdmissionConfiguration",
      plugins: [
        {
          name: "ImagePolicyWebhook",
          configuration: {
            imagePolicy: {
              kubeConfigFile: `/etc/kubernetes/${o.name}/${o.name}.kubeconfig`,
              allowTTL: 50,
              denyTTL: 50,
              retryBackoff: 500,
              defaultAllow: o.defaultAllow,
            },
          },
        },
      ],
    }
    return serverProject(imagePolicyCode(o), o, {
      configFiles: [{ path: "config/admission-config.yaml", content: yamlDoc(admission) }],
      readme: {
        title: `ImagePolicyWebhook: ${o.name}`,
        what:
          `An ImageReview server for kube-apiserver's ImagePolicyWebhook admission plugin: pods are admitted only if every image comes from \`${o.allowedRegistry}/\`. ` +
          `\`defaultAllow: ${o.defaultAllow}\` decides what happens when the server cannot be reached.`,
        flags: ["--enable-admission-plugins=…,ImagePolicyWebhook", `--admission-control-config-file=/etc/kubernetes/${o.name}/admission-config.yaml`],
        versionNotes: [
          "ImageReview is still `imagepolicy.k8s.io/v1alpha1`; the plugin is off by default and needs control-plane flags (not available on most managed clusters).",
          "A ValidatingAdmissionPolicy on Pods can express the same registry rule without a server.",
        ],
        nextSteps: ["Verify signatures or digests instead of registry prefixes.", "Decide on defaultAllow deliberately: false blocks all pods while the server is down."],
      },
    })
  },
})

// ---------------------------------------------------------------- structured authentication (JWT)

const structuredSchema = z
  .object({
    issuer: httpsUrl().default("https://issuer.example.com"),
    audience: dnsLabel().default("kubernetes"),
    usernameClaim: z.enum(["sub", "email", "preferred_username"], { error: "Choose one of: sub, email, preferred_username." }).default("email"),
    userPrefix: z.string().regex(/^[a-z0-9:_-]{0,20}$/, { error: "Use up to 20 of a-z, 0-9, ':', '_', '-'." }).default("oidc:"),
    adminGroup: subjectName().default("oidc:platform-admins"),
    k8s: k8sMinor(),
  })
  .strict()

export const structuredAuthnStarter = defineStarter({
  id: "structured-authentication",
  schema: structuredSchema,
  languages: [],
  targets: KUBERNETES_MINORS,
  variants: [{ name: "1.33-v1beta1", options: { k8s: "1.33" } }],
  generate: (o) => {
    const apiVersion = configApiVersion("structured-authentication", "AuthenticationConfiguration", o.k8s)
    const claim = o.usernameClaim
    const config: Obj = {
      apiVersion,
      kind: "AuthenticationConfiguration",
      jwt: [
        {
          issuer: { url: o.issuer, audiences: [o.audience], audienceMatchPolicy: "MatchAny" },
          claimValidationRules: [
            { expression: "claims.exp - claims.iat <= 86400", message: "tokens must expire within 24 hours" },
            ...(claim === "email" ? [{ expression: "has(claims.email_verified) && claims.email_verified == true", message: "email must be verified" }] : []),
          ],
          claimMappings: {
            username: { expression: `${JSON.stringify(o.userPrefix)} + claims.${claim}` },
            groups: { expression: `has(claims.groups) ? claims.groups.map(g, ${JSON.stringify(o.userPrefix)} + g) : []` },
            uid: { expression: "claims.sub" },
          },
          userValidationRules: [{ expression: "!user.username.startsWith('system:')", message: "username must not use the system: prefix" }],
        },
      ],
    }
    const binding: Obj = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "oidc-platform-admins" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: o.adminGroup }],
    }
    const files: StarterFile[] = [
      { path: "config/authentication-config.yaml", content: yamlDoc(config) },
      { path: "deploy/rbac.yaml", content: yamlDoc(binding) },
      kustomization("deploy", { resources: ["rbac.yaml"] }),
      makefile([["KUBECTL", "kubectl"]], [
        { name: "deploy", help: "Bind the admin group (RBAC)", recipe: ["$(KUBECTL) apply -k deploy"] },
        { name: "whoami", help: "Show the identity kube-apiserver derives from your token", recipe: ["$(KUBECTL) auth whoami"] },
      ]),
      readme({
        mechanism: "structured-authentication",
        title: "Structured authentication: JWT issuer",
        what:
          `An AuthenticationConfiguration (\`${apiVersion}\`) that makes kube-apiserver accept JWTs from \`${o.issuer}\` with audience \`${o.audience}\`. ` +
          `CEL maps \`${claim}\` to the username (prefixed \`${o.userPrefix}\`), maps groups, and validates claims and the resulting user. No server to run.`,
        k8s: o.k8s,
        versionNotes: [`AuthenticationConfiguration is \`apiserver.config.k8s.io/v1beta1\` on 1.30–1.33 and \`v1\` from 1.34 (GA); this starter targets ${o.k8s}. kube-apiserver reloads the file when it changes.`],
        files: [
          { path: "config/authentication-config.yaml", purpose: "the configuration file (--authentication-config)" },
          { path: "deploy/rbac.yaml", purpose: `ClusterRoleBinding for \`${o.adminGroup}\`` },
        ],
        deploy: [
          "sudo cp config/authentication-config.yaml /etc/kubernetes/authentication-config.yaml   # on each control-plane node",
          "# kube-apiserver flag (not together with --oidc-*): --authentication-config=/etc/kubernetes/authentication-config.yaml",
          "make deploy",
        ],
        test: ["make whoami   # with a kubeconfig that sends a token from the issuer"],
        nextSteps: ["Add more issuers (one entry per issuer, up to 64).", "Use `certificateAuthority` if the issuer uses a private CA.", "Tighten claimValidationRules (e.g. required `hd` or `tid` claims)."],
      }),
    ]
    return { root: "structured-authentication", files }
  },
})
