// Controller on a built-in type: gives every Namespace labelled `<label>=true` a default
// ResourceQuota, owned by the Namespace, and repairs it when someone edits it.
// Go: controller-runtime (manager, leader election, health probes, fake-client tests).
// TypeScript: @kubernetes/client-node informer + a pure reconcile function with tests.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { EMPTY, fragment, go, str, text, type Safe } from "../code"
import { dnsLabel, goModule, imageRef, k8sMinor, labelKey, language, namespace } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDoc, yamlDocs } from "../yaml"
import { goDockerfile, goDockerignore, goImports, goMakeTargets, goMod } from "./go-common"
import {
  LEADER_ELECTION_RULES,
  clusterRbac,
  controllerDeploymentObject,
  namespaceObject,
  namespacedRbac,
  serviceAccountObject,
} from "./k8s-objects"
import { nodeDockerfile, packageJson, tsconfigFiles } from "./ts-common"

const schema = z
  .object({
    name: dnsLabel().default("namespace-quota-controller"),
    namespace: namespace().default("quota-system"),
    language: language(["go", "typescript"]),
    module: goModule().default("example.com/namespace-quota-controller"),
    image: imageRef().default("registry.example.com/namespace-quota-controller:v0.1.0"),
    label: labelKey().default("example.com/default-quota"),
    k8s: k8sMinor(),
  })
  .strict()
type Options = z.output<typeof schema>

const QUOTA = { cpu: "4", memory: "8Gi", pods: "50" }

function goController(o: Options): string {
  return go`
    // Package controller reconciles Namespaces into default ResourceQuotas.
    package controller

    import (
      "context"

      corev1 "k8s.io/api/core/v1"
      "k8s.io/apimachinery/pkg/api/equality"
      "k8s.io/apimachinery/pkg/api/resource"
      metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
      "k8s.io/apimachinery/pkg/runtime"
      ctrl "sigs.k8s.io/controller-runtime"
      "sigs.k8s.io/controller-runtime/pkg/client"
      "sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
      logf "sigs.k8s.io/controller-runtime/pkg/log"
    )

    const (
      // ManagedLabel opts a Namespace in: only "true" counts.
      ManagedLabel = ${str(o.label)}
      // QuotaName is the ResourceQuota this controller owns in each managed Namespace.
      QuotaName = "default-quota"
      // ManagedBy marks the quota as ours.
      ManagedBy = ${str(o.name)}
    )

    // NamespaceReconciler keeps a default ResourceQuota in every managed Namespace.
    type NamespaceReconciler struct {
      client.Client
      Scheme *runtime.Scheme
    }

    // DefaultHard is the quota every managed Namespace gets.
    func DefaultHard() corev1.ResourceList {
      return corev1.ResourceList{
        corev1.ResourceRequestsCPU:    resource.MustParse(${str(QUOTA.cpu)}),
        corev1.ResourceRequestsMemory: resource.MustParse(${str(QUOTA.memory)}),
        corev1.ResourcePods:           resource.MustParse(${str(QUOTA.pods)}),
      }
    }

    // Reconcile is level-based: it computes the desired quota from the Namespace alone, so it is
    // safe to run any number of times.
    func (r *NamespaceReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
      log := logf.FromContext(ctx)
      var ns corev1.Namespace
      if err := r.Get(ctx, req.NamespacedName, &ns); err != nil {
        return ctrl.Result{}, client.IgnoreNotFound(err)
      }
      if !ns.DeletionTimestamp.IsZero() || ns.Labels[ManagedLabel] != "true" {
        return ctrl.Result{}, nil
      }
      quota := &corev1.ResourceQuota{ObjectMeta: metav1.ObjectMeta{Name: QuotaName, Namespace: ns.Name}}
      op, err := controllerutil.CreateOrUpdate(ctx, r.Client, quota, func() error {
        if quota.Labels == nil {
          quota.Labels = map[string]string{}
        }
        quota.Labels["app.kubernetes.io/managed-by"] = ManagedBy
        if !equality.Semantic.DeepEqual(quota.Spec.Hard, DefaultHard()) {
          quota.Spec.Hard = DefaultHard()
        }
        return controllerutil.SetControllerReference(&ns, quota, r.Scheme)
      })
      if err != nil {
        return ctrl.Result{}, err
      }
      if op != controllerutil.OperationResultNone {
        log.Info("reconciled ResourceQuota", "namespace", ns.Name, "operation", op)
      }
      return ctrl.Result{}, nil
    }

    // SetupWithManager watches Namespaces and the quotas they own (edits to a quota are undone).
    func (r *NamespaceReconciler) SetupWithManager(mgr ctrl.Manager) error {
      return ctrl.NewControllerManagedBy(mgr).
        For(&corev1.Namespace{}).
        Owns(&corev1.ResourceQuota{}).
        Named("namespace-quota").
        Complete(r)
    }
  `
}

