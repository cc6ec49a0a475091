// kubelet image credential provider starter: a Go exec plugin the kubelet runs for matching
// images (CredentialProviderRequest on stdin, CredentialProviderResponse on stdout), the
// kubelet's CredentialProviderConfig (kubelet.config.k8s.io/v1) and the flags that load it.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, token } from "../code"
import { dnsLabel, dnsSubdomain, flag, goModule, k8sMinor, language } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { appLabels, atLeast } from "./common"
import { trySections } from "./control-plane"
import { nodeGoMod } from "./node-common"

const schema = z
  .object({
    name: dnsLabel().default("registry-credential-provider"),
    module: goModule().default("example.com/registry-credential-provider"),
    registry: dnsSubdomain().default("registry.example.com"),
    serviceAccountToken: flag(false),
    audience: dnsSubdomain().default("registry.example.com"),
    language: language(["go"]),
    k8s: k8sMinor(),
  })
  .strict()
  .superRefine((o, ctx) => {
    // source: kubernetes-1.34-1.37-changes.md §1 (KEP-4412: alpha 1.33, beta and on by default 1.34).
    if (o.serviceAccountToken && !atLeast(o.k8s, "1.33")) {
      ctx.addIssue({
        code: "custom",
        path: ["serviceAccountToken"],
        message: "Service account tokens for credential providers (tokenAttributes) exist from Kubernetes 1.33 (alpha, gate KubeletServiceAccountTokenForCredentialProviders); on by default from 1.34.",
        params: { key: "credentialProviderTokenVersion" },
      })
    }
  })

type Options = z.output<typeof schema>

const CONFIG_PATH = "/etc/kubernetes/credential-provider-config.yaml"
const BIN_DIR = "/usr/local/libexec/kubernetes/credential-providers"

export function credentialProviderConfig(o: Options): Record<string, unknown> {
  const provider: Record<string, unknown> = {
    name: o.name,
    // Globs over registry host (and optional path); *.example.com matches one subdomain level.
    matchImages: [o.registry, `*.${o.registry}`],
    defaultCacheDuration: "10m",
    apiVersion: "credentialprovider.kubelet.k8s.io/v1",
    args: ["--credentials-file=/etc/kubernetes/registry-credentials.json"],
  }
  if (o.serviceAccountToken) {
    provider.tokenAttributes = {
      serviceAccountTokenAudience: o.audience,
      // Token: cache credentials per token (they are derived from it). cacheType exists from
      // 1.34 (k8s.io/kubelet config/v1); 1.33's kubelet decodes the file strictly and rejects it.
      ...(atLeast(o.k8s, "1.34") ? { cacheType: "Token" } : {}),
      requireServiceAccount: true,
    }
  }
  return { apiVersion: "kubelet.config.k8s.io/v1", kind: "CredentialProviderConfig", providers: [provider] }
}

function kubeletFlags(o: Options): string[] {
  const flags = [`--image-credential-provider-config=${CONFIG_PATH}`, `--image-credential-provider-bin-dir=${BIN_DIR}`]
  if (o.serviceAccountToken && o.k8s === "1.33") flags.push("--feature-gates=KubeletServiceAccountTokenForCredentialProviders=true")
  return flags
}

