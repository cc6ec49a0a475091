// DRA driver starter (resource.k8s.io/v1, Kubernetes 1.34+): the kubelet-plugin side of a
// Dynamic Resource Allocation driver in Go (k8s.io/dynamic-resource-allocation kubeletplugin
// helper: registration, ResourceSlice publishing, claim preparation through CDI), its
// DaemonSet and RBAC, a DeviceClass, and a ResourceClaimTemplate with a Pod that uses it.
import { z } from "zod"
import type { KubernetesMinor } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, token } from "../code"
import { apiGroup, goModule, imageRef, int, language, namespace } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDocs } from "../yaml"
import { appLabels, atLeast, minorsFrom } from "./common"
import { trySections } from "./control-plane"
import { goDockerfile, goDockerignore, goMakeTargets } from "./go-common"
import { nodeGoMod } from "./node-common"


const schema = z
  .object({
    driverName: apiGroup().default("gpu.example.com"),
    devices: int(1, 64, 4),
    namespace: namespace().default("dra-driver"),
    module: goModule().default("example.com/gpu-dra-driver"),
    image: imageRef().default("registry.example.com/gpu-dra-driver:v0.1.0"),
    language: language(["go"]),
    k8s: z
      // Only minors this starter supports; the message says why older ones are missing.
      .enum(minorsFrom("1.34") as [KubernetesMinor, ...KubernetesMinor[]], { error: "DRA's resource.k8s.io/v1 API is served from Kubernetes 1.34. On 1.30–1.33 DRA was alpha/beta (v1alpha2 … v1beta2) behind the DynamicResourceAllocation feature gate and runtime-config; use the device plugin starter there." })
      .default("1.37"),
  })
  .strict()

type Options = z.output<typeof schema>

