// Scheduler starters: a scheduling profile (KubeSchedulerConfiguration), a second scheduler
// with its RBAC, an out-of-tree scheduling framework plugin compiled into a custom
// kube-scheduler, and a scheduler extender (HTTP filter/prioritize). All configuration is
// kubescheduler.config.k8s.io/v1 on every supported minor.
import { z } from "zod"
import { KUBERNETES_MINORS, type KubernetesMinor } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, token } from "../code"
import { choice, dnsLabel, dnsSubdomain, goModule, imageRef, k8sMinor, kind, language, namespace } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { atLeast, minorsFrom } from "./common"
import { manifestScript, manifestScriptPath, trySections } from "./control-plane"
import { goDockerfile, goDockerignore, goMakeTargets } from "./go-common"
import {
  BIN_PACKING_STRATEGIES,
  kubeSchedulerImage,
  nodeGoMod,
  nodeResourcesFitArgs,
  samplePod,
  schedulerConfig,
  secondSchedulerObjects,
  type ScoringStrategy,
} from "./node-common"

const strategy = () => choice(BIN_PACKING_STRATEGIES, "MostAllocated")

/** The bin-packing profile: NodeResourcesFit scores by utilisation; balance is switched off so it does not fight packing. */
function binPackingProfile(schedulerName: string, s: ScoringStrategy) {
  return {
    schedulerName,
    plugins: {
      score: {
        disabled: [{ name: "NodeResourcesBalancedAllocation" }],
        enabled: [{ name: "NodeResourcesFit", weight: 5 }],
      },
    },
    pluginConfig: [
      { name: "NodeResourcesFit", args: nodeResourcesFitArgs(s) },
      // The cluster-default topology spreading (maxSkew 3 per node) scores spreading higher than
      // small requests score packing: turn the defaults off in this profile (Pods that declare
      // topologySpreadConstraints themselves still get them).
      { name: "PodTopologySpread", args: { defaultingType: "List", defaultConstraints: [] } },
    ],
  }
}

// ---------- scheduler-configuration ----------

const profileSchema = z
  .object({
    schedulerName: dnsLabel().default("bin-packing-scheduler"),
    strategy: strategy(),
    k8s: k8sMinor(),
  })
  .strict()

const SCHEDULER_CONFIG_DIR = "/etc/kubernetes/scheduler-config"

function generateProfile(o: z.output<typeof profileSchema>) {
  const cfg = schedulerConfig({
    // kubeadm's kube-scheduler kubeconfig: with --config the --kubeconfig flag is ignored.
    kubeconfig: "/etc/kubernetes/scheduler.conf",
    profiles: [{ schedulerName: "default-scheduler" }, binPackingProfile(o.schedulerName, o.strategy)],
  })
  const files: StarterFile[] = [
    { path: "config/kube-scheduler-config.yaml", content: yamlDoc(cfg) },
    { path: "deploy/sample-pod.yaml", content: yamlDocs([{ apiVersion: "v1", kind: "Namespace", metadata: { name: "scheduling-demo" } }, samplePod("packed", "scheduling-demo", o.schedulerName)]) },
    { path: "deploy/sample-deployment.yaml", content: yamlDoc(sampleDeployment("scheduling-demo", o.schedulerName, "packed-web", 4)) },
    manifestScript({
      component: "kube-scheduler",
      name: "scheduler-config",
      mountDir: SCHEDULER_CONFIG_DIR,
      edits: [{ op: "set", flag: "config", value: `${SCHEDULER_CONFIG_DIR}/kube-scheduler-config.yaml` }],
    }),
    makefile(
      [["DESTDIR", SCHEDULER_CONFIG_DIR]],
      [
        { name: "install", help: "(root, each control-plane node) copy the configuration", recipe: ["install -d -m 0755 $(DESTDIR)", "install -m 0644 config/kube-scheduler-config.yaml $(DESTDIR)/kube-scheduler-config.yaml"] },
        { name: "uninstall", help: "(root) remove it; run hack/kube-scheduler-manifest.sh remove first", recipe: ["rm -rf $(DESTDIR)"] },
      ],
    ),
  ]
  files.push(
    readme({
      mechanism: "scheduler-configuration",
      title: `Scheduling profile ${o.schedulerName}`,
      what: `A KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) for kube-scheduler's --config flag. It keeps the default profile and adds the profile \`${o.schedulerName}\`, which packs pods onto the fullest nodes: NodeResourcesFit scores with the ${o.strategy} strategy (weight 5), NodeResourcesBalancedAllocation is disabled and PodTopologySpread's cluster-default spreading is switched off for the profile. Pods choose the profile with spec.schedulerName. Once --config is set kube-scheduler ignores --kubeconfig, so the file names kubeadm's /etc/kubernetes/scheduler.conf in clientConnection.kubeconfig (change it if your scheduler's kubeconfig lives elsewhere).`,
      k8s: o.k8s,
      versionNotes: ["kubescheduler.config.k8s.io/v1 is the only config version on every supported minor. Changing kube-scheduler flags needs control-plane access; on managed clusters run a second scheduler instead (multiple-schedulers starter)."],
      files: [
        { path: "config/kube-scheduler-config.yaml", purpose: "the configuration (validated with kube-scheduler's own types in CI)" },
        { path: "deploy/sample-pod.yaml", purpose: "a Pod that uses the profile" },
        { path: "deploy/sample-deployment.yaml", purpose: "4 replicas that use the profile" },
        { path: manifestScriptPath("kube-scheduler"), purpose: `adds (or removes) --config and the read-only mount of ${SCHEDULER_CONFIG_DIR} in kube-scheduler's static Pod manifest` },
      ],
      deploy: [
        "# on each control-plane node (kubeadm), from this directory:",
        `sudo make install   # ${SCHEDULER_CONFIG_DIR}/kube-scheduler-config.yaml, mode 0644`,
        "sudo hack/kube-scheduler-manifest.sh add   # --config + hostPath mount; the kubelet restarts kube-scheduler",
        "kubectl -n kube-system get pods -l component=kube-scheduler",
      ],
      test: ["kubectl apply -f deploy/sample-pod.yaml", "kubectl get pod -n scheduling-demo packed -o wide", "kubectl get events -n scheduling-demo --field-selector reason=Scheduled"],
      extra: trySections({
        try: [
          "kubectl apply -f deploy/sample-deployment.yaml   # 4 replicas with the profile",
          "kubectl -n scheduling-demo get pods -l app.kubernetes.io/name=packed-web -o wide   # the NODE column shows as few nodes as the requests allow",
          "kubectl create deployment spread --image=registry.k8s.io/pause:3.10 --replicas=4 -n scheduling-demo   # default-scheduler: still scheduled as before",
        ],
        tryNote: o.strategy === "LeastAllocated" ? "LeastAllocated spreads instead: each Pod goes to the emptiest node." : "Pods without requests count as the scheduler's defaults (100m CPU, 200Mi memory) when scoring.",
        remove: ["kubectl delete namespace scheduling-demo", "# on each control-plane node:", "sudo hack/kube-scheduler-manifest.sh remove", "sudo make uninstall"],
      }),
      nextSteps: ["Add extended resources (GPUs) to scoringStrategy.resources with their own weights.", "Compare LeastAllocated (spreading) with MostAllocated on a staging cluster."],
    }),
  )
  return { root: o.schedulerName, files }
}

