// Device plugin starter: a Go gRPC server for the kubelet's device plugin API (v1beta1) that
// registers on kubelet.sock, advertises host devices as an extended resource (ListAndWatch with
// health), allocates them (Allocate, GetPreferredAllocation) and re-registers after kubelet
// restarts; a DaemonSet with the hostPath mounts and a sample Pod requesting the resource.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, str, token } from "../code"
import { dnsLabel, dnsSubdomain, goModule, imageRef, k8sMinor, language, namespace, refineError } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDocs } from "../yaml"
import { appLabels } from "./common"
import { trySections } from "./control-plane"
import { goDockerfile, goDockerignore, goMakeTargets } from "./go-common"
import { nodeGoMod } from "./node-common"

const schema = z
  .object({
    resourceDomain: dnsSubdomain()
      .refine((d) => !/(^|\.)kubernetes\.io$/.test(d), refineError("reservedResourceDomain", "kubernetes.io resource names belong to Kubernetes; use your own domain."))
      .default("example.com"),
    resourceName: dnsLabel().default("widget"),
    namespace: namespace().default("device-plugins"),
    module: goModule().default("example.com/widget-device-plugin"),
    image: imageRef().default("registry.example.com/widget-device-plugin:v0.1.0"),
    language: language(["go"]),
    k8s: k8sMinor(),
  })
  .strict()

type Options = z.output<typeof schema>

/** UID/GID the plugin runs as (distroless "nonroot"); the socket-access sidecar grants it the socket directory. */
const PLUGIN_UID = 65532

