// kubectl plugin starter: an executable named kubectl-<command with _ for ->, found on PATH,
// in Go (cli-runtime: kubectl's own connection flags and the current kubeconfig context),
// TypeScript (client-node) or bash (calls kubectl itself), with tests and krew packaging.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, makefile, readme } from "../builders"
import { go, text, token, unsafeFragment } from "../code"
import { goModule, k8sMinor, refineError } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { trySections } from "./control-plane"
import { nodeGoMod } from "./node-common"
import { tsconfigFiles } from "./ts-common"
import { NODE_VERSION, NPM_DEPS, NPM_DEV_DEPS } from "../go-versions"

/** kubectl's built-in commands: a plugin with one of these names is never run (kubectl prefers built-ins). */
export const KUBECTL_BUILTINS = [
  "alpha", "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale", "certificate",
  "cluster-info", "completion", "config", "cordon", "cp", "create", "debug", "delete", "describe", "diff", "drain",
  "edit", "events", "exec", "explain", "expose", "get", "help", "kuberc", "kustomize", "label", "logs", "options",
  "patch", "plugin", "port-forward", "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top",
  "uncordon", "version", "wait",
] as const

const COMMAND = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

const schema = z
  .object({
    command: z
      .string({ error: "Enter text." })
      .trim()
      .min(1, { error: "Required." })
      .max(40, { error: "At most 40 characters." })
      .regex(COMMAND, {
        error:
          "Use lower-case words joined by '-', like pod-health: users type `kubectl pod-health`, and the file is kubectl-pod_health.",
      })
      .refine(
        (c) => !(KUBECTL_BUILTINS as readonly string[]).includes(c),
        refineError("kubectlBuiltin", "kubectl has a built-in command with this name and would never run the plugin; choose another name."),
      )
      .default("pod-health"),
    language: z.enum(["go", "typescript", "bash"], { error: "Choose one of: go, typescript, bash." }).default("go"),
    module: goModule().default("example.com/kubectl-pod-health"),
    k8s: k8sMinor(),
  })
  .strict()

type Options = z.output<typeof schema>

/** `kubectl foo-bar` → executable `kubectl-foo_bar` (kubectl maps '-' in commands to '_' in file names). */
export function pluginBinary(command: string): string {
  return `kubectl-${command.replace(/-/g, "_")}`
}