export const schedulerConfigurationStarter = defineStarter({
  id: "scheduler-configuration",
  schema: profileSchema,
  languages: [],
  targets: KUBERNETES_MINORS,
  variants: [{ name: "ratio", options: { strategy: "RequestedToCapacityRatio", k8s: "1.30" } }],
  generate: generateProfile,
})

// ---------- multiple-schedulers ----------

const secondSchema = z
  .object({
    schedulerName: dnsLabel().default("bin-packing-scheduler"),
    namespace: namespace().default("second-scheduler"),
    strategy: strategy(),
    k8s: k8sMinor(),
  })
  .strict()

function leader(name: string, ns: string) {
  return { resourceName: name, resourceNamespace: ns }
}

function generateSecondScheduler(o: z.output<typeof secondSchema>) {
  const cfg = schedulerConfig({ leaderElection: leader(o.schedulerName, o.namespace), profiles: [binPackingProfile(o.schedulerName, o.strategy)] })
  const cfgYaml = yamlDoc(cfg)
  const image = kubeSchedulerImage(o.k8s)
  const objs = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: o.namespace } },
    ...secondSchedulerObjects({ name: o.schedulerName, namespace: o.namespace, image, config: cfg, configYaml: cfgYaml, k8s: o.k8s }),
  ]
  const files: StarterFile[] = [
    { path: "config/kube-scheduler-config.yaml", content: cfgYaml },
    { path: "deploy/scheduler.yaml", content: yamlDocs(objs) },
    { path: "deploy/sample-pod.yaml", content: yamlDocs([samplePod("packed", o.namespace, o.schedulerName)]) },
    kustomization("deploy", { resources: ["scheduler.yaml"] }),
  ]
  files.push(
    readme({
      mechanism: "multiple-schedulers",
      title: `Second scheduler ${o.schedulerName}`,
      what: `Runs kube-scheduler (${image}) a second time, as a Deployment in \`${o.namespace}\`, with its own profile \`${o.schedulerName}\` (bin packing: NodeResourcesFit ${o.strategy}). It uses the built-in system:kube-scheduler and system:volume-scheduler roles and reads its KubeSchedulerConfiguration from a ConfigMap. Two replicas on different nodes elect a leader on their own Lease; a PodDisruptionBudget keeps one running through drains. Only pods with spec.schedulerName: ${o.schedulerName} use it; everything else stays with the default scheduler.`,
      k8s: o.k8s,
      versionNotes: [`Use the kube-scheduler image that matches your control plane's version (${image} is the default for ${o.k8s}).`],
      files: [
        { path: "config/kube-scheduler-config.yaml", purpose: "the configuration (also inside the ConfigMap)" },
        { path: "deploy/scheduler.yaml", purpose: "Namespace, ServiceAccount, RBAC, ConfigMap, Deployment (2 replicas), PodDisruptionBudget" },
        { path: "deploy/sample-pod.yaml", purpose: "a Pod scheduled by the second scheduler" },
      ],
      deploy: ["kubectl apply -k deploy/", `kubectl -n ${o.namespace} rollout status deploy/${o.schedulerName}`],
      test: ["kubectl apply -f deploy/sample-pod.yaml", `kubectl -n ${o.namespace} get pod packed -o wide`, `kubectl -n ${o.namespace} get events --field-selector involvedObject.name=packed`],
      extra: trySections({
        try: [
          `kubectl -n ${o.namespace} get lease ${o.schedulerName} -o jsonpath='{.spec.holderIdentity}'   # the active replica`,
          `kubectl -n ${o.namespace} get pod packed -o jsonpath='{.spec.nodeName}'   # bound by ${o.schedulerName}`,
          `kubectl -n ${o.namespace} get events --field-selector involvedObject.name=packed,reason=Scheduled -o jsonpath='{.items[*].reportingComponent}'   # ${o.schedulerName}`,
        ],
        tryNote: `Pods without spec.schedulerName stay with default-scheduler. Pods naming ${o.schedulerName} stay Pending while it is not running: nothing else binds them.`,
        remove: [
          `kubectl -n ${o.namespace} delete pod packed --ignore-not-found`,
          "kubectl delete -k deploy/ --ignore-not-found   # Deployment, PDB, ConfigMap, RBAC, ServiceAccount and the namespace",
          `kubectl get pods -A --field-selector spec.schedulerName=${o.schedulerName}   # anything left here would stay Pending: delete it or change its schedulerName`,
        ],
      }),
      nextSteps: ["Give both schedulers disjoint node sets (node affinity) or accept that they can race for the same capacity.", "Watch the Lease: its holderIdentity changes when the active replica fails over."],
    }),
  )
  return { root: o.schedulerName, files }
}