function goControllerTest(): string {
  return go`
    package controller

    import (
      "context"
      "testing"

      corev1 "k8s.io/api/core/v1"
      apierrors "k8s.io/apimachinery/pkg/api/errors"
      "k8s.io/apimachinery/pkg/api/resource"
      metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
      "k8s.io/apimachinery/pkg/runtime"
      "k8s.io/apimachinery/pkg/types"
      clientgoscheme "k8s.io/client-go/kubernetes/scheme"
      ctrl "sigs.k8s.io/controller-runtime"
      "sigs.k8s.io/controller-runtime/pkg/client/fake"
    )

    func setup(t *testing.T, objs ...runtime.Object) (*NamespaceReconciler, context.Context) {
      t.Helper()
      scheme := runtime.NewScheme()
      if err := clientgoscheme.AddToScheme(scheme); err != nil {
        t.Fatal(err)
      }
      c := fake.NewClientBuilder().WithScheme(scheme).WithRuntimeObjects(objs...).Build()
      return &NamespaceReconciler{Client: c, Scheme: scheme}, context.Background()
    }

    func reconcile(t *testing.T, r *NamespaceReconciler, ctx context.Context, name string) {
      t.Helper()
      if _, err := r.Reconcile(ctx, ctrl.Request{NamespacedName: types.NamespacedName{Name: name}}); err != nil {
        t.Fatalf("reconcile: %v", err)
      }
    }

    func TestManagedNamespaceGetsQuota(t *testing.T) {
      ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "team-a", Labels: map[string]string{ManagedLabel: "true"}}}
      r, ctx := setup(t, ns)
      reconcile(t, r, ctx, "team-a")

      var q corev1.ResourceQuota
      if err := r.Get(ctx, types.NamespacedName{Namespace: "team-a", Name: QuotaName}, &q); err != nil {
        t.Fatalf("quota not created: %v", err)
      }
      if got := q.Spec.Hard[corev1.ResourcePods]; got.Cmp(resource.MustParse("50")) != 0 {
        t.Fatalf("pods = %s, want 50", got.String())
      }
      if len(q.OwnerReferences) != 1 || q.OwnerReferences[0].Kind != "Namespace" {
        t.Fatalf("owner references = %+v, want the Namespace", q.OwnerReferences)
      }

      // Someone edits the quota: the next reconcile restores it.
      q.Spec.Hard[corev1.ResourcePods] = resource.MustParse("1000")
      if err := r.Update(ctx, &q); err != nil {
        t.Fatal(err)
      }
      reconcile(t, r, ctx, "team-a")
      if err := r.Get(ctx, types.NamespacedName{Namespace: "team-a", Name: QuotaName}, &q); err != nil {
        t.Fatal(err)
      }
      if got := q.Spec.Hard[corev1.ResourcePods]; got.Cmp(resource.MustParse("50")) != 0 {
        t.Fatalf("pods after repair = %s, want 50", got.String())
      }
    }

    func TestUnmanagedNamespaceIsLeftAlone(t *testing.T) {
      ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "other", Labels: map[string]string{ManagedLabel: "false"}}}
      r, ctx := setup(t, ns)
      reconcile(t, r, ctx, "other")
      var q corev1.ResourceQuota
      err := r.Get(ctx, types.NamespacedName{Namespace: "other", Name: QuotaName}, &q)
      if !apierrors.IsNotFound(err) {
        t.Fatalf("expected no quota, got err=%v", err)
      }
    }

    func TestMissingNamespaceIsNotAnError(t *testing.T) {
      r, ctx := setup(t)
      reconcile(t, r, ctx, "gone")
    }
  `
}

export type GoMainExtra = {
  local: readonly (readonly [string, string])[]
  /** Statements after the client-go scheme registration (e.g. AddToScheme for own types). */
  scheme: Safe
  /** Expression of the reconciler whose SetupWithManager is called. */
  reconciler: Safe
  electionId: string
}

function goMain(o: Options, extra: GoMainExtra): string {
  void o
  return go`
    // Command manager runs the controller with leader election and health probes.
    package main

    ${goImports(["flag", "os"], [
      "k8s.io/apimachinery/pkg/runtime",
      ["utilruntime", "k8s.io/apimachinery/pkg/util/runtime"],
      ["clientgoscheme", "k8s.io/client-go/kubernetes/scheme"],
      ["ctrl", "sigs.k8s.io/controller-runtime"],
      "sigs.k8s.io/controller-runtime/pkg/healthz",
      "sigs.k8s.io/controller-runtime/pkg/log/zap",
      ["metricsserver", "sigs.k8s.io/controller-runtime/pkg/metrics/server"],
    ], extra.local)}
  ` + goMainBody(extra)
}