function goFiles(T: { bin: ReturnType<typeof token>; cmd: ReturnType<typeof token> }, o: Options): StarterFile[] {
  return [
    nodeGoMod(o.module, ["github.com/spf13/cobra", "github.com/spf13/pflag", "k8s.io/api", "k8s.io/apimachinery", "k8s.io/cli-runtime", "k8s.io/client-go"]),
    { path: "main.go", content: go`
      // Command ${T.bin} is a kubectl plugin: kubectl runs it for \`kubectl ${T.cmd}\`.
      // It lists pods that are not ready or restart often, in the namespace of the current
      // kubeconfig context (or --namespace / --all-namespaces), using kubectl's own connection flags.
      package main

      import (
        "os"

        "github.com/spf13/pflag"
        "k8s.io/cli-runtime/pkg/genericiooptions"
      )

      func main() {
        flags := pflag.NewFlagSet("${T.bin}", pflag.ExitOnError)
        pflag.CommandLine = flags
        cmd := NewCommand(genericiooptions.IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr})
        if err := cmd.Execute(); err != nil {
          os.Exit(1)
        }
      }
  ` },
    { path: "cmd.go", content: go`
      package main

      import (
        "context"
        "fmt"
        "sort"
        "text/tabwriter"

        "github.com/spf13/cobra"
        corev1 "k8s.io/api/core/v1"
        metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        "k8s.io/cli-runtime/pkg/genericclioptions"
        "k8s.io/cli-runtime/pkg/genericiooptions"
        "k8s.io/client-go/kubernetes"
      )

      // Options holds the flags of the plugin.
      type Options struct {
        configFlags   *genericclioptions.ConfigFlags
        allNamespaces bool
        minRestarts   int32
        genericiooptions.IOStreams
      }

      // NewCommand builds the cobra command; kubectl passes everything after the plugin name as args.
      func NewCommand(streams genericiooptions.IOStreams) *cobra.Command {
        o := &Options{configFlags: genericclioptions.NewConfigFlags(true), IOStreams: streams}
        cmd := &cobra.Command{
          Use:   "kubectl ${T.cmd} [flags]",
          Short: "List pods that are not ready or restart often",
          Example: \`  kubectl ${T.cmd}
        kubectl ${T.cmd} --all-namespaces --min-restarts 5
        kubectl ${T.cmd} --context staging -n web\`,
          SilenceUsage: true,
          Args:         cobra.NoArgs,
          RunE: func(c *cobra.Command, _ []string) error {
            return o.Run(c.Context())
          },
        }
        cmd.Flags().BoolVarP(&o.allNamespaces, "all-namespaces", "A", false, "list pods in all namespaces")
        cmd.Flags().Int32Var(&o.minRestarts, "min-restarts", 3, "report ready pods with at least this many container restarts")
        // --kubeconfig, --context, --namespace, --server, --token… exactly as kubectl has them.
        o.configFlags.AddFlags(cmd.Flags())
        return cmd
      }

      // Run lists the pods and prints the unhealthy ones.
      func (o *Options) Run(ctx context.Context) error {
        cfg, err := o.configFlags.ToRESTConfig()
        if err != nil {
          return err
        }
        client, err := kubernetes.NewForConfig(cfg)
        if err != nil {
          return err
        }
        ns := metav1.NamespaceAll
        if !o.allNamespaces {
          // The namespace of the current context unless --namespace is given.
          if ns, _, err = o.configFlags.ToRawKubeConfigLoader().Namespace(); err != nil {
            return err
          }
        }
        pods, err := client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
        if err != nil {
          return err
        }
        return Print(o.Out, Unhealthy(pods.Items, o.minRestarts))
      }

      // Row is one reported pod.
      type Row struct {
        Namespace, Name, Phase, Reason string
        Restarts                       int32
      }

      // Unhealthy returns pods that are not ready (and not completed) or restarted at least minRestarts times.
      func Unhealthy(pods []corev1.Pod, minRestarts int32) []Row {
        var rows []Row
        for _, p := range pods {
          if p.Status.Phase == corev1.PodSucceeded {
            continue
          }
          var restarts int32
          reason := ""
          for _, cs := range p.Status.ContainerStatuses {
            restarts += cs.RestartCount
            if cs.State.Waiting != nil && reason == "" {
              reason = cs.State.Waiting.Reason
            }
          }
          ready := false
          for _, c := range p.Status.Conditions {
            if c.Type == corev1.PodReady && c.Status == corev1.ConditionTrue {
              ready = true
            }
          }
          if ready && restarts < minRestarts {
            continue
          }
          if reason == "" && !ready {
            reason = "NotReady"
          }
          if reason == "" {
            reason = "Restarting"
          }
          rows = append(rows, Row{Namespace: p.Namespace, Name: p.Name, Phase: string(p.Status.Phase), Reason: reason, Restarts: restarts})
        }
        sort.Slice(rows, func(i, j int) bool {
          if rows[i].Namespace != rows[j].Namespace {
            return rows[i].Namespace < rows[j].Namespace
          }
          return rows[i].Name < rows[j].Name
        })
        return rows
      }

      // Print writes rows as an aligned table, like kubectl get.
      func Print(w interface{ Write([]byte) (int, error) }, rows []Row) error {
        if len(rows) == 0 {
          _, err := fmt.Fprintln(w, "All pods are healthy.")
          return err
        }
        tw := tabwriter.NewWriter(w, 0, 4, 3, ' ', 0)
        fmt.Fprintln(tw, "NAMESPACE\\tNAME\\tPHASE\\tREASON\\tRESTARTS")
        for _, r := range rows {
          fmt.Fprintf(tw, "%s\\t%s\\t%s\\t%s\\t%d\\n", r.Namespace, r.Name, r.Phase, r.Reason, r.Restarts)
        }
        return tw.Flush()
      }
  ` },
    { path: "cmd_test.go", content: go`
      package main

      import (
        "bytes"
        "strings"
        "testing"

        corev1 "k8s.io/api/core/v1"
        metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        "k8s.io/cli-runtime/pkg/genericiooptions"
      )

      func pod(name string, ready bool, restarts int32, waiting string, phase corev1.PodPhase) corev1.Pod {
        status := corev1.ConditionFalse
        if ready {
          status = corev1.ConditionTrue
        }
        cs := corev1.ContainerStatus{Name: "app", RestartCount: restarts}
        if waiting != "" {
          cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: waiting}
        }
        return corev1.Pod{
          ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
          Status: corev1.PodStatus{
            Phase:             phase,
            Conditions:        []corev1.PodCondition{{Type: corev1.PodReady, Status: status}},
            ContainerStatuses: []corev1.ContainerStatus{cs},
          },
        }
      }

      func TestUnhealthy(t *testing.T) {
        rows := Unhealthy([]corev1.Pod{
          pod("ok", true, 0, "", corev1.PodRunning),
          pod("crashing", false, 7, "CrashLoopBackOff", corev1.PodRunning),
          pod("flaky", true, 4, "", corev1.PodRunning),
          pod("done", false, 0, "", corev1.PodSucceeded),
          pod("pending", false, 0, "", corev1.PodPending),
        }, 3)
        var names []string
        for _, r := range rows {
          names = append(names, r.Name+":"+r.Reason)
        }
        if got := strings.Join(names, ","); got != "crashing:CrashLoopBackOff,flaky:Restarting,pending:NotReady" {
          t.Fatalf("got %s", got)
        }
      }

      func TestPrint(t *testing.T) {
        var buf bytes.Buffer
        if err := Print(&buf, nil); err != nil || !strings.Contains(buf.String(), "healthy") {
          t.Fatalf("empty output: %q %v", buf.String(), err)
        }
        buf.Reset()
        if err := Print(&buf, []Row{{Namespace: "default", Name: "web-1", Phase: "Running", Reason: "Restarting", Restarts: 5}}); err != nil {
          t.Fatal(err)
        }
        if !strings.HasPrefix(buf.String(), "NAMESPACE") || !strings.Contains(buf.String(), "web-1") {
          t.Fatalf("table: %q", buf.String())
        }
      }

      func TestFlagsAndHelp(t *testing.T) {
        var out bytes.Buffer
        cmd := NewCommand(genericiooptions.IOStreams{Out: &out, ErrOut: &out})
        for _, f := range []string{"all-namespaces", "min-restarts", "namespace", "context", "kubeconfig"} {
          if cmd.Flags().Lookup(f) == nil {
            t.Errorf("missing flag --%s", f)
          }
        }
        cmd.SetArgs([]string{"--help"})
        cmd.SetOut(&out)
        if err := cmd.Execute(); err != nil {
          t.Fatal(err)
        }
        if !strings.Contains(out.String(), "kubectl ${T.cmd}") {
          t.Fatalf("help does not show the kubectl invocation: %q", out.String())
        }
        cmd = NewCommand(genericiooptions.IOStreams{Out: &out, ErrOut: &out})
        cmd.SetArgs([]string{"extra"})
        cmd.SetErr(&out)
        if err := cmd.Execute(); err == nil {
          t.Fatal("positional arguments must be rejected")
        }
      }
  ` },
  ]
}

