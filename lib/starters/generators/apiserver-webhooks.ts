// Webhooks that kube-apiserver calls through a kubeconfig file (not API objects): token
// authentication (TokenReview), authorization (SubjectAccessReview + AuthorizationConfiguration),
// ImagePolicyWebhook (ImageReview + AdmissionConfiguration); plus structured JWT authentication
// (AuthenticationConfiguration, no server). Servers run as static Pods on control-plane nodes,
// listening on 127.0.0.1, so kube-apiserver reaches them without cluster DNS.
import { z } from "zod"
import { KUBERNETES_MINORS, apiVersionAt, getMechanism, type KubernetesMinor, type MechanismId } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { EMPTY, fragment, go, ident, num, str, type Safe } from "../code"
import { dnsLabel, flag, goModule, httpsUrl, imageRef, k8sMinor, language, namespace, registryPrefix, subjectName } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc } from "../yaml"
import { selfSignedScript } from "./certs"
import { manifestScript, manifestScriptPath, trySections, type FlagEdit } from "./control-plane"
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

/** UID and GID of the webhook container (distroless "nonroot"); the secret files on the host belong to it. */
const RUN_AS = 65532

/** Static Pod for /etc/kubernetes/manifests on each control-plane node. */
function staticPod(name: string, image: string, port: number, extraArgs: readonly string[]): Obj {
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
          args: [`--addr=127.0.0.1:${port}`, `--tls-cert-file=/etc/kubernetes/${name}/tls.crt`, `--tls-private-key-file=/etc/kubernetes/${name}/tls.key`, ...extraArgs],
          livenessProbe: { httpGet: { host: "127.0.0.1", path: "/healthz", port, scheme: "HTTPS" }, periodSeconds: 10 },
          resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
          // The same UID/GID owns tls.key (and any secret file) on the host: `make install` sets it.
          securityContext: { ...RESTRICTED_CONTAINER, runAsUser: RUN_AS, runAsGroup: RUN_AS },
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
  /** Extra flags of cmd/server: Go statements before flag.Parse and after it. */
  flags?: { declare: Safe; apply: Safe }
  /** Extra server args in the static Pod and in `make run`. */
  podArgs?: readonly string[]
  runArgs?: readonly string[]
  /** Secret files installed next to tls.key, owned by the container's UID, mode 0400: [Makefile variable, file name]. */
  secretFiles?: readonly { variable: string; source: string; name: string }[]
}