function generateProvider(o: Options) {
  const T = { bin: token(o.name) }
  const files: StarterFile[] = [
    nodeGoMod(o.module, ["k8s.io/apimachinery", "k8s.io/kubelet"]),
    { path: "main.go", content: go`
      // Command ${T.bin} is a kubelet image credential provider: the kubelet
      // runs it for every image matching matchImages, writes a CredentialProviderRequest on stdin
      // and reads a CredentialProviderResponse (credentialprovider.kubelet.k8s.io/v1) from stdout.
      package main

      import (
        "encoding/json"
        "errors"
        "flag"
        "fmt"
        "io"
        "net"
        "net/url"
        "os"
        "path"
        "strings"
        "time"

        metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        credentialproviderv1 "k8s.io/kubelet/pkg/apis/credentialprovider/v1"
      )

      // Registry is one entry of the credentials file (JSON, readable by root only).
      type Registry struct {
        // Host is a registry host[:port][/path] as in image references, with the kubelet's
        // matchImages glob rules: "*.example.com" matches a.example.com (one label per "*"),
        // not example.com or a.b.example.com; ports must be equal; a path is a prefix.
        Host     string \`json:"host"\`
        Username string \`json:"username"\`
        // Password is used unless UseServiceAccountToken is set.
        Password string \`json:"password,omitempty"\`
        // UseServiceAccountToken sends the pod's service account token (requested by the kubelet
        // through tokenAttributes) as the password, for registries federated with the cluster issuer.
        UseServiceAccountToken bool \`json:"useServiceAccountToken,omitempty"\`
      }

      type credentialsFile struct {
        Registries []Registry \`json:"registries"\`
      }

      func loadCredentials(path string) ([]Registry, error) {
        data, err := os.ReadFile(path)
        if err != nil {
          return nil, err
        }
        var f credentialsFile
        dec := json.NewDecoder(strings.NewReader(string(data)))
        dec.DisallowUnknownFields()
        if err := dec.Decode(&f); err != nil {
          return nil, fmt.Errorf("parse %s: %w", path, err)
        }
        for i, r := range f.Registries {
          if r.Host == "" || r.Username == "" || (r.Password == "" && !r.UseServiceAccountToken) {
            return nil, fmt.Errorf("%s: registries[%d] needs host, username and password (or useServiceAccountToken)", path, i)
          }
        }
        return f.Registries, nil
      }

      // parseSchemeless parses "host[:port][/path]" the way the kubelet does (it adds a scheme first).
      func parseSchemeless(s string) (*url.URL, error) {
        u, err := url.Parse("https://" + s)
        if err != nil {
          return nil, err
        }
        u.Scheme = ""
        return u, nil
      }

      func splitHost(u *url.URL) ([]string, string) {
        host, port, err := net.SplitHostPort(u.Host)
        if err != nil {
          host, port = u.Host, ""
        }
        return strings.Split(host, "."), port
      }

      // matches reports whether image matches the glob the same way the kubelet matches
      // matchImages and the keys of a CredentialProviderResponse's auth map
      // (k8s.io/kubernetes/pkg/credentialprovider.URLsMatchStr).
      func matches(glob, image string) bool {
        g, err := parseSchemeless(glob)
        if err != nil {
          return false
        }
        t, err := parseSchemeless(image)
        if err != nil {
          return false
        }
        gParts, gPort := splitHost(g)
        tParts, tPort := splitHost(t)
        if gPort != tPort || len(gParts) != len(tParts) || !strings.HasPrefix(t.Path, g.Path) {
          return false
        }
        for i := range gParts {
          if ok, err := path.Match(gParts[i], tParts[i]); err != nil || !ok {
            return false
          }
        }
        return true
      }

      // imageHost returns the registry host of an image reference (Docker Hub when there is none).
      func imageHost(image string) string {
        first, _, found := strings.Cut(image, "/")
        if !found || (!strings.ContainsAny(first, ".:") && first != "localhost") {
          return "docker.io"
        }
        return first
      }

      // readRequest decodes the kubelet's request strictly and checks its apiVersion and kind.
      func readRequest(r io.Reader) (*credentialproviderv1.CredentialProviderRequest, error) {
        dec := json.NewDecoder(r)
        dec.DisallowUnknownFields()
        var req credentialproviderv1.CredentialProviderRequest
        if err := dec.Decode(&req); err != nil {
          return nil, fmt.Errorf("decode CredentialProviderRequest: %w", err)
        }
        if want := credentialproviderv1.SchemeGroupVersion.String(); req.APIVersion != want || req.Kind != "CredentialProviderRequest" {
          return nil, fmt.Errorf("got %s %s, want %s CredentialProviderRequest", req.APIVersion, req.Kind, want)
        }
        if req.Image == "" {
          return nil, errors.New("request has no image")
        }
        return &req, nil
      }

      // respond builds the response for one request. The auth map is keyed by the matching entries'
      // Host patterns, which the kubelet matches against images with the same glob rules, so one
      // "*.example.com" entry serves every registry below it (cacheKeyType Registry: per host).
      func respond(req *credentialproviderv1.CredentialProviderRequest, regs []Registry, cacheFor time.Duration) (*credentialproviderv1.CredentialProviderResponse, error) {
        image := req.Image
        if imageHost(image) == "docker.io" && !strings.HasPrefix(image, "docker.io/") {
          image = "docker.io/" + image
        }
        resp := &credentialproviderv1.CredentialProviderResponse{
          TypeMeta:      metav1.TypeMeta{APIVersion: credentialproviderv1.SchemeGroupVersion.String(), Kind: "CredentialProviderResponse"},
          CacheKeyType:  credentialproviderv1.RegistryPluginCacheKeyType,
          CacheDuration: &metav1.Duration{Duration: cacheFor},
          Auth:          map[string]credentialproviderv1.AuthConfig{},
        }
        for _, r := range regs {
          if !matches(r.Host, image) {
            continue
          }
          password := r.Password
          if r.UseServiceAccountToken {
            if req.ServiceAccountToken == "" {
              return nil, fmt.Errorf("registry %s needs a service account token; set tokenAttributes in the CredentialProviderConfig", r.Host)
            }
            password = req.ServiceAccountToken
            // A token-bound credential must not outlive the token's cache entry.
            resp.CacheKeyType = credentialproviderv1.ImagePluginCacheKeyType
          }
          resp.Auth[r.Host] = credentialproviderv1.AuthConfig{Username: r.Username, Password: password}
        }
        // No match: an empty Auth map tells the kubelet to pull without credentials from us.
        return resp, nil
      }

      func main() {
        credPath := flag.String("credentials-file", "/etc/kubernetes/registry-credentials.json", "registry credentials (JSON)")
        cacheFor := flag.Duration("cache-duration", 10*time.Minute, "how long the kubelet may cache returned credentials")
        flag.Parse()

        fail := func(err error) {
          // The kubelet logs stderr; stdout must carry only the response.
          fmt.Fprintf(os.Stderr, "${T.bin}: %v\\n", err)
          os.Exit(1)
        }
        req, err := readRequest(os.Stdin)
        if err != nil {
          fail(err)
        }
        regs, err := loadCredentials(*credPath)
        if err != nil {
          fail(err)
        }
        resp, err := respond(req, regs, *cacheFor)
        if err != nil {
          fail(err)
        }
        if err := json.NewEncoder(os.Stdout).Encode(resp); err != nil {
          fail(err)
        }
      }
  ` },
    { path: "main_test.go", content: go`
      package main

      import (
        "os"
        "path/filepath"
        "strings"
        "testing"
        "time"

        credentialproviderv1 "k8s.io/kubelet/pkg/apis/credentialprovider/v1"
      )

      func TestImageHost(t *testing.T) {
        cases := map[string]string{
          "registry.example.com/team/app:v1": "registry.example.com",
          "localhost:5000/app":               "localhost:5000",
          "localhost/app":                    "localhost",
          "library/nginx":                    "docker.io",
          "nginx":                            "docker.io",
        }
        for in, want := range cases {
          if got := imageHost(in); got != want {
            t.Errorf("imageHost(%q) = %q, want %q", in, got, want)
          }
        }
      }

      func TestReadRequest(t *testing.T) {
        good := \`{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderRequest","image":"registry.example.com/app:v1"}\`
        req, err := readRequest(strings.NewReader(good))
        if err != nil || req.Image != "registry.example.com/app:v1" {
          t.Fatalf("readRequest: %v %+v", err, req)
        }
        for _, bad := range []string{
          \`{"apiVersion":"credentialprovider.kubelet.k8s.io/v1beta1","kind":"CredentialProviderRequest","image":"x"}\`,
          \`{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderRequest"}\`,
          \`{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderRequest","image":"x","imgae":"y"}\`,
        } {
          if _, err := readRequest(strings.NewReader(bad)); err == nil {
            t.Errorf("expected an error for %s", bad)
          }
        }
      }

      func TestRespond(t *testing.T) {
        regs := []Registry{
          {Host: "registry.example.com", Username: "puller", Password: "pw"},
          {Host: "federated.example.com", Username: "kubernetes", UseServiceAccountToken: true},
        }
        req := &credentialproviderv1.CredentialProviderRequest{Image: "registry.example.com/team/app:v1"}
        resp, err := respond(req, regs, time.Minute)
        if err != nil {
          t.Fatal(err)
        }
        if resp.APIVersion != "credentialprovider.kubelet.k8s.io/v1" || resp.Kind != "CredentialProviderResponse" {
          t.Fatalf("bad type meta %+v", resp.TypeMeta)
        }
        if a := resp.Auth["registry.example.com"]; a.Username != "puller" || a.Password != "pw" || resp.CacheKeyType != credentialproviderv1.RegistryPluginCacheKeyType {
          t.Fatalf("unexpected response %+v", resp)
        }

        if _, err := respond(&credentialproviderv1.CredentialProviderRequest{Image: "federated.example.com/app"}, regs, time.Minute); err == nil {
          t.Fatal("expected an error without a service account token")
        }
        resp, err = respond(&credentialproviderv1.CredentialProviderRequest{Image: "federated.example.com/app", ServiceAccountToken: "jwt"}, regs, time.Minute)
        if err != nil || resp.Auth["federated.example.com"].Password != "jwt" || resp.CacheKeyType != credentialproviderv1.ImagePluginCacheKeyType {
          t.Fatalf("token mode: %v %+v", err, resp)
        }

        resp, err = respond(&credentialproviderv1.CredentialProviderRequest{Image: "other.example.com/app"}, regs, time.Minute)
        if err != nil || len(resp.Auth) != 0 {
          t.Fatalf("unmatched image should get no credentials: %v %+v", err, resp)
        }
      }

      // TestWildcardHosts: the config's matchImages has "*.<registry>"; an entry with that
      // pattern must answer for every host it matches, with the kubelet's glob rules.
      func TestWildcardHosts(t *testing.T) {
        regs := []Registry{{Host: "*.registry.example.com", Username: "puller", Password: "pw"}, {Host: "registry.example.com:5000/team", Username: "team", Password: "tw"}}
        cases := map[string]string{
          "eu.registry.example.com/app:v1":         "*.registry.example.com",
          "us.registry.example.com/a/b@sha256:0":   "*.registry.example.com",
          "registry.example.com/app":               "",
          "a.b.registry.example.com/app":           "",
          "eu.registry.example.com:443/app":        "",
          "registry.example.com:5000/team/app:v1":  "registry.example.com:5000/team",
          "registry.example.com:5000/other/app:v1": "",
          "nginx":                                  "",
        }
        for image, want := range cases {
          resp, err := respond(&credentialproviderv1.CredentialProviderRequest{Image: image}, regs, time.Minute)
          if err != nil {
            t.Fatal(err)
          }
          got := ""
          for k := range resp.Auth {
            got = k
          }
          if got != want || len(resp.Auth) > 1 {
            t.Errorf("%s: auth keys %v, want %q", image, resp.Auth, want)
          }
        }
      }

      func TestLoadCredentials(t *testing.T) {
        dir := t.TempDir()
        good := filepath.Join(dir, "good.json")
        os.WriteFile(good, []byte(\`{"registries":[{"host":"r.example.com","username":"u","password":"p"}]}\`), 0o600)
        if regs, err := loadCredentials(good); err != nil || len(regs) != 1 {
          t.Fatalf("loadCredentials: %v %v", err, regs)
        }
        bad := filepath.Join(dir, "bad.json")
        os.WriteFile(bad, []byte(\`{"registries":[{"host":"r.example.com","username":"u"}]}\`), 0o600)
        if _, err := loadCredentials(bad); err == nil {
          t.Fatal("expected an error for a registry without a password")
        }
      }
  ` },
    { path: "config/credential-provider-config.yaml", content: yamlDoc(credentialProviderConfig(o)) },
    {
      path: "config/registry-credentials.example.json",
      content: `${JSON.stringify(
        {
          registries: [
            ...[o.registry, `*.${o.registry}`].map((host) =>
              o.serviceAccountToken ? { host, username: "kubernetes", useServiceAccountToken: true } : { host, username: "puller", password: "change-me" },
            ),
          ],
        },
        null,
        2,
      )}\n`,
    },
    {
      path: "config/kubelet-flags.txt",
      content: `# Add to the kubelet's command line (or KUBELET_EXTRA_ARGS), then restart the kubelet.\n${kubeletFlags(o).join("\n")}\n`,
    },
    makefile(
      [["BIN", o.name]],
      [
        { name: "tidy", help: "Update go.mod/go.sum after changing imports", recipe: ["go mod tidy"] },
        { name: "build", help: "Build the provider into bin/ (static, for the node)", recipe: ["CGO_ENABLED=0 go build -o bin/$(BIN) ."] },
        { name: "test", help: "Run the unit tests", recipe: ["go vet ./...", "go test ./..."] },
      ],
    ),
    gitignore(["bin/"]),
  ]
  if (o.serviceAccountToken) {
    // The NodeRestriction admission plugin only lets kubelets request tokens for audiences
    // RBAC grants them (ServiceAccountNodeAudienceRestriction).
    const rbac = [
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        metadata: { name: `${o.name}-audience`, labels: appLabels(o.name) },
        rules: [{ apiGroups: [""], resources: [o.audience], verbs: ["request-serviceaccounts-token-audience"] }],
      },
      {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRoleBinding",
        metadata: { name: `${o.name}-audience`, labels: appLabels(o.name) },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: `${o.name}-audience` },
        subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "system:nodes" }],
      },
    ]
    files.push({ path: "deploy/node-audience-rbac.yaml", content: yamlDocs(rbac) })
    files.push(kustomization("deploy", { resources: ["node-audience-rbac.yaml"] }))
  }
  files.push(
    readme({
      mechanism: "image-credential-provider",
      title: `${o.name}: kubelet image credential provider`,
      what: `The kubelet runs \`${o.name}\` before pulling an image that matches \`matchImages\`. It writes a CredentialProviderRequest (credentialprovider.kubelet.k8s.io/v1) to the plugin's stdin and reads a CredentialProviderResponse with registry credentials from its stdout, caching them for cacheDuration. This starter reads credentials per registry host from a root-only JSON file${o.serviceAccountToken ? "; for registries federated with the cluster's service-account issuer it passes the pod's service account token (tokenAttributes) as the password" : ""}.`,
      k8s: o.k8s,
      versionNotes: [
        "CredentialProviderConfig is kubelet.config.k8s.io/v1 and the exec protocol credentialprovider.kubelet.k8s.io/v1 on every supported version.",
        o.serviceAccountToken
          ? o.k8s === "1.33"
            ? "tokenAttributes is alpha in 1.33: the kubelet needs --feature-gates=KubeletServiceAccountTokenForCredentialProviders=true (included in config/kubelet-flags.txt)."
            : "tokenAttributes is beta and on by default (1.34+). deploy/node-audience-rbac.yaml lets kubelets request tokens for the audience."
          : "Service-account-token mode (tokenAttributes) is off; enable the serviceAccountToken option for registries that trust the cluster's issuer (1.33+).",
      ],
      files: [
        { path: "main.go", purpose: "the provider: strict request decoding, registry matching, response" },
        { path: "main_test.go", purpose: "unit tests" },
        { path: "config/credential-provider-config.yaml", purpose: `CredentialProviderConfig, install at ${CONFIG_PATH}` },
        { path: "config/registry-credentials.example.json", purpose: "example credentials file (/etc/kubernetes/registry-credentials.json, mode 0600)" },
        { path: "config/kubelet-flags.txt", purpose: "kubelet flags to add" },
        ...(o.serviceAccountToken ? [{ path: "deploy/node-audience-rbac.yaml", purpose: "RBAC: kubelets may request tokens for the audience" }] : []),
      ],
      build: ["make build"],
      deploy: [
        `# on every node (as root):`,
        `install -D -m 0755 bin/${o.name} ${BIN_DIR}/${o.name}`,
        `install -D -m 0644 config/credential-provider-config.yaml ${CONFIG_PATH}`,
        `install -D -m 0600 config/registry-credentials.example.json /etc/kubernetes/registry-credentials.json   # then edit`,
        "# add the flags from config/kubelet-flags.txt and restart the kubelet",
        ...(o.serviceAccountToken ? ["kubectl apply -k deploy/"] : []),
      ],
      test: [
        "make test",
        `echo '{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderRequest","image":"${o.registry}/app:v1"}' | bin/${o.name} --credentials-file=config/registry-credentials.example.json`,
      ],
      extra: trySections({
        try: [
          `echo '{"apiVersion":"credentialprovider.kubelet.k8s.io/v1","kind":"CredentialProviderRequest","image":"eu.${o.registry}/app:v1"${o.serviceAccountToken ? ',"serviceAccountToken":"<token>"' : ""}}' | bin/${o.name} --credentials-file=config/registry-credentials.example.json`,
          `# → auth for "*.${o.registry}": the kubelet matches that key against the image with the same glob rules as matchImages`,
          `# on a node, after restarting the kubelet: crictl has no kubelet credentials, so check with a Pod using a private image from ${o.registry}`,
        ],
        remove: [
          "# on every node (as root): drop the flags from config/kubelet-flags.txt, restart the kubelet, then",
          `rm -f ${BIN_DIR}/${o.name} ${CONFIG_PATH} /etc/kubernetes/registry-credentials.json`,
          ...(o.serviceAccountToken ? ["kubectl delete -k deploy/ --ignore-not-found"] : []),
        ],
        removeNote: "Images already pulled stay on the nodes; Pods that need new pulls from the private registry fail with ErrImagePull once the provider is gone.",
      }),
      nextSteps: [
        "Fetch short-lived credentials from your registry's token API instead of a static file.",
        "Roll the binary and config out with your node image or configuration management (the kubelet reads them at start).",
      ],
    }),
  )
  return { root: o.name, files }
}

export const imageCredentialProviderStarter = defineStarter({
  id: "image-credential-provider",
  schema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [
    { name: "sa-token", options: { serviceAccountToken: true } },
    { name: "sa-token-1.33", options: { serviceAccountToken: true, k8s: "1.33" } },
  ],
  generate: generateProvider,
})