function generateDevicePlugin(o: Options) {
  const name = `${o.resourceName}-device-plugin`
  const resource = `${o.resourceDomain}/${o.resourceName}`
  const T = {
    bin: token(name),
    resource: token(resource),
    envvar: token(`${o.resourceName.toUpperCase().replace(/-/g, "_")}_DEVICES`),
    socket: token(`${o.resourceName}.sock`),
    glob: str(`/dev/${o.resourceName}*`),
  }
  const labels = appLabels(name, "device-plugin")
  const objs = [
    {
      apiVersion: "v1",
      kind: "Namespace",
      // hostPath volumes need the privileged Pod Security level; keep this namespace for node agents only.
      metadata: { name: o.namespace, labels: { "pod-security.kubernetes.io/enforce": "privileged" } },
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name, namespace: o.namespace, labels },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": name } },
        updateStrategy: { type: "RollingUpdate" },
        template: {
          metadata: { labels: { "app.kubernetes.io/name": name, "app.kubernetes.io/component": "device-plugin" } },
          spec: {
            // Device plugins must run before the pods that need the devices.
            priorityClassName: "system-node-critical",
            automountServiceAccountToken: false,
            tolerations: [{ operator: "Exists", effect: "NoSchedule" }],
            securityContext: { seccompProfile: { type: "RuntimeDefault" } },
            // The kubelet's device-plugin directory is root's (0750) and kubelet.sock is root-only.
            // Instead of running the plugin as root, a small root sidecar without capabilities
            // (root owns the directory, so it may set ACLs there) grants the plugin's UID access
            // with POSIX ACLs, and grants it again whenever the kubelet recreates kubelet.sock (a
            // socket's permissions come from the kubelet's umask, not from the default ACL).
            // restartPolicy: Always makes it a native sidecar (on by default from 1.29): it
            // starts before the plugin and runs beside it.
            initContainers: [
              {
                name: "socket-access",
                image: o.image,
                restartPolicy: "Always",
                args: [`--grant-access-to-uid=${PLUGIN_UID}`, "--watch"],
                securityContext: { runAsUser: 0, runAsNonRoot: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { memory: "32Mi" } },
                volumeMounts: [{ name: "device-plugins", mountPath: "/var/lib/kubelet/device-plugins" }],
              },
            ],
            containers: [
              {
                name: "device-plugin",
                image: o.image,
                args: [`--device-glob=/dev/${o.resourceName}*`, "--health-addr=:8081"],
                securityContext: {
                  runAsUser: PLUGIN_UID,
                  runAsGroup: PLUGIN_UID,
                  runAsNonRoot: true,
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
                ports: [{ name: "health", containerPort: 8081 }],
                // Ready while registered with the kubelet; restarted if it stays unregistered.
                readinessProbe: { httpGet: { path: "/healthz", port: "health" }, periodSeconds: 10 },
                livenessProbe: { httpGet: { path: "/healthz", port: "health" }, initialDelaySeconds: 30, periodSeconds: 20, failureThreshold: 6 },
                resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { memory: "64Mi" } },
                volumeMounts: [
                  { name: "device-plugins", mountPath: "/var/lib/kubelet/device-plugins" },
                  { name: "dev", mountPath: "/dev", readOnly: true },
                ],
              },
            ],
            volumes: [
              { name: "device-plugins", hostPath: { path: "/var/lib/kubelet/device-plugins", type: "Directory" } },
              { name: "dev", hostPath: { path: "/dev", type: "Directory" } },
            ],
          },
        },
      },
    },
  ]
  const sample = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `${o.resourceName}-consumer`, namespace: o.namespace, labels: appLabels(`${o.resourceName}-consumer`) },
    spec: {
      restartPolicy: "Never",
      securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } },
      containers: [
        {
          name: "app",
          image: "registry.k8s.io/e2e-test-images/busybox:1.37.0-1",
          command: ["sh", "-c", `echo allocated: $${`${o.resourceName.toUpperCase().replace(/-/g, "_")}_DEVICES`}; sleep 3600`],
          // Extended resources are requested in limits (requests default to the same value).
          resources: { limits: { [resource]: 1, memory: "32Mi" }, requests: { cpu: "10m" } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
        },
      ],
    },
  }
  const files: StarterFile[] = [
    nodeGoMod(o.module, ["google.golang.org/grpc", "k8s.io/kubelet"]),
    { path: "main.go", content: go`
      // Command ${T.bin} advertises host devices to the kubelet as the extended resource
      // ${T.resource} through the device plugin API (v1beta1).
      package main

      import (
        "context"
        "flag"
        "log"
        "net/http"
        "os"
        "os/signal"
        "path/filepath"
        "syscall"
        "time"

        pluginapi "k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1"
      )

      const (
        // ResourceName is the extended resource name pods request in resources.limits.
        ResourceName = "${T.resource}"
        // EnvVar lists the allocated device IDs inside the container.
        EnvVar = "${T.envvar}"
      )

      func main() {
        cfg := Config{ResourceName: ResourceName, SocketName: "${T.socket}"}
        flag.StringVar(&cfg.DeviceGlob, "device-glob", ${T.glob}, "host paths of the devices to advertise (glob)")
        flag.StringVar(&cfg.PluginDir, "plugin-dir", pluginapi.DevicePluginPath, "kubelet device plugin directory")
        flag.DurationVar(&cfg.HealthInterval, "health-interval", 5*time.Second, "how often to re-scan devices")
        healthAddr := flag.String("health-addr", "", "serve /healthz (200 while registered with the kubelet) on this address")
        grantUID := flag.Int("grant-access-to-uid", -1, "sidecar mode: grant this UID access to the plugin directory and kubelet.sock (POSIX ACLs)")
        watch := flag.Bool("watch", false, "with --grant-access-to-uid: keep running and grant again when the kubelet recreates kubelet.sock")
        flag.Parse()

        if *grantUID >= 0 {
          ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
          defer stop()
          interval := time.Duration(0)
          if *watch {
            interval = 2 * time.Second
          }
          if err := KeepAccess(ctx, cfg.PluginDir, filepath.Base(pluginapi.KubeletSocket), *grantUID, interval); err != nil {
            log.Fatalf("grant access to %s: %v", cfg.PluginDir, err)
          }
          return
        }

        ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
        defer stop()
        log.Printf("serving %s for %s", cfg.ResourceName, cfg.DeviceGlob)
        plugin := NewPlugin(cfg)
        if *healthAddr != "" {
          srv := &http.Server{Addr: *healthAddr, Handler: plugin.HealthHandler(), ReadHeaderTimeout: 5 * time.Second}
          go func() {
            if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
              log.Fatalf("health server: %v", err)
            }
          }()
          defer srv.Close()
        }
        if err := plugin.Run(ctx); err != nil {
          log.Fatal(err)
        }
      }
  ` },
    { path: "plugin.go", content: go`
      package main

      import (
        "context"
        "fmt"
        "log"
        "net"
        "net/http"
        "os"
        "path/filepath"
        "sort"
        "strings"
        "sync"
        "sync/atomic"
        "time"

        "google.golang.org/grpc"
        "google.golang.org/grpc/credentials/insecure"
        pluginapi "k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1"
      )

      // Config is everything the plugin needs; main fills it from flags.
      type Config struct {
        // ResourceName is the extended resource pods request, e.g. example.com/widget.
        ResourceName string
        // DeviceGlob selects the device nodes on the host; each match is one device.
        DeviceGlob string
        // PluginDir is the kubelet's device-plugin directory (holds kubelet.sock and our socket).
        PluginDir string
        // SocketName is our socket file inside PluginDir.
        SocketName string
        // HealthInterval is how often devices are re-scanned.
        HealthInterval time.Duration
      }

      // Plugin serves the device plugin API for one extended resource.
      type Plugin struct {
        pluginapi.UnimplementedDevicePluginServer

        cfg    Config
        mu     sync.Mutex
        devs   map[string]string // device ID → host path
        health map[string]string // device ID → Healthy/Unhealthy
        update chan struct{}
        server *grpc.Server
        // registered is true while our socket serves and the kubelet accepted the registration.
        registered atomic.Bool
      }

      // HealthHandler serves /healthz: 200 while registered with the kubelet, 503 otherwise.
      func (p *Plugin) HealthHandler() http.Handler {
        mux := http.NewServeMux()
        mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
          if !p.registered.Load() {
            http.Error(w, "not registered with the kubelet", http.StatusServiceUnavailable)
            return
          }
          _, _ = w.Write([]byte("ok"))
        })
        return mux
      }

      func NewPlugin(cfg Config) *Plugin {
        return &Plugin{cfg: cfg, devs: map[string]string{}, health: map[string]string{}, update: make(chan struct{}, 1)}
      }

      // deviceID turns a host path into a stable device ID (the file name).
      func deviceID(path string) string {
        return strings.ReplaceAll(filepath.Base(path), ":", "_")
      }

      // Scan re-reads the host devices and reports whether anything changed.
      // Devices that vanish stay listed as Unhealthy so running pods keep a consistent view.
      func (p *Plugin) Scan() (bool, error) {
        matches, err := filepath.Glob(p.cfg.DeviceGlob)
        if err != nil {
          return false, err
        }
        seen := map[string]bool{}
        p.mu.Lock()
        defer p.mu.Unlock()
        changed := false
        for _, m := range matches {
          id := deviceID(m)
          seen[id] = true
          if p.devs[id] != m || p.health[id] != pluginapi.Healthy {
            changed = true
          }
          p.devs[id] = m
          p.health[id] = pluginapi.Healthy
        }
        for id := range p.devs {
          if !seen[id] && p.health[id] != pluginapi.Unhealthy {
            p.health[id] = pluginapi.Unhealthy
            changed = true
          }
        }
        if changed {
          select {
          case p.update <- struct{}{}:
          default:
          }
        }
        return changed, nil
      }

      func (p *Plugin) deviceList() []*pluginapi.Device {
        p.mu.Lock()
        defer p.mu.Unlock()
        ids := make([]string, 0, len(p.devs))
        for id := range p.devs {
          ids = append(ids, id)
        }
        sort.Strings(ids)
        out := make([]*pluginapi.Device, 0, len(ids))
        for _, id := range ids {
          out = append(out, &pluginapi.Device{ID: id, Health: p.health[id]})
        }
        return out
      }

      func (p *Plugin) GetDevicePluginOptions(context.Context, *pluginapi.Empty) (*pluginapi.DevicePluginOptions, error) {
        return &pluginapi.DevicePluginOptions{PreStartRequired: false, GetPreferredAllocationAvailable: true}, nil
      }

      // ListAndWatch sends the full device list now and after every change.
      func (p *Plugin) ListAndWatch(_ *pluginapi.Empty, stream grpc.ServerStreamingServer[pluginapi.ListAndWatchResponse]) error {
        // The first send carries the current state, so an older pending signal is stale.
        select {
        case <-p.update:
        default:
        }
        if err := stream.Send(&pluginapi.ListAndWatchResponse{Devices: p.deviceList()}); err != nil {
          return err
        }
        for {
          select {
          case <-stream.Context().Done():
            return nil
          case <-p.update:
            if err := stream.Send(&pluginapi.ListAndWatchResponse{Devices: p.deviceList()}); err != nil {
              return err
            }
          }
        }
      }

      // GetPreferredAllocation prefers the must-include devices, then the lowest IDs (packs allocations).
      func (p *Plugin) GetPreferredAllocation(_ context.Context, req *pluginapi.PreferredAllocationRequest) (*pluginapi.PreferredAllocationResponse, error) {
        resp := &pluginapi.PreferredAllocationResponse{}
        for _, cr := range req.ContainerRequests {
          chosen := append([]string{}, cr.MustIncludeDeviceIDs...)
          taken := map[string]bool{}
          for _, id := range chosen {
            taken[id] = true
          }
          avail := append([]string{}, cr.AvailableDeviceIDs...)
          sort.Strings(avail)
          for _, id := range avail {
            if len(chosen) >= int(cr.AllocationSize) {
              break
            }
            if !taken[id] {
              chosen = append(chosen, id)
              taken[id] = true
            }
          }
          resp.ContainerResponses = append(resp.ContainerResponses, &pluginapi.ContainerPreferredAllocationResponse{DeviceIDs: chosen})
        }
        return resp, nil
      }

      // Allocate exposes the requested device nodes in the container and names them in an env var.
      func (p *Plugin) Allocate(_ context.Context, req *pluginapi.AllocateRequest) (*pluginapi.AllocateResponse, error) {
        resp := &pluginapi.AllocateResponse{}
        p.mu.Lock()
        defer p.mu.Unlock()
        for _, cr := range req.ContainerRequests {
          car := &pluginapi.ContainerAllocateResponse{Envs: map[string]string{}}
          for _, id := range cr.DevicesIds {
            path, ok := p.devs[id]
            if !ok {
              return nil, fmt.Errorf("unknown device %q", id)
            }
            if p.health[id] != pluginapi.Healthy {
              return nil, fmt.Errorf("device %q is unhealthy", id)
            }
            car.Devices = append(car.Devices, &pluginapi.DeviceSpec{ContainerPath: path, HostPath: path, Permissions: "rw"})
          }
          car.Envs[EnvVar] = strings.Join(cr.DevicesIds, ",")
          resp.ContainerResponses = append(resp.ContainerResponses, car)
        }
        return resp, nil
      }

      func (p *Plugin) PreStartContainer(context.Context, *pluginapi.PreStartContainerRequest) (*pluginapi.PreStartContainerResponse, error) {
        return &pluginapi.PreStartContainerResponse{}, nil
      }

      func (p *Plugin) socketPath() string { return filepath.Join(p.cfg.PluginDir, p.cfg.SocketName) }

      // Serve starts the gRPC server on our socket (replacing a stale one).
      func (p *Plugin) Serve() error {
        if err := os.Remove(p.socketPath()); err != nil && !os.IsNotExist(err) {
          return err
        }
        lis, err := net.Listen("unix", p.socketPath())
        if err != nil {
          return err
        }
        p.server = grpc.NewServer()
        pluginapi.RegisterDevicePluginServer(p.server, p)
        go func() {
          if err := p.server.Serve(lis); err != nil {
            log.Printf("device plugin server stopped: %v", err)
          }
        }()
        return nil
      }

      // Stop stops the server and removes the socket.
      func (p *Plugin) Stop() {
        p.registered.Store(false)
        if p.server != nil {
          p.server.Stop()
          p.server = nil
        }
        _ = os.Remove(p.socketPath())
      }

      // Register tells the kubelet about our socket and resource.
      func (p *Plugin) Register(ctx context.Context) error {
        conn, err := grpc.NewClient("unix://"+filepath.Join(p.cfg.PluginDir, filepath.Base(pluginapi.KubeletSocket)),
          grpc.WithTransportCredentials(insecure.NewCredentials()))
        if err != nil {
          return err
        }
        defer conn.Close()
        ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
        defer cancel()
        _, err = pluginapi.NewRegistrationClient(conn).Register(ctx, &pluginapi.RegisterRequest{
          Version:      pluginapi.Version,
          Endpoint:     p.cfg.SocketName,
          ResourceName: p.cfg.ResourceName,
          Options:      &pluginapi.DevicePluginOptions{GetPreferredAllocationAvailable: true},
        })
        return err
      }

      // Run serves, registers, re-scans devices and re-registers after a kubelet restart
      // (the kubelet recreates kubelet.sock and deletes plugin sockets when it starts).
      func (p *Plugin) Run(ctx context.Context) error {
        if _, err := p.Scan(); err != nil {
          return err
        }
        start := func() error {
          if err := p.Serve(); err != nil {
            return err
          }
          if err := p.Register(ctx); err != nil {
            return err
          }
          p.registered.Store(true)
          return nil
        }
        if err := start(); err != nil {
          // The kubelet (or access to its socket) may not be there yet: retry on every tick.
          log.Printf("register with the kubelet: %v (retrying)", err)
          p.Stop()
        }
        kubelet := filepath.Join(p.cfg.PluginDir, filepath.Base(pluginapi.KubeletSocket))
        lastKubelet, _ := os.Stat(kubelet)
        ticker := time.NewTicker(p.cfg.HealthInterval)
        defer ticker.Stop()
        defer p.Stop()
        for {
          select {
          case <-ctx.Done():
            return nil
          case <-ticker.C:
            if _, err := p.Scan(); err != nil {
              log.Printf("scan devices: %v", err)
            }
            cur, err := os.Stat(kubelet)
            _, ownErr := os.Stat(p.socketPath())
            // A new socket can reuse the old inode number, so the modification time counts too.
            restarted := err == nil && (lastKubelet == nil || !os.SameFile(lastKubelet, cur) || !lastKubelet.ModTime().Equal(cur.ModTime()))
            if restarted || (err == nil && os.IsNotExist(ownErr)) {
              log.Printf("kubelet restarted; registering again")
              p.Stop()
              if err := start(); err != nil {
                log.Printf("re-register: %v", err)
                continue
              }
              lastKubelet = cur
            }
          }
        }
      }
  ` },
    { path: "access_linux.go", content: go`
      package main

      import (
        "context"
        "encoding/binary"
        "errors"
        "fmt"
        "log"
        "os"
        "path/filepath"
        "sort"
        "syscall"
        "time"
      )

      // POSIX ACL extended attributes, as the kernel stores them (linux/posix_acl_xattr.h).
      const (
        aclAccess  = "system.posix_acl_access"
        aclDefault = "system.posix_acl_default"
        aclVersion = 2

        tagUserObj    = 0x01
        tagUser       = 0x02
        tagGroupObj   = 0x04
        tagGroup      = 0x08
        tagMask       = 0x10
        tagOther      = 0x20
        unqualifiedID = 0xffffffff
      )

      type aclEntry struct {
        tag  uint16
        perm uint16
        id   uint32
      }

      // readACL returns the ACL in attr, or the one equivalent to the file mode when there is none.
      func readACL(path, attr string, mode os.FileMode) ([]aclEntry, error) {
        buf := make([]byte, 4096)
        n, err := syscall.Getxattr(path, attr, buf)
        if errors.Is(err, syscall.ENODATA) || (err == nil && n < 4) {
          p := uint16(mode.Perm())
          return []aclEntry{{tagUserObj, p >> 6 & 7, unqualifiedID}, {tagGroupObj, p >> 3 & 7, unqualifiedID}, {tagOther, p & 7, unqualifiedID}}, nil
        }
        if err != nil {
          return nil, err
        }
        if binary.LittleEndian.Uint32(buf) != aclVersion {
          return nil, fmt.Errorf("%s: unknown ACL version", path)
        }
        var out []aclEntry
        for off := 4; off+8 <= n; off += 8 {
          out = append(out, aclEntry{binary.LittleEndian.Uint16(buf[off:]), binary.LittleEndian.Uint16(buf[off+2:]), binary.LittleEndian.Uint32(buf[off+4:])})
        }
        return out, nil
      }

      // withUser adds (or replaces) the entry for uid and recomputes the mask, keeping every other entry.
      func withUser(acl []aclEntry, uid uint32, perm uint16) []aclEntry {
        var out []aclEntry
        mask := perm
        for _, e := range acl {
          if (e.tag == tagUser && e.id == uid) || e.tag == tagMask {
            continue
          }
          if e.tag == tagUser || e.tag == tagGroup || e.tag == tagGroupObj {
            mask |= e.perm
          }
          out = append(out, e)
        }
        out = append(out, aclEntry{tagUser, perm, uid}, aclEntry{tagMask, mask, unqualifiedID})
        sort.Slice(out, func(i, j int) bool {
          if out[i].tag != out[j].tag {
            return out[i].tag < out[j].tag
          }
          return out[i].id < out[j].id
        })
        return out
      }

      func writeACL(path, attr string, acl []aclEntry) error {
        buf := make([]byte, 4+8*len(acl))
        binary.LittleEndian.PutUint32(buf, aclVersion)
        for i, e := range acl {
          binary.LittleEndian.PutUint16(buf[4+8*i:], e.tag)
          binary.LittleEndian.PutUint16(buf[6+8*i:], e.perm)
          binary.LittleEndian.PutUint32(buf[8+8*i:], e.id)
        }
        return syscall.Setxattr(path, attr, buf, 0)
      }

      func grant(path, attr string, uid uint32, perm uint16) error {
        info, err := os.Stat(path)
        if err != nil {
          return err
        }
        acl, err := readACL(path, attr, info.Mode())
        if err != nil {
          return err
        }
        return writeACL(path, attr, withUser(acl, uid, perm))
      }

      // GrantAccess lets uid create its socket in dir and connect to dir/kubeletSocket: rwx on the
      // directory, and the same as its default ACL so files the kubelet creates later (a new
      // kubelet.sock after a restart) inherit it; rw on the current kubelet socket. The caller
      // must own dir (root, without capabilities, owns the kubelet's directories).
      // KeepAccess grants access, then (with interval > 0) again every time kubelet.sock is a new
      // file, until ctx ends.
      func KeepAccess(ctx context.Context, dir, kubeletSocket string, uid int, interval time.Duration) error {
        if err := GrantAccess(dir, kubeletSocket, uid); err != nil {
          return err
        }
        log.Printf("UID %d may now use %s", uid, dir)
        if interval <= 0 {
          return nil
        }
        sock := filepath.Join(dir, kubeletSocket)
        last, _ := os.Stat(sock)
        ticker := time.NewTicker(interval)
        defer ticker.Stop()
        for {
          select {
          case <-ctx.Done():
            return nil
          case <-ticker.C:
          }
          cur, err := os.Stat(sock)
          if err != nil || (last != nil && os.SameFile(last, cur) && last.ModTime().Equal(cur.ModTime())) {
            continue
          }
          if err := GrantAccess(dir, kubeletSocket, uid); err != nil {
            log.Printf("grant access again: %v", err)
            continue
          }
          log.Printf("kubelet.sock was recreated: UID %d may use it again", uid)
          last = cur
        }
      }

      func GrantAccess(dir, kubeletSocket string, uid int) error {
        if uid < 0 {
          return fmt.Errorf("invalid UID %d", uid)
        }
        u := uint32(uid)
        if err := grant(dir, aclAccess, u, 7); err != nil {
          return fmt.Errorf("%s: %w (does the filesystem support POSIX ACLs?)", dir, err)
        }
        if err := grant(dir, aclDefault, u, 7); err != nil {
          return fmt.Errorf("%s default ACL: %w", dir, err)
        }
        sock := filepath.Join(dir, kubeletSocket)
        if err := grant(sock, aclAccess, u, 6); err != nil && !os.IsNotExist(err) {
          return fmt.Errorf("%s: %w", sock, err)
        }
        return nil
      }
  ` },
    { path: "access_other.go", content: go`
      //go:build !linux

      package main

      import (
        "context"
        "errors"
        "time"
      )

      // KeepAccess needs Linux POSIX ACLs; the kubelet's device plugins only run on Linux nodes.
      func KeepAccess(ctx context.Context, dir, kubeletSocket string, uid int, interval time.Duration) error {
        return errors.New("granting access to the device plugin directory is supported on Linux only")
      }
  ` },
    { path: "access_test.go", content: go`
      //go:build linux

      package main

      import (
        "context"
        "errors"
        "net"
        "os"
        "os/exec"
        "path/filepath"
        "syscall"
        "testing"
        "time"
      )

      const testUID = 65532

      // TestGrantAccessLetsNonRootRegister prepares a directory like the kubelet's (root, 0750,
      // kubelet.sock root-only), grants testUID access, and then, as testUID in a child process,
      // creates a socket there and connects to kubelet.sock: what the non-root plugin does.
      func TestGrantAccessLetsNonRootRegister(t *testing.T) {
        if os.Geteuid() != 0 {
          t.Skip("needs root to create a root-owned directory and to run a child as another UID")
        }
        base, err := os.MkdirTemp("", "dp-acl-")
        if err != nil {
          t.Fatal(err)
        }
        t.Cleanup(func() { os.RemoveAll(base) })
        if err := os.Chmod(base, 0o755); err != nil {
          t.Fatal(err)
        }
        dir := filepath.Join(base, "device-plugins")
        if err := os.Mkdir(dir, 0o750); err != nil {
          t.Fatal(err)
        }
        kubelet, err := net.Listen("unix", filepath.Join(dir, "kubelet.sock"))
        if err != nil {
          t.Fatal(err)
        }
        defer kubelet.Close()
        if err := os.Chmod(filepath.Join(dir, "kubelet.sock"), 0o700); err != nil {
          t.Fatal(err)
        }
        if err := GrantAccess(dir, "kubelet.sock", testUID); err != nil {
          if errors.Is(err, syscall.EOPNOTSUPP) {
            t.Skipf("no POSIX ACLs on %s: %v", dir, err)
          }
          t.Fatal(err)
        }
        // The sidecar: grants (again, idempotently) and watches for a new kubelet.sock.
        ctx, cancel := context.WithCancel(context.Background())
        defer cancel()
        watching := make(chan error, 1)
        go func() { watching <- KeepAccess(ctx, dir, "kubelet.sock", testUID, 50*time.Millisecond) }()
        // The test binary lives in a private build directory: give the child a copy it can run.
        self, err := os.ReadFile(os.Args[0])
        if err != nil {
          t.Fatal(err)
        }
        helper := filepath.Join(base, "plugin.test")
        if err := os.WriteFile(helper, self, 0o755); err != nil {
          t.Fatal(err)
        }
        asPlugin := func() ([]byte, error) {
          cmd := exec.Command(helper, "-test.run=^TestHelperNonRootPlugin$")
          cmd.Env = append(os.Environ(), "DP_ACL_DIR="+dir)
          cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: testUID, Gid: testUID}}
          return cmd.CombinedOutput()
        }
        if out, err := asPlugin(); err != nil {
          t.Fatalf("as UID %d: %v\\n%s", testUID, err, out)
        }
        // A kubelet restart recreates kubelet.sock with the kubelet's umask (0755): the sidecar
        // grants access to the new socket.
        kubelet.Close()
        os.Remove(filepath.Join(dir, "kubelet.sock"))
        kubelet, err = net.Listen("unix", filepath.Join(dir, "kubelet.sock"))
        if err != nil {
          t.Fatal(err)
        }
        defer kubelet.Close()
        deadline := time.Now().Add(10 * time.Second)
        for {
          out, err := asPlugin()
          if err == nil {
            break
          }
          if time.Now().After(deadline) {
            t.Fatalf("after kubelet restart, as UID %d: %v\\n%s", testUID, err, out)
          }
          time.Sleep(100 * time.Millisecond)
        }
        cancel()
        if err := <-watching; err != nil {
          t.Fatal(err)
        }
      }

      // TestHelperNonRootPlugin runs in the child process started above.
      func TestHelperNonRootPlugin(t *testing.T) {
        dir := os.Getenv("DP_ACL_DIR")
        if dir == "" {
          t.Skip("helper for TestGrantAccessLetsNonRootRegister")
        }
        if os.Geteuid() == 0 {
          t.Fatal("helper must not run as root")
        }
        sock := filepath.Join(dir, "plugin.sock")
        os.Remove(sock)
        lis, err := net.Listen("unix", sock)
        if err != nil {
          t.Fatalf("create our socket: %v", err)
        }
        lis.Close()
        conn, err := net.Dial("unix", filepath.Join(dir, "kubelet.sock"))
        if err != nil {
          t.Fatalf("connect to kubelet.sock: %v", err)
        }
        conn.Close()
      }
  ` },
    { path: "plugin_test.go", content: go`
      package main

      import (
        "context"
        "net"
        "os"
        "path/filepath"
        "testing"
        "time"

        "google.golang.org/grpc"
        "google.golang.org/grpc/credentials/insecure"
        pluginapi "k8s.io/kubelet/pkg/apis/deviceplugin/v1beta1"
      )

      // fakeKubelet is a Registration server on kubelet.sock in a temp dir.
      type fakeKubelet struct {
        pluginapi.UnimplementedRegistrationServer
        requests chan *pluginapi.RegisterRequest
      }

      func (f *fakeKubelet) Register(_ context.Context, r *pluginapi.RegisterRequest) (*pluginapi.Empty, error) {
        f.requests <- r
        return &pluginapi.Empty{}, nil
      }

      func startFakeKubelet(t *testing.T, dir string) (*fakeKubelet, func()) {
        t.Helper()
        lis, err := net.Listen("unix", filepath.Join(dir, "kubelet.sock"))
        if err != nil {
          t.Fatal(err)
        }
        f := &fakeKubelet{requests: make(chan *pluginapi.RegisterRequest, 4)}
        s := grpc.NewServer()
        pluginapi.RegisterRegistrationServer(s, f)
        go func() { _ = s.Serve(lis) }()
        return f, s.Stop
      }

      // shortTempDir keeps unix socket paths under the 108-byte limit.
      func shortTempDir(t *testing.T) string {
        t.Helper()
        dir, err := os.MkdirTemp("", "dp")
        if err != nil {
          t.Fatal(err)
        }
        t.Cleanup(func() { os.RemoveAll(dir) })
        return dir
      }

      func TestRegisterListAndAllocate(t *testing.T) {
        dir := shortTempDir(t)
        devDir := t.TempDir()
        for _, n := range []string{"widget0", "widget1"} {
          if err := os.WriteFile(filepath.Join(devDir, n), nil, 0o600); err != nil {
            t.Fatal(err)
          }
        }
        kubelet, stopKubelet := startFakeKubelet(t, dir)
        defer stopKubelet()

        p := NewPlugin(Config{
          ResourceName: ResourceName, DeviceGlob: filepath.Join(devDir, "widget*"),
          PluginDir: dir, SocketName: "test.sock", HealthInterval: 20 * time.Millisecond,
        })
        ctx, cancel := context.WithCancel(context.Background())
        defer cancel()
        go func() { _ = p.Run(ctx) }()

        select {
        case r := <-kubelet.requests:
          if r.ResourceName != ResourceName || r.Version != pluginapi.Version || r.Endpoint != "test.sock" {
            t.Fatalf("unexpected registration: %+v", r)
          }
        case <-time.After(30 * time.Second):
          t.Fatal("plugin did not register")
        }

        conn, err := grpc.NewClient("unix://"+filepath.Join(dir, "test.sock"), grpc.WithTransportCredentials(insecure.NewCredentials()))
        if err != nil {
          t.Fatal(err)
        }
        defer conn.Close()
        client := pluginapi.NewDevicePluginClient(conn)
        stream, err := client.ListAndWatch(ctx, &pluginapi.Empty{})
        if err != nil {
          t.Fatal(err)
        }
        first, err := stream.Recv()
        if err != nil {
          t.Fatal(err)
        }
        if len(first.Devices) != 2 || first.Devices[0].ID != "widget0" || first.Devices[0].Health != pluginapi.Healthy {
          t.Fatalf("unexpected devices: %v", first.Devices)
        }

        resp, err := client.Allocate(ctx, &pluginapi.AllocateRequest{ContainerRequests: []*pluginapi.ContainerAllocateRequest{{DevicesIds: []string{"widget1"}}}})
        if err != nil {
          t.Fatal(err)
        }
        car := resp.ContainerResponses[0]
        if car.Envs[EnvVar] != "widget1" || car.Devices[0].HostPath != filepath.Join(devDir, "widget1") {
          t.Fatalf("unexpected allocation: %v", car)
        }
        if _, err := client.Allocate(ctx, &pluginapi.AllocateRequest{ContainerRequests: []*pluginapi.ContainerAllocateRequest{{DevicesIds: []string{"nope"}}}}); err == nil {
          t.Fatal("allocating an unknown device must fail")
        }

        // A vanished device turns Unhealthy in the next ListAndWatch update.
        if err := os.Remove(filepath.Join(devDir, "widget0")); err != nil {
          t.Fatal(err)
        }
        next, err := stream.Recv()
        if err != nil {
          t.Fatal(err)
        }
        if next.Devices[0].ID != "widget0" || next.Devices[0].Health != pluginapi.Unhealthy {
          t.Fatalf("widget0 should be unhealthy: %v", next.Devices)
        }

        // Kubelet restart: the kubelet recreates kubelet.sock and deletes plugin sockets.
        stopKubelet()
        _ = os.Remove(filepath.Join(dir, "kubelet.sock"))
        _ = os.Remove(filepath.Join(dir, "test.sock"))
        kubelet2, stop2 := startFakeKubelet(t, dir)
        defer stop2()
        select {
        case <-kubelet2.requests:
        case <-time.After(30 * time.Second):
          t.Fatal("plugin did not re-register after the kubelet restarted")
        }
      }

      func TestPreferredAllocation(t *testing.T) {
        p := NewPlugin(Config{})
        resp, err := p.GetPreferredAllocation(context.Background(), &pluginapi.PreferredAllocationRequest{
          ContainerRequests: []*pluginapi.ContainerPreferredAllocationRequest{{
            AvailableDeviceIDs: []string{"c", "a", "b"}, MustIncludeDeviceIDs: []string{"c"}, AllocationSize: 2,
          }},
        })
        if err != nil {
          t.Fatal(err)
        }
        got := resp.ContainerResponses[0].DeviceIDs
        if len(got) != 2 || got[0] != "c" || got[1] != "a" {
          t.Fatalf("preferred = %v, want [c a]", got)
        }
      }
  ` },
    { path: "deploy/daemonset.yaml", content: yamlDocs(objs) },
    { path: "deploy/sample-pod.yaml", content: yamlDocs([sample]) },
    kustomization("deploy", { resources: ["daemonset.yaml"] }),
    goDockerfile("."),
    goDockerignore(),
    makefile([["IMG", o.image]], [
      ...goMakeTargets("."),
      { name: "deploy", help: "Install the DaemonSet", recipe: ["kubectl apply -k deploy/"] },
      { name: "sample", help: "Run the sample Pod", recipe: ["kubectl apply -f deploy/sample-pod.yaml"] },
    ]),
    gitignore(["bin/"]),
  ]
  files.push(
    readme({
      mechanism: "device-plugin",
      title: `${name}: Kubernetes device plugin for ${resource}`,
      what: `A device plugin (kubelet device plugin API v1beta1) that advertises every host path matching /dev/${o.resourceName}* as one unit of the extended resource \`${resource}\`. It registers on /var/lib/kubelet/device-plugins/kubelet.sock, streams the device list with health (a device that disappears turns Unhealthy), prefers packing allocations, exposes allocated devices to containers (device nodes plus the ${o.resourceName.toUpperCase().replace(/-/g, "_")}_DEVICES variable) and registers again when the kubelet restarts. It runs as UID ${PLUGIN_UID} with the RuntimeDefault seccomp profile and no capabilities; a root sidecar without capabilities grants that UID the kubelet's socket directory and kubelet.sock with POSIX ACLs (again whenever the kubelet recreates the socket), and /healthz (readiness and liveness) reports whether the kubelet accepted the registration.`,
      k8s: o.k8s,
      versionNotes: ["The device plugin API is v1beta1 on every supported version. For devices that need parameters or sharing, consider DRA (resource.k8s.io/v1, 1.34+)."],
      files: [
        { path: "plugin.go", purpose: "the gRPC server: ListAndWatch, Allocate, GetPreferredAllocation, registration and re-registration" },
        { path: "plugin_test.go", purpose: "tests against a fake kubelet registration server on a unix socket" },
        { path: "access_linux.go", purpose: "POSIX ACLs that let the non-root plugin use the kubelet's root-owned socket directory (the socket-access sidecar)" },
        { path: "access_test.go", purpose: "as root: grants access, then a child process as UID 65532 creates its socket and connects to kubelet.sock, also after a kubelet restart" },
        { path: "deploy/daemonset.yaml", purpose: "namespace (privileged Pod Security) and DaemonSet with the hostPath mounts" },
        { path: "deploy/sample-pod.yaml", purpose: `a Pod requesting ${resource}: 1` },
      ],
      build: ["make build", "make docker-build docker-push IMG=<your image>"],
      deploy: ["make deploy", `kubectl -n ${o.namespace} rollout status ds/${name}`, `kubectl get nodes -o jsonpath='{.items[*].status.allocatable.${resource.replace(/\./g, "\\.")}}'`],
      test: ["make test   # as root it also proves the non-root plugin can use the kubelet's socket directory"],
      extra: trySections({
        try: ["make sample", `kubectl -n ${o.namespace} logs ${o.resourceName}-consumer   # allocated: <device IDs>`, `kubectl describe node <node> | grep ${resource}`],
        tryNote: "The node's capacity shows one unit per matching /dev path; a device that disappears turns Unhealthy and leaves allocatable.",
        remove: [
          `kubectl -n ${o.namespace} delete pod ${o.resourceName}-consumer --ignore-not-found`,
          "kubectl delete -k deploy/ --ignore-not-found",
          `# the kubelet drops ${resource} from the node's capacity once the plugin's socket is gone; the ACL entry for UID ${PLUGIN_UID} on /var/lib/kubelet/device-plugins stays (remove it with: setfacl -x u:${PLUGIN_UID} -x d:u:${PLUGIN_UID} /var/lib/kubelet/device-plugins)`,
        ],
      }),
      nextSteps: [
        "Replace the /dev glob with real device discovery and health checks for your hardware.",
        "Add topology (NUMA) information to devices for the Topology Manager.",
        "Return CDI device names from Allocate if your runtime supports CDI.",
      ],
    }),
  )
  return { root: name, files }
}

export const devicePluginStarter = defineStarter({
  id: "device-plugin",
  schema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: generateDevicePlugin,
})