export const multipleSchedulersStarter = defineStarter({
  id: "multiple-schedulers",
  schema: secondSchema,
  languages: [],
  targets: KUBERNETES_MINORS,
  variants: [{ name: "1.31", options: { k8s: "1.31", strategy: "LeastAllocated" } }],
  generate: generateSecondScheduler,
})

// ---------- scheduler-plugin ----------

// source: kubernetes-1.34-1.37-changes.md §1–2: plugin interfaces and Handle live in
// k8s.io/kube-scheduler/framework from 1.35; before that they were in k8s.io/kubernetes.
const PLUGIN_TARGETS = minorsFrom("1.35")

const pluginSchema = z
  .object({
    plugin: kind().default("PodBudget"),
    schedulerName: dnsLabel().default("pod-budget-scheduler"),
    namespace: namespace().default("custom-scheduler"),
    module: goModule().default("example.com/pod-budget-scheduler"),
    image: imageRef().default("registry.example.com/pod-budget-scheduler:v0.1.0"),
    language: language(["go"]),
    k8s: z
      // Only minors this starter supports; the message says why older ones are missing.
      .enum(minorsFrom("1.35") as [KubernetesMinor, ...KubernetesMinor[]], { error: "The plugin is compiled against k8s.io/kubernetes v1.37.2 and k8s.io/kube-scheduler/framework, where the plugin interfaces live from 1.35 on; for 1.30–1.34 build against that minor's k8s.io/kubernetes (framework in k8s.io/kubernetes/pkg/scheduler/framework) or use the scheduler extender starter." })
      .default("1.37"),
  })
  .strict()

