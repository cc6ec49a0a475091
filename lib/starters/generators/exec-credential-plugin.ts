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
        CacheFile    string
        Now          func() time.Time
        HTTPClient   *http.Client
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
        tok, ok := loadCache(o.CacheFile, o.Now())
        if !ok {
          var err error
          if tok, err = fetchToken(ctx, o); err != nil {
            return nil, err
          }
          if err := saveCache(o.CacheFile, tok); err != nil {
            return nil, fmt.Errorf("write token cache: %w", err)
          }
        }
        exp := metav1.NewTime(tok.ExpiresAt)
        return &clientauthv1.ExecCredential{
          TypeMeta: metav1.TypeMeta{APIVersion: clientauthv1.SchemeGroupVersion.String(), Kind: "ExecCredential"},
          Status:   &clientauthv1.ExecCredentialStatus{Token: tok.Token, ExpirationTimestamp: &exp},
        }, nil
      }

      func defaultCacheFile() string {
        dir, err := os.UserCacheDir()
        if err != nil {
          dir = os.TempDir()
        }
        return filepath.Join(dir, "${T.bin}", "token.json")
      }

      func main() {
        o := Options{Now: time.Now, HTTPClient: &http.Client{Timeout: 30 * time.Second}}
        flag.StringVar(&o.TokenURL, "token-url", os.Getenv("OAUTH_TOKEN_URL"), "OAuth 2.0 token endpoint (https)")
        flag.StringVar(&o.ClientID, "client-id", os.Getenv("OAUTH_CLIENT_ID"), "OAuth 2.0 client ID")
        flag.StringVar(&o.Scope, "scope", "", "requested scope (optional)")
        flag.StringVar(&o.CacheFile, "cache-file", defaultCacheFile(), "where to cache the token until it expires")
        flag.Parse()
        // The secret comes from the environment only, so it never shows in process listings.
        o.ClientSecret = os.Getenv("OAUTH_CLIENT_SECRET")
        if o.TokenURL == "" || o.ClientID == "" || o.ClientSecret == "" {
          fmt.Fprintln(os.Stderr, "set --token-url, --client-id and OAUTH_CLIENT_SECRET")
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
        "path/filepath"
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
        o := Options{TokenURL: srv.URL, ClientID: "cli", ClientSecret: "s3cret", CacheFile: filepath.Join(t.TempDir(), "token.json"),
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

      func TestRejectsWrongExecInfoVersion(t *testing.T) {
        o := Options{CacheFile: filepath.Join(t.TempDir(), "t.json"), Now: time.Now}
        _, err := credential(context.Background(), o, \`{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential"}\`)
        if err == nil {
          t.Fatal("expected an apiVersion error")
        }
      }

      func TestTokenEndpointErrors(t *testing.T) {
        var calls int32
        srv := tokenServer(t, &calls)
        defer srv.Close()
        o := Options{TokenURL: srv.URL, ClientID: "cli", ClientSecret: "wrong", CacheFile: filepath.Join(t.TempDir(), "t.json"),
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
        { name: "tidy", help: "Resolve dependencies (writes go.sum)", recipe: ["go mod tidy"] },
        { name: "build", help: "Build the plugin into bin/", deps: ["tidy"], recipe: ["go build -o bin/$(BIN) ."] },
        { name: "test", help: "Run the unit tests", deps: ["tidy"], recipe: ["go vet ./...", "go test ./..."] },
        { name: "install", help: "Copy the plugin to ~/.local/bin (must be on PATH)", deps: ["build"], recipe: ["install -D bin/$(BIN) $(HOME)/.local/bin/$(BIN)"] },
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