function goMainBody(extra: GoMainExtra): string {
  return go`

    func main() {
      var metricsAddr, probeAddr, leaderElectionNamespace string
      var leaderElect bool
      flag.StringVar(&metricsAddr, "metrics-bind-address", "0", "metrics address (0 disables it; expose metrics only behind authentication)")
      flag.StringVar(&probeAddr, "health-probe-bind-address", ":8081", "health probe address")
      flag.BoolVar(&leaderElect, "leader-elect", true, "only one replica reconciles at a time")
      flag.StringVar(&leaderElectionNamespace, "leader-election-namespace", "", "namespace of the leader-election Lease (default: the pod's own; needed outside a cluster)")
      opts := zap.Options{}
      opts.BindFlags(flag.CommandLine)
      flag.Parse()
      ctrl.SetLogger(zap.New(zap.UseFlagOptions(&opts)))
      log := ctrl.Log.WithName("setup")

      scheme := runtime.NewScheme()
      utilruntime.Must(clientgoscheme.AddToScheme(scheme))
      ${extra.scheme}

      mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
        Scheme:                  scheme,
        Metrics:                 metricsserver.Options{BindAddress: metricsAddr},
        HealthProbeBindAddress:  probeAddr,
        LeaderElection:          leaderElect,
        LeaderElectionID:        ${str(extra.electionId)},
        LeaderElectionNamespace: leaderElectionNamespace,
        // Hand the Lease over at once on shutdown instead of making the next leader wait for it
        // to expire (safe: main returns right after the manager stops).
        LeaderElectionReleaseOnCancel: true,
      })
      if err != nil {
        log.Error(err, "unable to create manager")
        os.Exit(1)
      }
      if err := ${extra.reconciler}.SetupWithManager(mgr); err != nil {
        log.Error(err, "unable to set up controller")
        os.Exit(1)
      }
      if err := mgr.AddHealthzCheck("healthz", healthz.Ping); err != nil {
        log.Error(err, "unable to set up health check")
        os.Exit(1)
      }
      if err := mgr.AddReadyzCheck("readyz", healthz.Ping); err != nil {
        log.Error(err, "unable to set up ready check")
        os.Exit(1)
      }
      log.Info("starting manager")
      if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {
        log.Error(err, "manager exited")
        os.Exit(1)
      }
    }
  `
}

export { goMain as controllerGoMain }

// ---------------------------------------------------------------- TypeScript

function tsReconcile(o: Options): string {
  return text`
    // Pure reconcile logic: desired state from the Namespace, one API call at most.
    import type { V1Namespace, V1ResourceQuota } from "@kubernetes/client-node"

    export const MANAGED_LABEL = ${str(o.label)}
    export const QUOTA_NAME = "default-quota"
    export const MANAGED_BY = ${str(o.name)}
    export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by"
    export const DEFAULT_HARD: Record<string, string> = {
      "requests.cpu": ${str(QUOTA.cpu)},
      "requests.memory": ${str(QUOTA.memory)},
      pods: ${str(QUOTA.pods)},
    }

    /** The API calls reconcile needs (real client in main.ts, in-memory fake in tests). */
    export interface QuotaApi {
      readQuota(namespace: string, name: string): Promise<V1ResourceQuota | undefined>
      createQuota(namespace: string, quota: V1ResourceQuota): Promise<unknown>
      replaceQuota(namespace: string, name: string, quota: V1ResourceQuota): Promise<unknown>
    }

    export type Outcome = "skipped" | "created" | "updated" | "unchanged"

    export function desiredQuota(ns: V1Namespace): V1ResourceQuota {
      return {
        apiVersion: "v1",
        kind: "ResourceQuota",
        metadata: {
          name: QUOTA_NAME,
          namespace: ns.metadata?.name,
          labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
          ownerReferences: [
            { apiVersion: "v1", kind: "Namespace", name: ns.metadata?.name ?? "", uid: ns.metadata?.uid ?? "", controller: true, blockOwnerDeletion: true },
          ],
        },
        spec: { hard: { ...DEFAULT_HARD } },
      }
    }

    const sameHard = (a: Record<string, string> | undefined, b: Record<string, string>) =>
      !!a && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v)

    /**
     * Level-based: computes the quota from the Namespace alone, so it is safe to run any number of
     * times. A quota that was edited (limits or our label) is put back; a deleted one is recreated.
     * Un-labelling a Namespace stops management and leaves its quota in place (delete it by hand
     * if you want it gone).
     */
    export async function reconcileNamespace(ns: V1Namespace, api: QuotaApi): Promise<Outcome> {
      const name = ns.metadata?.name
      if (!name || ns.metadata?.deletionTimestamp || ns.metadata?.labels?.[MANAGED_LABEL] !== "true") return "skipped"
      const want = desiredQuota(ns)
      const have = await api.readQuota(name, QUOTA_NAME)
      if (!have) {
        await api.createQuota(name, want)
        return "created"
      }
      const labelled = have.metadata?.labels?.[MANAGED_BY_LABEL] === MANAGED_BY
      if (labelled && sameHard(have.spec?.hard as Record<string, string> | undefined, DEFAULT_HARD)) return "unchanged"
      await api.replaceQuota(name, QUOTA_NAME, {
        ...have,
        metadata: { ...have.metadata, labels: { ...have.metadata?.labels, [MANAGED_BY_LABEL]: MANAGED_BY } },
        spec: { ...have.spec, hard: { ...DEFAULT_HARD } },
      })
      return "updated"
    }
  `
}