function bashFiles(T: { bin: ReturnType<typeof token>; cmd: ReturnType<typeof token> }, bin: string): StarterFile[] {
  return [
    { path: bin, executable: true, content: text`
      #!/usr/bin/env bash
      # ${T.bin}: a kubectl plugin. kubectl runs it for \`kubectl ${T.cmd}\` (dashes in the command
      # become underscores in the file name). Lists pods that are not ready or restart often, in the
      # namespace of the current kubeconfig context unless --namespace or --all-namespaces is given.
      set -euo pipefail

      usage() {
        cat <<'USAGE'
      List pods that are not ready or restart often.

      Usage:
        kubectl ${T.cmd} [flags]

      Examples:
        kubectl ${T.cmd}
        kubectl ${T.cmd} --all-namespaces --min-restarts 5
        kubectl ${T.cmd} --context staging -n web

      Flags:
        -A, --all-namespaces     list pods in all namespaces
            --min-restarts N     report ready pods with at least N container restarts (default 3)
        -n, --namespace NAME     namespace (default: the current context's namespace)
            --context NAME       kubeconfig context to use
            --kubeconfig PATH    kubeconfig file to use
        -h, --help               show this help
      USAGE
      }

      die() {
        echo "error: $*" >&2
        echo "Run 'kubectl ${T.cmd} --help' for usage." >&2
        exit 2
      }

      all_namespaces=false
      min_restarts=3
      kubectl_args=()
      while [[ $# -gt 0 ]]; do
        case "$1" in
          -h | --help) usage; exit 0 ;;
          -A | --all-namespaces) all_namespaces=true; shift ;;
          --min-restarts) [[ $# -ge 2 ]] || die "--min-restarts needs a value"; min_restarts="$2"; shift 2 ;;
          --min-restarts=*) min_restarts="\${1#*=}"; shift ;;
          -n | --namespace | --context | --kubeconfig)
            [[ $# -ge 2 ]] || die "$1 needs a value"
            kubectl_args+=("$1" "$2"); shift 2 ;;
          --namespace=* | --context=* | --kubeconfig=*) kubectl_args+=("$1"); shift ;;
          *) die "unknown argument: $1" ;;
        esac
      done
      [[ "$min_restarts" =~ ^[0-9]+$ ]] || die "--min-restarts must be a whole number"

      # kubectl 1.37+ tells plugins where it lives; fall back to the one on PATH.
      kubectl_bin="\${KUBECTL_PATH:-kubectl}"
      scope=()
      if [[ "$all_namespaces" == true ]]; then scope=(--all-namespaces); fi

      # One tab-separated line per pod: namespace, name, phase, Ready status, restarts, waiting reasons.
      jsonpath='{range .items[*]}{.metadata.namespace}{"\\t"}{.metadata.name}{"\\t"}{.status.phase}{"\\t"}{range .status.conditions[?(@.type=="Ready")]}{.status}{end}{"\\t"}{range .status.containerStatuses[*]}{.restartCount}{" "}{end}{"\\t"}{range .status.containerStatuses[*]}{.state.waiting.reason}{" "}{end}{"\\n"}{end}'

      # \${a[@]+"\${a[@]}"} expands an empty array to nothing: bash before 4.4 (macOS ships 3.2)
      # treats a plain "\${a[@]}" of an empty array as unbound under set -u.
      "$kubectl_bin" \${kubectl_args[@]+"\${kubectl_args[@]}"} get pods \${scope[@]+"\${scope[@]}"} -o "jsonpath=\${jsonpath}" |
        awk -F'\\t' -v min="$min_restarts" '
          $3 == "Succeeded" { next }
          {
            restarts = 0
            n = split($5, counts, " ")
            for (i = 1; i <= n; i++) restarts += counts[i]
            split($6, reasons, " ")
            reason = reasons[1]
            ready = ($4 == "True")
            if (ready && restarts < min) next
            if (reason == "") reason = ready ? "Restarting" : "NotReady"
            rows[++count] = sprintf("%-20s %-40s %-10s %-20s %s", $1, $2, $3, reason, restarts)
          }
          END {
            if (count == 0) { print "All pods are healthy."; exit }
            printf "%-20s %-40s %-10s %-20s %s\\n", "NAMESPACE", "NAME", "PHASE", "REASON", "RESTARTS"
            for (i = 1; i <= count; i++) print rows[i]
          }'
  ` },
    { path: "test/plugin_test.sh", executable: true, content: text`
      #!/usr/bin/env bash
      # Tests the plugin against a fake kubectl (no cluster needed): flags, help, and the report.
      set -euo pipefail

      here="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
      plugin="\${here}/../${T.bin}"
      tmp="$(mktemp -d)"
      trap 'rm -rf "$tmp"' EXIT

      # The fake kubectl records its arguments and prints canned jsonpath output.
      cat >"\${tmp}/kubectl" <<'FAKE'
      #!/usr/bin/env bash
      printf '%s\\n' "$*" >"\${FAKE_ARGS_FILE}"
      printf 'default\\tok\\tRunning\\tTrue\\t0 \\t \\n'
      printf 'default\\tcrashing\\tRunning\\tFalse\\t7 \\tCrashLoopBackOff \\n'
      printf 'default\\tflaky\\tRunning\\tTrue\\t4 \\t \\n'
      printf 'default\\tdone\\tSucceeded\\tFalse\\t0 \\t \\n'
      printf 'default\\tpending\\tPending\\tFalse\\t\\t\\n'
      FAKE
      chmod +x "\${tmp}/kubectl"
      export KUBECTL_PATH="\${tmp}/kubectl" FAKE_ARGS_FILE="\${tmp}/args"

      failures=0
      fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

      out="$("$plugin")"
      grep -q '^NAMESPACE' <<<"$out" || fail "no header: $out"
      grep -q 'crashing .*CrashLoopBackOff' <<<"$out" || fail "crashing pod missing: $out"
      grep -q 'flaky .*Restarting' <<<"$out" || fail "flaky pod missing: $out"
      grep -q 'pending .*NotReady' <<<"$out" || fail "pending pod missing: $out"
      if grep -q -e ' ok ' -e 'done' <<<"$out"; then fail "healthy or finished pod listed: $out"; fi

      "$plugin" -A --context staging --min-restarts=10 >/dev/null
      grep -q -- '--context staging get pods --all-namespaces' "\${tmp}/args" || fail "flags not passed to kubectl: $(cat "\${tmp}/args")"

      "$plugin" --help | grep -q "kubectl ${T.cmd}" || fail "help does not show the kubectl invocation"
      if "$plugin" --bogus 2>/dev/null; then fail "unknown flag accepted"; fi
      if "$plugin" --min-restarts abc 2>/dev/null; then fail "non-numeric --min-restarts accepted"; fi

      if [[ $failures -gt 0 ]]; then exit 1; fi
      echo "ok"
  ` },
  ]
}

