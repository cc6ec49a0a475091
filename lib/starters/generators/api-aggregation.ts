// API aggregation starter: an APIService that tells kube-apiserver's aggregator to proxy one
// group/version to an in-cluster Service, plus a small Go server behind it. The server uses only
// net/http and k8s.io/apimachinery (k8s.io/apiserver is the production choice but too heavy to
// compile in CI); it serves discovery, a read-only list/get from memory and trusts the front-proxy
// client certificate + X-Remote-* headers the way the aggregator expects.
// source: kubernetes-extension-facts.md §3.4 (APIService apiregistration.k8s.io/v1 since 1.10).
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, ident, str } from "../code"
import { apiGroup, apiVersion, dnsLabel, goModule, imageRef, k8sMinor, kind, language, namespace, refineError } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { appLabels, kindNames } from "./common"
import { goDockerfile, goDockerignore, goImports, goMakeTargets, goMod } from "./go-common"
import { certManagerObjects, deploymentObject, namespaceObject, serviceAccountObject, serviceObject } from "./k8s-objects"

type Obj = Record<string, unknown>

const schema = z
  .object({
    name: dnsLabel().default("widget-apiserver"),
    group: apiGroup().default("aggregated.example.com"),
    version: apiVersion().default("v1alpha1"),
    kind: kind().default("Widget"),
    namespace: namespace().default("widget-apiserver"),
    language: language(["go"]),
    module: goModule().default("example.com/widget-apiserver"),
    image: imageRef().default("registry.example.com/widget-apiserver:v0.1.0"),
    k8s: k8sMinor(),
  })
  .strict()
  // The APIService is named <version>.<group>, which must stay a valid object name (≤ 253).
  .refine((o) => o.version.length + 1 + o.group.length <= 253, { ...refineError("apiServiceName", "Version and group together must fit 253 characters (the APIService is named <version>.<group>)."), path: ["group"] })

type Options = z.output<typeof schema>

const PORT = 8443
const CA_CONFIGMAP = (name: string) => `${name}-requestheader-ca`

function apiServiceObject(o: Options): Obj {
  return {
    apiVersion: "apiregistration.k8s.io/v1",
    kind: "APIService",
    metadata: {
      name: `${o.version}.${o.group}`,
      labels: appLabels(o.name, "apiservice"),
      // cert-manager's cainjector writes spec.caBundle from the serving Certificate's CA.
      annotations: { "cert-manager.io/inject-ca-from": `${o.namespace}/${o.name}-serving` },
    },
    spec: {
      group: o.group,
      version: o.version,
      // Priorities only order groups/versions in discovery; these are the values sample-apiserver uses.
      groupPriorityMinimum: 1000,
      versionPriority: 15,
      service: { namespace: o.namespace, name: o.name, port: 443 },
      insecureSkipTLSVerify: false,
    },
  }
}

function rbacObjects(o: Options): Obj[] {
  const subjects = [{ kind: "ServiceAccount", name: o.name, namespace: o.namespace }]
  return [
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: `${o.name}:system:auth-delegator`, labels: appLabels(o.name, "rbac") },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:auth-delegator" },
      subjects,
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: `${o.name}-auth-reader`, namespace: "kube-system", labels: appLabels(o.name, "rbac") },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "extension-apiserver-authentication-reader" },
      subjects,
    },
  ]
}

function serverObjects(o: Options): Obj[] {
  const deployment = deploymentObject({
    name: o.name,
    namespace: o.namespace,
    image: o.image,
    args: [
      `--addr=:${PORT}`,
      "--tls-cert-file=/tls/tls.crt",
      "--tls-private-key-file=/tls/tls.key",
      "--requestheader-client-ca-file=/requestheader/ca.crt",
      "--requestheader-allowed-names=front-proxy-client",
    ],
    port: PORT,
    replicas: 2,
    tlsSecret: `${o.name}-tls`,
    probePath: "/healthz",
    // The skeleton makes no API calls; turn this on when moving to k8s.io/apiserver.
    automountToken: false,
  })
  // Mount the front-proxy CA next to the serving cert, and probe readiness on /readyz.
  const pod = (deployment.spec as Obj).template as Obj
  const spec = pod.spec as Obj
  const container = (spec.containers as Obj[])[0]!
  container.readinessProbe = { httpGet: { path: "/readyz", port: PORT, scheme: "HTTPS" }, periodSeconds: 5 }
  container.volumeMounts = [...(container.volumeMounts as Obj[]), { name: "requestheader", mountPath: "/requestheader", readOnly: true }]
  spec.volumes = [...(spec.volumes as Obj[]), { name: "requestheader", configMap: { name: CA_CONFIGMAP(o.name) } }]
  return [serviceAccountObject(o.name, o.namespace, false), deployment, serviceObject(o.name, o.namespace, PORT)]
}