function tsLeader(): string {
  return text`
    // Leader election with a coordination.k8s.io Lease, the same protocol as client-go's
    // leaderelection package: the holder renews the Lease; another replica takes over only when
    // renewTime + leaseDurationSeconds has passed. Optimistic concurrency (resourceVersion) makes
    // sure two replicas never both win.
    import type { V1Lease } from "@kubernetes/client-node"

    /** The Lease calls the elector needs; create/replace reject with \`Conflict\` on a lost race. */
    export interface LeaseApi {
      read(): Promise<V1Lease | undefined>
      create(lease: V1Lease): Promise<V1Lease>
      replace(lease: V1Lease): Promise<V1Lease>
    }

    export class Conflict extends Error {}

    export type ElectorOptions = {
      leaseSeconds: number
      /** A leader that could not renew for this long stops leading. */
      renewDeadlineSeconds: number
      retrySeconds: number
      now?: () => Date
      /** Serialises a timestamp as metav1.MicroTime (six fractional digits). */
      microTime?: (d: Date) => Date
    }

    export class LeaderElector {
      private leading = false
      private lastRenew = 0
      private timer: NodeJS.Timeout | undefined

      constructor(
        private readonly api: LeaseApi,
        private readonly identity: string,
        private readonly opts: ElectorOptions,
      ) {}

      get isLeader(): boolean {
        return this.leading
      }

      private now(): Date {
        return this.opts.now?.() ?? new Date()
      }

      private stamp(d: Date): Date {
        return this.opts.microTime ? this.opts.microTime(d) : d
      }

      /** One acquire-or-renew attempt; true when this replica holds the Lease afterwards. */
      async tryAcquireOrRenew(): Promise<boolean> {
        const now = this.now()
        const lease = await this.api.read()
        if (!lease) {
          try {
            await this.api.create({
              metadata: {},
              spec: {
                holderIdentity: this.identity,
                leaseDurationSeconds: this.opts.leaseSeconds,
                acquireTime: this.stamp(now),
                renewTime: this.stamp(now),
                leaseTransitions: 0,
              },
            })
            return true
          } catch (err) {
            if (err instanceof Conflict) return false
            throw err
          }
        }
        const spec = lease.spec ?? {}
        const holder = spec.holderIdentity ?? ""
        const renewed = spec.renewTime ? new Date(spec.renewTime as unknown as string).getTime() : 0
        const expired = renewed + (spec.leaseDurationSeconds ?? this.opts.leaseSeconds) * 1000 < now.getTime()
        if (holder !== "" && holder !== this.identity && !expired) return false
        const takeover = holder !== this.identity
        try {
          await this.api.replace({
            ...lease,
            spec: {
              ...spec,
              holderIdentity: this.identity,
              leaseDurationSeconds: this.opts.leaseSeconds,
              renewTime: this.stamp(now),
              ...(takeover ? { acquireTime: this.stamp(now), leaseTransitions: (spec.leaseTransitions ?? 0) + 1 } : {}),
            },
          })
          return true
        } catch (err) {
          if (err instanceof Conflict) return false
          throw err
        }
      }

      /** Campaigns until stopped: onStart when this replica becomes leader, onStop when it loses the Lease. */
      run(onStart: () => void, onStop: () => void): void {
        const tick = async () => {
          let held = false
          try {
            held = await this.tryAcquireOrRenew()
          } catch (err) {
            console.error("leader election:", err)
          }
          const now = this.now().getTime()
          if (held) {
            this.lastRenew = now
            if (!this.leading) {
              this.leading = true
              onStart()
            }
          } else if (this.leading && now - this.lastRenew > this.opts.renewDeadlineSeconds * 1000) {
            this.leading = false
            onStop()
          }
          this.timer = setTimeout(() => void tick(), this.opts.retrySeconds * 1000)
        }
        void tick()
      }

      /** Stops campaigning and, if leading, hands the Lease over at once (empty holder). */
      async release(): Promise<void> {
        clearTimeout(this.timer)
        if (!this.leading) return
        this.leading = false
        const lease = await this.api.read()
        if (lease?.spec?.holderIdentity !== this.identity) return
        await this.api.replace({ ...lease, spec: { ...lease.spec, holderIdentity: "", leaseDurationSeconds: 1 } }).catch(() => undefined)
      }
    }
  `
}