function tsFiles(T: { bin: ReturnType<typeof token>; cmd: ReturnType<typeof token> }, o: Options, bin: string): StarterFile[] {
  const pkg = {
    name: bin.toLowerCase().replace(/_/g, "-"),
    version: "0.1.0",
    private: true,
    description: `kubectl plugin: kubectl ${o.command}`,
    type: "module",
    engines: { node: `>=${NODE_VERSION}` },
    // npm links the compiled entry point as kubectl-<name> on PATH (npm install -g .).
    bin: { [bin]: "dist/src/main.js" },
    scripts: {
      build: "tsc -p tsconfig.build.json",
      typecheck: "tsc --noEmit",
      test: "node --import tsx --test test/*.test.ts",
    },
    dependencies: { "@kubernetes/client-node": NPM_DEPS["@kubernetes/client-node"] },
    devDependencies: { ...NPM_DEV_DEPS },
  }
  return [
    { path: "package.json", content: `${JSON.stringify(pkg, null, 2)}\n` },
    ...tsconfigFiles(),
    { path: "src/main.ts", content: text`
      #!/usr/bin/env node
      // ${T.bin}: a kubectl plugin; kubectl runs it for \`kubectl ${T.cmd}\`. Uses the current
      // kubeconfig context (or --context/--kubeconfig) and its namespace (or --namespace/-A).
      import { parseArgs } from "node:util"
      import { CoreV1Api, KubeConfig } from "@kubernetes/client-node"
      import { parseFlags, table, unhealthy } from "./report.ts"

      const USAGE = \`List pods that are not ready or restart often.

      Usage:
        kubectl ${T.cmd} [flags]

      Flags:
        -A, --all-namespaces     list pods in all namespaces
            --min-restarts N     report ready pods with at least N container restarts (default 3)
        -n, --namespace NAME     namespace (default: the current context's namespace)
            --context NAME       kubeconfig context to use
            --kubeconfig PATH    kubeconfig file to use
        -h, --help               show this help
      \`

      async function main(): Promise<number> {
        let flags
        try {
          flags = parseFlags(process.argv.slice(2), parseArgs)
        } catch (err) {
          process.stderr.write(\`error: \${(err as Error).message}\\nRun 'kubectl ${T.cmd} --help' for usage.\\n\`)
          return 2
        }
        if (flags.help) {
          process.stdout.write(USAGE)
          return 0
        }
        const kc = new KubeConfig()
        if (flags.kubeconfig) kc.loadFromFile(flags.kubeconfig)
        else kc.loadFromDefault()
        if (flags.context) kc.setCurrentContext(flags.context)
        const api = kc.makeApiClient(CoreV1Api)
        const namespace = flags.namespace ?? kc.getContextObject(kc.getCurrentContext())?.namespace ?? "default"
        const list = flags.allNamespaces ? await api.listPodForAllNamespaces() : await api.listNamespacedPod({ namespace })
        process.stdout.write(table(unhealthy(list.items, flags.minRestarts)))
        return 0
      }

      main().then(
        (code) => process.exit(code),
        (err: unknown) => {
          process.stderr.write(\`error: \${err instanceof Error ? err.message : String(err)}\\n\`)
          process.exit(1)
        },
      )
  ` },
    { path: "src/report.ts", content: text`
      // Pure logic of the plugin (no API calls), so it is unit-tested without a cluster.
      import type { V1Pod } from "@kubernetes/client-node"

      export type Row = { namespace: string; name: string; phase: string; reason: string; restarts: number }

      /** Pods that are not ready (and not completed), or ready but restarted at least minRestarts times. */
      export function unhealthy(pods: readonly V1Pod[], minRestarts: number): Row[] {
        const rows: Row[] = []
        for (const p of pods) {
          const phase = p.status?.phase ?? "Unknown"
          if (phase === "Succeeded") continue
          const statuses = p.status?.containerStatuses ?? []
          const restarts = statuses.reduce((sum, cs) => sum + cs.restartCount, 0)
          const waiting = statuses.find((cs) => cs.state?.waiting?.reason)?.state?.waiting?.reason
          const ready = (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")
          if (ready && restarts < minRestarts) continue
          rows.push({
            namespace: p.metadata?.namespace ?? "",
            name: p.metadata?.name ?? "",
            phase,
            reason: waiting ?? (ready ? "Restarting" : "NotReady"),
            restarts,
          })
        }
        return rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
      }

      /** An aligned table like kubectl get prints. */
      export function table(rows: readonly Row[]): string {
        if (rows.length === 0) return "All pods are healthy.\\n"
        const header = ["NAMESPACE", "NAME", "PHASE", "REASON", "RESTARTS"]
        const cells = [header, ...rows.map((r) => [r.namespace, r.name, r.phase, r.reason, String(r.restarts)])]
        const widths = header.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? "").length)))
        return cells.map((c) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd((widths[i] ?? 0) + 3))).join("")).join("\\n") + "\\n"
      }

      export type Flags = {
        allNamespaces: boolean
        minRestarts: number
        namespace?: string
        context?: string
        kubeconfig?: string
        help: boolean
      }

      /** Parses the arguments kubectl passes after the plugin name; throws with a readable message. */
      export function parseFlags(argv: readonly string[], parse: typeof import("node:util").parseArgs): Flags {
        const { values, positionals } = parse({
          args: [...argv],
          allowPositionals: true,
          strict: true,
          options: {
            "all-namespaces": { type: "boolean", short: "A", default: false },
            "min-restarts": { type: "string", default: "3" },
            namespace: { type: "string", short: "n" },
            context: { type: "string" },
            kubeconfig: { type: "string" },
            help: { type: "boolean", short: "h", default: false },
          },
        })
        if (positionals.length > 0) throw new Error(\`unexpected argument: \${positionals[0]}\`)
        const minRestarts = Number(values["min-restarts"])
        if (!Number.isInteger(minRestarts) || minRestarts < 0) throw new Error("--min-restarts must be a whole number")
        return {
          allNamespaces: values["all-namespaces"] ?? false,
          minRestarts,
          namespace: values.namespace,
          context: values.context,
          kubeconfig: values.kubeconfig,
          help: values.help ?? false,
        }
      }
  ` },
    { path: "test/report.test.ts", content: text`
      import assert from "node:assert/strict"
      import { test } from "node:test"
      import { parseArgs } from "node:util"
      import type { V1Pod } from "@kubernetes/client-node"
      import { parseFlags, table, unhealthy } from "../src/report.ts"

      function pod(name: string, ready: boolean, restarts: number, waiting?: string, phase = "Running"): V1Pod {
        return {
          metadata: { name, namespace: "default" },
          status: {
            phase,
            conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
            containerStatuses: [
              { name: "app", image: "app", imageID: "", ready, restartCount: restarts, state: waiting ? { waiting: { reason: waiting } } : {} },
            ],
          },
        }
      }

      test("reports not-ready and restarting pods, skips healthy and completed ones", () => {
        const rows = unhealthy(
          [pod("ok", true, 0), pod("crashing", false, 7, "CrashLoopBackOff"), pod("flaky", true, 4), pod("done", false, 0, undefined, "Succeeded"), pod("pending", false, 0, undefined, "Pending")],
          3,
        )
        assert.deepEqual(
          rows.map((r) => \`\${r.name}:\${r.reason}\`),
          ["crashing:CrashLoopBackOff", "flaky:Restarting", "pending:NotReady"],
        )
      })

      test("prints a table or a healthy message", () => {
        assert.match(table([]), /healthy/)
        const out = table([{ namespace: "default", name: "web-1", phase: "Running", reason: "Restarting", restarts: 5 }])
        assert.match(out, /^NAMESPACE\\s+NAME\\s+PHASE\\s+REASON\\s+RESTARTS\\n/)
        assert.match(out, /web-1/)
      })

      test("parses kubectl-style flags and rejects bad ones", () => {
        const f = parseFlags(["-A", "--min-restarts", "5", "--context", "staging"], parseArgs)
        assert.equal(f.allNamespaces, true)
        assert.equal(f.minRestarts, 5)
        assert.equal(f.context, "staging")
        assert.throws(() => parseFlags(["--bogus"], parseArgs))
        assert.throws(() => parseFlags(["--min-restarts", "abc"], parseArgs))
        assert.throws(() => parseFlags(["extra"], parseArgs))
      })
  ` },
  ]
}