// ---------------------------------------------------------------- Go

function goMain(o: Options): string {
  return go`
    // Command server is an extension API server behind kube-apiserver's aggregation layer.
    package main

    ${goImports(["context", "flag", "log", "net/http", "os", "os/signal", "strings", "syscall", "time"], [], [`${o.module}/internal/apiserver`])}

    func main() {
      addr := flag.String("addr", ":8443", "listen address")
      cert := flag.String("tls-cert-file", "tls.crt", "serving certificate")
      key := flag.String("tls-private-key-file", "tls.key", "serving key")
      caFile := flag.String("requestheader-client-ca-file", "requestheader-ca.crt", "CA of the front-proxy client certificate (key requestheader-client-ca-file of ConfigMap kube-system/extension-apiserver-authentication)")
      allowed := flag.String("requestheader-allowed-names", "front-proxy-client", "comma-separated common names allowed for the front-proxy client certificate (empty: any name signed by the CA)")
      flag.Parse()

      caPEM, err := os.ReadFile(*caFile)
      if err != nil {
        log.Fatalf("reading requestheader CA: %v", err)
      }
      tlsConfig, err := apiserver.TLSConfig(caPEM)
      if err != nil {
        log.Fatal(err)
      }
      var names []string
      for _, n := range strings.Split(*allowed, ",") {
        if n = strings.TrimSpace(n); n != "" {
          names = append(names, n)
        }
      }

      srv := &http.Server{
        Addr:              *addr,
        Handler:           apiserver.NewHandler(apiserver.NewStore(apiserver.SampleObjects()), names),
        ReadHeaderTimeout: 10 * time.Second,
        TLSConfig:         tlsConfig,
      }
      ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
      defer stop()
      errCh := make(chan error, 1)
      go func() { errCh <- srv.ListenAndServeTLS(*cert, *key) }()
      log.Printf("serving %s/%s on %s", apiserver.Group, apiserver.Version, *addr)
      select {
      case err := <-errCh:
        if err != nil && err != http.ErrServerClosed {
          log.Fatal(err)
        }
      case <-ctx.Done():
        shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
        defer cancel()
        if err := srv.Shutdown(shutdownCtx); err != nil {
          log.Fatal(err)
        }
      }
    }
  `
}

function goTypes(o: Options): string {
  const n = kindNames(o.kind, o.group)
  const K = ident(o.kind)
  const L = ident(`${o.kind}List`)
  const S = ident(`${o.kind}Spec`)
  return go`
    package apiserver

    ${goImports([], [["metav1", "k8s.io/apimachinery/pkg/apis/meta/v1"]])}

    // API coordinates served by this server (must match the APIService in deploy/).
    const (
      Group    = ${str(o.group)}
      Version  = ${str(o.version)}
      Kind     = ${str(o.kind)}
      Resource = ${str(n.plural)}
    )

    // ${K} is the one resource of this API.
    type ${K} struct {
      metav1.TypeMeta   \`json:",inline"\`
      metav1.ObjectMeta \`json:"metadata,omitempty"\`

      Spec ${S} \`json:"spec"\`
    }

    // ${S} is what a ${K} holds; computed or looked up on request in a real server.
    type ${S} struct {
      Size  int32  \`json:"size"\`
      Color string \`json:"color,omitempty"\`
    }

    // ${L} is the list response.
    type ${L} struct {
      metav1.TypeMeta \`json:",inline"\`
      metav1.ListMeta \`json:"metadata,omitempty"\`

      Items []${K} \`json:"items"\`
    }

    // SampleObjects seeds the in-memory store so a fresh deployment has something to list.
    func SampleObjects() []${K} {
      return []${K}{{
        ObjectMeta: metav1.ObjectMeta{Name: "example", Namespace: "default"},
        Spec:       ${S}{Size: 1, Color: "blue"},
      }}
    }
  `
}

