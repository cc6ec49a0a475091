// CSI driver starter: a Go driver (Identity, Controller, Node services of the CSI spec) whose
// volumes are directories on a filesystem shared by all nodes; CSIDriver, StorageClass, the
// controller Deployment (csi-provisioner, csi-attacher when attachRequired, livenessprobe) and
// the node DaemonSet (node-driver-registrar, livenessprobe), RBAC, and a sample PVC and Pod.
import { z } from "zod"
import type { KubernetesMinor } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, text, token } from "../code"
import { absolutePath, dnsSubdomain, flag, goModule, imageRef, language, namespace } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDocs } from "../yaml"
import { appLabels, minorsFrom } from "./common"
import { trySections } from "./control-plane"
import { goDockerfile, goDockerignore, goMakeTargets } from "./go-common"
import { nodeGoMod } from "./node-common"

// source: kubernetes-1.34-1.37-changes.md §3 (sidecar releases of May–June 2026, all in registry.k8s.io/sig-storage).
export const CSI_SIDECARS = {
  provisioner: "registry.k8s.io/sig-storage/csi-provisioner:v6.3.0",
  attacher: "registry.k8s.io/sig-storage/csi-attacher:v4.12.0",
  registrar: "registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.17.0",
  livenessprobe: "registry.k8s.io/sig-storage/livenessprobe:v2.19.0",
} as const

// System directories of the node and the driver container's own mount points (SOCKET_DIR,
// the registrar's /registration, the kubelet's pods directory).
const BASE_DIR_RESERVED = [
  "/bin", "/boot", "/csi", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/registration", "/root", "/run", "/sbin",
  "/sys", "/usr", "/var/lib/containerd", "/var/lib/docker", "/var/lib/etcd", "/var/lib/kubelet", "/var/run",
]

const schema = z
  .object({
    driverName: dnsSubdomain().default("shared-dir.csi.example.com"),
    attachRequired: flag(false),
    namespace: namespace().default("csi-shared-dir"),
    // Mounted into privileged pods (hostPath + mountPath): never a system directory or one of the pods' own mounts.
    baseDir: absolutePath(255, BASE_DIR_RESERVED).default("/var/lib/shared-dir"),
    module: goModule().default("example.com/shared-dir-csi"),
    image: imageRef().default("registry.example.com/shared-dir-csi:v0.1.0"),
    language: language(["go"]),
    k8s: z
      // Only minors this starter supports; the message says why older ones are missing.
      .enum(minorsFrom("1.34") as [KubernetesMinor, ...KubernetesMinor[]], { error: "This starter deploys csi-provisioner v6.3.0, which requires Kubernetes 1.34 or newer; for older clusters use the external-provisioner v5 release that lists your version." })
      .default("1.37"),
  })
  .strict()

type Options = z.output<typeof schema>
type Obj = Record<string, unknown>

const SOCKET_DIR = "/csi"
const SOCKET = "/csi/csi.sock"

/**
 * Requests for every container so the scheduler accounts for them and they are not the first
 * evicted under node pressure; sidecars need little, the memory limit catches leaks.
 * Figures are the upstream csi-driver-host-path deployment's order of magnitude.
 */
const SIDECAR_RESOURCES = { requests: { cpu: "10m", memory: "20Mi" }, limits: { memory: "100Mi" } }
const DRIVER_RESOURCES = { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "256Mi" } }

function livenessSidecar(): Obj {
  return {
    name: "liveness-probe",
    image: CSI_SIDECARS.livenessprobe,
    resources: SIDECAR_RESOURCES,
    args: [`--csi-address=${SOCKET}`, "--health-port=9808"],
    volumeMounts: [{ name: "socket-dir", mountPath: SOCKET_DIR }],
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
  }
}

function driverProbe(): Obj {
  return { httpGet: { path: "/healthz", port: 9808 }, initialDelaySeconds: 10, periodSeconds: 20, failureThreshold: 5 }
}