/** Release script: archives per platform, their sha256, and the krew Plugin manifest that points at them. */
function krewScript(T: { bin: ReturnType<typeof token>; cmd: ReturnType<typeof token> }, language: "go" | "bash"): StarterFile {
  const build =
    language === "go"
      ? text`
          for platform in linux/amd64 linux/arm64 darwin/amd64 darwin/arm64; do
            os="\${platform%/*}"; arch="\${platform#*/}"
            mkdir -p "dist/\${os}-\${arch}"
            GOOS="$os" GOARCH="$arch" CGO_ENABLED=0 go build -trimpath -o "dist/\${os}-\${arch}/\${bin}" .
            cp LICENSE "dist/\${os}-\${arch}/" 2>/dev/null || true
            tar -czf "dist/\${bin}_\${os}_\${arch}.tar.gz" -C "dist/\${os}-\${arch}" .
            platforms+=("$os $arch dist/\${bin}_\${os}_\${arch}.tar.gz")
          done
        `
      : text`
          # A bash script runs anywhere bash and kubectl do: one archive for Linux and macOS.
          mkdir -p dist/any
          cp "$bin" dist/any/
          tar -czf "dist/\${bin}.tar.gz" -C dist/any .
          for os in linux darwin; do
            for arch in amd64 arm64; do platforms+=("$os $arch dist/\${bin}.tar.gz"); done
          done
        `
  return {
    path: "hack/krew-manifest.sh",
    executable: true,
    content: text`
      #!/usr/bin/env bash
      # Builds release archives and writes dist/plugin.yaml, the krew manifest
      # (krew.googlecontainertools.github.com/v1alpha2 Plugin) with each archive's sha256.
      # Usage: hack/krew-manifest.sh v0.1.0 https://github.com/OWNER/REPO/releases/download/v0.1.0
      # Test locally: kubectl krew install --manifest=dist/plugin.yaml --archive=<archive>
      set -euo pipefail
      version="\${1:?usage: $0 VERSION BASE_URL}"
      base_url="\${2:?usage: $0 VERSION BASE_URL}"
      bin=${T.bin}
      platforms=()
      rm -rf dist && mkdir -p dist
      ${buildFragment(build)}
      {
        echo "apiVersion: krew.googlecontainertools.github.com/v1alpha2"
        echo "kind: Plugin"
        echo "metadata:"
        echo "  name: ${T.cmd}"
        echo "spec:"
        echo "  version: \${version}"
        echo "  shortDescription: List pods that are not ready or restart often"
        echo "  description: |"
        echo "    Lists pods that are not ready or restart often, in the current context's namespace."
        echo "  platforms:"
        for p in \${platforms[@]+"\${platforms[@]}"}; do
          read -r os arch file <<<"$p"
          echo "    - selector:"
          echo "        matchLabels:"
          echo "          os: \${os}"
          echo "          arch: \${arch}"
          echo "      uri: \${base_url}/$(basename "$file")"
          echo "      sha256: $(sha256sum "$file" | cut -d' ' -f1)"
          echo "      bin: \${bin}"
        done
      } >dist/plugin.yaml
      echo "wrote dist/plugin.yaml"
    `,
  }
}