function goServer(o: Options): string {
  const K = ident(o.kind)
  const L = ident(`${o.kind}List`)
  return go`
    // Package apiserver serves one aggregated API group/version: discovery, read-only list/get
    // from memory, and front-proxy authentication (client certificate + X-Remote-* headers).
    package apiserver

    ${goImports(["context", "crypto/tls", "crypto/x509", "encoding/json", "errors", "net/http", "slices", "sort", "sync"], [["metav1", "k8s.io/apimachinery/pkg/apis/meta/v1"]])}

    // TLSConfig asks callers for a client certificate and verifies it against the front-proxy CA
    // (requestheader-client-ca-file). Probes come without one, so the certificate is optional
    // here and required per request by Authenticate.
    func TLSConfig(requestHeaderCAPEM []byte) (*tls.Config, error) {
      pool := x509.NewCertPool()
      if !pool.AppendCertsFromPEM(requestHeaderCAPEM) {
        return nil, errors.New("requestheader CA: no PEM certificates found")
      }
      return &tls.Config{MinVersion: tls.VersionTLS12, ClientCAs: pool, ClientAuth: tls.VerifyClientCertIfGiven}, nil
    }

    // User is the caller kube-apiserver authenticated (and authorized) before proxying.
    type User struct {
      Name   string
      Groups []string
    }

    type userKey struct{}

    // UserFrom returns the authenticated caller of a request.
    func UserFrom(ctx context.Context) (User, bool) {
      u, ok := ctx.Value(userKey{}).(User)
      return u, ok
    }

    // RequestUser trusts X-Remote-User/X-Remote-Group only on a connection whose client
    // certificate chains to the front-proxy CA and carries an allowed common name; anyone else
    // could set those headers.
    func RequestUser(r *http.Request, allowedNames []string) (User, error) {
      if r.TLS == nil || len(r.TLS.VerifiedChains) == 0 || len(r.TLS.VerifiedChains[0]) == 0 {
        return User{}, errors.New("no verified front-proxy client certificate")
      }
      cn := r.TLS.VerifiedChains[0][0].Subject.CommonName
      if len(allowedNames) > 0 && !slices.Contains(allowedNames, cn) {
        return User{}, errors.New("client certificate common name is not an allowed front-proxy name")
      }
      name := r.Header.Get("X-Remote-User")
      if name == "" {
        return User{}, errors.New("missing X-Remote-User header")
      }
      return User{Name: name, Groups: r.Header.Values("X-Remote-Group")}, nil
    }

    // Authenticate rejects requests that did not come through the aggregator.
    func Authenticate(allowedNames []string, next http.Handler) http.Handler {
      return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        u, err := RequestUser(r, allowedNames)
        if err != nil {
          writeStatus(w, http.StatusUnauthorized, metav1.StatusReasonUnauthorized, err.Error())
          return
        }
        next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
      })
    }

    // Store keeps the objects in memory; replace it with your data source.
    type Store struct {
      mu      sync.RWMutex
      objects map[string]${K}
    }

    // NewStore returns a store holding objs.
    func NewStore(objs []${K}) *Store {
      s := &Store{objects: map[string]${K}{}}
      for _, o := range objs {
        s.objects[o.Namespace+"/"+o.Name] = o
      }
      return s
    }

    // List returns the objects in namespace ns (all namespaces when ns is empty), sorted.
    func (s *Store) List(ns string) []${K} {
      s.mu.RLock()
      defer s.mu.RUnlock()
      out := []${K}{}
      for _, o := range s.objects {
        if ns == "" || o.Namespace == ns {
          out = append(out, withType(o))
        }
      }
      sort.Slice(out, func(i, j int) bool {
        return out[i].Namespace+"/"+out[i].Name < out[j].Namespace+"/"+out[j].Name
      })
      return out
    }

    // Get returns one object.
    func (s *Store) Get(ns, name string) (${K}, bool) {
      s.mu.RLock()
      defer s.mu.RUnlock()
      o, ok := s.objects[ns+"/"+name]
      return withType(o), ok
    }

    func withType(o ${K}) ${K} {
      o.TypeMeta = metav1.TypeMeta{APIVersion: Group + "/" + Version, Kind: Kind}
      return o
    }

    func groupVersion() metav1.GroupVersionForDiscovery {
      return metav1.GroupVersionForDiscovery{GroupVersion: Group + "/" + Version, Version: Version}
    }

    func apiGroup() metav1.APIGroup {
      return metav1.APIGroup{
        TypeMeta:         metav1.TypeMeta{APIVersion: "v1", Kind: "APIGroup"},
        Name:             Group,
        Versions:         []metav1.GroupVersionForDiscovery{groupVersion()},
        PreferredVersion: groupVersion(),
      }
    }

    // NewHandler serves discovery and the resource behind Authenticate, and the probes without it
    // (kubelet has no front-proxy certificate).
    func NewHandler(store *Store, allowedNames []string) http.Handler {
      api := http.NewServeMux()
      api.HandleFunc("GET /apis", func(w http.ResponseWriter, _ *http.Request) {
        writeJSON(w, http.StatusOK, metav1.APIGroupList{
          TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "APIGroupList"},
          Groups:   []metav1.APIGroup{apiGroup()},
        })
      })
      api.HandleFunc("GET /apis/"+Group, func(w http.ResponseWriter, _ *http.Request) {
        writeJSON(w, http.StatusOK, apiGroup())
      })
      api.HandleFunc("GET /apis/"+Group+"/"+Version, func(w http.ResponseWriter, _ *http.Request) {
        writeJSON(w, http.StatusOK, metav1.APIResourceList{
          TypeMeta:     metav1.TypeMeta{APIVersion: "v1", Kind: "APIResourceList"},
          GroupVersion: Group + "/" + Version,
          APIResources: []metav1.APIResource{{Name: Resource, Namespaced: true, Kind: Kind, Verbs: metav1.Verbs{"get", "list"}}},
        })
      })
      list := func(w http.ResponseWriter, r *http.Request) {
        writeJSON(w, http.StatusOK, ${L}{
          TypeMeta: metav1.TypeMeta{APIVersion: Group + "/" + Version, Kind: Kind + "List"},
          Items:    store.List(r.PathValue("namespace")),
        })
      }
      api.HandleFunc("GET /apis/"+Group+"/"+Version+"/"+Resource, list)
      api.HandleFunc("GET /apis/"+Group+"/"+Version+"/namespaces/{namespace}/"+Resource, list)
      api.HandleFunc("GET /apis/"+Group+"/"+Version+"/namespaces/{namespace}/"+Resource+"/{name}", func(w http.ResponseWriter, r *http.Request) {
        o, ok := store.Get(r.PathValue("namespace"), r.PathValue("name"))
        if !ok {
          writeStatus(w, http.StatusNotFound, metav1.StatusReasonNotFound, Resource+"."+Group+" \\""+r.PathValue("name")+"\\" not found")
          return
        }
        writeJSON(w, http.StatusOK, o)
      })

      mux := http.NewServeMux()
      ok := func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) }
      mux.HandleFunc("GET /healthz", ok)
      mux.HandleFunc("GET /readyz", ok)
      mux.Handle("/", Authenticate(allowedNames, api))
      return mux
    }

    func writeJSON(w http.ResponseWriter, code int, v any) {
      w.Header().Set("Content-Type", "application/json")
      w.WriteHeader(code)
      _ = json.NewEncoder(w).Encode(v)
    }

    func writeStatus(w http.ResponseWriter, code int, reason metav1.StatusReason, msg string) {
      writeJSON(w, code, metav1.Status{
        TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Status"},
        Status:   metav1.StatusFailure,
        Code:     int32(code),
        Reason:   reason,
        Message:  msg,
      })
    }
  `
}