function generateDra(o: Options) {
  const [cls = "device", ...rest] = o.driverName.split(".")
  const vendor = rest.join(".")
  const name = `${cls}-dra-driver`
  const T = {
    driver: token(o.driverName),
    vendor: token(vendor),
    class: token(cls),
    envprefix: token(cls.toUpperCase().replace(/-/g, "_")),
    bin: token(name),
  }
  const labels = appLabels(name, "dra-driver")
  const ns = o.namespace
  const sa = { kind: "ServiceAccount", name, namespace: ns }
  const deploy = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: { "pod-security.kubernetes.io/enforce": "privileged" } } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: ns, labels } },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name, labels },
      rules: [
        { apiGroups: ["resource.k8s.io"], resources: ["resourceslices"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] },
        { apiGroups: ["resource.k8s.io"], resources: ["resourceclaims"], verbs: ["get"] },
        // The helper reads its Node to own the ResourceSlices (garbage-collected with the node).
        { apiGroups: [""], resources: ["nodes"], verbs: ["get"] },
      ],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name },
      subjects: [sa],
    },
    {
      apiVersion: "resource.k8s.io/v1",
      kind: "DeviceClass",
      metadata: { name: o.driverName, labels },
      spec: { selectors: [{ cel: { expression: `device.driver == "${o.driverName}"` } }] },
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name, namespace: ns, labels },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": name } },
        template: {
          metadata: { labels: { "app.kubernetes.io/name": name, "app.kubernetes.io/component": "kubelet-plugin" } },
          spec: {
            serviceAccountName: name,
            priorityClassName: "system-node-critical",
            containers: [
              {
                name: "kubelet-plugin",
                image: o.image,
                args: [`--devices=${o.devices}`],
                env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
                // Root without capabilities: creates sockets and CDI specs in root-owned host directories.
                securityContext: { runAsUser: 0, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "128Mi" } },
                volumeMounts: [
                  { name: "plugins-registry", mountPath: "/var/lib/kubelet/plugins_registry" },
                  { name: "plugins", mountPath: "/var/lib/kubelet/plugins" },
                  { name: "cdi", mountPath: "/var/run/cdi" },
                ],
              },
            ],
            volumes: [
              { name: "plugins-registry", hostPath: { path: "/var/lib/kubelet/plugins_registry", type: "Directory" } },
              { name: "plugins", hostPath: { path: "/var/lib/kubelet/plugins", type: "DirectoryOrCreate" } },
              { name: "cdi", hostPath: { path: "/var/run/cdi", type: "DirectoryOrCreate" } },
            ],
          },
        },
      },
    },
  ]
  // Every node's plugin runs as the same ServiceAccount and RBAC cannot tell nodes apart, so a
  // policy ties each request to the node in the caller's token (ServiceAccountTokenPodNodeInfo,
  // GA in 1.32): a node may create, update and delete only ResourceSlices with its own
  // spec.nodeName. Same rule as dra-example-driver's ValidatingAdmissionPolicy.
  const saUser = `system:serviceaccount:${ns}:${name}`
  const policy = [
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata: { name: `${name}-resourceslices`, labels },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: {
          resourceRules: [{ apiGroups: ["resource.k8s.io"], apiVersions: ["*"], operations: ["CREATE", "UPDATE", "DELETE"], resources: ["resourceslices"] }],
        },
        matchConditions: [{ name: "driver-service-account", expression: `request.userInfo.username == ${JSON.stringify(saUser)}` }],
        variables: [
          // .?extra: a caller without any extra (not a Pod-bound token) gets '' and the clear
          // message below, not an evaluation error.
          { name: "userNodeName", expression: "request.userInfo.?extra[?'authentication.kubernetes.io/node-name'][0].orValue('')" },
          { name: "objectNodeName", expression: "(request.operation == 'DELETE' ? oldObject : object).spec.?nodeName.orValue('')" },
        ],
        validations: [
          {
            expression: "variables.userNodeName != ''",
            message: "no node name in the caller's token: the plugin must run in a Pod on a node (ServiceAccountTokenPodNodeInfo)",
          },
          {
            expression: "variables.userNodeName == variables.objectNodeName",
            messageExpression:
              "'the plugin on node ' + variables.userNodeName + ' may not change ' + (variables.objectNodeName == '' ? 'ResourceSlices without a node' : 'ResourceSlices of node ' + variables.objectNodeName)",
          },
        ],
      },
    },
    {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name: `${name}-resourceslices`, labels },
      spec: { policyName: `${name}-resourceslices`, validationActions: ["Deny"] },
    },
  ]
  const demo = `${cls}-demo`
  const sample = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: demo } },
    {
      apiVersion: "resource.k8s.io/v1",
      kind: "ResourceClaimTemplate",
      metadata: { name: `one-${cls}`, namespace: demo },
      spec: { spec: { devices: { requests: [{ name: "device", exactly: { deviceClassName: o.driverName } }] } } },
    },
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `uses-${cls}`, namespace: demo },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } },
        resourceClaims: [{ name: "device", resourceClaimTemplateName: `one-${cls}` }],
        containers: [
          {
            name: "app",
            image: "registry.k8s.io/e2e-test-images/busybox:1.37.0-1",
            command: ["sh", "-c", "env | grep _DEV_; sleep 3600"],
            resources: { claims: [{ name: "device" }] },
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
          },
        ],
      },
    },
  ]
  const files: StarterFile[] = [
    nodeGoMod(o.module, ["k8s.io/api", "k8s.io/apimachinery", "k8s.io/client-go", "k8s.io/dynamic-resource-allocation", "k8s.io/klog/v2", "k8s.io/utils"]),
    { path: "main.go", content: go`
      // Command ${T.bin} is the kubelet plugin of a Dynamic Resource Allocation driver
      // (resource.k8s.io/v1). It runs as a DaemonSet, registers with the kubelet, publishes this
      // node's devices as ResourceSlices and prepares allocated ResourceClaims through CDI.
      package main

      import (
        "context"
        "flag"
        "fmt"
        "os"
        "os/signal"
        "syscall"

        "k8s.io/client-go/kubernetes"
        "k8s.io/client-go/rest"
        "k8s.io/dynamic-resource-allocation/kubeletplugin"
        "k8s.io/klog/v2"
      )

      func main() {
        nodeName := flag.String("node-name", os.Getenv("NODE_NAME"), "name of this node (downward API)")
        count := flag.Int("devices", 4, "number of devices to advertise")
        cdiDir := flag.String("cdi-dir", "/var/run/cdi", "where the container runtime reads CDI specs")
        klog.InitFlags(nil)
        flag.Parse()
        if err := run(*nodeName, *count, *cdiDir); err != nil {
          klog.ErrorS(err, "driver failed")
          os.Exit(1)
        }
      }

      func run(nodeName string, count int, cdiDir string) error {
        if nodeName == "" {
          return fmt.Errorf("--node-name (or NODE_NAME) is required")
        }
        cfg, err := rest.InClusterConfig()
        if err != nil {
          return err
        }
        client, err := kubernetes.NewForConfig(cfg)
        if err != nil {
          return err
        }
        ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
        defer stop()
        ctx, cancel := context.WithCancelCause(ctx)
        defer cancel(nil)

        d := &Driver{nodeName: nodeName, devices: discoverDevices(count), cdiDir: cdiDir, cancel: cancel}
        helper, err := kubeletplugin.Start(ctx, d,
          kubeletplugin.KubeClient(client),
          kubeletplugin.NodeName(nodeName),
          kubeletplugin.DriverName(DriverName),
        )
        if err != nil {
          return err
        }
        defer helper.Stop()
        if err := helper.PublishResources(ctx, d.Resources()); err != nil {
          return err
        }
        <-ctx.Done()
        if cause := context.Cause(ctx); cause != nil && cause != context.Canceled {
          return cause
        }
        return nil
      }
  ` },
    { path: "driver.go", content: go`
      package main

      import (
        "context"
        "encoding/json"
        "errors"
        "fmt"
        "os"
        "path/filepath"
        "strings"

        resourceapi "k8s.io/api/resource/v1"
        "k8s.io/apimachinery/pkg/api/resource"
        "k8s.io/apimachinery/pkg/types"
        utilruntime "k8s.io/apimachinery/pkg/util/runtime"
        "k8s.io/dynamic-resource-allocation/kubeletplugin"
        "k8s.io/dynamic-resource-allocation/resourceslice"
        "k8s.io/utils/ptr"
      )

      const (
        // DriverName is the DRA driver name: DeviceClass selectors and ResourceSlices use it.
        DriverName = "${T.driver}"
        // cdiVendor/cdiClass make up the CDI kind "<vendor>/<class>" of the devices we inject.
        cdiVendor = "${T.vendor}"
        cdiClass  = "${T.class}"
        // envPrefix names the environment variables containers see for their devices.
        envPrefix = "${T.envprefix}"
      )

      // Driver is the kubelet-plugin side of a DRA driver: it publishes the node's devices as
      // ResourceSlices and prepares allocated claims by writing CDI specs the container runtime reads.
      type Driver struct {
        nodeName string
        devices  []resourceapi.Device
        cdiDir   string
        cancel   context.CancelCauseFunc
      }

      var _ kubeletplugin.DRAPlugin = &Driver{}

      // discoverDevices lists this node's devices. A real driver asks the hardware here; the
      // starter advertises \`count\` identical devices so the whole flow can be tried on any node.
      func discoverDevices(count int) []resourceapi.Device {
        devices := make([]resourceapi.Device, 0, count)
        for i := 0; i < count; i++ {
          devices = append(devices, resourceapi.Device{
            Name: fmt.Sprintf("dev-%d", i),
            Attributes: map[resourceapi.QualifiedName]resourceapi.DeviceAttribute{
              "index": {IntValue: ptr.To(int64(i))},
              "model": {StringValue: ptr.To("v1")},
            },
            Capacity: map[resourceapi.QualifiedName]resourceapi.DeviceCapacity{
              "memory": {Value: resource.MustParse("1Gi")},
            },
          })
        }
        return devices
      }

      // Resources is what PublishResources turns into ResourceSlices: one pool named after the node.
      func (d *Driver) Resources() resourceslice.DriverResources {
        return resourceslice.DriverResources{Pools: map[string]resourceslice.Pool{
          d.nodeName: {Slices: []resourceslice.Slice{{Devices: d.devices}}},
        }}
      }

      // cdiSpec is the subset of the Container Device Interface spec this driver writes.
      type cdiSpec struct {
        Version string      \`json:"cdiVersion"\`
        Kind    string      \`json:"kind"\`
        Devices []cdiDevice \`json:"devices"\`
      }

      type cdiDevice struct {
        Name           string            \`json:"name"\`
        ContainerEdits cdiContainerEdits \`json:"containerEdits"\`
      }

      type cdiContainerEdits struct {
        Env []string \`json:"env,omitempty"\`
      }

      func (d *Driver) specPath(claimUID types.UID) string {
        return filepath.Join(d.cdiDir, fmt.Sprintf("%s-%s-%s.json", cdiVendor, cdiClass, claimUID))
      }

      // prepareClaim writes one CDI spec per claim and returns the devices the kubelet passes on.
      func (d *Driver) prepareClaim(claim *resourceapi.ResourceClaim) kubeletplugin.PrepareResult {
        if claim.Status.Allocation == nil {
          return kubeletplugin.PrepareResult{Err: fmt.Errorf("claim %s/%s is not allocated", claim.Namespace, claim.Name)}
        }
        known := map[string]bool{}
        for _, dev := range d.devices {
          known[dev.Name] = true
        }
        spec := cdiSpec{Version: "0.6.0", Kind: cdiVendor + "/" + cdiClass}
        var result kubeletplugin.PrepareResult
        for _, r := range claim.Status.Allocation.Devices.Results {
          if r.Driver != DriverName {
            continue // another driver's device in a multi-driver claim
          }
          if r.Pool != d.nodeName || !known[r.Device] {
            return kubeletplugin.PrepareResult{Err: fmt.Errorf("device %s/%s is not on this node", r.Pool, r.Device)}
          }
          cdiName := fmt.Sprintf("%s-%s", claim.UID, r.Device)
          env := fmt.Sprintf("%s_%s=%s", envPrefix, strings.ToUpper(strings.ReplaceAll(r.Device, "-", "_")), r.Device)
          spec.Devices = append(spec.Devices, cdiDevice{Name: cdiName, ContainerEdits: cdiContainerEdits{Env: []string{env}}})
          result.Devices = append(result.Devices, kubeletplugin.Device{
            Requests:     []string{r.Request},
            PoolName:     r.Pool,
            DeviceName:   r.Device,
            CDIDeviceIDs: []string{spec.Kind + "=" + cdiName},
          })
        }
        data, err := json.Marshal(spec)
        if err != nil {
          return kubeletplugin.PrepareResult{Err: err}
        }
        if err := os.MkdirAll(d.cdiDir, 0o755); err != nil {
          return kubeletplugin.PrepareResult{Err: err}
        }
        tmp := d.specPath(claim.UID) + ".tmp"
        if err := os.WriteFile(tmp, data, 0o644); err != nil {
          return kubeletplugin.PrepareResult{Err: err}
        }
        if err := os.Rename(tmp, d.specPath(claim.UID)); err != nil {
          return kubeletplugin.PrepareResult{Err: err}
        }
        return result
      }

      // PrepareResourceClaims is called by the kubelet before a pod's containers start.
      func (d *Driver) PrepareResourceClaims(_ context.Context, claims []*resourceapi.ResourceClaim) (map[types.UID]kubeletplugin.PrepareResult, error) {
        out := make(map[types.UID]kubeletplugin.PrepareResult, len(claims))
        for _, c := range claims {
          out[c.UID] = d.prepareClaim(c)
        }
        return out, nil
      }

      // UnprepareResourceClaims removes the CDI specs; it is idempotent (the kubelet may repeat it).
      func (d *Driver) UnprepareResourceClaims(_ context.Context, claims []kubeletplugin.NamespacedObject) (map[types.UID]error, error) {
        out := make(map[types.UID]error, len(claims))
        for _, c := range claims {
          err := os.Remove(d.specPath(c.UID))
          if errors.Is(err, os.ErrNotExist) {
            err = nil
          }
          out[c.UID] = err
        }
        return out, nil
      }

      // HandleError logs background errors and stops the driver on fatal ones (for example a
      // ResourceSlice the API server rejects), so the DaemonSet restarts it visibly.
      func (d *Driver) HandleError(ctx context.Context, err error, msg string) {
        utilruntime.HandleErrorWithContext(ctx, err, msg)
        if !errors.Is(err, kubeletplugin.ErrRecoverable) && d.cancel != nil {
          d.cancel(fmt.Errorf("fatal background error: %w", err))
        }
      }

      // WatchHealthStatus: this starter does not report device health (see README next steps).
      func (d *Driver) WatchHealthStatus(context.Context, chan<- kubeletplugin.DeviceHealthReport) error {
        return kubeletplugin.ErrHealthNotSupported
      }
  ` },
    { path: "driver_test.go", content: go`
      package main

      import (
        "context"
        "encoding/json"
        "os"
        "path/filepath"
        "testing"
        "time"

        corev1 "k8s.io/api/core/v1"
        resourceapi "k8s.io/api/resource/v1"
        metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
        "k8s.io/apimachinery/pkg/types"
        "k8s.io/client-go/kubernetes/fake"
        "k8s.io/dynamic-resource-allocation/kubeletplugin"
      )

      func allocatedClaim(uid types.UID, results ...resourceapi.DeviceRequestAllocationResult) *resourceapi.ResourceClaim {
        return &resourceapi.ResourceClaim{
          ObjectMeta: metav1.ObjectMeta{Name: "claim", Namespace: "default", UID: uid},
          Status: resourceapi.ResourceClaimStatus{Allocation: &resourceapi.AllocationResult{
            Devices: resourceapi.DeviceAllocationResult{Results: results},
          }},
        }
      }

      func TestPrepareAndUnprepare(t *testing.T) {
        d := &Driver{nodeName: "node-1", devices: discoverDevices(2), cdiDir: t.TempDir()}
        claim := allocatedClaim("uid-1",
          resourceapi.DeviceRequestAllocationResult{Request: "device", Driver: DriverName, Pool: "node-1", Device: "dev-1"},
          resourceapi.DeviceRequestAllocationResult{Request: "nic", Driver: "other.example.com", Pool: "node-1", Device: "x"},
        )
        res, err := d.PrepareResourceClaims(context.Background(), []*resourceapi.ResourceClaim{claim})
        if err != nil {
          t.Fatal(err)
        }
        r := res["uid-1"]
        if r.Err != nil || len(r.Devices) != 1 || r.Devices[0].DeviceName != "dev-1" || r.Devices[0].CDIDeviceIDs[0] != cdiVendor+"/"+cdiClass+"=uid-1-dev-1" {
          t.Fatalf("unexpected prepare result: %+v", r)
        }
        data, err := os.ReadFile(d.specPath("uid-1"))
        if err != nil {
          t.Fatal(err)
        }
        var spec cdiSpec
        if err := json.Unmarshal(data, &spec); err != nil {
          t.Fatal(err)
        }
        if spec.Kind != cdiVendor+"/"+cdiClass || spec.Devices[0].ContainerEdits.Env[0] != envPrefix+"_DEV_1=dev-1" {
          t.Fatalf("unexpected CDI spec: %s", data)
        }
        for i := 0; i < 2; i++ {
          un, err := d.UnprepareResourceClaims(context.Background(), []kubeletplugin.NamespacedObject{{UID: "uid-1"}})
          if err != nil || un["uid-1"] != nil {
            t.Fatalf("unprepare #%d: %v %v", i, err, un)
          }
        }
        if _, err := os.Stat(d.specPath("uid-1")); !os.IsNotExist(err) {
          t.Fatal("CDI spec not removed")
        }
      }

      func TestPrepareRejectsForeignDevices(t *testing.T) {
        d := &Driver{nodeName: "node-1", devices: discoverDevices(1), cdiDir: t.TempDir()}
        cases := map[types.UID]*resourceapi.ResourceClaim{
          "unallocated": {ObjectMeta: metav1.ObjectMeta{UID: "unallocated"}},
          "other-node":  allocatedClaim("other-node", resourceapi.DeviceRequestAllocationResult{Request: "w", Driver: DriverName, Pool: "node-2", Device: "dev-0"}),
          "unknown":     allocatedClaim("unknown", resourceapi.DeviceRequestAllocationResult{Request: "w", Driver: DriverName, Pool: "node-1", Device: "dev-9"}),
        }
        for uid, c := range cases {
          res, _ := d.PrepareResourceClaims(context.Background(), []*resourceapi.ResourceClaim{c})
          if res[uid].Err == nil {
            t.Errorf("%s: expected an error", uid)
          }
        }
      }

      // TestPublishesResourceSlice runs the real kubelet-plugin helper against a fake API server
      // client with sockets in a temp dir, and checks the ResourceSlice it creates.
      func TestPublishesResourceSlice(t *testing.T) {
        dir, err := os.MkdirTemp("", "dra")
        if err != nil {
          t.Fatal(err)
        }
        defer os.RemoveAll(dir)
        for _, sub := range []string{"reg", "plugin"} {
          if err := os.MkdirAll(filepath.Join(dir, sub), 0o750); err != nil {
            t.Fatal(err)
          }
        }
        client := fake.NewClientset(&corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "node-1", UID: "node-uid"}})
        ctx, cancel := context.WithCancel(context.Background())
        defer cancel()
        d := &Driver{nodeName: "node-1", devices: discoverDevices(3), cdiDir: filepath.Join(dir, "cdi")}
        helper, err := kubeletplugin.Start(ctx, d,
          kubeletplugin.KubeClient(client),
          kubeletplugin.NodeName("node-1"),
          kubeletplugin.DriverName(DriverName),
          kubeletplugin.RegistrarDirectoryPath(filepath.Join(dir, "reg")),
          kubeletplugin.PluginDataDirectoryPath(filepath.Join(dir, "plugin")),
        )
        if err != nil {
          t.Fatal(err)
        }
        defer helper.Stop()
        if err := helper.PublishResources(ctx, d.Resources()); err != nil {
          t.Fatal(err)
        }
        deadline := time.Now().Add(10 * time.Second)
        for time.Now().Before(deadline) {
          slices, err := client.ResourceV1().ResourceSlices().List(ctx, metav1.ListOptions{})
          if err != nil {
            t.Fatal(err)
          }
          if len(slices.Items) == 1 {
            s := slices.Items[0].Spec
            if s.Driver != DriverName || s.NodeName == nil || *s.NodeName != "node-1" || s.Pool.Name != "node-1" || len(s.Devices) != 3 {
              t.Fatalf("unexpected slice: %+v", s)
            }
            return
          }
          time.Sleep(50 * time.Millisecond)
        }
        t.Fatal("no ResourceSlice published")
      }
  ` },
    { path: "deploy/driver.yaml", content: yamlDocs(deploy) },
    { path: "deploy/sample-claim-pod.yaml", content: yamlDocs(sample) },
    { path: "deploy/resourceslice-policy.yaml", content: yamlDocs(policy) },
    kustomization("deploy", { resources: ["driver.yaml", "resourceslice-policy.yaml"] }),
    goDockerfile("."),
    goDockerignore(),
    makefile([["IMG", o.image]], [
      ...goMakeTargets("."),
      { name: "deploy", help: "Install the DRA driver", recipe: ["kubectl apply -k deploy/"] },
      { name: "sample", help: "Create the claim template and Pod", recipe: ["kubectl apply -f deploy/sample-claim-pod.yaml"] },
    ]),
    gitignore(["bin/"]),
  ]
  files.push(
    readme({
      mechanism: "dra-driver",
      title: `${o.driverName}: DRA driver`,
      what: `The kubelet plugin of a Dynamic Resource Allocation driver. Built on k8s.io/dynamic-resource-allocation's kubeletplugin helper, it registers with the kubelet, publishes this node's ${o.devices} devices (attributes index and model, capacity memory) as a ResourceSlice in a pool named after the node, and prepares allocated ResourceClaims by writing a CDI spec the container runtime applies (an environment variable per device). The DeviceClass ${o.driverName} selects the devices with CEL; the sample ResourceClaimTemplate requests exactly one.`,
      k8s: o.k8s,
      versionNotes: [
        "resource.k8s.io/v1 is GA and on by default from 1.34; no feature gates or runtime-config needed.",
        "CDI must be enabled in the container runtime (default in containerd 2.x and CRI-O).",
        ...(atLeast(o.k8s, "1.36") ? ["1.36+: device taints, partitionable devices and consumable capacity are beta; extended resource names for DeviceClasses are GA in 1.37."] : []),
      ],
      files: [
        { path: "driver.go", purpose: "device discovery, ResourceSlice content, Prepare/Unprepare with CDI specs" },
        { path: "driver_test.go", purpose: "unit tests, plus the real helper publishing a ResourceSlice to a fake API client" },
        { path: "deploy/driver.yaml", purpose: "namespace, RBAC, DeviceClass, kubelet-plugin DaemonSet" },
        { path: "deploy/resourceslice-policy.yaml", purpose: "ValidatingAdmissionPolicy + binding: each node's plugin may write only its own node's ResourceSlices" },
        { path: "deploy/sample-claim-pod.yaml", purpose: "ResourceClaimTemplate and a Pod using it" },
      ],
      build: ["make build", "make docker-build docker-push IMG=<your image>"],
      deploy: ["make deploy", "kubectl get resourceslices"],
      test: ["make test"],
      extra: trySections({
        try: [
          "make sample",
          `kubectl get resourceslices -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,DRIVER:.spec.driver`,
          `kubectl -n ${demo} get resourceclaims   # allocated and reserved for the Pod`,
        ],
        tryNote:
          "The policy admits a ResourceSlice write by the plugin's ServiceAccount only when the node name in its token equals the slice's spec.nodeName; a client impersonating the ServiceAccount with the extra `authentication.kubernetes.io/node-name` shows the denial (kubectl has no flag for impersonated extras).",
        remove: [
          `kubectl delete namespace ${demo} --ignore-not-found   # frees the claims first`,
          "kubectl delete -k deploy/ --ignore-not-found",
          `kubectl delete resourceslices --field-selector spec.driver=${o.driverName}   # slices of nodes whose plugin is gone`,
        ],
        removeNote: "Delete workloads that use the devices before the driver: the kubelet needs the plugin to unprepare claims.",
      }),
      nextSteps: [
        "Discover real hardware in discoverDevices and report health (WatchHealthStatus).",
        "Accept opaque configuration (claim parameters) for your devices.",
      ],
    }),
  )
  return { root: name, files }
}

export const draDriverStarter = defineStarter({
  id: "dra-driver",
  schema,
  languages: ["go"],
  targets: minorsFrom("1.34"),
  variants: [],
  generate: generateDra,
})