function buildFragment(s: string) {
  return unsafeFragment(s.replace(/\n$/, ""))
}

function generateKubectlPlugin(o: Options) {
  const bin = pluginBinary(o.command)
  const T = { bin: token(bin), cmd: token(o.command) }
  const files: StarterFile[] = []
  let build: string[] = []
  let test: string[] = []
  let install: string[] = []
  if (o.language === "go") {
    files.push(...goFiles(T, o), krewScript(T, "go"))
    files.push(
      makefile(
        [["BIN", bin]],
        [
          { name: "tidy", help: "Update go.mod/go.sum after changing imports", recipe: ["go mod tidy"] },
          { name: "build", help: "Build the plugin into bin/", recipe: ["go build -o bin/$(BIN) ."] },
          { name: "test", help: "Run the unit tests", recipe: ["go vet ./...", "go test ./..."] },
          { name: "install", help: "Copy the plugin to ~/.local/bin (must be on PATH)", deps: ["build"], recipe: ["install -D bin/$(BIN) $(HOME)/.local/bin/$(BIN)"] },
          { name: "uninstall", help: "Remove it from ~/.local/bin", recipe: ["rm -f $(HOME)/.local/bin/$(BIN)"] },
          { name: "krew", help: "Build release archives and dist/plugin.yaml (VERSION=, BASE_URL=)", recipe: ["hack/krew-manifest.sh $(VERSION) $(BASE_URL)"] },
        ],
      ),
    )
    build = ["make build"]
    test = ["make test"]
    install = ["make install", `kubectl plugin list | grep ${bin}`, `kubectl ${o.command} --help`]
  } else if (o.language === "bash") {
    files.push(...bashFiles(T, bin), krewScript(T, "bash"))
    files.push(
      makefile(
        [["BIN", bin]],
        [
          { name: "lint", help: "shellcheck the plugin and its test", recipe: ["shellcheck $(BIN) test/plugin_test.sh hack/krew-manifest.sh"] },
          { name: "test", help: "Run the tests against a fake kubectl", recipe: ["bash test/plugin_test.sh"] },
          { name: "install", help: "Copy the plugin to ~/.local/bin (must be on PATH)", recipe: ["install -D $(BIN) $(HOME)/.local/bin/$(BIN)"] },
          { name: "uninstall", help: "Remove it from ~/.local/bin", recipe: ["rm -f $(HOME)/.local/bin/$(BIN)"] },
          { name: "krew", help: "Build the release archive and dist/plugin.yaml (VERSION=, BASE_URL=)", recipe: ["hack/krew-manifest.sh $(VERSION) $(BASE_URL)"] },
        ],
      ),
    )
    test = ["make lint test"]
    install = ["make install", `kubectl plugin list | grep ${bin}`, `kubectl ${o.command} --help`]
  } else {
    files.push(...tsFiles(T, o, bin))
    build = ["npm install", "npm run build"]
    test = ["npm test"]
    install = ["npm install -g .", `kubectl plugin list | grep ${bin}`, `kubectl ${o.command} --help`]
  }
  files.push(gitignore(["bin/", "dist/", "node_modules/"]))
  files.push(
    readme({
      mechanism: "kubectl-plugin",
      title: `kubectl ${o.command}`,
      what: `A kubectl plugin: an executable named \`${bin}\` anywhere on your PATH becomes \`kubectl ${o.command}\` (kubectl turns each '-' of the command into '_' when it looks for the file). It lists pods that are not ready or restart often, in the namespace of the current kubeconfig context, and accepts kubectl's --context, --namespace and --kubeconfig flags.`,
      k8s: o.k8s,
      versionNotes: [
        "kubectl discovers `kubectl-*` executables on PATH on every supported version; a plugin can never override a built-in command.",
        ...(o.k8s === "1.37" ? ["kubectl 1.37 sets KUBECTL_PATH in the plugin's environment; the bash variant uses it to call the same kubectl."] : []),
      ],
      files: files.filter((f) => f.path !== "README.md").map((f) => ({ path: f.path, purpose: purposeOf(f.path, bin) })),
      build,
      deploy: install,
      test,
      extra: [
        ...trySections({
          try: [`kubectl ${o.command}   # pods in the current namespace that are not ready or restart often`, `kubectl ${o.command} -A --min-restarts 5`, `kubectl ${o.command} --context <other> -n <namespace>`],
          tryNote: "kubectl passes every argument after the command to the plugin; the plugin reads the same kubeconfig (KUBECONFIG, --kubeconfig, --context) as kubectl.",
          remove: [o.language === "typescript" ? `npm uninstall -g ${bin.toLowerCase().replace(/_/g, "-")}` : "make uninstall", `kubectl plugin list 2>/dev/null | grep -c ${bin}   # 0`],
        }),
        ...(o.language === "typescript"
          ? [{ heading: "Distribution", body: "Publish to npm (users run `npm install -g`). Krew needs a self-contained executable per platform, so bundle the plugin (e.g. Node's single-executable applications) before writing a krew manifest." }]
          : [{ heading: "Krew", body: ["`make krew VERSION=v0.1.0 BASE_URL=https://github.com/OWNER/REPO/releases/download/v0.1.0` builds the release archives and `dist/plugin.yaml` (apiVersion `krew.googlecontainertools.github.com/v1alpha2`, kind `Plugin`) with their sha256 sums.", "Try it with `kubectl krew install --manifest=dist/plugin.yaml --archive=<archive>`, then submit the manifest to krew-index."] }]),
      ],
      nextSteps: [
        "Rename the command and change what it reports; keep `--help` accurate.",
        "Add more kubectl-style flags (e.g. `-o json`) when scripts will consume the output.",
        "Publish releases and the krew manifest so users can `kubectl krew install` it.",
      ],
    }),
  )
  return { root: bin, files }
}