function goTest(o: Options): string {
  const L = ident(`${o.kind}List`)
  return go`
    package apiserver

    ${goImports(
      ["crypto/ecdsa", "crypto/elliptic", "crypto/rand", "crypto/tls", "crypto/x509", "crypto/x509/pkix", "encoding/json", "encoding/pem", "math/big", "net/http", "net/http/httptest", "testing", "time"],
      [["metav1", "k8s.io/apimachinery/pkg/apis/meta/v1"]],
    )}

    // newCA makes a throwaway CA and returns it with a function that issues client certificates.
    func newCA(t *testing.T) ([]byte, func(cn string) tls.Certificate) {
      t.Helper()
      caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
      if err != nil {
        t.Fatal(err)
      }
      caTmpl := &x509.Certificate{
        SerialNumber:          big.NewInt(1),
        Subject:               pkix.Name{CommonName: "front-proxy-ca"},
        NotBefore:             time.Now().Add(-time.Hour),
        NotAfter:              time.Now().Add(time.Hour),
        IsCA:                  true,
        KeyUsage:              x509.KeyUsageCertSign,
        BasicConstraintsValid: true,
      }
      caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
      if err != nil {
        t.Fatal(err)
      }
      ca, _ := x509.ParseCertificate(caDER)
      issue := func(cn string) tls.Certificate {
        key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
        if err != nil {
          t.Fatal(err)
        }
        tmpl := &x509.Certificate{
          SerialNumber: big.NewInt(time.Now().UnixNano()),
          Subject:      pkix.Name{CommonName: cn},
          NotBefore:    time.Now().Add(-time.Hour),
          NotAfter:     time.Now().Add(time.Hour),
          KeyUsage:     x509.KeyUsageDigitalSignature,
          ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
        }
        der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
        if err != nil {
          t.Fatal(err)
        }
        return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
      }
      return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), issue
    }

    // startServer runs the real handler with the real TLS config on an httptest server.
    func startServer(t *testing.T) (*httptest.Server, func(cn string) tls.Certificate) {
      t.Helper()
      caPEM, issue := newCA(t)
      cfg, err := TLSConfig(caPEM)
      if err != nil {
        t.Fatal(err)
      }
      srv := httptest.NewUnstartedServer(NewHandler(NewStore(SampleObjects()), []string{"front-proxy-client"}))
      srv.TLS = cfg
      srv.StartTLS()
      t.Cleanup(srv.Close)
      return srv, issue
    }

    // get calls path as the aggregator would: with a client certificate (unless cert is nil)
    // and the X-Remote-* headers.
    func get(t *testing.T, srv *httptest.Server, cert *tls.Certificate, path string, out any) int {
      t.Helper()
      client := srv.Client()
      tr := client.Transport.(*http.Transport).Clone()
      if cert != nil {
        tr.TLSClientConfig.Certificates = []tls.Certificate{*cert}
      }
      client.Transport = tr
      req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
      req.Header.Set("X-Remote-User", "alice")
      req.Header.Add("X-Remote-Group", "system:authenticated")
      resp, err := client.Do(req)
      if err != nil {
        t.Fatal(err)
      }
      defer resp.Body.Close()
      if out != nil {
        if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
          t.Fatalf("%s: %v", path, err)
        }
      }
      return resp.StatusCode
    }

    func TestDiscovery(t *testing.T) {
      srv, issue := startServer(t)
      proxy := issue("front-proxy-client")

      var groups metav1.APIGroupList
      if code := get(t, srv, &proxy, "/apis", &groups); code != http.StatusOK || len(groups.Groups) != 1 || groups.Groups[0].Name != Group {
        t.Fatalf("/apis: %d %+v", code, groups)
      }
      var group metav1.APIGroup
      if code := get(t, srv, &proxy, "/apis/"+Group, &group); code != http.StatusOK || group.PreferredVersion.Version != Version {
        t.Fatalf("/apis/%s: %d %+v", Group, code, group)
      }
      var resources metav1.APIResourceList
      if code := get(t, srv, &proxy, "/apis/"+Group+"/"+Version, &resources); code != http.StatusOK ||
        resources.GroupVersion != Group+"/"+Version || len(resources.APIResources) != 1 || resources.APIResources[0].Name != Resource {
        t.Fatalf("resource list: %d %+v", code, resources)
      }
    }

    func TestListAndGet(t *testing.T) {
      srv, issue := startServer(t)
      proxy := issue("front-proxy-client")

      var all ${L}
      if code := get(t, srv, &proxy, "/apis/"+Group+"/"+Version+"/"+Resource, &all); code != http.StatusOK || len(all.Items) != 1 || all.Items[0].Kind != Kind {
        t.Fatalf("list all: %d %+v", code, all)
      }
      var other ${L}
      if code := get(t, srv, &proxy, "/apis/"+Group+"/"+Version+"/namespaces/other/"+Resource, &other); code != http.StatusOK || len(other.Items) != 0 {
        t.Fatalf("list other namespace: %d %+v", code, other)
      }
      var one map[string]any
      if code := get(t, srv, &proxy, "/apis/"+Group+"/"+Version+"/namespaces/default/"+Resource+"/example", &one); code != http.StatusOK {
        t.Fatalf("get: %d %+v", code, one)
      }
      var status metav1.Status
      if code := get(t, srv, &proxy, "/apis/"+Group+"/"+Version+"/namespaces/default/"+Resource+"/missing", &status); code != http.StatusNotFound || status.Reason != metav1.StatusReasonNotFound {
        t.Fatalf("get missing: %d %+v", code, status)
      }
    }

    func TestFrontProxyAuthentication(t *testing.T) {
      srv, issue := startServer(t)
      path := "/apis/" + Group + "/" + Version

      // No client certificate: the X-Remote-* headers must not be trusted.
      if code := get(t, srv, nil, path, nil); code != http.StatusUnauthorized {
        t.Fatalf("without certificate: status %d", code)
      }
      // Signed by the CA but not an allowed name.
      other := issue("someone-else")
      if code := get(t, srv, &other, path, nil); code != http.StatusUnauthorized {
        t.Fatalf("wrong common name: status %d", code)
      }
      // Probes need no certificate.
      if code := get(t, srv, nil, "/healthz", nil); code != http.StatusOK {
        t.Fatalf("/healthz: status %d", code)
      }
    }

    func TestRequestUser(t *testing.T) {
      r := httptest.NewRequest(http.MethodGet, "/apis", nil)
      r.TLS = &tls.ConnectionState{VerifiedChains: [][]*x509.Certificate{{{Subject: pkix.Name{CommonName: "front-proxy-client"}}}}}
      r.Header.Set("X-Remote-User", "alice")
      r.Header.Add("X-Remote-Group", "dev")
      r.Header.Add("X-Remote-Group", "system:authenticated")
      u, err := RequestUser(r, []string{"front-proxy-client"})
      if err != nil || u.Name != "alice" || len(u.Groups) != 2 {
        t.Fatalf("user %+v, err %v", u, err)
      }
      r.Header.Del("X-Remote-User")
      if _, err := RequestUser(r, nil); err == nil {
        t.Fatal("missing X-Remote-User accepted")
      }
    }
  `
}

