// client-go exec credential plugin starter: a Go program kubectl runs to get a token
// (OAuth 2.0 client-credentials grant), cached until shortly before expiry, printed as an
// ExecCredential (client.authentication.k8s.io/v1), plus the kubeconfig users[].user.exec entry.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, makefile, readme } from "../builders"
import { go, token } from "../code"
import { choice, dnsLabel, goModule, httpsUrl, k8sMinor, language, subjectName } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc } from "../yaml"
import { trySections } from "./control-plane"
import { nodeGoMod } from "./node-common"

const schema = z
  .object({
    name: dnsLabel().default("kubectl-oauth-login"),
    module: goModule().default("example.com/kubectl-oauth-login"),
    tokenUrl: httpsUrl().default("https://login.example.com/oauth2/token"),
    clientId: subjectName().default("kubectl"),
    server: httpsUrl().default("https://kubernetes.example.com:6443"),
    interactiveMode: choice(["Never", "IfAvailable", "Always"], "Never"),
    language: language(["go"]),
    k8s: k8sMinor(),
  })
  .strict()

type Options = z.output<typeof schema>

/** A complete kubeconfig whose user runs the plugin (decoded strictly by e2e/config-checker). */
export function execKubeconfig(o: Options): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "example", cluster: { server: o.server } }],
    users: [
      {
        name: o.name,
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1",
            command: o.name,
            args: ["--token-url", o.tokenUrl, "--client-id", o.clientId],
            // The client secret comes from the caller's environment (OAUTH_CLIENT_SECRET), never from this file.
            // Never: the plugin needs no terminal (client credentials); kubectl may run it in pipes and CI.
            interactiveMode: o.interactiveMode,
            provideClusterInfo: false,
            installHint: `Install ${o.name}: go install ${o.module}@latest, then make sure it is on your PATH.`,
          },
        },
      },
    ],
    contexts: [{ name: "example", context: { cluster: "example", user: o.name } }],
    "current-context": "example",
  }
}