function csiObjects(o: Options, name: string): { deploy: Obj[]; sample: Obj[] } {
  const labels = appLabels(name, "csi-driver")
  const ns = o.namespace
  const ctrl = `${name}-controller`
  const sa = { kind: "ServiceAccount", name: ctrl, namespace: ns }
  const ctrlRules = [
    { apiGroups: [""], resources: ["persistentvolumes"], verbs: ["get", "list", "watch", "create", "patch", "delete"] },
    { apiGroups: [""], resources: ["persistentvolumeclaims"], verbs: ["get", "list", "watch", "update"] },
    { apiGroups: ["storage.k8s.io"], resources: ["storageclasses"], verbs: ["get", "list", "watch"] },
    { apiGroups: [""], resources: ["events"], verbs: ["list", "watch", "create", "update", "patch"] },
    { apiGroups: ["storage.k8s.io"], resources: ["csinodes"], verbs: ["get", "list", "watch"] },
    { apiGroups: [""], resources: ["nodes"], verbs: ["get", "list", "watch"] },
    ...(o.attachRequired
      ? [
          { apiGroups: ["storage.k8s.io"], resources: ["volumeattachments"], verbs: ["get", "list", "watch", "patch"] },
          { apiGroups: ["storage.k8s.io"], resources: ["volumeattachments/status"], verbs: ["patch"] },
        ]
      : []),
  ]
  const sharedVolume = { name: "shared-dir", hostPath: { path: o.baseDir, type: "Directory" } }
  const driverContainer = (mode: "controller" | "node"): Obj => ({
    name: "driver",
    image: o.image,
    args: [`--mode=${mode}`, `--endpoint=unix://${SOCKET}`, `--base-dir=${o.baseDir}`],
    env: mode === "node" ? [{ name: "NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }] : [],
    ports: [{ name: "healthz", containerPort: 9808 }],
    livenessProbe: driverProbe(),
    resources: DRIVER_RESOURCES,
    securityContext:
      mode === "node"
        ? { privileged: true, readOnlyRootFilesystem: true }
        : { runAsUser: 0, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"], add: ["DAC_OVERRIDE"] } },
    volumeMounts: [
      { name: "socket-dir", mountPath: SOCKET_DIR },
      { name: "shared-dir", mountPath: o.baseDir },
      ...(mode === "node" ? [{ name: "pods-dir", mountPath: "/var/lib/kubelet/pods", mountPropagation: "Bidirectional" }] : []),
    ],
  })
  const sidecarSec = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } }
  const deploy: Obj[] = [
    // hostPath and privileged node plugins need the privileged Pod Security level.
    { apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: { "pod-security.kubernetes.io/enforce": "privileged" } } },
    {
      apiVersion: "storage.k8s.io/v1",
      kind: "CSIDriver",
      metadata: { name: o.driverName, labels },
      spec: {
        attachRequired: o.attachRequired,
        podInfoOnMount: false,
        volumeLifecycleModes: ["Persistent"],
        fsGroupPolicy: "File",
      },
    },
    {
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: name, labels },
      provisioner: o.driverName,
      reclaimPolicy: "Delete",
      volumeBindingMode: "Immediate",
      allowVolumeExpansion: false,
    },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: ctrl, namespace: ns, labels } },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: ctrl, labels }, rules: ctrlRules },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: ctrl, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: ctrl },
      subjects: [sa],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: `${ctrl}-leader-election`, namespace: ns, labels },
      rules: [{ apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get", "watch", "list", "delete", "update", "create"] }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: `${ctrl}-leader-election`, namespace: ns, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: `${ctrl}-leader-election` },
      subjects: [sa],
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: ctrl, namespace: ns, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: { "app.kubernetes.io/name": ctrl } },
        template: {
          metadata: { labels: { "app.kubernetes.io/name": ctrl, "app.kubernetes.io/component": "controller" } },
          spec: {
            serviceAccountName: ctrl,
            priorityClassName: "system-cluster-critical",
            containers: [
              {
                name: "csi-provisioner",
                image: CSI_SIDECARS.provisioner,
                args: [`--csi-address=${SOCKET}`, "--leader-election", `--leader-election-namespace=${ns}`, "--v=2"],
                resources: SIDECAR_RESOURCES,
                volumeMounts: [{ name: "socket-dir", mountPath: SOCKET_DIR }],
                securityContext: sidecarSec,
              },
              ...(o.attachRequired
                ? [
                    {
                      name: "csi-attacher",
                      image: CSI_SIDECARS.attacher,
                      args: [`--csi-address=${SOCKET}`, "--leader-election", `--leader-election-namespace=${ns}`, "--v=2"],
                      resources: SIDECAR_RESOURCES,
                      volumeMounts: [{ name: "socket-dir", mountPath: SOCKET_DIR }],
                      securityContext: sidecarSec,
                    },
                  ]
                : []),
              livenessSidecar(),
              driverContainer("controller"),
            ],
            volumes: [{ name: "socket-dir", emptyDir: {} }, sharedVolume],
          },
        },
      },
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: `${name}-node`, namespace: ns, labels },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": `${name}-node` } },
        template: {
          metadata: { labels: { "app.kubernetes.io/name": `${name}-node`, "app.kubernetes.io/component": "node" } },
          spec: {
            priorityClassName: "system-node-critical",
            automountServiceAccountToken: false,
            tolerations: [{ operator: "Exists" }],
            containers: [
              {
                name: "node-driver-registrar",
                image: CSI_SIDECARS.registrar,
                args: [`--csi-address=${SOCKET}`, `--kubelet-registration-path=/var/lib/kubelet/plugins/${o.driverName}/csi.sock`, "--v=2"],
                resources: SIDECAR_RESOURCES,
                volumeMounts: [
                  { name: "socket-dir", mountPath: SOCKET_DIR },
                  { name: "registration-dir", mountPath: "/registration" },
                ],
                securityContext: sidecarSec,
              },
              livenessSidecar(),
              driverContainer("node"),
            ],
            volumes: [
              { name: "socket-dir", hostPath: { path: `/var/lib/kubelet/plugins/${o.driverName}`, type: "DirectoryOrCreate" } },
              { name: "registration-dir", hostPath: { path: "/var/lib/kubelet/plugins_registry", type: "Directory" } },
              { name: "pods-dir", hostPath: { path: "/var/lib/kubelet/pods", type: "Directory" } },
              sharedVolume,
            ],
          },
        },
      },
    },
  ]
  const sample: Obj[] = [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: `${name}-demo` } },
    {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "data", namespace: `${name}-demo` },
      spec: { accessModes: ["ReadWriteMany"], storageClassName: name, resources: { requests: { storage: "1Gi" } } },
    },
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "writer", namespace: `${name}-demo` },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 65532, fsGroup: 65532, seccompProfile: { type: "RuntimeDefault" } },
        containers: [
          {
            name: "writer",
            image: "registry.k8s.io/e2e-test-images/busybox:1.37.0-1",
            command: ["sh", "-c", "date >> /data/log && sleep 3600"],
            volumeMounts: [{ name: "data", mountPath: "/data" }],
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
          },
        ],
        volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }],
      },
    },
  ]
  return { deploy, sample }
}