function generateSchedulerPlugin(o: z.output<typeof pluginSchema>) {
  const T = { plugin: token(o.plugin), module: token(o.module) }
  const cfg = schedulerConfig({
    leaderElection: leader(o.schedulerName, o.namespace),
    profiles: [
      {
        schedulerName: o.schedulerName,
        plugins: { multiPoint: { enabled: [{ name: o.plugin }] } },
        pluginConfig: [{ name: o.plugin, args: { maxMatchingPods: 2 } }],
      },
    ],
  })
  const cfgYaml = yamlDoc(cfg)
  const objs = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: o.namespace } },
    ...secondSchedulerObjects({ name: o.schedulerName, namespace: o.namespace, image: o.image, config: cfg, configYaml: cfgYaml, k8s: o.k8s }),
  ]
  // The custom binary is /app (distroless), not kube-scheduler.
  const dep = objs.find((x) => x.kind === "Deployment") as { spec: { template: { spec: { containers: { command: string[] }[] } } } }
  const c0 = dep.spec.template.spec.containers[0]
  if (c0) c0.command = ["/app", "--config=/etc/kubernetes/scheduler/scheduler-config.yaml", "--v=2"]
  const files: StarterFile[] = [
    nodeGoMod(o.module, ["k8s.io/api", "k8s.io/apimachinery", "k8s.io/component-base", "k8s.io/kube-scheduler", "k8s.io/kubernetes"], { stagingReplaces: true }),
    { path: "cmd/scheduler/main.go", content: go`
      // Command scheduler is kube-scheduler with the ${T.plugin} plugin compiled in. Enable the plugin
      // in a profile of the KubeSchedulerConfiguration passed with --config.
      package main

      import (
        "os"

        "k8s.io/component-base/cli"
        _ "k8s.io/component-base/logs/json/register" // JSON logging, as in kube-scheduler
        "k8s.io/kubernetes/cmd/kube-scheduler/app"

        "${T.module}/pkg/plugin"
      )

      func main() {
        command := app.NewSchedulerCommand(app.WithPlugin(plugin.Name, plugin.New))
        os.Exit(cli.Run(command))
      }
  ` },
    { path: "pkg/plugin/plugin.go", content: go`
      // Package plugin is an out-of-tree scheduling framework plugin: Filter rejects nodes that
      // already run MaxMatchingPods pods of the same app (label app.kubernetes.io/name), Score
      // prefers nodes running fewer of them, so replicas spread out.
      package plugin

      import (
        "context"
        "fmt"

        v1 "k8s.io/api/core/v1"
        "k8s.io/apimachinery/pkg/runtime"
        fwk "k8s.io/kube-scheduler/framework"
        frameworkruntime "k8s.io/kubernetes/pkg/scheduler/framework/runtime"
      )

      // Name is the plugin name used in KubeSchedulerConfiguration profiles.
      const Name = "${T.plugin}"

      // AppLabel groups pods into apps.
      const AppLabel = "app.kubernetes.io/name"

      // Args are the typed arguments (pluginConfig[].args). The <Plugin>Args name follows
      // the convention kube-scheduler uses for its own plugins.
      type Args struct {
        // MaxMatchingPods is how many pods of one app a node may run (at least 1).
        MaxMatchingPods int32 \`json:"maxMatchingPods"\`
      }

      // DefaultArgs apply when the profile has no pluginConfig for this plugin.
      func DefaultArgs() Args { return Args{MaxMatchingPods: 2} }

      // ValidateArgs reports invalid arguments before the scheduler starts.
      func ValidateArgs(a Args) error {
        if a.MaxMatchingPods < 1 {
          return fmt.Errorf("%s: maxMatchingPods must be at least 1, got %d", Name, a.MaxMatchingPods)
        }
        return nil
      }

      // Plugin implements the Filter and Score extension points.
      type Plugin struct {
        args Args
      }

      var (
        _ fwk.FilterPlugin = &Plugin{}
        _ fwk.ScorePlugin  = &Plugin{}
      )

      // New is the plugin factory registered with app.WithPlugin.
      func New(_ context.Context, obj runtime.Object, _ fwk.Handle) (fwk.Plugin, error) {
        args := DefaultArgs()
        // Out-of-tree args arrive as runtime.Unknown; DecodeInto handles JSON and YAML.
        if err := frameworkruntime.DecodeInto(obj, &args); err != nil {
          return nil, fmt.Errorf("%s: decode args: %w", Name, err)
        }
        if err := ValidateArgs(args); err != nil {
          return nil, err
        }
        return &Plugin{args: args}, nil
      }

      func (pl *Plugin) Name() string { return Name }

      // matchingPods counts pods on the node that belong to the same app (and namespace) as pod.
      func matchingPods(pod *v1.Pod, nodeInfo fwk.NodeInfo) int32 {
        app, ok := pod.Labels[AppLabel]
        if !ok {
          return 0
        }
        var n int32
        for _, pi := range nodeInfo.GetPods() {
          p := pi.GetPod()
          if p.Namespace == pod.Namespace && p.Labels[AppLabel] == app {
            n++
          }
        }
        return n
      }

      // Filter keeps a node only while it runs fewer than MaxMatchingPods pods of the app.
      func (pl *Plugin) Filter(ctx context.Context, _ fwk.CycleState, pod *v1.Pod, nodeInfo fwk.NodeInfo) *fwk.Status {
        if err := context.Cause(ctx); err != nil {
          return fwk.NewStatus(fwk.UnschedulableAndUnresolvable, err.Error())
        }
        if n := matchingPods(pod, nodeInfo); n >= pl.args.MaxMatchingPods {
          return fwk.NewStatus(fwk.Unschedulable, fmt.Sprintf("node already runs %d pods of this app (max %d)", n, pl.args.MaxMatchingPods))
        }
        return nil
      }

      // Score gives MaxNodeScore to nodes without pods of the app, less the more they run.
      func (pl *Plugin) Score(_ context.Context, _ fwk.CycleState, pod *v1.Pod, nodeInfo fwk.NodeInfo) (int64, *fwk.Status) {
        n := int64(matchingPods(pod, nodeInfo))
        limit := int64(pl.args.MaxMatchingPods)
        if n >= limit {
          return fwk.MinNodeScore, nil
        }
        return fwk.MaxNodeScore * (limit - n) / limit, nil
      }

      // ScoreExtensions returns nil: scores are already in [MinNodeScore, MaxNodeScore].
      func (pl *Plugin) ScoreExtensions() fwk.ScoreExtensions { return nil }
  ` },
    { path: "pkg/plugin/plugin_test.go", content: go`
      package plugin

      import (
        "context"
        "testing"

        v1 "k8s.io/api/core/v1"
        metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        "k8s.io/apimachinery/pkg/runtime"
        fwk "k8s.io/kube-scheduler/framework"
        "k8s.io/kubernetes/pkg/scheduler/framework"
      )

      func pod(name, app string) *v1.Pod {
        return &v1.Pod{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default", Labels: map[string]string{AppLabel: app}}}
      }

      func nodeWith(pods ...*v1.Pod) fwk.NodeInfo {
        ni := framework.NewNodeInfo(pods...)
        ni.SetNode(&v1.Node{ObjectMeta: metav1.ObjectMeta{Name: "node-1"}})
        return ni
      }

      func newPlugin(t *testing.T, raw string) *Plugin {
        t.Helper()
        var obj runtime.Object
        if raw != "" {
          obj = &runtime.Unknown{Raw: []byte(raw), ContentType: runtime.ContentTypeJSON}
        }
        p, err := New(context.Background(), obj, nil)
        if err != nil {
          t.Fatal(err)
        }
        return p.(*Plugin)
      }

      func TestArgs(t *testing.T) {
        if got := newPlugin(t, "").args.MaxMatchingPods; got != DefaultArgs().MaxMatchingPods {
          t.Fatalf("default args = %d", got)
        }
        if got := newPlugin(t, \`{"maxMatchingPods": 3}\`).args.MaxMatchingPods; got != 3 {
          t.Fatalf("decoded args = %d", got)
        }
        if _, err := New(context.Background(), &runtime.Unknown{Raw: []byte(\`{"maxMatchingPods": 0}\`), ContentType: runtime.ContentTypeJSON}, nil); err == nil {
          t.Fatal("maxMatchingPods 0 must be rejected")
        }
      }

      func TestFilter(t *testing.T) {
        pl := newPlugin(t, \`{"maxMatchingPods": 2}\`)
        incoming := pod("new", "web")
        if st := pl.Filter(context.Background(), nil, incoming, nodeWith(pod("a", "web"), pod("b", "db"))); !st.IsSuccess() {
          t.Fatalf("one web pod: %v", st)
        }
        st := pl.Filter(context.Background(), nil, incoming, nodeWith(pod("a", "web"), pod("b", "web")))
        if st.Code() != fwk.Unschedulable {
          t.Fatalf("two web pods: %v", st)
        }
        unlabelled := &v1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "x", Namespace: "default"}}
        if st := pl.Filter(context.Background(), nil, unlabelled, nodeWith(pod("a", "web"), pod("b", "web"))); !st.IsSuccess() {
          t.Fatalf("pods without the app label are not limited: %v", st)
        }
      }

      func TestScorePrefersEmptierNodes(t *testing.T) {
        pl := newPlugin(t, \`{"maxMatchingPods": 4}\`)
        incoming := pod("new", "web")
        empty, st := pl.Score(context.Background(), nil, incoming, nodeWith())
        if !st.IsSuccess() {
          t.Fatal(st)
        }
        busy, _ := pl.Score(context.Background(), nil, incoming, nodeWith(pod("a", "web"), pod("b", "web")))
        full, _ := pl.Score(context.Background(), nil, incoming, nodeWith(pod("a", "web"), pod("b", "web"), pod("c", "web"), pod("d", "web")))
        if empty != fwk.MaxNodeScore || busy != fwk.MaxNodeScore/2 || full != fwk.MinNodeScore {
          t.Fatalf("scores empty=%d busy=%d full=%d", empty, busy, full)
        }
      }
  ` },
    { path: "config/kube-scheduler-config.yaml", content: cfgYaml },
    { path: "deploy/scheduler.yaml", content: yamlDocs(objs) },
    { path: "deploy/sample-deployment.yaml", content: yamlDocs([sampleDeployment(o.namespace, o.schedulerName)]) },
    kustomization("deploy", { resources: ["scheduler.yaml"] }),
    goDockerfile("cmd/scheduler"),
    goDockerignore(),
    makefile([["IMG", o.image]], [
      // -trimpath, as kube-scheduler's own release builds: the binary does not embed local paths,
      // and builds share compiled k8s.io/kubernetes packages with other -trimpath builds.
      ...goMakeTargets("cmd/scheduler").map((t) => (t.name === "build" ? { ...t, recipe: ["go build -trimpath -o bin/app ./cmd/scheduler"] } : t)),
      { name: "deploy", help: "Install the scheduler", recipe: ["kubectl apply -k deploy/"] },
      { name: "undeploy", help: "Remove the scheduler", recipe: ["kubectl delete -k deploy/ --ignore-not-found"] },
    ]),
    gitignore(["bin/"]),
  ]
  files.push(
    readme({
      mechanism: "scheduler-plugin",
      title: `${o.plugin}: out-of-tree scheduling framework plugin`,
      what: `A kube-scheduler built with the ${o.plugin} plugin (main.go registers it with app.NewSchedulerCommand(app.WithPlugin(...))). Filter rejects nodes that already run maxMatchingPods pods of the incoming pod's app (label app.kubernetes.io/name, same namespace); Score prefers nodes running fewer of them. The plugin has typed args (pluginConfig) with defaults and validation. It runs as a second scheduler \`${o.schedulerName}\`; pods opt in with spec.schedulerName.`,
      k8s: o.k8s,
      versionNotes: [
        "Compiled against k8s.io/kubernetes v1.37.2 (go.mod repeats its replace lines for the staging modules). Build against the minor your cluster runs: a scheduler binary must match the control plane's version skew policy.",
        ...(atLeast(o.k8s, "1.36") ? ["From 1.36, PreBindPreFlight returns (*PreBindPreFlightResult, *Status); this plugin does not implement PreBind."] : []),
      ],
      files: [
        { path: "cmd/scheduler/main.go", purpose: "kube-scheduler with the plugin registered" },
        { path: "pkg/plugin/plugin.go", purpose: "the plugin: Filter, Score, typed Args" },
        { path: "pkg/plugin/plugin_test.go", purpose: "unit tests with real NodeInfo objects" },
        { path: "config/kube-scheduler-config.yaml", purpose: "profile enabling the plugin (multiPoint) with its args" },
        { path: "deploy/scheduler.yaml", purpose: "the second scheduler: RBAC, ConfigMap, Deployment (2 replicas, leader election), PodDisruptionBudget" },
        { path: "deploy/sample-deployment.yaml", purpose: "3 replicas scheduled by it" },
      ],
      build: ["make build   # first build compiles kube-scheduler: several minutes", "make docker-build docker-push IMG=<your image>"],
      deploy: ["make deploy", `kubectl -n ${o.namespace} rollout status deploy/${o.schedulerName}`],
      test: ["make test"],
      extra: trySections({
        try: [
          "kubectl apply -f deploy/sample-deployment.yaml   # 3 replicas of app web, schedulerName " + o.schedulerName,
          `kubectl -n ${o.namespace} get pods -l app.kubernetes.io/name=web -o wide   # no node runs more than 2 (maxMatchingPods)`,
          `kubectl -n ${o.namespace} get events --field-selector reason=FailedScheduling   # on a single node: "node already runs 2 pods of this app (max 2)"`,
        ],
        remove: [
          "kubectl delete -f deploy/sample-deployment.yaml --ignore-not-found",
          "kubectl delete -k deploy/ --ignore-not-found",
          `kubectl get pods -A --field-selector spec.schedulerName=${o.schedulerName}   # anything left here would stay Pending`,
        ],
      }),
      nextSteps: [
        "Implement EnqueueExtensions (EventsToRegister with QueueingHints) so rejected pods are retried only when relevant events happen.",
        "Implement SignPlugin so the scheduler can batch pods with the same signature (1.35+).",
        "Add an integration test with envtest or a kind cluster.",
      ],
    }),
  )
  return { root: o.schedulerName, files }
}