function tsMain(o: Options): string {
  return text`
    // Watches Namespaces and the ResourceQuotas this controller owns with informers, reconciles
    // one Namespace at a time, and resyncs every Namespace periodically, so an edited quota is
    // repaired and a deleted one recreated. Only the leader (a coordination.k8s.io Lease) acts.
    import { createServer } from "node:http"
    import { hostname } from "node:os"
    import {
      ApiException,
      CoordinationV1Api,
      CoreV1Api,
      KubeConfig,
      V1MicroTime,
      makeInformer,
      type V1Lease,
      type V1Namespace,
      type V1ResourceQuota,
    } from "@kubernetes/client-node"
    import { Conflict, LeaderElector, type LeaseApi } from "./leader.ts"
    import { MANAGED_BY, MANAGED_BY_LABEL, QUOTA_NAME, reconcileNamespace, type QuotaApi } from "./reconcile.ts"

    const LEASE_NAME = ${str(o.name)}
    const LEASE_NAMESPACE = process.env.POD_NAMESPACE ?? ${str(o.namespace)}
    const IDENTITY = process.env.POD_NAME ?? \`\${hostname()}-\${process.pid}\`
    const RESYNC_MS = Number(process.env.RESYNC_SECONDS ?? 300) * 1000
    const LEADER_ELECT = process.env.LEADER_ELECT !== "false"

    const kc = new KubeConfig()
    kc.loadFromDefault()
    const core = kc.makeApiClient(CoreV1Api)
    const coordination = kc.makeApiClient(CoordinationV1Api)

    const notFound = (err: unknown) => err instanceof ApiException && err.code === 404
    const conflict = (err: unknown) => err instanceof ApiException && (err.code === 409 || err.code === 422)

    const api: QuotaApi = {
      async readQuota(namespace, name) {
        try {
          return await core.readNamespacedResourceQuota({ name, namespace })
        } catch (err) {
          if (notFound(err)) return undefined
          throw err
        }
      },
      createQuota: (namespace, body) => core.createNamespacedResourceQuota({ namespace, body }),
      replaceQuota: (namespace, name, body) => core.replaceNamespacedResourceQuota({ name, namespace, body }),
    }

    const leaseApi: LeaseApi = {
      async read() {
        try {
          return await coordination.readNamespacedLease({ name: LEASE_NAME, namespace: LEASE_NAMESPACE })
        } catch (err) {
          if (notFound(err)) return undefined
          throw err
        }
      },
      async create(lease: V1Lease) {
        try {
          return await coordination.createNamespacedLease({ namespace: LEASE_NAMESPACE, body: { ...lease, metadata: { name: LEASE_NAME, namespace: LEASE_NAMESPACE } } })
        } catch (err) {
          throw conflict(err) ? new Conflict(String(err)) : err
        }
      },
      async replace(lease: V1Lease) {
        try {
          return await coordination.replaceNamespacedLease({ name: LEASE_NAME, namespace: LEASE_NAMESPACE, body: lease })
        } catch (err) {
          throw conflict(err) ? new Conflict(String(err)) : err
        }
      },
    }

    const namespaces = makeInformer<V1Namespace>(kc, "/api/v1/namespaces", () => core.listNamespace())
    // Only our quotas; one that loses the label is seen as deleted and gets reconciled (and relabelled).
    const quotas = makeInformer<V1ResourceQuota>(
      kc,
      "/api/v1/resourcequotas",
      () => core.listResourceQuotaForAllNamespaces({ labelSelector: \`\${MANAGED_BY_LABEL}=\${MANAGED_BY}\` }),
      \`\${MANAGED_BY_LABEL}=\${MANAGED_BY}\`,
    )

    let leading = !LEADER_ELECT
    // Per-namespace serial queue: a newer event waits for the running reconcile; the Namespace
    // is read from the informer cache when its turn comes, so it is never stale.
    const running = new Map<string, Promise<void>>()
    function enqueue(name: string | undefined) {
      if (!name || !leading) return
      const prev = running.get(name) ?? Promise.resolve()
      const next = prev
        .then(async () => {
          const ns = namespaces.get(name)
          if (!ns || !leading) return
          const outcome = await reconcileNamespace(ns, api)
          if (outcome === "created" || outcome === "updated") console.log(\`\${name}: quota \${outcome}\`)
        })
        .catch((err: unknown) => {
          console.error(\`\${name}: reconcile failed, retrying in 10s:\`, err)
          setTimeout(() => enqueue(name), 10_000)
        })
      running.set(name, next)
    }
    const resyncAll = () => namespaces.list().forEach((ns) => enqueue(ns.metadata?.name))

    namespaces.on("add", (ns) => enqueue(ns.metadata?.name))
    namespaces.on("update", (ns) => enqueue(ns.metadata?.name))
    for (const event of ["add", "update", "delete"] as const) {
      quotas.on(event, (q) => {
        if (q.metadata?.name === QUOTA_NAME) enqueue(q.metadata.namespace)
      })
    }
    for (const informer of [namespaces, quotas]) {
      informer.on("error", (err: unknown) => {
        console.error("watch error, restarting in 5s:", err)
        setTimeout(() => void informer.start(), 5_000)
      })
    }

    let ready = false
    createServer((req, res) => {
      if (req.url === "/healthz") res.writeHead(200).end("ok")
      else if (req.url === "/readyz") res.writeHead(ready ? 200 : 503).end(ready ? "ok" : "starting")
      else res.writeHead(404).end()
    }).listen(Number(process.env.HEALTH_PORT ?? 8081))

    await Promise.all([namespaces.start(), quotas.start()])
    ready = true
    setInterval(resyncAll, RESYNC_MS).unref()

    const elector = new LeaderElector(leaseApi, IDENTITY, {
      leaseSeconds: 15,
      renewDeadlineSeconds: 10,
      retrySeconds: 2,
      microTime: (d) => new V1MicroTime(d.getTime()),
    })
    if (LEADER_ELECT) {
      console.log(\`\${IDENTITY}: waiting to become leader (Lease \${LEASE_NAMESPACE}/\${LEASE_NAME})\`)
      elector.run(
        () => {
          console.log(\`\${IDENTITY}: became leader\`)
          leading = true
          resyncAll()
        },
        () => {
          // Like client-go controllers: a replica that lost the Lease exits and starts over.
          console.error(\`\${IDENTITY}: lost the lease, exiting\`)
          process.exit(1)
        },
      )
    } else {
      resyncAll()
    }
    console.log("watching namespaces and resourcequotas")

    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.on(signal, () => {
        leading = false
        void elector.release().finally(() => process.exit(0))
      })
    }
  `
}