function generateExecPlugin(o: Options) {
  const T = { bin: token(o.name) }
  const files: StarterFile[] = [
    nodeGoMod(o.module, ["k8s.io/apimachinery", "k8s.io/client-go"]),
    { path: "main.go", content: go`
      // Command ${T.bin} is a client-go exec credential plugin: kubectl (or any
      // client-go program) runs it, it fetches a token with the OAuth 2.0 client-credentials grant,
      // caches it until shortly before expiry and prints an ExecCredential
      // (client.authentication.k8s.io/v1) on stdout.
      package main

      import (
        "context"
        "crypto/sha256"
        "encoding/hex"
        "encoding/json"
        "errors"
        "flag"
        "fmt"
        "io"
        "net/http"
        "net/url"
        "os"
        "path/filepath"
        "strings"
        "time"

        metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        clientauthv1 "k8s.io/client-go/pkg/apis/clientauthentication/v1"
      )

      // refreshSkew renews the token this long before it expires so requests never race expiry.
      const refreshSkew = 60 * time.Second

      // Options come from the kubeconfig's exec args and env.
      type Options struct {
        TokenURL     string
        ClientID     string
        ClientSecret string
        Scope        string
        // CacheDir holds one cache file per token endpoint, client ID and scope, so two
        // kubeconfig users (or contexts) with different settings never share a token.
        CacheDir   string
        Now        func() time.Time
        HTTPClient *http.Client
      }

      // cacheFile is the cache file for o's endpoint, client and scope (a hash: no secrets in names).
      func (o Options) cacheFile() string {
        sum := sha256.Sum256([]byte(o.TokenURL + "\\x00" + o.ClientID + "\\x00" + o.Scope))
        return filepath.Join(o.CacheDir, hex.EncodeToString(sum[:16])+".json")
      }

      // cachedToken is what the cache file holds (mode 0600, in the user's cache directory).
      type cachedToken struct {
        Token     string    \`json:"token"\`
        ExpiresAt time.Time \`json:"expiresAt"\`
      }

      // tokenResponse is the RFC 6749 §5.1 access token response.
      type tokenResponse struct {
        AccessToken string \`json:"access_token"\`
        TokenType   string \`json:"token_type"\`
        ExpiresIn   int64  \`json:"expires_in"\`
      }

      // readExecInfo decodes KUBERNETES_EXEC_INFO (set by client-go) and checks the apiVersion.
      func readExecInfo(env string) (*clientauthv1.ExecCredential, error) {
        if env == "" {
          // Run by hand: behave like a non-interactive v1 call.
          return &clientauthv1.ExecCredential{}, nil
        }
        var info clientauthv1.ExecCredential
        if err := json.Unmarshal([]byte(env), &info); err != nil {
          return nil, fmt.Errorf("parse KUBERNETES_EXEC_INFO: %w", err)
        }
        if want := clientauthv1.SchemeGroupVersion.String(); info.APIVersion != want {
          return nil, fmt.Errorf("KUBERNETES_EXEC_INFO apiVersion %q, this plugin speaks %s", info.APIVersion, want)
        }
        return &info, nil
      }

      func loadCache(path string, now time.Time) (*cachedToken, bool) {
        data, err := os.ReadFile(path)
        if err != nil {
          return nil, false
        }
        var c cachedToken
        if json.Unmarshal(data, &c) != nil || c.Token == "" || !now.Add(refreshSkew).Before(c.ExpiresAt) {
          return nil, false
        }
        return &c, true
      }

      func saveCache(path string, c *cachedToken) error {
        if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
          return err
        }
        data, err := json.Marshal(c)
        if err != nil {
          return err
        }
        // Write then rename so a concurrent kubectl never reads half a file.
        tmp := path + ".tmp"
        if err := os.WriteFile(tmp, data, 0o600); err != nil {
          return err
        }
        return os.Rename(tmp, path)
      }

      // fetchToken runs the client-credentials grant against the token endpoint.
      func fetchToken(ctx context.Context, o Options) (*cachedToken, error) {
        form := url.Values{"grant_type": {"client_credentials"}}
        if o.Scope != "" {
          form.Set("scope", o.Scope)
        }
        req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.TokenURL, strings.NewReader(form.Encode()))
        if err != nil {
          return nil, err
        }
        req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
        req.SetBasicAuth(url.QueryEscape(o.ClientID), url.QueryEscape(o.ClientSecret))
        resp, err := o.HTTPClient.Do(req)
        if err != nil {
          return nil, err
        }
        defer resp.Body.Close()
        body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
        if err != nil {
          return nil, err
        }
        if resp.StatusCode != http.StatusOK {
          return nil, fmt.Errorf("token endpoint answered %s", resp.Status)
        }
        var tr tokenResponse
        if err := json.Unmarshal(body, &tr); err != nil {
          return nil, fmt.Errorf("parse token response: %w", err)
        }
        if tr.AccessToken == "" || tr.ExpiresIn <= 0 {
          return nil, errors.New("token response lacks access_token or expires_in")
        }
        return &cachedToken{Token: tr.AccessToken, ExpiresAt: o.Now().Add(time.Duration(tr.ExpiresIn) * time.Second).UTC()}, nil
      }

      // credential returns the ExecCredential, from the cache when the cached token is still valid.
      func credential(ctx context.Context, o Options, execInfo string) (*clientauthv1.ExecCredential, error) {
        if _, err := readExecInfo(execInfo); err != nil {
          return nil, err
        }
        tok, ok := loadCache(o.cacheFile(), o.Now())
        if !ok {
          var err error
          if tok, err = fetchToken(ctx, o); err != nil {
            return nil, err
          }
          if err := saveCache(o.cacheFile(), tok); err != nil {
            return nil, fmt.Errorf("write token cache: %w", err)
          }
        }
        exp := metav1.NewTime(tok.ExpiresAt)
        return &clientauthv1.ExecCredential{
          TypeMeta: metav1.TypeMeta{APIVersion: clientauthv1.SchemeGroupVersion.String(), Kind: "ExecCredential"},
          Status:   &clientauthv1.ExecCredentialStatus{Token: tok.Token, ExpirationTimestamp: &exp},
        }, nil
      }

      func defaultCacheDir() string {
        dir, err := os.UserCacheDir()
        if err != nil {
          dir = os.TempDir()
        }
        return filepath.Join(dir, "${T.bin}")
      }

      func main() {
        o := Options{Now: time.Now, HTTPClient: &http.Client{Timeout: 30 * time.Second}}
        flag.StringVar(&o.TokenURL, "token-url", os.Getenv("OAUTH_TOKEN_URL"), "OAuth 2.0 token endpoint (https)")
        flag.StringVar(&o.ClientID, "client-id", os.Getenv("OAUTH_CLIENT_ID"), "OAuth 2.0 client ID")
        flag.StringVar(&o.Scope, "scope", "", "requested scope (optional)")
        flag.StringVar(&o.CacheDir, "cache-dir", defaultCacheDir(), "where to cache tokens until they expire (one file per token URL, client ID and scope)")
        secretEnv := flag.String("client-secret-env", "OAUTH_CLIENT_SECRET", "environment variable that holds the client secret")
        flag.Parse()
        // The secret comes from the environment only, so it never shows in process listings.
        o.ClientSecret = os.Getenv(*secretEnv)
        if o.TokenURL == "" || o.ClientID == "" || o.ClientSecret == "" {
          fmt.Fprintf(os.Stderr, "set --token-url, --client-id and %s\\n", *secretEnv)
          os.Exit(1)
        }
        cred, err := credential(context.Background(), o, os.Getenv("KUBERNETES_EXEC_INFO"))
        if err != nil {
          // stderr is shown to the kubectl user; stdout must stay valid JSON or empty.
          fmt.Fprintf(os.Stderr, "${T.bin}: %v\\n", err)
          os.Exit(1)
        }
        if err := json.NewEncoder(os.Stdout).Encode(cred); err != nil {
          os.Exit(1)
        }
      }
  ` },
    { path: "main_test.go", content: go`
      package main

      import (
        "context"
        "fmt"
        "net/http"
        "net/http/httptest"
        "sync/atomic"
        "testing"
        "time"
      )

      func tokenServer(t *testing.T, calls *int32) *httptest.Server {
        t.Helper()
        return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
          id, secret, ok := r.BasicAuth()
          if !ok || id != "cli" || secret != "s3cret" || r.FormValue("grant_type") != "client_credentials" {
            http.Error(w, "unauthorized", http.StatusUnauthorized)
            return
          }
          n := atomic.AddInt32(calls, 1)
          fmt.Fprintf(w, \`{"access_token":"token-%d","token_type":"Bearer","expires_in":3600}\`, n)
        }))
      }

      func TestCachesTokenUntilExpiry(t *testing.T) {
        var calls int32
        srv := tokenServer(t, &calls)
        defer srv.Close()
        now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
        o := Options{TokenURL: srv.URL, ClientID: "cli", ClientSecret: "s3cret", CacheDir: t.TempDir(),
          Now: func() time.Time { return now }, HTTPClient: srv.Client()}
        info := \`{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false}}\`

        first, err := credential(context.Background(), o, info)
        if err != nil {
          t.Fatal(err)
        }
        if first.APIVersion != "client.authentication.k8s.io/v1" || first.Kind != "ExecCredential" || first.Status.Token != "token-1" {
          t.Fatalf("unexpected credential: %+v", first)
        }
        now = now.Add(30 * time.Minute)
        second, err := credential(context.Background(), o, info)
        if err != nil {
          t.Fatal(err)
        }
        if second.Status.Token != "token-1" || calls != 1 {
          t.Fatalf("expected the cached token, got %s after %d calls", second.Status.Token, calls)
        }
        now = now.Add(30 * time.Minute) // within refreshSkew of expiry
        third, err := credential(context.Background(), o, info)
        if err != nil {
          t.Fatal(err)
        }
        if third.Status.Token != "token-2" {
          t.Fatalf("expected a fresh token, got %s", third.Status.Token)
        }
        if !third.Status.ExpirationTimestamp.Time.Equal(now.Add(time.Hour)) {
          t.Fatalf("expiry %v", third.Status.ExpirationTimestamp)
        }
      }

      // TestCachePerEndpointAndClient: two kubeconfig users with different token URLs or client
      // IDs share the cache directory but never each other's token.
      func TestCachePerEndpointAndClient(t *testing.T) {
        issue := func(prefix string, calls *int32) *httptest.Server {
          return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
            id, _, _ := r.BasicAuth()
            n := atomic.AddInt32(calls, 1)
            fmt.Fprintf(w, \`{"access_token":"%s-%s-%d","token_type":"Bearer","expires_in":3600}\`, prefix, id, n)
          }))
        }
        var callsA, callsB int32
        a, b := issue("a", &callsA), issue("b", &callsB)
        defer a.Close()
        defer b.Close()
        dir := t.TempDir()
        opts := func(srv *httptest.Server, client string) Options {
          return Options{TokenURL: srv.URL, ClientID: client, ClientSecret: "s", CacheDir: dir, Now: time.Now, HTTPClient: srv.Client()}
        }
        tokens := map[string]string{}
        for _, o := range []Options{opts(a, "dev"), opts(a, "ops"), opts(b, "dev"), opts(a, "dev"), opts(a, "ops"), opts(b, "dev")} {
          cred, err := credential(context.Background(), o, "")
          if err != nil {
            t.Fatal(err)
          }
          key := o.TokenURL + " " + o.ClientID
          if prev, seen := tokens[key]; seen && prev != cred.Status.Token {
            t.Fatalf("%s: cached token changed from %s to %s", key, prev, cred.Status.Token)
          }
          tokens[key] = cred.Status.Token
        }
        want := map[string]string{a.URL + " dev": "a-dev-1", a.URL + " ops": "a-ops-2", b.URL + " dev": "b-dev-1"}
        for k, v := range want {
          if tokens[k] != v {
            t.Errorf("%s: token %q, want %q (all: %v)", k, tokens[k], v, tokens)
          }
        }
        if callsA != 2 || callsB != 1 {
          t.Fatalf("token endpoint calls a=%d b=%d, want 2 and 1 (second round from the cache)", callsA, callsB)
        }
      }

      func TestRejectsWrongExecInfoVersion(t *testing.T) {
        o := Options{CacheDir: t.TempDir(), Now: time.Now}
        _, err := credential(context.Background(), o, \`{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential"}\`)
        if err == nil {
          t.Fatal("expected an apiVersion error")
        }
      }

      func TestTokenEndpointErrors(t *testing.T) {
        var calls int32
        srv := tokenServer(t, &calls)
        defer srv.Close()
        o := Options{TokenURL: srv.URL, ClientID: "cli", ClientSecret: "wrong", CacheDir: t.TempDir(),
          Now: time.Now, HTTPClient: srv.Client()}
        if _, err := credential(context.Background(), o, ""); err == nil {
          t.Fatal("expected an error for rejected credentials")
        }
      }
  ` },
    { path: "config/kubeconfig.yaml", content: yamlDoc(execKubeconfig(o)) },
    makefile(
      [["BIN", o.name]],
      [
        { name: "tidy", help: "Update go.mod/go.sum after changing imports", recipe: ["go mod tidy"] },
        { name: "build", help: "Build the plugin into bin/", recipe: ["go build -o bin/$(BIN) ."] },
        { name: "test", help: "Run the unit tests", recipe: ["go vet ./...", "go test ./..."] },
        { name: "install", help: "Copy the plugin to ~/.local/bin (must be on PATH)", deps: ["build"], recipe: ["install -D bin/$(BIN) $(HOME)/.local/bin/$(BIN)"] },
        {
          name: "uninstall",
          help: "Remove the plugin and its token cache",
          recipe: ["rm -f $(HOME)/.local/bin/$(BIN)", "rm -rf $${XDG_CACHE_HOME:-$(HOME)/.cache}/$(BIN) $(HOME)/Library/Caches/$(BIN)"],
        },
      ],
    ),
    gitignore(["bin/"]),
  ]
  files.push(
    readme({
      mechanism: "exec-credential-plugin",
      title: `${o.name}: client-go exec credential plugin`,
      what: `kubectl and every client-go program run \`${o.name}\` when the kubeconfig user has an \`exec\` section. The plugin obtains a token from ${o.tokenUrl} with the OAuth 2.0 client-credentials grant, caches it in your user cache directory until one minute before it expires, and prints an ExecCredential (client.authentication.k8s.io/v1) with the token and its expirationTimestamp. The API server must accept these tokens (structured authentication with a JWT issuer, or a webhook token authenticator).`,
      k8s: o.k8s,
      versionNotes: [
        "client.authentication.k8s.io/v1 is served by client-go on every supported version; interactiveMode is required in v1.",
        ...(o.k8s >= "1.35" ? ["kubectl 1.35+ can restrict which credential plugins run (kuberc credentialPluginPolicy); allow this command there if your users set a policy."] : []),
      ],
      files: [
        { path: "main.go", purpose: "the plugin: reads KUBERNETES_EXEC_INFO, fetches or reuses the token, prints the ExecCredential" },
        { path: "main_test.go", purpose: "tests against a fake token endpoint: caching, expiry, errors" },
        { path: "config/kubeconfig.yaml", purpose: "kubeconfig whose user runs the plugin (users[].user.exec)" },
        { path: "Makefile", purpose: "build, test, install" },
      ],
      build: ["make build"],
      deploy: ["make install", "export OAUTH_CLIENT_SECRET=…   # from your secret store", "KUBECONFIG=config/kubeconfig.yaml kubectl get --raw /version"],
      test: ["make test"],
      extra: trySections({
        try: [
          "KUBECONFIG=config/kubeconfig.yaml kubectl auth whoami   # the identity the API server derives from the plugin's token",
          "KUBECONFIG=config/kubeconfig.yaml kubectl auth whoami   # again: served from the cache, no call to the token endpoint",
          `ls "\${XDG_CACHE_HOME:-$HOME/.cache}/${o.name}"   # one file per token URL, client ID and scope`,
        ],
        tryNote:
          "Two users in one kubeconfig with different --token-url, --client-id or --scope get separate cache entries. Give each its own secret with `--client-secret-env NAME` (the exec `args`), never the secret itself in the kubeconfig.",
        remove: ["make uninstall", "# and delete the users[] entry from your kubeconfig"],
      }),
      nextSteps: [
        "Replace the client-credentials grant with your identity provider's flow (device code or browser login need interactiveMode IfAvailable or Always).",
        "Merge the users[] entry of config/kubeconfig.yaml into your real kubeconfig.",
        "Configure the API server to trust the issuer (structured AuthenticationConfiguration).",
      ],
    }),
  )
  return { root: o.name, files }
}

export const execCredentialPluginStarter = defineStarter({
  id: "exec-credential-plugin",
  schema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [{ name: "interactive", options: { interactiveMode: "IfAvailable", k8s: "1.30" } }],
  generate: generateExecPlugin,
})