function sampleDeployment(ns: string, schedulerName: string, name = "web", replicas = 3) {
  const pod = samplePod(name, ns, schedulerName, name) as { spec: Record<string, unknown> }
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: { "app.kubernetes.io/name": name } },
      template: { metadata: { labels: { "app.kubernetes.io/name": name } }, spec: pod.spec },
    },
  }
}

export const schedulerPluginStarter = defineStarter({
  id: "scheduler-plugin",
  schema: pluginSchema,
  languages: ["go"],
  targets: PLUGIN_TARGETS,
  variants: [],
  generate: generateSchedulerPlugin,
})

// ---------- scheduler-extender ----------

const extenderSchema = z
  .object({
    name: dnsLabel().default("node-preference-extender"),
    labelDomain: dnsSubdomain().default("example.com"),
    schedulerName: dnsLabel().default("extended-scheduler"),
    namespace: namespace().default("scheduler-extender"),
    module: goModule().default("example.com/node-preference-extender"),
    image: imageRef().default("registry.example.com/node-preference-extender:v0.1.0"),
    language: language(["go"]),
    k8s: k8sMinor(),
  })
  .strict()

function generateExtender(o: z.output<typeof extenderSchema>) {
  const T = { domain: token(o.labelDomain) }
  const cfg = schedulerConfig({
    leaderElection: leader(o.schedulerName, o.namespace),
    profiles: [{ schedulerName: o.schedulerName }],
    extenders: [
      {
        // The extender runs as a sidecar in the scheduler pod, so plain HTTP on localhost.
        urlPrefix: "http://127.0.0.1:8888",
        filterVerb: "filter",
        prioritizeVerb: "prioritize",
        weight: 1,
        enableHTTPS: false,
        // The extender keeps its own Node cache: requests carry node names only.
        nodeCacheCapable: true,
        httpTimeout: "5s",
        // A failing extender must not stop scheduling: its nodes are then not filtered.
        ignorable: true,
      },
    ],
  })
  const cfgYaml = yamlDoc(cfg)
  const sidecar = {
    name: "extender",
    image: o.image,
    args: ["--listen=127.0.0.1:8888"],
    resources: { requests: { cpu: "20m", memory: "32Mi" }, limits: { memory: "64Mi" } },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
  }
  const objs = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: o.namespace } },
    ...secondSchedulerObjects({ name: o.schedulerName, namespace: o.namespace, image: kubeSchedulerImage(o.k8s), config: cfg, configYaml: cfgYaml, k8s: o.k8s, sidecars: [sidecar] }),
  ]
  const files: StarterFile[] = [
    nodeGoMod(o.module, ["k8s.io/api", "k8s.io/apimachinery", "k8s.io/client-go", "k8s.io/kube-scheduler"]),
    { path: "main.go", content: go`
      // Command node-preference-extender is a kube-scheduler extender: an HTTP server the scheduler
      // calls after its own filters ("filter") and scorers ("prioritize"). It drops nodes labelled
      // for maintenance and ranks the rest by a numeric preference label.
      package main

      import (
        "context"
        "encoding/json"
        "errors"
        "flag"
        "fmt"
        "log"
        "net"
        "net/http"
        "os"
        "os/signal"
        "strconv"
        "syscall"
        "time"

        "k8s.io/client-go/informers"
        "k8s.io/client-go/kubernetes"
        corelisters "k8s.io/client-go/listers/core/v1"
        "k8s.io/client-go/tools/clientcmd"
        extenderv1 "k8s.io/kube-scheduler/extender/v1"
      )

      const (
        // MaintenanceLabel marks nodes that must not get new pods ("true").
        MaintenanceLabel = "${T.domain}/maintenance"
        // PreferenceLabel holds a node's preference, 0–10 (MaxExtenderPriority).
        PreferenceLabel = "${T.domain}/preference"
        // maxBody bounds request bodies (node name lists of large clusters fit easily).
        maxBody = 8 << 20
      )

      // Extender answers from its own Node cache (an informer): the scheduler configuration sets
      // nodeCacheCapable: true, so each request carries node names only, not whole Node objects.
      type Extender struct {
        Nodes corelisters.NodeLister
      }

      // filter keeps nodes not under maintenance. A node missing from the cache (it joined a moment
      // ago) passes: the scheduler's own filters have already judged it.
      func (e *Extender) filter(args *extenderv1.ExtenderArgs) *extenderv1.ExtenderFilterResult {
        names := []string{}
        result := &extenderv1.ExtenderFilterResult{NodeNames: &names, FailedNodes: extenderv1.FailedNodesMap{}}
        if args.NodeNames == nil {
          result.Error = "no node names in the request (set nodeCacheCapable: true in the extender configuration)"
          return result
        }
        for _, name := range *args.NodeNames {
          if n, err := e.Nodes.Get(name); err == nil && n.Labels[MaintenanceLabel] == "true" {
            result.FailedNodes[name] = "node is under maintenance"
            continue
          }
          names = append(names, name)
        }
        return result
      }

      // prioritize scores each node by its preference label (missing, invalid or uncached = 0).
      func (e *Extender) prioritize(args *extenderv1.ExtenderArgs) extenderv1.HostPriorityList {
        out := extenderv1.HostPriorityList{}
        if args.NodeNames == nil {
          return out
        }
        for _, name := range *args.NodeNames {
          score := int64(extenderv1.MinExtenderPriority)
          if n, err := e.Nodes.Get(name); err == nil {
            if v, err := strconv.ParseInt(n.Labels[PreferenceLabel], 10, 64); err == nil {
              score = min(max(v, extenderv1.MinExtenderPriority), extenderv1.MaxExtenderPriority)
            }
          }
          out = append(out, extenderv1.HostPriority{Host: name, Score: score})
        }
        return out
      }

      // handle decodes ExtenderArgs, runs fn and encodes its result.
      func handle[T any](fn func(*extenderv1.ExtenderArgs) T) http.HandlerFunc {
        return func(w http.ResponseWriter, r *http.Request) {
          if r.Method != http.MethodPost {
            http.Error(w, "POST only", http.StatusMethodNotAllowed)
            return
          }
          var args extenderv1.ExtenderArgs
          if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&args); err != nil {
            http.Error(w, fmt.Sprintf("decode ExtenderArgs: %v", err), http.StatusBadRequest)
            return
          }
          w.Header().Set("Content-Type", "application/json")
          if err := json.NewEncoder(w).Encode(fn(&args)); err != nil {
            log.Printf("encode response: %v", err)
          }
        }
      }

      // newMux wires the verbs named in the extender config (filterVerb, prioritizeVerb).
      func (e *Extender) newMux() *http.ServeMux {
        mux := http.NewServeMux()
        mux.HandleFunc("/filter", handle(e.filter))
        mux.HandleFunc("/prioritize", handle(e.prioritize))
        mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })
        return mux
      }

      // run fills the Node cache, serves on lis until ctx ends, then drains in-flight requests
      // (the scheduler waits for them; httpTimeout is 5s) before returning.
      func run(ctx context.Context, lis net.Listener, client kubernetes.Interface) error {
        factory := informers.NewSharedInformerFactory(client, 0)
        e := &Extender{Nodes: factory.Core().V1().Nodes().Lister()}
        factory.Start(ctx.Done())
        defer factory.Shutdown()
        for typ, ok := range factory.WaitForCacheSync(ctx.Done()) {
          if !ok {
            return fmt.Errorf("cache for %v did not sync", typ)
          }
        }
        srv := &http.Server{Handler: e.newMux(), ReadHeaderTimeout: 5 * time.Second}
        errCh := make(chan error, 1)
        go func() { errCh <- srv.Serve(lis) }()
        log.Printf("scheduler extender listening on %s", lis.Addr())
        select {
        case err := <-errCh:
          return err
        case <-ctx.Done():
        }
        shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
        defer cancel()
        if err := srv.Shutdown(shutdownCtx); err != nil {
          return err
        }
        if err := <-errCh; !errors.Is(err, http.ErrServerClosed) {
          return err
        }
        return nil
      }

      func main() {
        addr := flag.String("listen", "127.0.0.1:8888", "address to serve on (the scheduler's urlPrefix)")
        kubeconfig := flag.String("kubeconfig", "", "kubeconfig file (default: the Pod's service account)")
        flag.Parse()
        ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
        defer stop()
        cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
        if err != nil {
          log.Fatal(err)
        }
        client, err := kubernetes.NewForConfig(cfg)
        if err != nil {
          log.Fatal(err)
        }
        lis, err := net.Listen("tcp", *addr)
        if err != nil {
          log.Fatal(err)
        }
        if err := run(ctx, lis, client); err != nil {
          log.Fatal(err)
        }
        log.Print("stopped")
      }
  ` },
    { path: "main_test.go", content: go`
      package main

      import (
        "bytes"
        "context"
        "encoding/json"
        "net"
        "net/http"
        "net/http/httptest"
        "testing"
        "time"

        v1 "k8s.io/api/core/v1"
        metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        "k8s.io/client-go/informers"
        "k8s.io/client-go/kubernetes/fake"
        extenderv1 "k8s.io/kube-scheduler/extender/v1"
      )

      func node(name string, labels map[string]string) *v1.Node {
        return &v1.Node{ObjectMeta: metav1.ObjectMeta{Name: name, Labels: labels}}
      }

      func client() *fake.Clientset {
        return fake.NewClientset(
          node("a", map[string]string{PreferenceLabel: "7"}),
          node("b", map[string]string{MaintenanceLabel: "true"}),
          node("c", map[string]string{PreferenceLabel: "99"}),
          node("d", nil),
        )
      }

      // extender returns an Extender whose cache holds client()'s nodes.
      func extender(t *testing.T) *Extender {
        t.Helper()
        ctx, cancel := context.WithCancel(context.Background())
        t.Cleanup(cancel)
        factory := informers.NewSharedInformerFactory(client(), 0)
        e := &Extender{Nodes: factory.Core().V1().Nodes().Lister()}
        factory.Start(ctx.Done())
        factory.WaitForCacheSync(ctx.Done())
        return e
      }

      // args is what the scheduler sends with nodeCacheCapable: true: node names, no Node objects.
      func args(names ...string) *extenderv1.ExtenderArgs {
        return &extenderv1.ExtenderArgs{
          Pod:       &v1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: "default"}},
          NodeNames: &names,
        }
      }

      func post(t *testing.T, srv *httptest.Server, path string, body any, out any) int {
        t.Helper()
        data, err := json.Marshal(body)
        if err != nil {
          t.Fatal(err)
        }
        resp, err := http.Post(srv.URL+path, "application/json", bytes.NewReader(data))
        if err != nil {
          t.Fatal(err)
        }
        defer resp.Body.Close()
        if out != nil && resp.StatusCode == http.StatusOK {
          if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
            t.Fatal(err)
          }
        }
        return resp.StatusCode
      }

      func TestFilterOverHTTP(t *testing.T) {
        srv := httptest.NewServer(extender(t).newMux())
        defer srv.Close()
        var result extenderv1.ExtenderFilterResult
        if code := post(t, srv, "/filter", args("a", "b", "c", "d", "new"), &result); code != http.StatusOK {
          t.Fatalf("status %d", code)
        }
        if result.Nodes != nil || result.NodeNames == nil || len(*result.NodeNames) != 4 || result.FailedNodes["b"] == "" || result.Error != "" {
          t.Fatalf("unexpected filter result: %+v", result)
        }
      }

      func TestPrioritizeOverHTTP(t *testing.T) {
        srv := httptest.NewServer(extender(t).newMux())
        defer srv.Close()
        var list extenderv1.HostPriorityList
        if code := post(t, srv, "/prioritize", args("a", "b", "c", "d", "new"), &list); code != http.StatusOK {
          t.Fatalf("status %d", code)
        }
        want := map[string]int64{"a": 7, "b": 0, "c": extenderv1.MaxExtenderPriority, "d": 0, "new": 0}
        if len(list) != len(want) {
          t.Fatalf("got %d scores, want %d", len(list), len(want))
        }
        for _, hp := range list {
          if want[hp.Host] != hp.Score {
            t.Errorf("%s: score %d, want %d", hp.Host, hp.Score, want[hp.Host])
          }
        }
      }

      func TestBadRequests(t *testing.T) {
        e := extender(t)
        srv := httptest.NewServer(e.newMux())
        defer srv.Close()
        resp, err := http.Post(srv.URL+"/filter", "application/json", bytes.NewReader([]byte("{")))
        if err != nil {
          t.Fatal(err)
        }
        resp.Body.Close()
        if resp.StatusCode != http.StatusBadRequest {
          t.Fatalf("malformed body: status %d", resp.StatusCode)
        }
        if res := e.filter(&extenderv1.ExtenderArgs{}); res.Error == "" {
          t.Fatal("a request without node names must produce an error result")
        }
      }

      // TestRunShutsDownGracefully serves from the cache and returns cleanly when the context ends.
      func TestRunShutsDownGracefully(t *testing.T) {
        lis, err := net.Listen("tcp", "127.0.0.1:0")
        if err != nil {
          t.Fatal(err)
        }
        ctx, cancel := context.WithCancel(context.Background())
        done := make(chan error, 1)
        go func() { done <- run(ctx, lis, client()) }()
        url := "http://" + lis.Addr().String()
        deadline := time.Now().Add(10 * time.Second)
        for {
          resp, err := http.Get(url + "/healthz")
          if err == nil {
            resp.Body.Close()
            break
          }
          if time.Now().After(deadline) {
            t.Fatalf("server did not start: %v", err)
          }
          time.Sleep(20 * time.Millisecond)
        }
        cancel()
        select {
        case err := <-done:
          if err != nil {
            t.Fatalf("run: %v", err)
          }
        case <-time.After(15 * time.Second):
          t.Fatal("run did not return after the context ended")
        }
        if _, err := http.Get(url + "/healthz"); err == nil {
          t.Fatal("still serving after shutdown")
        }
      }
  ` },
    { path: "config/kube-scheduler-config.yaml", content: cfgYaml },
    { path: "deploy/scheduler.yaml", content: yamlDocs(objs) },
    { path: "deploy/sample-pod.yaml", content: yamlDocs([samplePod("preferred", o.namespace, o.schedulerName)]) },
    kustomization("deploy", { resources: ["scheduler.yaml"] }),
    goDockerfile("."),
    goDockerignore(),
    makefile([["IMG", o.image]], [...goMakeTargets("."), { name: "deploy", help: "Install the scheduler with the extender", recipe: ["kubectl apply -k deploy/"] }]),
    gitignore(["bin/"]),
  ]
  files.push(
    readme({
      mechanism: "scheduler-extender",
      title: `${o.name}: scheduler extender`,
      what: `An HTTP server kube-scheduler calls after its own plugins: /filter drops nodes labelled ${o.labelDomain}/maintenance=true, /prioritize scores nodes 0–10 from their ${o.labelDomain}/preference label. The configuration sets nodeCacheCapable: true, so the scheduler sends node names only and the extender reads labels from its own Node informer (list/watch nodes, which the system:kube-scheduler role already grants). It runs as a sidecar of a second scheduler \`${o.schedulerName}\` (2 replicas, leader election, PodDisruptionBudget), ignorable so an extender outage does not stop scheduling, and drains in-flight requests on SIGTERM.`,
      k8s: o.k8s,
      versionNotes: ["Extenders are configured in kubescheduler.config.k8s.io/v1 on every supported version; the request/response types are k8s.io/kube-scheduler/extender/v1. Prefer a framework plugin when you can build the scheduler: extenders add an HTTP round trip per scheduling cycle."],
      files: [
        { path: "main.go", purpose: "the extender: Node informer, filter, prioritize, healthz, graceful shutdown" },
        { path: "main_test.go", purpose: "HTTP tests with ExtenderArgs as the scheduler sends them (node names), shutdown test" },
        { path: "config/kube-scheduler-config.yaml", purpose: "scheduler configuration with the extenders section" },
        { path: "deploy/scheduler.yaml", purpose: "second scheduler with the extender sidecar" },
      ],
      build: ["make build", "make docker-build docker-push IMG=<your image>"],
      deploy: ["make deploy", `kubectl -n ${o.namespace} rollout status deploy/${o.schedulerName}`],
      test: ["make test"],
      extra: trySections({
        try: [
          `kubectl label node <node-a> ${o.labelDomain}/preference=9`,
          `kubectl label node <node-b> ${o.labelDomain}/preference=1`,
          "kubectl apply -f deploy/sample-pod.yaml",
          `kubectl -n ${o.namespace} get pod preferred -o wide   # on <node-a> when both nodes fit equally`,
          `kubectl label node <node-a> ${o.labelDomain}/maintenance=true   # new pods avoid <node-a>`,
        ],
        tryNote: "The extender's score is multiplied by its weight and by MaxNodeScore/MaxExtenderPriority before it is added to the plugins' scores, so it decides between otherwise equal nodes and can be outweighed by strong plugin preferences.",
        remove: [
          `kubectl -n ${o.namespace} delete pod preferred --ignore-not-found`,
          "kubectl delete -k deploy/ --ignore-not-found",
          `kubectl label nodes --all ${o.labelDomain}/preference- ${o.labelDomain}/maintenance-`,
        ],
      }),
      nextSteps: ["Keep the extender's work per request small: it is on the scheduling hot path (httpTimeout 5s).", "Add managedResources if the extender owns an extended resource."],
    }),
  )
  return { root: o.name, files }
}

export const schedulerExtenderStarter = defineStarter({
  id: "scheduler-extender",
  schema: extenderSchema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: generateExtender,
})