function tsTest(): string {
  return text`
    import assert from "node:assert/strict"
    import { test } from "node:test"
    import type { V1Namespace, V1ResourceQuota } from "@kubernetes/client-node"
    import { DEFAULT_HARD, MANAGED_BY, MANAGED_BY_LABEL, MANAGED_LABEL, QUOTA_NAME, reconcileNamespace, type QuotaApi } from "../src/reconcile.ts"

    function fakeApi() {
      const store = new Map<string, V1ResourceQuota>()
      const calls: string[] = []
      const api: QuotaApi = {
        async readQuota(ns, name) {
          return structuredClone(store.get(\`\${ns}/\${name}\`))
        },
        async createQuota(ns, q) {
          calls.push("create")
          store.set(\`\${ns}/\${q.metadata?.name}\`, structuredClone(q))
        },
        async replaceQuota(ns, name, q) {
          calls.push("replace")
          store.set(\`\${ns}/\${name}\`, structuredClone(q))
        },
      }
      return { api, store, calls }
    }

    const ns = (labels: Record<string, string>): V1Namespace => ({ metadata: { name: "team-a", uid: "u1", labels } })

    test("creates the quota for a managed namespace, then does nothing", async () => {
      const { api, store, calls } = fakeApi()
      assert.equal(await reconcileNamespace(ns({ [MANAGED_LABEL]: "true" }), api), "created")
      assert.deepEqual(store.get(\`team-a/\${QUOTA_NAME}\`)?.spec?.hard, DEFAULT_HARD)
      assert.equal(store.get(\`team-a/\${QUOTA_NAME}\`)?.metadata?.ownerReferences?.[0]?.uid, "u1")
      assert.equal(await reconcileNamespace(ns({ [MANAGED_LABEL]: "true" }), api), "unchanged")
      assert.deepEqual(calls, ["create"])
    })

    test("repairs an edited quota", async () => {
      const { api, store } = fakeApi()
      await reconcileNamespace(ns({ [MANAGED_LABEL]: "true" }), api)
      store.get(\`team-a/\${QUOTA_NAME}\`)!.spec!.hard = { pods: "1000" }
      assert.equal(await reconcileNamespace(ns({ [MANAGED_LABEL]: "true" }), api), "updated")
      assert.deepEqual(store.get(\`team-a/\${QUOTA_NAME}\`)?.spec?.hard, DEFAULT_HARD)
    })

    test("puts back its label and recreates a deleted quota", async () => {
      const { api, store } = fakeApi()
      await reconcileNamespace(ns({ [MANAGED_LABEL]: "true" }), api)
      store.get(\`team-a/\${QUOTA_NAME}\`)!.metadata!.labels = {}
      assert.equal(await reconcileNamespace(ns({ [MANAGED_LABEL]: "true" }), api), "updated")
      assert.equal(store.get(\`team-a/\${QUOTA_NAME}\`)?.metadata?.labels?.[MANAGED_BY_LABEL], MANAGED_BY)
      store.delete(\`team-a/\${QUOTA_NAME}\`)
      assert.equal(await reconcileNamespace(ns({ [MANAGED_LABEL]: "true" }), api), "created")
    })

    test("skips unmanaged namespaces", async () => {
      const { api, calls } = fakeApi()
      assert.equal(await reconcileNamespace(ns({}), api), "skipped")
      assert.equal(await reconcileNamespace(ns({ [MANAGED_LABEL]: "false" }), api), "skipped")
      assert.deepEqual(calls, [])
    })
  `
}

function tsLeaderTest(): string {
  return text`
    import assert from "node:assert/strict"
    import { test } from "node:test"
    import type { V1Lease } from "@kubernetes/client-node"
    import { Conflict, LeaderElector, type LeaseApi } from "../src/leader.ts"

    /** An in-memory Lease with resourceVersion checks, like the API server's optimistic concurrency. */
    function fakeLease() {
      let stored: V1Lease | undefined
      let version = 0
      const api: LeaseApi = {
        async read() {
          return structuredClone(stored)
        },
        async create(lease) {
          if (stored) throw new Conflict("exists")
          stored = { ...structuredClone(lease), metadata: { resourceVersion: String(++version) } }
          return stored
        },
        async replace(lease) {
          if (lease.metadata?.resourceVersion !== stored?.metadata?.resourceVersion) throw new Conflict("stale")
          stored = { ...structuredClone(lease), metadata: { resourceVersion: String(++version) } }
          return stored
        },
      }
      return { api, get: () => stored }
    }

    test("two replicas: exactly one leads; the other takes over only after the lease expires", async () => {
      let clock = Date.parse("2026-01-01T00:00:00Z")
      const now = () => new Date(clock)
      const opts = { leaseSeconds: 15, renewDeadlineSeconds: 10, retrySeconds: 2, now }
      const { api, get } = fakeLease()
      const a = new LeaderElector(api, "a", opts)
      const b = new LeaderElector(api, "b", opts)
      assert.equal(await a.tryAcquireOrRenew(), true)
      assert.equal(await b.tryAcquireOrRenew(), false)
      clock += 5_000
      assert.equal(await a.tryAcquireOrRenew(), true)
      assert.equal(await b.tryAcquireOrRenew(), false)
      clock += 16_000 // a stopped renewing
      assert.equal(await b.tryAcquireOrRenew(), true)
      assert.equal(get()?.spec?.holderIdentity, "b")
      assert.equal(get()?.spec?.leaseTransitions, 1)
      assert.equal(await a.tryAcquireOrRenew(), false)
    })

    test("a race on the same lease version has one winner", async () => {
      const { api } = fakeLease()
      const results = await Promise.all(["a", "b", "c"].map((id) => new LeaderElector(api, id, { leaseSeconds: 15, renewDeadlineSeconds: 10, retrySeconds: 2 }).tryAcquireOrRenew()))
      assert.equal(results.filter(Boolean).length, 1)
    })
  `
}