function goServerMain(module: string, pkg: string, path: string, port: number, flags?: ServerSpec["flags"]): string {
  return (
    go`
      // Command server is an HTTPS webhook that kube-apiserver calls via a kubeconfig file.
      package main

      ${goImports(["context", "crypto/tls", "flag", "log", "net/http", "os", "os/signal", "syscall", "time"], [], [`${module}/internal/${pkg}`])}

      func main() {
        addr := flag.String("addr", "127.0.0.1:${num(port)}", "listen address (loopback: only kube-apiserver on this node calls it)")
        cert := flag.String("tls-cert-file", "tls.crt", "serving certificate")
        key := flag.String("tls-private-key-file", "tls.key", "serving key")
        ${flags?.declare ?? EMPTY}
        flag.Parse()
        ${flags?.apply ?? EMPTY}

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

/**
 * Shell function for the README's Try sections: kubectl with only a bearer token (an empty
 * kubeconfig, so no client certificate from the admin kubeconfig authenticates first).
 */
const AS_TOKEN_USER = [
  `SERVER="$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')"`,
  `as_token() { t="$1"; shift; kubectl --kubeconfig=/dev/null --server="$SERVER" --certificate-authority=/etc/kubernetes/pki/ca.crt --token="$t" "$@"; }`,
]

type ProjectExtra = {
  configFiles: StarterFile[]
  /** kube-apiserver flag edits (hack/kube-apiserver-manifest.sh). */
  edits: FlagEdit[]
  readme: { title: string; what: string; versionNotes: string[]; nextSteps: string[]; prepare?: string[]; try: string[]; tryNote?: string; removeNote?: string }
}

/** The project around a webhook server: Go code, static Pod, kubeconfig, certs script, Makefile, README. */
function serverProject(spec: ServerSpec, o: ServerOptions, extra: ProjectExtra) {
  const dir = `/etc/kubernetes/${o.name}`
  const publicFiles = ["certs/ca.crt", "certs/tls.crt", `config/${o.name}.kubeconfig`, ...extra.configFiles.map((f) => f.path)]
  const secretFiles = [{ variable: "TLS_KEY", source: "certs/tls.key", name: "tls.key" }, ...(spec.secretFiles ?? [])]
  const files: StarterFile[] = [
    goMod(o.module, ["k8s.io/api", "k8s.io/apimachinery"]),
    { path: "cmd/server/main.go", content: goServerMain(o.module, spec.pkg, spec.path, spec.port, spec.flags) },
    { path: `internal/${spec.pkg}/${spec.pkg}.go`, content: spec.code },
    { path: `internal/${spec.pkg}/${spec.pkg}_test.go`, content: spec.test },
    goDockerfile("cmd/server"),
    goDockerignore(),
    gitignore(["bin/", "certs/", ...(spec.secretFiles ?? []).map((f) => f.source)]),
    { path: `config/${o.name}.kubeconfig`, content: yamlDoc(webhookKubeconfig(o.name, spec.port, spec.path)) },
    ...extra.configFiles,
    { path: "deploy/static-pod.yaml", content: yamlDoc(staticPod(o.name, o.image, spec.port, spec.podArgs ?? [])) },
    kustomization("deploy", { resources: ["static-pod.yaml"] }),
    selfSignedScript({ name: o.name, namespace: "kube-system", dnsNames: ["localhost"], ips: ["127.0.0.1"], createSecret: false }),
    manifestScript({ component: "kube-apiserver", name: o.name, edits: extra.edits, mountDir: dir }),
    makefile(
      [
        ["IMG", o.image],
        // Where `make install` puts things on a control-plane node (overridable for a dry run).
        ["DESTDIR", dir],
        ["MANIFESTS", "/etc/kubernetes/manifests"],
        ["RUN_AS", String(RUN_AS)],
        ...secretFiles.filter((f) => f.variable !== "TLS_KEY").map((f): [string, string] => [f.variable, f.source]),
      ],
      [
        ...goMakeTargets("cmd/server"),
        { name: "certs", help: "Make a throwaway CA and serving cert in certs/", recipe: ["./hack/gen-certs.sh"] },
        {
          name: "run",
          help: "Run locally on 127.0.0.1 with certs/",
          deps: ["certs"],
          recipe: [["go run ./cmd/server --tls-cert-file=certs/tls.crt --tls-private-key-file=certs/tls.key", ...(spec.runArgs ?? [])].join(" ")],
        },
        {
          name: "install",
          help: `(root, each control-plane node) copy certs, config and the static Pod; secret files owned by UID $(RUN_AS), mode 0400`,
          recipe: [
            "install -d -m 0755 $(DESTDIR) $(MANIFESTS)",
            `install -m 0644 ${publicFiles.join(" ")} $(DESTDIR)/`,
            ...secretFiles.map((f) => `install -m 0400 -o $(RUN_AS) -g $(RUN_AS) ${f.variable === "TLS_KEY" ? f.source : `$(${f.variable})`} $(DESTDIR)/${f.name}`),
            `install -m 0600 deploy/static-pod.yaml $(MANIFESTS)/${o.name}.yaml`,
          ],
        },
        {
          name: "uninstall",
          help: "(root) remove the static Pod and its files; run hack/kube-apiserver-manifest.sh remove first",
          recipe: [`rm -f $(MANIFESTS)/${o.name}.yaml`, "rm -rf $(DESTDIR)"],
        },
      ],
    ),
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
        { path: "deploy/static-pod.yaml", purpose: `static Pod for /etc/kubernetes/manifests on each control-plane node (UID/GID ${RUN_AS})` },
        { path: "hack/gen-certs.sh", purpose: "self-signed CA + serving certificate for 127.0.0.1" },
        { path: manifestScriptPath("kube-apiserver"), purpose: `adds (or removes) kube-apiserver's flags and the read-only mount of ${dir} in its static Pod manifest` },
      ],
      build: ["make test", "make build"],
      deploy: [
        ...(extra.readme.prepare ?? []),
        "make certs docker-build docker-push IMG=<your image>   # then set the image in deploy/static-pod.yaml",
        "# on every control-plane node, from this directory:",
        `sudo make install   # ${dir}: certificates and config 0644, secret files 0400 owned by ${RUN_AS} (the container's UID)`,
        "sudo hack/kube-apiserver-manifest.sh add   # flags + hostPath mount; the kubelet restarts kube-apiserver",
        "kubectl -n kube-system get pods -l tier=control-plane",
      ],
      test: ["make test", "make run   # then POST a review to it with curl --cacert certs/ca.crt"],
      extra: trySections({
        try: extra.readme.try,
        tryNote: extra.readme.tryNote,
        remove: ["# on every control-plane node:", "sudo hack/kube-apiserver-manifest.sh remove   # kube-apiserver stops calling the webhook first", "sudo make uninstall"],
        removeNote: extra.readme.removeNote,
      }),
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
    flags: {
      declare: fragment`tokens := flag.String("tokens-file", "tokens.txt", "token:username[:group,…] lines (authn.TokensFile)")`,
      apply: fragment`authn.TokensFile = *tokens`,
    },
    podArgs: [`--tokens-file=/etc/kubernetes/${o.name}/tokens`],
    runArgs: ["--tokens-file=$(TOKENS)"],
    secretFiles: [{ variable: "TOKENS", source: "tokens.txt", name: "tokens" }],
    code: go`
      // Package authn answers TokenReview v1 requests from kube-apiserver.
      package authn

      ${goImports(["crypto/subtle", "encoding/json", "io", "log", "net/http", "os", "strings"], [
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

      // TokensFile holds one "token:username[:group,group…]" line per user (cmd/server's
      // --tokens-file). It is read on every lookup, so edits apply without a restart.
      var TokensFile = "tokens.txt"

      // Lookup maps a bearer token to a user. Replace it with your identity system; the default
      // reads TokensFile. Every user also gets Group.
      var Lookup = func(token string) (User, bool) {
        data, err := os.ReadFile(TokensFile)
        if err != nil {
          log.Printf("read tokens: %v", err)
          return User{}, false
        }
        for _, line := range strings.Split(string(data), "\\n") {
          line = strings.TrimSpace(line)
          if strings.HasPrefix(line, "#") {
            continue
          }
          fields := strings.Split(line, ":")
          if len(fields) < 2 || fields[0] == "" || fields[1] == "" {
            continue
          }
          if subtle.ConstantTimeCompare([]byte(fields[0]), []byte(token)) == 1 {
            groups := []string{Group}
            if len(fields) > 2 {
              for _, g := range strings.Split(strings.Join(fields[2:], ":"), ",") {
                if g = strings.TrimSpace(g); g != "" {
                  groups = append(groups, g)
                }
              }
            }
            return User{Name: fields[1], UID: fields[1], Groups: groups}, true
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

      ${goImports(["bytes", "encoding/json", "net/http", "net/http/httptest", "os", "path/filepath", "slices", "testing"], [["authenticationv1", "k8s.io/api/authentication/v1"]])}

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

      func TestTokensFile(t *testing.T) {
        path := filepath.Join(t.TempDir(), "tokens")
        if err := os.WriteFile(path, []byte("# comment\\nt1:alice\\n\\nt2:bob:dev, ops\\nbroken\\n"), 0o400); err != nil {
          t.Fatal(err)
        }
        old := TokensFile
        TokensFile = path
        t.Cleanup(func() { TokensFile = old })
        if u, ok := Lookup("t1"); !ok || u.Name != "alice" || !slices.Equal(u.Groups, []string{Group}) {
          t.Fatalf("t1: %v %+v", ok, u)
        }
        if u, ok := Lookup("t2"); !ok || u.Name != "bob" || !slices.Equal(u.Groups, []string{Group, "dev", "ops"}) {
          t.Fatalf("t2: %v %+v", ok, u)
        }
        for _, bad := range []string{"", "broken", "t3", "# comment"} {
          if _, ok := Lookup(bad); ok {
            t.Fatalf("%q authenticated", bad)
          }
        }
        TokensFile = filepath.Join(t.TempDir(), "missing")
        if _, ok := Lookup("t1"); ok {
          t.Fatal("missing file authenticated")
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
      edits: [
        { op: "set", flag: "authentication-token-webhook-config-file", value: `/etc/kubernetes/${o.name}/${o.name}.kubeconfig` },
        { op: "set", flag: "authentication-token-webhook-version", value: "v1" },
        // Short: a token removed from the file stops working within this time.
        { op: "set", flag: "authentication-token-webhook-cache-ttl", value: "2m" },
      ],
      readme: {
        title: `Webhook token authentication: ${o.name}`,
        what:
          "A TokenReview v1 server: kube-apiserver sends bearer tokens it does not recognise, the server answers with the user name, UID and groups. " +
          `The default lookup reads \`token:username[:group,…]\` lines from \`--tokens-file\` (\`/etc/kubernetes/${o.name}/tokens\` in the static Pod, mode 0400, owned by the container's UID); ` +
          `every authenticated user also gets the group \`${o.adminGroup}\`; bind RBAC roles to it.`,
        prepare: ["printf '%s:alice:dev-team\\n' \"$(openssl rand -hex 24)\" > tokens.txt   # one token:user[:groups] line per user; never commit it"],
        try: [
          `TOKEN="$(sudo cut -d: -f1 /etc/kubernetes/${o.name}/tokens | head -n 1)"`,
          ...AS_TOKEN_USER,
          `as_token "$TOKEN" auth whoami   # Username alice, Groups [${o.adminGroup} dev-team system:authenticated]`,
          "as_token not-a-token auth whoami   # error: You must be logged in to the server (Unauthorized)",
        ],
        tryNote:
          "`kubectl auth whoami` sends a SelfSubjectReview (authentication.k8s.io/v1, GA in 1.28): kube-apiserver answers with the identity the webhook returned. `as_token` uses an empty kubeconfig so that no client certificate of yours authenticates first.",
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

      ${goImports(["encoding/json", "io", "net/http", "slices", "strings"], [
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

      // SystemComponent reports whether the request comes from Kubernetes itself: kube-scheduler,
      // kube-controller-manager and its controllers' service accounts in kube-system, kubelets,
      // kube-proxy, and system:masters. Their writes in the namespace (binding Pods, creating
      // ReplicaSet Pods, emptying a namespace that is being deleted) must keep working, so the
      // webhook leaves them to RBAC. Service accounts of other namespaces are workloads, not system.
      func SystemComponent(spec authorizationv1.SubjectAccessReviewSpec) bool {
        if strings.HasPrefix(spec.User, "system:serviceaccount:") {
          return strings.HasPrefix(spec.User, "system:serviceaccount:kube-system:")
        }
        return strings.HasPrefix(spec.User, "system:") || slices.Contains(spec.Groups, "system:masters") || slices.Contains(spec.Groups, "system:nodes")
      }

      // Decide returns the review with status set. It never answers Allowed: that would skip the
      // authorizers after it (RBAC). It denies writes in ProtectedNamespace by users outside
      // AdminGroup and has no opinion on everything else, so RBAC still decides for admins,
      // readers, other namespaces and Kubernetes' own components.
      func Decide(in authorizationv1.SubjectAccessReview) authorizationv1.SubjectAccessReview {
        out := authorizationv1.SubjectAccessReview{
          TypeMeta: metav1.TypeMeta{APIVersion: "authorization.k8s.io/v1", Kind: "SubjectAccessReview"},
        }
        ra := in.Spec.ResourceAttributes
        switch {
        case ra == nil || ra.Namespace != ProtectedNamespace || slices.Contains(readVerbs, ra.Verb):
          out.Status.Reason = "no opinion: not a write in " + ProtectedNamespace
        case SystemComponent(in.Spec):
          out.Status.Reason = "no opinion: Kubernetes component, RBAC decides"
        case slices.Contains(in.Spec.Groups, AdminGroup):
          out.Status.Reason = "no opinion: member of " + AdminGroup + ", RBAC decides"
        default:
          out.Status.Denied = true
          out.Status.Reason = "only " + AdminGroup + " may change objects in " + ProtectedNamespace
        }
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

      func review(user, verb, resource, ns string, groups ...string) authorizationv1.SubjectAccessReview {
        return authorizationv1.SubjectAccessReview{Spec: authorizationv1.SubjectAccessReviewSpec{
          User:               user,
          Groups:             groups,
          ResourceAttributes: &authorizationv1.ResourceAttributes{Namespace: ns, Verb: verb, Resource: resource},
        }}
      }

      func TestDecide(t *testing.T) {
        const denied, noOpinion = true, false
        tests := []struct {
          name   string
          in     authorizationv1.SubjectAccessReview
          denied bool
        }{
          {"read in protected namespace", review("bob", "get", "deployments", ProtectedNamespace, "devs"), noOpinion},
          {"write by outsider", review("bob", "delete", "deployments", ProtectedNamespace, "devs"), denied},
          {"write by a workload service account", review("system:serviceaccount:"+ProtectedNamespace+":app", "create", "configmaps", ProtectedNamespace, "system:serviceaccounts"), denied},
          {"delete the namespace itself by outsider", review("bob", "delete", "namespaces", ProtectedNamespace, "devs"), denied},
          {"write by admin is left to RBAC", review("carol", "update", "deployments", ProtectedNamespace, AdminGroup), noOpinion},
          {"scheduler binds a Pod", review("system:kube-scheduler", "create", "pods", ProtectedNamespace), noOpinion},
          {"ReplicaSet controller creates a Pod", review("system:serviceaccount:kube-system:replicaset-controller", "create", "pods", ProtectedNamespace, "system:serviceaccounts", "system:serviceaccounts:kube-system"), noOpinion},
          {"namespace controller empties the namespace", review("system:serviceaccount:kube-system:namespace-controller", "deletecollection", "pods", ProtectedNamespace, "system:serviceaccounts"), noOpinion},
          {"controller-manager without per-controller credentials", review("system:kube-controller-manager", "create", "pods", ProtectedNamespace), noOpinion},
          {"kubelet updates Pod status", review("system:node:node-1", "patch", "pods", ProtectedNamespace, "system:nodes"), noOpinion},
          {"cluster admin", review("kubernetes-admin", "delete", "pods", ProtectedNamespace, "system:masters"), noOpinion},
          {"other namespace", review("bob", "delete", "deployments", "default", "devs"), noOpinion},
          {"non-resource request", authorizationv1.SubjectAccessReview{Spec: authorizationv1.SubjectAccessReviewSpec{User: "bob"}}, noOpinion},
        }
        for _, tc := range tests {
          t.Run(tc.name, func(t *testing.T) {
            got := Decide(tc.in)
            if got.Status.Allowed {
              t.Fatalf("Allowed=true skips RBAC; the webhook must only deny or have no opinion (%s)", got.Status.Reason)
            }
            if got.Status.Denied != tc.denied {
              t.Fatalf("denied=%v, want %v (%s)", got.Status.Denied, tc.denied, got.Status.Reason)
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
            // Kubernetes' own components never wait for the webhook (it leaves them to RBAC anyway).
            {
              expression:
                "!request.user.startsWith('system:') || (request.user.startsWith('system:serviceaccount:') && !request.user.startsWith('system:serviceaccount:kube-system:'))",
            },
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
      edits: [
        // --authorization-config replaces --authorization-mode (kube-apiserver refuses both); the
        // file lists Node, the webhook and RBAC. Removal restores kubeadm's Node,RBAC.
        {
          op: "replace",
          flag: "authorization-mode",
          with: "authorization-config",
          value: `/etc/kubernetes/${o.name}/authorization-config.yaml`,
          restore: "Node,RBAC",
        },
      ],
      readme: {
        title: `Authorization webhook: ${o.name}`,
        what:
          `A SubjectAccessReview v1 server and a structured AuthorizationConfiguration (\`${apiVersion}\`): writes in the \`${o.protectedNamespace}\` namespace ` +
          `are denied unless the user is in \`${o.adminGroup}\`. The webhook never answers "allowed" (that would skip RBAC): admins, readers, other namespaces and ` +
          "Kubernetes' own components (users named `system:…` other than service accounts outside kube-system, `system:masters`, `system:nodes`) get \"no opinion\" and RBAC decides, " +
          "so kube-scheduler still binds Pods, controllers still create Pods and a namespace can still be deleted. CEL matchConditions keep reads and system components from ever reaching the webhook, " +
          "and failurePolicy NoOpinion keeps the cluster usable if it is down.",
        try: [
          `kubectl create namespace ${o.protectedNamespace}`,
          `kubectl --as bob -n ${o.protectedNamespace} create configmap test --from-literal=a=b   # Forbidden: only ${o.adminGroup} may change objects`,
          `kubectl --as carol --as-group ${o.adminGroup} -n ${o.protectedNamespace} create configmap test --from-literal=a=b   # allowed only if RBAC also allows carol`,
          `kubectl -n ${o.protectedNamespace} create deployment web --image=registry.k8s.io/pause:3.10 && kubectl -n ${o.protectedNamespace} rollout status deploy/web   # controllers and the scheduler still work`,
        ],
        tryNote: "`--as` needs impersonation rights (cluster-admin has them).",
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

      ${goImports(["encoding/json", "io", "net/http", "slices", "strings"], [
        ["imagepolicyv1alpha1", "k8s.io/api/imagepolicy/v1alpha1"],
        ["metav1", "k8s.io/apimachinery/pkg/apis/meta/v1"],
      ])}

      // AllowedRegistry is the only registry pods may pull from.
      const AllowedRegistry = ${str(o.allowedRegistry)}

      // ExemptNamespaces run the cluster's own add-ons (CoreDNS, kube-proxy, CNI) from
      // registry.k8s.io and their vendors' registries: never block them.
      var ExemptNamespaces = []string{"kube-system"}

      // Review allows a pod only if every container image comes from AllowedRegistry.
      func Review(in imagepolicyv1alpha1.ImageReview) imagepolicyv1alpha1.ImageReview {
        out := imagepolicyv1alpha1.ImageReview{
          TypeMeta: metav1.TypeMeta{APIVersion: "imagepolicy.k8s.io/v1alpha1", Kind: "ImageReview"},
        }
        if slices.Contains(ExemptNamespaces, in.Spec.Namespace) {
          out.Status.Allowed = true
          out.Status.Reason = "namespace " + in.Spec.Namespace + " is exempt"
          return out
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
        system := review("registry.k8s.io/coredns/coredns:v1.12.0")
        system.Spec.Namespace = "kube-system"
        if got := Review(system); !got.Status.Allowed {
          t.Fatalf("kube-system add-on denied: %s", got.Status.Reason)
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
      edits: [
        { op: "append", flag: "enable-admission-plugins", item: "ImagePolicyWebhook" },
        // An existing --admission-control-config-file (e.g. PodSecurity defaults) makes the script stop: merge the plugin entry into it.
        { op: "set", flag: "admission-control-config-file", value: `/etc/kubernetes/${o.name}/admission-config.yaml` },
      ],
      readme: {
        title: `ImagePolicyWebhook: ${o.name}`,
        what:
          `An ImageReview server for kube-apiserver's ImagePolicyWebhook admission plugin: pods are admitted only if every image comes from \`${o.allowedRegistry}/\`. ` +
          `\`defaultAllow: ${o.defaultAllow}\` decides what happens when the server cannot be reached.`,
        try: [
          `kubectl create namespace image-policy-demo`,
          `kubectl -n image-policy-demo run allowed --image=${o.allowedRegistry}/app:v1 --dry-run=server   # pod/allowed created (server dry run)`,
          "kubectl -n image-policy-demo run denied --image=docker.io/library/nginx --dry-run=server   # Forbidden: image policy webhook backend denied one or more images",
        ],
        tryNote:
          `Pods in kube-system are exempt (ExemptNamespaces), so cluster add-ons keep starting. While the server is down kube-apiserver applies \`defaultAllow: ${o.defaultAllow}\`` +
          (o.defaultAllow ? ": every Pod is admitted." : ": every new Pod is denied, kube-system included (static Pods keep running; their mirror Pods cannot be recreated)."),
        removeNote: "Remove the kube-apiserver flags before the server: with `defaultAllow: false` a stopped server blocks every new Pod.",

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
            // claim + prefix, not a CEL map over claims.groups: that claim is untyped (dyn), and
            // kube-apiserver refuses a comprehension over it at start.
            groups: { claim: "groups", prefix: o.userPrefix },
            uid: { expression: "claims.sub" },
          },
          userValidationRules: [{ expression: "!user.username.startsWith('system:')", message: "username must not use the system: prefix" }],
        },
      ],
    }
    // Read-only by default: granting cluster-admin to whoever the issuer puts in a group is a
    // decision for the cluster owner, not a starter default.
    const binding: Obj = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "structured-authn-view" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: o.adminGroup }],
    }
    const dir = "/etc/kubernetes/authentication"
    const files: StarterFile[] = [
      { path: "config/authentication-config.yaml", content: yamlDoc(config) },
      { path: "deploy/rbac.yaml", content: yamlDoc(binding) },
      kustomization("deploy", { resources: ["rbac.yaml"] }),
      manifestScript({
        component: "kube-apiserver",
        name: "structured-authn",
        mountDir: dir,
        edits: [
          { op: "refuse", prefix: "oidc-", reason: "--authentication-config cannot be combined with --oidc-* flags; move them into config/authentication-config.yaml" },
          { op: "set", flag: "authentication-config", value: `${dir}/authentication-config.yaml` },
        ],
      }),
      makefile(
        [
          ["KUBECTL", "kubectl"],
          ["DESTDIR", dir],
        ],
        [
          {
            name: "install",
            help: "(root, each control-plane node) copy the configuration; kube-apiserver reloads it when it changes",
            recipe: ["install -d -m 0755 $(DESTDIR)", "install -m 0644 config/authentication-config.yaml $(DESTDIR)/authentication-config.yaml"],
          },
          { name: "uninstall", help: "(root) remove the configuration; run hack/kube-apiserver-manifest.sh remove first", recipe: ["rm -rf $(DESTDIR)"] },
          { name: "deploy", help: `Bind ${o.adminGroup} to the view ClusterRole (RBAC)`, recipe: ["$(KUBECTL) apply -k deploy"] },
          { name: "undeploy", help: "Remove the binding", recipe: ["$(KUBECTL) delete -k deploy --ignore-not-found"] },
          { name: "whoami", help: "Show the identity kube-apiserver derives from your token", recipe: ["$(KUBECTL) auth whoami"] },
        ],
      ),
      readme({
        mechanism: "structured-authentication",
        title: "Structured authentication: JWT issuer",
        what:
          `An AuthenticationConfiguration (\`${apiVersion}\`) that makes kube-apiserver accept JWTs from \`${o.issuer}\` with audience \`${o.audience}\`. ` +
          `CEL maps \`${claim}\` to the username (prefixed \`${o.userPrefix}\`), maps groups, and validates claims and the resulting user. No server to run. ` +
          `kube-apiserver fetches \`${o.issuer}/.well-known/openid-configuration\` and the JWKS it names, so the issuer must be reachable from the control plane. ` +
          `deploy/rbac.yaml gives \`${o.adminGroup}\` read-only access (ClusterRole view); bind stronger roles deliberately.`,
        k8s: o.k8s,
        versionNotes: [`AuthenticationConfiguration is \`apiserver.config.k8s.io/v1beta1\` on 1.30–1.33 and \`v1\` from 1.34 (GA); this starter targets ${o.k8s}. kube-apiserver reloads the file when it changes.`],
        files: [
          { path: "config/authentication-config.yaml", purpose: "the configuration file (--authentication-config)" },
          { path: "deploy/rbac.yaml", purpose: `ClusterRoleBinding: \`${o.adminGroup}\` → view` },
          { path: manifestScriptPath("kube-apiserver"), purpose: `adds (or removes) --authentication-config and the read-only mount of ${dir} in kube-apiserver's static Pod manifest (kubeadm mounts only its own directories)` },
        ],
        deploy: [
          "# on every control-plane node, from this directory:",
          `sudo make install   # ${dir}/authentication-config.yaml, mode 0644`,
          "sudo hack/kube-apiserver-manifest.sh add   # the flag + hostPath mount; the kubelet restarts kube-apiserver",
          "make deploy",
        ],
        test: ["make whoami   # with a kubeconfig that sends a token from the issuer"],
        extra: trySections({
          try: [
            "JWT=<an ID token from the issuer, audience " + o.audience + ">",
            ...AS_TOKEN_USER,
            `as_token "$JWT" auth whoami   # Username ${o.userPrefix}<${claim}>, Groups [${o.userPrefix}<group>… system:authenticated]`,
            `as_token "$JWT" get pods -A   # allowed for members of ${o.adminGroup} (view)`,
          ],
          tryNote: "A token with another audience, an expired token or one signed by another key gets 401 Unauthorized.",
          remove: ["make undeploy", "# on every control-plane node:", "sudo hack/kube-apiserver-manifest.sh remove", "sudo make uninstall"],
        }),
        nextSteps: ["Add more issuers (one entry per issuer, up to 64).", "Use `certificateAuthority` if the issuer uses a private CA.", "Tighten claimValidationRules (e.g. required `hd` or `tid` claims)."],
      }),
    ]
    return { root: "structured-authentication", files }
  },
})