function purposeOf(path: string, bin: string): string {
  if (path === bin) return "the plugin (executable)"
  const map: Record<string, string> = {
    "go.mod": "Go module (cli-runtime, client-go)",
    "main.go": "entry point",
    "cmd.go": "the command: flags, kubeconfig loading, report",
    "cmd_test.go": "unit tests",
    "test/plugin_test.sh": "tests against a fake kubectl",
    "hack/krew-manifest.sh": "builds release archives and the krew manifest",
    Makefile: "build, test, install, krew",
    ".gitignore": "build outputs",
    "package.json": "npm package; `bin` links the plugin onto PATH",
    "tsconfig.json": "TypeScript settings",
    "tsconfig.build.json": "TypeScript build settings",
    "src/main.ts": "entry point: flags, kubeconfig loading",
    "src/report.ts": "report logic",
    "test/report.test.ts": "unit tests",
  }
  return map[path] ?? "project file"
}

export const kubectlPluginStarter = defineStarter({
  id: "kubectl-plugin",
  schema,
  languages: ["go", "typescript", "bash"],
  targets: KUBERNETES_MINORS,
  variants: [
    { name: "bash", options: { language: "bash" } },
    { name: "typescript", options: { language: "typescript", command: "ns-report" } },
  ],
  generate: generateKubectlPlugin,
})