// ---------------------------------------------------------------- project

function generateController(o: Options) {
  const isGo = o.language === "go"
  const files: StarterFile[] = [
    { path: "deploy/namespace.yaml", content: yamlDoc(namespaceObject(o.namespace)) },
    {
      path: "deploy/rbac.yaml",
      content: yamlDocs([
        serviceAccountObject(o.name, o.namespace, true),
        ...clusterRbac(o.name, o.namespace, [
          { apiGroups: [""], resources: ["namespaces"], verbs: ["get", "list", "watch"] },
          { apiGroups: [""], resources: ["resourcequotas"], verbs: ["get", "list", "watch", "create", "update", "patch"] },
        ]),
        ...namespacedRbac(o.name, o.namespace, LEADER_ELECTION_RULES),
      ]),
    },
    {
      path: "deploy/manager.yaml",
      content: yamlDoc(
        controllerDeploymentObject({
          name: o.name,
          namespace: o.namespace,
          image: o.image,
          args: isGo ? ["--leader-elect"] : [],
          // Two replicas, one leader (a Lease): the other takes over within ~15 s.
          replicas: 2,
          probes: { live: "/healthz", ready: "/readyz" },
          // The TypeScript controller names itself and finds its Lease through the downward API.
          env: isGo
            ? []
            : [
                { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
                { name: "POD_NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
              ],
        }),
      ),
    },
    kustomization("deploy", { resources: ["namespace.yaml", "rbac.yaml", "manager.yaml"] }),
    {
      path: "deploy/samples/managed-namespace.yaml",
      content: yamlDoc({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a", labels: { [o.label]: "true" } } }),
    },
    gitignore(["bin/", "dist/", "node_modules/"]),
  ]
  if (isGo) {
    files.push(
      goMod(o.module, ["k8s.io/api", "k8s.io/apimachinery", "k8s.io/client-go", "sigs.k8s.io/controller-runtime"]),
      {
        path: "cmd/main.go",
        content: goMain(o, {
          local: [["controller", `${o.module}/internal/controller`]],
          scheme: EMPTY,
          reconciler: fragment`(&controller.NamespaceReconciler{Client: mgr.GetClient(), Scheme: mgr.GetScheme()})`,
          electionId: `${o.name}.${o.namespace}`,
        }),
      },
      { path: "internal/controller/namespace_controller.go", content: goController(o) },
      { path: "internal/controller/namespace_controller_test.go", content: goControllerTest() },
      goDockerfile("cmd"),
      goDockerignore(),
    )
  } else {
    files.push(
      packageJson(o.name, "Namespace → ResourceQuota controller (client-node informer)", ["@kubernetes/client-node"]),
      ...tsconfigFiles(),
      { path: "src/reconcile.ts", content: tsReconcile(o) },
      { path: "src/leader.ts", content: tsLeader() },
      { path: "src/main.ts", content: tsMain(o) },
      { path: "test/reconcile.test.ts", content: tsTest() },
      { path: "test/leader.test.ts", content: tsLeaderTest() },
      nodeDockerfile(),
      { path: ".dockerignore", content: "node_modules/\ndist/\n.git/\n" },
    )
  }
  files.push(
    makefile(
      [
        ["IMG", o.image],
        ["KUBECTL", "kubectl"],
      ],
      [
        ...(isGo
          ? [...goMakeTargets("cmd"), { name: "run", help: "Run against the current kubeconfig", recipe: ["go run ./cmd --leader-elect=false"] }]
          : [
              { name: "install", help: "Install dependencies exactly as locked", recipe: ["npm ci"] },
              { name: "typecheck", help: "Type-check", recipe: ["npm run typecheck"] },
              { name: "test", help: "Run the unit tests", recipe: ["npm test"] },
              { name: "build", help: "Compile to dist/", recipe: ["npm run build"] },
              { name: "run", help: "Run against the current kubeconfig", recipe: ["LEADER_ELECT=false node --import tsx src/main.ts"] },
              { name: "docker-build", help: "Build the container image", recipe: ["docker build -t $(IMG) ."] },
              { name: "docker-push", help: "Push the container image", recipe: ["docker push $(IMG)"] },
            ]),
        { name: "deploy", help: "Deploy the controller", recipe: ["$(KUBECTL) apply -k deploy"] },
        { name: "undeploy", help: "Remove the controller (the quotas it created stay)", recipe: ["$(KUBECTL) delete -k deploy --ignore-not-found"] },
      ],
    ),
    readme({
      mechanism: "controller",
      title: `Controller: ${o.name}`,
      what:
        `A ${isGo ? "Go controller built on controller-runtime" : "TypeScript controller built on @kubernetes/client-node informers"} that watches Namespaces. ` +
        `Every Namespace labelled \`${o.label}=true\` gets a ResourceQuota \`default-quota\` (requests.cpu ${QUOTA.cpu}, requests.memory ${QUOTA.memory}, pods ${QUOTA.pods}), ` +
        "owned by the Namespace. Edits to the quota are reverted and a deleted quota is recreated (it watches the quotas it owns too, and resyncs every Namespace periodically). " +
        "Removing the label stops management and leaves the quota in place; deleting the Namespace deletes its quota. " +
        "Two replicas run; a coordination.k8s.io Lease elects the one that acts. It needs only read access to Namespaces, write access to ResourceQuotas and its Lease.",
      k8s: o.k8s,
      versionNotes: [
        isGo
          ? "Pinned to k8s.io/* v0.37.2 and controller-runtime v0.25.2; both talk to API servers 1.30–1.37 (client-go keeps wire compatibility across supported skew)."
          : "Uses @kubernetes/client-node ~1.4; the image runs Node.js 24 LTS (`engines` allows 20.9+ for local runs).",
      ],
      files: isGo
        ? [
            { path: "cmd/main.go", purpose: "manager: leader election, health probes, metrics off by default" },
            { path: "internal/controller/namespace_controller.go", purpose: "the reconciler" },
            { path: "internal/controller/namespace_controller_test.go", purpose: "tests with controller-runtime's fake client" },
            { path: "deploy/rbac.yaml", purpose: "ServiceAccount, least-privilege ClusterRole, leader-election Role" },
            { path: "deploy/manager.yaml", purpose: "Deployment (2 replicas, restricted security context)" },
            { path: "deploy/samples/managed-namespace.yaml", purpose: "a Namespace that opts in" },
          ]
        : [
            { path: "src/main.ts", purpose: "Namespace and ResourceQuota informers, per-namespace queue, periodic resync, retries, health endpoints" },
            { path: "src/reconcile.ts", purpose: "the pure reconcile function" },
            { path: "src/leader.ts", purpose: "leader election with a coordination.k8s.io Lease" },
            { path: "test/reconcile.test.ts", purpose: "reconcile tests with an in-memory fake API" },
            { path: "test/leader.test.ts", purpose: "leader election tests (one leader, takeover after expiry)" },
            { path: "deploy/rbac.yaml", purpose: "ServiceAccount, least-privilege ClusterRole, leader-election Role" },
            { path: "deploy/manager.yaml", purpose: "Deployment (2 replicas, one leader)" },
            { path: "deploy/samples/managed-namespace.yaml", purpose: "a Namespace that opts in" },
          ],
      build: isGo ? ["make test", "make build"] : ["npm ci", "npm run typecheck", "npm test", "npm run build"],
      deploy: [`make docker-build docker-push IMG=${o.image}`, "make deploy", `kubectl -n ${o.namespace} rollout status deployment/${o.name}`],
      test: [isGo ? "make test" : "npm test", "make run   # against your current kubeconfig, outside the cluster"],
      try: [
        "kubectl apply -f deploy/samples/managed-namespace.yaml",
        "kubectl get resourcequota default-quota -n team-a",
        "kubectl patch resourcequota default-quota -n team-a --type=merge -p '{\"spec\":{\"hard\":{\"pods\":\"1000\"}}}'   # reverted",
        "kubectl delete resourcequota default-quota -n team-a   # recreated",
        `kubectl get lease ${isGo ? `${o.name}.${o.namespace}` : o.name} -n ${o.namespace} -o jsonpath='{.spec.holderIdentity}'   # the active replica`,
      ],
      removeNotes: [
        "The quotas already created stay (they belong to their Namespaces): delete the sample Namespace, or the quotas by label, if you want them gone.",
      ],
      remove: [
        "kubectl delete -f deploy/samples/managed-namespace.yaml --ignore-not-found",
        "make undeploy",
        `kubectl delete resourcequota -A -l app.kubernetes.io/managed-by=${o.name}   # quotas in other Namespaces, if any`,
      ],
      nextSteps: [
        "Move the quota values into a ConfigMap or a CRD (see the operator starter) instead of constants.",
        isGo ? "Turn on metrics behind authentication (controller-runtime `filters.WithAuthenticationAndAuthorization`)." : "Export metrics (reconcile counts, errors) for your monitoring.",
        "Add an envtest or kind-based end-to-end test for the watch wiring.",
      ],
    }),
  )
  return { root: o.name, files }
}

export const controllerStarter = defineStarter({
  id: "controller",
  schema,
  languages: ["go", "typescript"],
  targets: KUBERNETES_MINORS,
  variants: [{ name: "typescript", options: { language: "typescript" } }],
  generate: generateController,
})