// ---------------------------------------------------------------- project

function generateProject(o: Options): { root: string; files: StarterFile[] } {
  const n = kindNames(o.kind, o.group)
  const apiServiceName = `${o.version}.${o.group}`
  const files: StarterFile[] = [
    goMod(o.module, ["k8s.io/apimachinery"]),
    { path: "cmd/server/main.go", content: goMain(o) },
    { path: "internal/apiserver/types.go", content: goTypes(o) },
    { path: "internal/apiserver/server.go", content: goServer(o) },
    { path: "internal/apiserver/server_test.go", content: goTest(o) },
    goDockerfile("cmd/server"),
    goDockerignore(),
    gitignore(["bin/", "requestheader-ca.crt"]),
    { path: "deploy/namespace.yaml", content: yamlDoc(namespaceObject(o.namespace)) },
    { path: "deploy/server.yaml", content: yamlDocs(serverObjects(o)) },
    { path: "deploy/certificate.yaml", content: yamlDocs(certManagerObjects(o.name, o.namespace)) },
    { path: "deploy/rbac.yaml", content: yamlDocs(rbacObjects(o)) },
    { path: "deploy/apiservice.yaml", content: yamlDoc(apiServiceObject(o)) },
    kustomization("deploy", { resources: ["namespace.yaml", "server.yaml", "certificate.yaml", "rbac.yaml", "apiservice.yaml"] }),
    makefile(
      [
        ["IMG", o.image],
        ["NAMESPACE", o.namespace],
        ["CA_CONFIGMAP", CA_CONFIGMAP(o.name)],
      ],
      [
        ...goMakeTargets("cmd/server"),
        {
          name: "requestheader-ca",
          help: "Copy the front-proxy CA from kube-system into the server's namespace",
          recipe: [
            "kubectl -n kube-system get configmap extension-apiserver-authentication -o jsonpath='{.data.requestheader-client-ca-file}' > requestheader-ca.crt",
            "kubectl create namespace $(NAMESPACE) --dry-run=client -o yaml | kubectl apply -f -",
            "kubectl -n $(NAMESPACE) create configmap $(CA_CONFIGMAP) --from-file=ca.crt=requestheader-ca.crt --dry-run=client -o yaml | kubectl apply -f -",
          ],
        },
        { name: "deploy", help: "Apply deploy/ (needs cert-manager and the requestheader-ca target)", deps: ["requestheader-ca"], recipe: ["kubectl apply -k deploy"] },
      ],
    ),
    readme({
      mechanism: "api-aggregation",
      title: `Aggregated API: ${o.group}/${o.version}`,
      what:
        `An extension API server for \`${o.group}/${o.version}\` (resource \`${n.plural}\`, kind \`${o.kind}\`) behind kube-apiserver's aggregation layer. ` +
        `The APIService \`${apiServiceName}\` makes kube-apiserver authenticate and authorize each request, then proxy it to the Service \`${o.namespace}/${o.name}\` on port 443. ` +
        "The Go server is a skeleton on net/http and k8s.io/apimachinery: discovery (`/apis`, `/apis/<group>`, `/apis/<group>/<version>`), read-only list/get from memory, `/healthz` and `/readyz`, " +
        "and it trusts the caller identity in `X-Remote-User`/`X-Remote-Group` only when the connection carries a front-proxy client certificate signed by the requestheader CA with an allowed common name.",
      k8s: o.k8s,
      versionNotes: ["`apiregistration.k8s.io/v1` APIService is GA since Kubernetes 1.10 and unchanged on 1.30–1.37."],
      files: [
        { path: "cmd/server/main.go", purpose: "flags, TLS (front-proxy client CA), graceful shutdown" },
        { path: "internal/apiserver/", purpose: "types, discovery, list/get handlers, front-proxy authentication and their tests" },
        { path: "deploy/apiservice.yaml", purpose: `APIService ${apiServiceName} (caBundle injected by cert-manager)` },
        { path: "deploy/server.yaml", purpose: "ServiceAccount, Deployment (non-root, probes, resources) and Service" },
        { path: "deploy/certificate.yaml", purpose: `cert-manager Issuer + serving Certificate for ${o.name}.${o.namespace}.svc` },
        { path: "deploy/rbac.yaml", purpose: "ClusterRoleBinding to system:auth-delegator, RoleBinding to extension-apiserver-authentication-reader in kube-system" },
      ],
      build: ["make test", "make build", "make docker-build docker-push"],
      deploy: [
        "# needs cert-manager (https://cert-manager.io) for the serving certificate and the APIService caBundle",
        "make deploy   # copies the front-proxy CA into a ConfigMap, then kubectl apply -k deploy",
        `kubectl get apiservice ${apiServiceName}   # AVAILABLE should become True`,
      ],
      test: ["make test", `kubectl get --raw /apis/${o.group}/${o.version}`, `kubectl get ${n.plural} -A`, `kubectl get ${n.plural} example -n default -o yaml`],
      extra: [
        {
          heading: "Certificates",
          body: [
            `kube-apiserver verifies the server against \`spec.caBundle\` of the APIService (\`insecureSkipTLSVerify\` stays false). The manifests leave \`caBundle\` out: cert-manager's cainjector fills it from the Certificate named in the annotation \`cert-manager.io/inject-ca-from: ${o.namespace}/${o.name}-serving\`.`,
            "",
            `Without cert-manager, create the Secret \`${o.name}-tls\` yourself, drop the annotation and set \`spec.caBundle\` to the base64-encoded PEM of the CA that signed the serving certificate.`,
            "",
            "The server's own client-side trust comes from the ConfigMap `kube-system/extension-apiserver-authentication` (key `requestheader-client-ca-file`); `make requestheader-ca` copies it. Run it again when the front-proxy CA rotates.",
          ],
        },
      ],
      nextSteps: [
        "Use k8s.io/apiserver for production: delegated authentication and authorization (TokenReview/SubjectAccessReview, which is what the auth-delegator binding is for), reading the requestheader settings straight from the ConfigMap (extension-apiserver-authentication-reader), OpenAPI, watch, Table output and storage. See kubernetes/sample-apiserver.",
        "Authorize in the server as well: kube-apiserver already authorized the proxied request, but `UserFrom(ctx)` is where per-object decisions go.",
        "Replace the in-memory Store with the data the API computes or looks up on request.",
        "Discovery must answer within 5 seconds, or kube-apiserver marks the APIService unavailable.",
      ],
    }),
  ]
  return { root: o.name, files }
}

export const apiAggregationStarter = defineStarter({
  id: "api-aggregation",
  schema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: generateProject,
})