function generateCsi(o: Options) {
  const name = o.driverName.split(".")[0] ?? "csi"
  const T = { driver: token(o.driverName), attach: token(o.attachRequired ? "true" : "false"), bin: token(name) }
  const objs = csiObjects(o, name)
  const files: StarterFile[] = [
    nodeGoMod(o.module, ["github.com/container-storage-interface/spec", "google.golang.org/grpc", "google.golang.org/protobuf"]),
    { path: "main.go", content: go`
      // Command ${T.bin} is a CSI driver whose volumes are directories on a filesystem shared by
      // all nodes. One binary serves both roles: --mode=controller (Deployment, with
      // csi-provisioner) and --mode=node (DaemonSet, with node-driver-registrar).
      package main

      import (
        "context"
        "flag"
        "fmt"
        "log"
        "net"
        "net/url"
        "os"
        "os/signal"
        "syscall"

        "github.com/container-storage-interface/spec/lib/go/csi"
        "google.golang.org/grpc"
      )

      const (
        // driverName is the CSIDriver object's name and the StorageClass provisioner.
        driverName = "${T.driver}"
        // attachRequired must match CSIDriver spec.attachRequired: true adds ControllerPublish
        // and the csi-attacher sidecar.
        attachRequired = ${T.attach}
        version        = "0.1.0"
      )

      func main() {
        endpoint := flag.String("endpoint", "unix:///csi/csi.sock", "CSI endpoint (unix socket)")
        mode := flag.String("mode", "node", "controller or node")
        nodeID := flag.String("node-id", os.Getenv("NODE_NAME"), "node name (node mode)")
        baseDir := flag.String("base-dir", "/var/lib/shared-dir", "mount point of the shared filesystem")
        flag.Parse()

        d := &Driver{Name: driverName, Version: version, NodeID: *nodeID, BaseDir: *baseDir, Mounter: hostMounter{}, Ready: true}
        if err := run(*endpoint, *mode, d); err != nil {
          log.Fatal(err)
        }
      }

      func run(endpoint, mode string, d *Driver) error {
        u, err := url.Parse(endpoint)
        if err != nil || u.Scheme != "unix" {
          return fmt.Errorf("endpoint must be unix:///path, got %q", endpoint)
        }
        if mode == "node" && d.NodeID == "" {
          return fmt.Errorf("--node-id (or NODE_NAME) is required in node mode")
        }
        if err := os.Remove(u.Path); err != nil && !os.IsNotExist(err) {
          return err
        }
        lis, err := net.Listen("unix", u.Path)
        if err != nil {
          return err
        }
        srv := grpc.NewServer()
        csi.RegisterIdentityServer(srv, d)
        switch mode {
        case "controller":
          csi.RegisterControllerServer(srv, d)
        case "node":
          if err := d.RegisterNode(); err != nil {
            return fmt.Errorf("register node on the shared filesystem: %w", err)
          }
          csi.RegisterNodeServer(srv, d)
        default:
          return fmt.Errorf("--mode must be controller or node, got %q", mode)
        }
        ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
        defer stop()
        go func() {
          <-ctx.Done()
          d.Ready = false
          srv.GracefulStop()
        }()
        log.Printf("%s %s serving %s on %s", driverName, version, mode, u.Path)
        return srv.Serve(lis)
      }
  ` },
    { path: "driver.go", content: go`
      package main

      import (
        "context"
        "fmt"
        "os"
        "path/filepath"
        "regexp"
        "strconv"
        "strings"

        "github.com/container-storage-interface/spec/lib/go/csi"
        "google.golang.org/grpc/codes"
        "google.golang.org/grpc/status"
        "google.golang.org/protobuf/types/known/wrapperspb"
      )

      // Driver implements the CSI Identity, Controller and Node services for volumes that are
      // directories on a filesystem shared by every node (for example an NFS export mounted at
      // BaseDir on the controller and on each node). The controller creates and deletes the
      // directories, the node bind-mounts them into pods.
      type Driver struct {
        csi.UnimplementedIdentityServer
        csi.UnimplementedControllerServer
        csi.UnimplementedNodeServer

        Name    string
        Version string
        NodeID  string
        BaseDir string
        Mounter Mounter
        // Ready is reported by Probe; main clears it while shutting down.
        Ready bool
      }

      // Mounter is the host side of NodePublish/NodeUnpublish; tests replace it.
      type Mounter interface {
        BindMount(source, target string, readOnly bool) error
        Unmount(target string) error
        IsMountPoint(path string) (bool, error)
      }

      // volumeIDPattern keeps volume IDs to safe directory names (no "..", no "/").
      var volumeIDPattern = regexp.MustCompile(\`^[a-z0-9][a-z0-9.-]{0,252}$\`)

      // --- Identity ---

      func (d *Driver) GetPluginInfo(context.Context, *csi.GetPluginInfoRequest) (*csi.GetPluginInfoResponse, error) {
        return &csi.GetPluginInfoResponse{Name: d.Name, VendorVersion: d.Version}, nil
      }

      func (d *Driver) GetPluginCapabilities(context.Context, *csi.GetPluginCapabilitiesRequest) (*csi.GetPluginCapabilitiesResponse, error) {
        return &csi.GetPluginCapabilitiesResponse{Capabilities: []*csi.PluginCapability{{
          Type: &csi.PluginCapability_Service_{Service: &csi.PluginCapability_Service{Type: csi.PluginCapability_Service_CONTROLLER_SERVICE}},
        }}}, nil
      }

      func (d *Driver) Probe(context.Context, *csi.ProbeRequest) (*csi.ProbeResponse, error) {
        if _, err := os.Stat(d.BaseDir); err != nil {
          return nil, status.Errorf(codes.FailedPrecondition, "base directory: %v", err)
        }
        return &csi.ProbeResponse{Ready: wrapperspb.Bool(d.Ready)}, nil
      }

      // --- Controller ---

      func (d *Driver) controllerCaps() []csi.ControllerServiceCapability_RPC_Type {
        caps := []csi.ControllerServiceCapability_RPC_Type{csi.ControllerServiceCapability_RPC_CREATE_DELETE_VOLUME}
        if attachRequired {
          caps = append(caps, csi.ControllerServiceCapability_RPC_PUBLISH_UNPUBLISH_VOLUME)
        }
        return caps
      }

      func (d *Driver) ControllerGetCapabilities(context.Context, *csi.ControllerGetCapabilitiesRequest) (*csi.ControllerGetCapabilitiesResponse, error) {
        resp := &csi.ControllerGetCapabilitiesResponse{}
        for _, c := range d.controllerCaps() {
          resp.Capabilities = append(resp.Capabilities, &csi.ControllerServiceCapability{
            Type: &csi.ControllerServiceCapability_Rpc{Rpc: &csi.ControllerServiceCapability_RPC{Type: c}},
          })
        }
        return resp, nil
      }

      // checkCapabilities accepts filesystem volumes in any access mode (a shared filesystem) and
      // rejects raw block.
      func checkCapabilities(caps []*csi.VolumeCapability) error {
        if len(caps) == 0 {
          return status.Error(codes.InvalidArgument, "volume capabilities are required")
        }
        for _, c := range caps {
          if c.GetBlock() != nil {
            return status.Error(codes.InvalidArgument, "block volumes are not supported")
          }
          if c.GetMount() == nil {
            return status.Error(codes.InvalidArgument, "access type mount is required")
          }
        }
        return nil
      }

      func (d *Driver) volumePath(id string) (string, error) {
        if !volumeIDPattern.MatchString(id) || strings.Contains(id, "..") {
          return "", status.Errorf(codes.InvalidArgument, "invalid volume ID %q", id)
        }
        return filepath.Join(d.BaseDir, id), nil
      }

      // CreateVolume is idempotent: the external-provisioner retries with the same name.
      func (d *Driver) CreateVolume(_ context.Context, req *csi.CreateVolumeRequest) (*csi.CreateVolumeResponse, error) {
        if req.GetName() == "" {
          return nil, status.Error(codes.InvalidArgument, "name is required")
        }
        if err := checkCapabilities(req.GetVolumeCapabilities()); err != nil {
          return nil, err
        }
        if req.GetVolumeContentSource() != nil {
          return nil, status.Error(codes.InvalidArgument, "volume content sources (snapshots, clones) are not supported")
        }
        capacity, err := capacityOf(req.GetCapacityRange())
        if err != nil {
          return nil, err
        }
        id := strings.ToLower(req.GetName())
        path, err := d.volumePath(id)
        if err != nil {
          return nil, err
        }
        // Same name again: fine if the request is compatible with the existing volume (a
        // provisioner retry), ALREADY_EXISTS otherwise (CSI spec, CreateVolume errors).
        if existing, err := d.recordedCapacity(id); err == nil {
          r := req.GetCapacityRange()
          if (r.GetRequiredBytes() > 0 && existing < r.GetRequiredBytes()) || (r.GetLimitBytes() > 0 && existing > r.GetLimitBytes()) {
            return nil, status.Errorf(codes.AlreadyExists, "volume %s exists with capacity %d, incompatible with %v", id, existing, r)
          }
          capacity = existing
        } else if !os.IsNotExist(err) {
          return nil, status.Errorf(codes.Internal, "read capacity of %s: %v", id, err)
        }
        if err := os.MkdirAll(path, 0o777); err != nil {
          return nil, status.Errorf(codes.Internal, "create %s: %v", path, err)
        }
        if err := os.WriteFile(d.capacityFile(id), []byte(strconv.FormatInt(capacity, 10)), 0o644); err != nil {
          return nil, status.Errorf(codes.Internal, "record capacity of %s: %v", id, err)
        }
        return &csi.CreateVolumeResponse{Volume: &csi.Volume{
          VolumeId:      id,
          CapacityBytes: capacity,
          VolumeContext: map[string]string{"subDir": id},
        }}, nil
      }

      // capacityOf picks the size to record for a capacity range: the required bytes, else the
      // limit, else 0 (unknown). The capacity is advisory: a directory on a shared filesystem has
      // no size of its own, but it is recorded so a second request with the same name can be
      // compared with the first.
      func capacityOf(r *csi.CapacityRange) (int64, error) {
        if r.GetRequiredBytes() < 0 || r.GetLimitBytes() < 0 {
          return 0, status.Error(codes.InvalidArgument, "capacity must not be negative")
        }
        if r.GetLimitBytes() > 0 && r.GetRequiredBytes() > r.GetLimitBytes() {
          return 0, status.Errorf(codes.OutOfRange, "required bytes %d exceed the limit %d", r.GetRequiredBytes(), r.GetLimitBytes())
        }
        if r.GetRequiredBytes() > 0 {
          return r.GetRequiredBytes(), nil
        }
        return r.GetLimitBytes(), nil
      }

      // nodeMarker is written by each node plugin at start on the shared filesystem, so the
      // controller knows which node IDs exist (ControllerPublishVolume answers NOT_FOUND otherwise).
      func (d *Driver) nodeMarker(nodeID string) string { return filepath.Join(d.BaseDir, ".nodes", nodeID) }

      func (d *Driver) nodeKnown(nodeID string) bool {
        if !volumeIDPattern.MatchString(nodeID) {
          return false
        }
        _, err := os.Stat(d.nodeMarker(nodeID))
        return err == nil
      }

      // RegisterNode records this node plugin's ID on the shared filesystem.
      func (d *Driver) RegisterNode() error {
        if !volumeIDPattern.MatchString(d.NodeID) {
          return fmt.Errorf("node ID %q is not a valid name", d.NodeID)
        }
        if err := os.MkdirAll(filepath.Dir(d.nodeMarker(d.NodeID)), 0o755); err != nil {
          return err
        }
        return os.WriteFile(d.nodeMarker(d.NodeID), nil, 0o644)
      }

      // capacityFile sits next to the volume directory; volume IDs never start with ".", so it
      // cannot collide with a volume.
      func (d *Driver) capacityFile(id string) string { return filepath.Join(d.BaseDir, "."+id+".capacity") }

      func (d *Driver) recordedCapacity(id string) (int64, error) {
        data, err := os.ReadFile(d.capacityFile(id))
        if err != nil {
          return 0, err
        }
        return strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
      }

      // DeleteVolume succeeds for volumes that are already gone.
      func (d *Driver) DeleteVolume(_ context.Context, req *csi.DeleteVolumeRequest) (*csi.DeleteVolumeResponse, error) {
        path, err := d.volumePath(req.GetVolumeId())
        if err != nil {
          return nil, err
        }
        if err := os.RemoveAll(path); err != nil {
          return nil, status.Errorf(codes.Internal, "delete %s: %v", path, err)
        }
        if err := os.Remove(d.capacityFile(req.GetVolumeId())); err != nil && !os.IsNotExist(err) {
          return nil, status.Errorf(codes.Internal, "delete capacity record of %s: %v", req.GetVolumeId(), err)
        }
        return &csi.DeleteVolumeResponse{}, nil
      }

      func (d *Driver) ValidateVolumeCapabilities(_ context.Context, req *csi.ValidateVolumeCapabilitiesRequest) (*csi.ValidateVolumeCapabilitiesResponse, error) {
        path, err := d.volumePath(req.GetVolumeId())
        if err != nil {
          return nil, err
        }
        if len(req.GetVolumeCapabilities()) == 0 {
          return nil, status.Error(codes.InvalidArgument, "volume capabilities are required")
        }
        if _, err := os.Stat(path); err != nil {
          return nil, status.Errorf(codes.NotFound, "volume %s not found", req.GetVolumeId())
        }
        if err := checkCapabilities(req.GetVolumeCapabilities()); err != nil {
          return &csi.ValidateVolumeCapabilitiesResponse{Message: err.Error()}, nil
        }
        return &csi.ValidateVolumeCapabilitiesResponse{Confirmed: &csi.ValidateVolumeCapabilitiesResponse_Confirmed{
          VolumeCapabilities: req.GetVolumeCapabilities(),
        }}, nil
      }

      // ControllerPublishVolume is called by the external-attacher (only when attachRequired):
      // this is where a real driver attaches the disk to the node.
      func (d *Driver) ControllerPublishVolume(_ context.Context, req *csi.ControllerPublishVolumeRequest) (*csi.ControllerPublishVolumeResponse, error) {
        if !attachRequired {
          return nil, status.Error(codes.Unimplemented, "this driver does not attach volumes")
        }
        if req.GetNodeId() == "" {
          return nil, status.Error(codes.InvalidArgument, "node ID is required")
        }
        path, err := d.volumePath(req.GetVolumeId())
        if err != nil {
          return nil, err
        }
        if req.GetVolumeCapability() == nil {
          return nil, status.Error(codes.InvalidArgument, "volume capability is required")
        }
        if err := checkCapabilities([]*csi.VolumeCapability{req.GetVolumeCapability()}); err != nil {
          return nil, err
        }
        if _, err := os.Stat(path); err != nil {
          return nil, status.Errorf(codes.NotFound, "volume %s not found", req.GetVolumeId())
        }
        if !d.nodeKnown(req.GetNodeId()) {
          return nil, status.Errorf(codes.NotFound, "node %s has not registered (its node plugin writes %s)", req.GetNodeId(), d.nodeMarker(req.GetNodeId()))
        }
        return &csi.ControllerPublishVolumeResponse{PublishContext: map[string]string{"attachedTo": req.GetNodeId()}}, nil
      }

      func (d *Driver) ControllerUnpublishVolume(_ context.Context, req *csi.ControllerUnpublishVolumeRequest) (*csi.ControllerUnpublishVolumeResponse, error) {
        if !attachRequired {
          return nil, status.Error(codes.Unimplemented, "this driver does not attach volumes")
        }
        if _, err := d.volumePath(req.GetVolumeId()); err != nil {
          return nil, err
        }
        return &csi.ControllerUnpublishVolumeResponse{}, nil
      }

      // --- Node ---

      func (d *Driver) NodeGetInfo(context.Context, *csi.NodeGetInfoRequest) (*csi.NodeGetInfoResponse, error) {
        return &csi.NodeGetInfoResponse{NodeId: d.NodeID}, nil
      }

      func (d *Driver) NodeGetCapabilities(context.Context, *csi.NodeGetCapabilitiesRequest) (*csi.NodeGetCapabilitiesResponse, error) {
        // No STAGE_UNSTAGE: a directory needs no per-node staging, only per-pod bind mounts.
        return &csi.NodeGetCapabilitiesResponse{}, nil
      }

      func (d *Driver) NodePublishVolume(_ context.Context, req *csi.NodePublishVolumeRequest) (*csi.NodePublishVolumeResponse, error) {
        if req.GetTargetPath() == "" {
          return nil, status.Error(codes.InvalidArgument, "target path is required")
        }
        if err := checkCapabilities([]*csi.VolumeCapability{req.GetVolumeCapability()}); err != nil {
          return nil, err
        }
        source, err := d.volumePath(req.GetVolumeId())
        if err != nil {
          return nil, err
        }
        if _, err := os.Stat(source); err != nil {
          return nil, status.Errorf(codes.NotFound, "volume %s not found", req.GetVolumeId())
        }
        if err := os.MkdirAll(req.GetTargetPath(), 0o750); err != nil {
          return nil, status.Errorf(codes.Internal, "create target: %v", err)
        }
        mounted, err := d.Mounter.IsMountPoint(req.GetTargetPath())
        if err != nil {
          return nil, status.Errorf(codes.Internal, "check target: %v", err)
        }
        if mounted {
          return &csi.NodePublishVolumeResponse{}, nil // already published (idempotent)
        }
        if err := d.Mounter.BindMount(source, req.GetTargetPath(), req.GetReadonly()); err != nil {
          return nil, status.Errorf(codes.Internal, "bind mount: %v", err)
        }
        return &csi.NodePublishVolumeResponse{}, nil
      }

      func (d *Driver) NodeUnpublishVolume(_ context.Context, req *csi.NodeUnpublishVolumeRequest) (*csi.NodeUnpublishVolumeResponse, error) {
        target := req.GetTargetPath()
        if target == "" {
          return nil, status.Error(codes.InvalidArgument, "target path is required")
        }
        if _, err := d.volumePath(req.GetVolumeId()); err != nil {
          return nil, err
        }
        mounted, err := d.Mounter.IsMountPoint(target)
        if err != nil && !os.IsNotExist(err) {
          return nil, status.Errorf(codes.Internal, "check target: %v", err)
        }
        if mounted {
          if err := d.Mounter.Unmount(target); err != nil {
            return nil, status.Errorf(codes.Internal, "unmount: %v", err)
          }
        }
        if err := os.Remove(target); err != nil && !os.IsNotExist(err) {
          return nil, status.Errorf(codes.Internal, "remove target: %v", err)
        }
        return &csi.NodeUnpublishVolumeResponse{}, nil
      }
  ` },
    { path: "mount_linux.go", content: go`
      package main

      import (
        "bufio"
        "os"
        "path/filepath"
        "strings"
        "syscall"
      )

      // hostMounter bind-mounts with mount(2); the node plugin runs privileged with
      // mountPropagation Bidirectional on the kubelet directory so pods see the mounts.
      type hostMounter struct{}

      func (hostMounter) BindMount(source, target string, readOnly bool) error {
        if err := syscall.Mount(source, target, "", syscall.MS_BIND, ""); err != nil {
          return err
        }
        if readOnly {
          // A bind mount only becomes read-only with a second, remounting call.
          return syscall.Mount("", target, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, "")
        }
        return nil
      }

      func (hostMounter) Unmount(target string) error {
        return syscall.Unmount(target, 0)
      }

      // IsMountPoint looks the path up in /proc/self/mountinfo (bind mounts share the device
      // number with their source, so comparing st_dev is not enough).
      func (hostMounter) IsMountPoint(path string) (bool, error) {
        abs, err := filepath.Abs(path)
        if err != nil {
          return false, err
        }
        f, err := os.Open("/proc/self/mountinfo")
        if err != nil {
          return false, err
        }
        defer f.Close()
        s := bufio.NewScanner(f)
        for s.Scan() {
          fields := strings.Fields(s.Text())
          if len(fields) > 4 && unescapeMountPath(fields[4]) == abs {
            return true, nil
          }
        }
        return false, s.Err()
      }

      // unescapeMountPath undoes the octal escapes mountinfo uses for spaces, tabs and newlines.
      func unescapeMountPath(p string) string {
        return strings.NewReplacer(\`\\040\`, " ", \`\\011\`, "\\t", \`\\012\`, "\\n", \`\\134\`, \`\\\`).Replace(p)
      }
  ` },
    { path: "driver_test.go", content: go`
      package main

      import (
        "context"
        "os"
        "path/filepath"
        "testing"

        "github.com/container-storage-interface/spec/lib/go/csi"
        "google.golang.org/grpc/codes"
        "google.golang.org/grpc/status"
      )

      // fakeMounter records bind mounts instead of calling mount(2).
      type fakeMounter struct{ mounts map[string]string }

      func (f *fakeMounter) BindMount(source, target string, _ bool) error {
        f.mounts[target] = source
        return nil
      }
      func (f *fakeMounter) Unmount(target string) error { delete(f.mounts, target); return nil }
      func (f *fakeMounter) IsMountPoint(p string) (bool, error) {
        _, ok := f.mounts[p]
        return ok, nil
      }

      func newTestDriver(t *testing.T) (*Driver, *fakeMounter) {
        t.Helper()
        m := &fakeMounter{mounts: map[string]string{}}
        return &Driver{Name: driverName, Version: version, NodeID: "node-1", BaseDir: t.TempDir(), Mounter: m, Ready: true}, m
      }

      var mountCap = []*csi.VolumeCapability{{
        AccessType: &csi.VolumeCapability_Mount{Mount: &csi.VolumeCapability_MountVolume{}},
        AccessMode: &csi.VolumeCapability_AccessMode{Mode: csi.VolumeCapability_AccessMode_MULTI_NODE_MULTI_WRITER},
      }}

      func code(err error) codes.Code { return status.Code(err) }

      func TestIdentity(t *testing.T) {
        d, _ := newTestDriver(t)
        info, err := d.GetPluginInfo(context.Background(), &csi.GetPluginInfoRequest{})
        if err != nil || info.Name != driverName {
          t.Fatalf("GetPluginInfo: %v %v", info, err)
        }
        probe, err := d.Probe(context.Background(), &csi.ProbeRequest{})
        if err != nil || !probe.GetReady().GetValue() {
          t.Fatalf("Probe: %v %v", probe, err)
        }
        d.BaseDir = filepath.Join(d.BaseDir, "missing")
        if _, err := d.Probe(context.Background(), &csi.ProbeRequest{}); code(err) != codes.FailedPrecondition {
          t.Fatalf("Probe without base dir: %v", err)
        }
      }

      // TestCreateSameNameOtherCapacity and TestValidateWithoutCapabilities are the two cases
      // csi-sanity v5.6.0 failed on before.
      func TestCreateSameNameOtherCapacity(t *testing.T) {
        d, _ := newTestDriver(t)
        ctx := context.Background()
        if _, err := d.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "pvc-a", VolumeCapabilities: mountCap, CapacityRange: &csi.CapacityRange{RequiredBytes: 10 << 30}}); err != nil {
          t.Fatal(err)
        }
        _, err := d.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "pvc-a", VolumeCapabilities: mountCap, CapacityRange: &csi.CapacityRange{RequiredBytes: 20 << 30}})
        if code(err) != codes.AlreadyExists {
          t.Fatalf("same name, bigger capacity: %v", err)
        }
        resp, err := d.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "pvc-a", VolumeCapabilities: mountCap, CapacityRange: &csi.CapacityRange{RequiredBytes: 1 << 30, LimitBytes: 10 << 30}})
        if err != nil || resp.Volume.CapacityBytes != 10<<30 {
          t.Fatalf("compatible retry: %v %v", resp, err)
        }
        if _, err := d.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "pvc-b", VolumeCapabilities: mountCap, CapacityRange: &csi.CapacityRange{RequiredBytes: 2, LimitBytes: 1}}); code(err) != codes.OutOfRange {
          t.Fatalf("required above limit: %v", err)
        }
        if _, err := d.DeleteVolume(ctx, &csi.DeleteVolumeRequest{VolumeId: "pvc-a"}); err != nil {
          t.Fatal(err)
        }
        if _, err := os.Stat(d.capacityFile("pvc-a")); !os.IsNotExist(err) {
          t.Fatalf("capacity record kept: %v", err)
        }
      }

      func TestValidateWithoutCapabilities(t *testing.T) {
        d, _ := newTestDriver(t)
        ctx := context.Background()
        if _, err := d.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "pvc-v", VolumeCapabilities: mountCap}); err != nil {
          t.Fatal(err)
        }
        if _, err := d.ValidateVolumeCapabilities(ctx, &csi.ValidateVolumeCapabilitiesRequest{VolumeId: "pvc-v"}); code(err) != codes.InvalidArgument {
          t.Fatalf("no capabilities: %v", err)
        }
      }

      func TestCreateDeleteIdempotent(t *testing.T) {
        d, _ := newTestDriver(t)
        ctx := context.Background()
        req := &csi.CreateVolumeRequest{Name: "pvc-1234", VolumeCapabilities: mountCap, CapacityRange: &csi.CapacityRange{RequiredBytes: 1 << 30}}
        for i := 0; i < 2; i++ {
          resp, err := d.CreateVolume(ctx, req)
          if err != nil {
            t.Fatal(err)
          }
          if resp.Volume.VolumeId != "pvc-1234" || resp.Volume.CapacityBytes != 1<<30 {
            t.Fatalf("unexpected volume %v", resp.Volume)
          }
        }
        if _, err := os.Stat(filepath.Join(d.BaseDir, "pvc-1234")); err != nil {
          t.Fatal(err)
        }
        for i := 0; i < 2; i++ {
          if _, err := d.DeleteVolume(ctx, &csi.DeleteVolumeRequest{VolumeId: "pvc-1234"}); err != nil {
            t.Fatal(err)
          }
        }
        if _, err := os.Stat(filepath.Join(d.BaseDir, "pvc-1234")); !os.IsNotExist(err) {
          t.Fatal("volume directory still exists")
        }
      }

      func TestCreateVolumeValidation(t *testing.T) {
        d, _ := newTestDriver(t)
        ctx := context.Background()
        block := []*csi.VolumeCapability{{AccessType: &csi.VolumeCapability_Block{Block: &csi.VolumeCapability_BlockVolume{}}}}
        cases := map[string]*csi.CreateVolumeRequest{
          "no name":     {VolumeCapabilities: mountCap},
          "no caps":     {Name: "v"},
          "block":       {Name: "v", VolumeCapabilities: block},
          "path escape": {Name: "../etc", VolumeCapabilities: mountCap},
        }
        for name, req := range cases {
          if _, err := d.CreateVolume(ctx, req); code(err) != codes.InvalidArgument {
            t.Errorf("%s: got %v, want InvalidArgument", name, err)
          }
        }
        if _, err := d.DeleteVolume(ctx, &csi.DeleteVolumeRequest{VolumeId: "a/b"}); code(err) != codes.InvalidArgument {
          t.Errorf("DeleteVolume with a slash: %v", err)
        }
      }

      func TestControllerCapabilitiesMatchAttachRequired(t *testing.T) {
        d, _ := newTestDriver(t)
        resp, err := d.ControllerGetCapabilities(context.Background(), &csi.ControllerGetCapabilitiesRequest{})
        if err != nil {
          t.Fatal(err)
        }
        publish := false
        for _, c := range resp.Capabilities {
          if c.GetRpc().GetType() == csi.ControllerServiceCapability_RPC_PUBLISH_UNPUBLISH_VOLUME {
            publish = true
          }
        }
        if publish != attachRequired {
          t.Fatalf("PUBLISH_UNPUBLISH_VOLUME advertised=%v, attachRequired=%v", publish, attachRequired)
        }
        ctx := context.Background()
        _, err = d.ControllerPublishVolume(ctx, &csi.ControllerPublishVolumeRequest{VolumeId: "missing", NodeId: "node-1", VolumeCapability: mountCap[0]})
        if attachRequired && code(err) != codes.NotFound || !attachRequired && code(err) != codes.Unimplemented {
          t.Fatalf("ControllerPublishVolume: %v", err)
        }
        if !attachRequired {
          return
        }
        // csi-sanity's cases: no capability is INVALID_ARGUMENT, an unknown node NOT_FOUND; a node
        // is known once its plugin registered on the shared filesystem.
        if _, err := d.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "vol-p", VolumeCapabilities: mountCap}); err != nil {
          t.Fatal(err)
        }
        publishTo := func(c *csi.VolumeCapability) error {
          _, err := d.ControllerPublishVolume(ctx, &csi.ControllerPublishVolumeRequest{VolumeId: "vol-p", NodeId: "node-1", VolumeCapability: c})
          return err
        }
        if err := publishTo(nil); code(err) != codes.InvalidArgument {
          t.Fatalf("no capability: %v", err)
        }
        if err := publishTo(mountCap[0]); code(err) != codes.NotFound {
          t.Fatalf("unknown node: %v", err)
        }
        node := *d
        node.NodeID = "node-1"
        if err := node.RegisterNode(); err != nil {
          t.Fatal(err)
        }
        if err := publishTo(mountCap[0]); err != nil {
          t.Fatalf("registered node: %v", err)
        }
      }

      func TestNodePublishUnpublish(t *testing.T) {
        d, m := newTestDriver(t)
        ctx := context.Background()
        if _, err := d.CreateVolume(ctx, &csi.CreateVolumeRequest{Name: "vol-1", VolumeCapabilities: mountCap}); err != nil {
          t.Fatal(err)
        }
        target := filepath.Join(t.TempDir(), "pods", "mount")
        req := &csi.NodePublishVolumeRequest{VolumeId: "vol-1", TargetPath: target, VolumeCapability: mountCap[0]}
        for i := 0; i < 2; i++ {
          if _, err := d.NodePublishVolume(ctx, req); err != nil {
            t.Fatal(err)
          }
        }
        if m.mounts[target] != filepath.Join(d.BaseDir, "vol-1") {
          t.Fatalf("mounts = %v", m.mounts)
        }
        if _, err := d.NodeUnpublishVolume(ctx, &csi.NodeUnpublishVolumeRequest{VolumeId: "vol-1", TargetPath: target}); err != nil {
          t.Fatal(err)
        }
        if len(m.mounts) != 0 {
          t.Fatalf("still mounted: %v", m.mounts)
        }
        if _, err := d.NodeUnpublishVolume(ctx, &csi.NodeUnpublishVolumeRequest{VolumeId: "vol-1", TargetPath: target}); err != nil {
          t.Fatalf("second unpublish: %v", err)
        }
        if _, err := d.NodePublishVolume(ctx, &csi.NodePublishVolumeRequest{VolumeId: "nope", TargetPath: target, VolumeCapability: mountCap[0]}); code(err) != codes.NotFound {
          t.Fatalf("publish of a missing volume: %v", err)
        }
        info, err := d.NodeGetInfo(ctx, &csi.NodeGetInfoRequest{})
        if err != nil || info.NodeId != "node-1" {
          t.Fatalf("NodeGetInfo: %v %v", info, err)
        }
      }
  ` },
    { path: "deploy/driver.yaml", content: yamlDocs(objs.deploy) },
    { path: "deploy/sample-pvc-pod.yaml", content: yamlDocs(objs.sample) },
    kustomization("deploy", { resources: ["driver.yaml"] }),
    goDockerfile("."),
    goDockerignore(),
    makefile([["IMG", o.image], ["CSI_TEST_VERSION", "v5.6.0"]], [
      ...goMakeTargets("."),
      { name: "deploy", help: "Install the driver", recipe: ["kubectl apply -k deploy/"] },
      { name: "sample", help: "Create the sample PVC and Pod", recipe: ["kubectl apply -f deploy/sample-pvc-pod.yaml"] },
      { name: "sanity", help: "Run csi-sanity against the controller and node services on local sockets (Linux, root: NodePublish bind-mounts)", deps: ["build"], recipe: ["CSI_TEST_VERSION=$(CSI_TEST_VERSION) hack/sanity.sh"] },
    ]),
    {
      path: "hack/sanity.sh",
      executable: true,
      content: text`
        #!/usr/bin/env bash
        # Runs the CSI conformance tests (kubernetes-csi/csi-test's csi-sanity) against bin/app:
        # the controller and the node service as separate processes on unix sockets in a temp dir,
        # the way the Deployment and the DaemonSet run them, with a temp dir as the shared filesystem.
        # NodePublishVolume bind-mounts, so run it as root on Linux.
        set -euo pipefail
        cd "$(dirname "$0")/.."
        CSI_SANITY="\${CSI_SANITY:-go run github.com/kubernetes-csi/csi-test/v5/cmd/csi-sanity@\${CSI_TEST_VERSION:-v5.6.0}}"
        tmp="$(mktemp -d)"
        pids=()
        cleanup() {
          for pid in "\${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
          wait 2>/dev/null || true
          rm -rf "$tmp"
        }
        trap cleanup EXIT
        mkdir -p "$tmp/shared"
        bin/app --mode=controller --endpoint="unix://$tmp/controller.sock" --base-dir="$tmp/shared" &
        pids+=($!)
        bin/app --mode=node --node-id=sanity-node --endpoint="unix://$tmp/node.sock" --base-dir="$tmp/shared" &
        pids+=($!)
        for _ in $(seq 50); do [ -S "$tmp/controller.sock" ] && [ -S "$tmp/node.sock" ] && break; sleep 0.1; done
        # shellcheck disable=SC2086 # CSI_SANITY may be a command with arguments
        $CSI_SANITY \\
          --csi.endpoint="$tmp/node.sock" \\
          --csi.controllerendpoint="$tmp/controller.sock" \\
          --csi.mountdir="$tmp/target" \\
          --csi.stagingdir="$tmp/staging" \\
          --csi.testvolumeaccesstype=mount \\
          "$@"
      `,
    },
    gitignore(["bin/"]),
  ]
  files.push(
    readme({
      mechanism: "csi-driver",
      title: `${o.driverName}: CSI driver`,
      what: `A CSI driver (spec v1.13 Go bindings) whose volumes are directories on a filesystem every node mounts at ${o.baseDir} (for example an NFS export). The controller (Deployment with csi-provisioner${o.attachRequired ? ", csi-attacher" : ""} and livenessprobe) creates and deletes one directory per PersistentVolume; the node plugin (DaemonSet with node-driver-registrar and livenessprobe) bind-mounts it into pods. CSIDriver attachRequired is ${o.attachRequired}${o.attachRequired ? ", so ControllerPublishVolume runs (through csi-attacher) before the node mounts" : ": the kubelet mounts without an attach step"}.`,
      k8s: o.k8s,
      versionNotes: [
        `Sidecars: ${Object.values(CSI_SIDECARS).join(", ")}; csi-provisioner v6 requires Kubernetes 1.34+.`,
        ...(o.k8s === "1.37" ? ["1.37: SELinuxMount is GA; set CSIDriver spec.seLinuxMount: true only if your driver supports mounting with -o context."] : []),
      ],
      files: [
        { path: "driver.go", purpose: "Identity, Controller and Node services" },
        { path: "mount_linux.go", purpose: "bind mounts via mount(2), mountinfo lookup" },
        { path: "driver_test.go", purpose: "gRPC handler tests with a fake mounter" },
        { path: "deploy/driver.yaml", purpose: "CSIDriver, StorageClass, RBAC, controller Deployment, node DaemonSet" },
        { path: "deploy/sample-pvc-pod.yaml", purpose: "PVC (ReadWriteMany) and a Pod writing to it" },
      ],
      build: ["make build", "make docker-build docker-push IMG=<your image>"],
      deploy: [`# mount the shared filesystem at ${o.baseDir} on every node first`, "make deploy", `kubectl -n ${o.namespace} rollout status deploy/${name}-controller ds/${name}-node`],
      test: ["make test", "make sanity   # csi-sanity (kubernetes-csi/csi-test) against the controller and node services on local sockets"],
      extra: trySections({
        try: ["make sample", "kubectl get pvc,pv   # Bound: the provisioner created a directory under " + o.baseDir, "kubectl logs <sample pod>   # it writes and reads a file on the volume"],
        remove: [
          "kubectl delete -f deploy/sample-pvc-pod.yaml --ignore-not-found --wait   # reclaimPolicy Delete removes the directory",
          "kubectl get pv   # wait until the sample's PV is gone",
          "kubectl delete -k deploy/ --ignore-not-found",
        ],
        removeNote: "Delete every PVC of the StorageClass before the driver: without the controller nobody deletes their directories, and without the node plugin Pods cannot unmount them.",
      }),
      nextSteps: [
        "Run csi-sanity against the driver in CI.",
        "Enforce capacity (quotas per directory) and add VolumeExpansion if your storage supports it.",
        "Add topology if not every node can reach the storage.",
      ],
    }),
  )
  return { root: name, files }
}

export const csiDriverStarter = defineStarter({
  id: "csi-driver",
  schema,
  languages: ["go"],
  targets: minorsFrom("1.34"),
  variants: [{ name: "attach", options: { attachRequired: true, k8s: "1.34" } }],
  generate: generateCsi,
})
