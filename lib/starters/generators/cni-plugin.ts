// CNI plugin starter: a chained CNI plugin in Go (containernetworking/cni skel: ADD, CHECK,
// DEL, GC, STATUS, VERSION; cniVersion 1.0.0+) that refuses pod addresses outside allowed
// subnets and records attachments, a .conflist chaining it after bridge/host-local and portmap,
// and a DaemonSet that installs the binary and the conflist on every node.
import { z } from "zod"
import { KUBERNETES_MINORS } from "@/lib/catalog"
import { gitignore, kustomization, makefile, readme } from "../builders"
import { go, text, token } from "../code"
import { dnsLabel, goModule, imageRef, k8sMinor, language, namespace, refineError } from "../options"
import { defineStarter, type StarterFile } from "../types"
import { yamlDocs } from "../yaml"
import { appLabels } from "./common"
import { trySections } from "./control-plane"
import { goDockerignore, goMakeTargets } from "./go-common"
import { nodeGoMod } from "./node-common"

const CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/([0-9]|[12][0-9]|3[0-2])$/

const schema = z
  .object({
    name: dnsLabel().default("subnet-guard"),
    podSubnet: z
      .string({ error: "Enter text." })
      .trim()
      .regex(CIDR, { error: "Use an IPv4 CIDR like 10.244.0.0/16." })
      .refine((c) => c.length > 0, refineError("cidr", "Use an IPv4 CIDR like 10.244.0.0/16."))
      .default("10.244.0.0/16"),
    namespace: namespace().default("cni-system"),
    module: goModule().default("example.com/subnet-guard"),
    image: imageRef().default("registry.example.com/subnet-guard:v0.1.0"),
    language: language(["go"]),
    k8s: k8sMinor(),
  })
  .strict()

type Options = z.output<typeof schema>

/** This plugin's entry, appended by the installer to the plugins of the node's existing conflist. */
export function pluginEntry(o: Options): Record<string, unknown> {
  return { type: o.name, allowedSubnets: [o.podSubnet] }
}

/**
 * An example of what the node's conflist looks like after the installer ran: the existing
 * network's plugins (here ptp + host-local, as the test uses) followed by this plugin. The
 * installer never writes this file; tests and `cnitool` use it.
 */
export function exampleChain(o: Options): Record<string, unknown> {
  return {
    cniVersion: "1.0.0",
    name: "example-pod-network",
    plugins: [
      { type: "ptp", ipMasq: false, ipam: { type: "host-local", ranges: [[{ subnet: o.podSubnet }]], routes: [{ dst: "0.0.0.0/0" }] } },
      pluginEntry(o),
    ],
  }
}

function generateCni(o: Options) {
  const T = { bin: token(o.name) }
  const labels = appLabels(o.name, "cni")
  const installArgs = ["--cni-bin-dir=/host/opt/cni/bin", "--cni-conf-dir=/host/etc/cni/net.d", `--allowed-subnets=${o.podSubnet}`]
  const ds = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: `${o.name}-install`, namespace: o.namespace, labels },
    spec: {
      selector: { matchLabels: { "app.kubernetes.io/name": o.name } },
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { "app.kubernetes.io/name": o.name, "app.kubernetes.io/component": "cni" } },
        spec: {
          // Chained plugins must be in place before pods get a network: every node, even NotReady
          // ones, on the host network (the pod network may not exist yet).
          hostNetwork: true,
          priorityClassName: "system-node-critical",
          automountServiceAccountToken: false,
          tolerations: [{ operator: "Exists" }],
          // SIGTERM (kubectl delete) makes the installer take its entry out of the conflist and
          // delete the binary before the Pod goes.
          terminationGracePeriodSeconds: 30,
          securityContext: { seccompProfile: { type: "RuntimeDefault" } },
          containers: [
            {
              name: "install",
              image: o.image,
              command: ["/install", ...installArgs],
              // Root without capabilities: it owns /opt/cni/bin and /etc/cni/net.d, nothing more is needed.
              securityContext: { runAsUser: 0, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
              resources: { requests: { cpu: "5m", memory: "16Mi" }, limits: { memory: "64Mi" } },
              // Ready once the entry is in the node's conflist (the installer writes the marker).
              readinessProbe: { exec: { command: ["/install", "--check", ...installArgs] }, periodSeconds: 10 },
              volumeMounts: [
                { name: "cni-bin", mountPath: "/host/opt/cni/bin" },
                { name: "cni-conf", mountPath: "/host/etc/cni/net.d" },
              ],
            },
          ],
          volumes: [
            { name: "cni-bin", hostPath: { path: "/opt/cni/bin", type: "Directory" } },
            { name: "cni-conf", hostPath: { path: "/etc/cni/net.d", type: "Directory" } },
          ],
        },
      },
    },
  }
  const files: StarterFile[] = [
    nodeGoMod(o.module, ["github.com/containernetworking/cni"]),
    { path: "main.go", content: go`
      // Command ${T.bin} is a chained CNI plugin: it runs after the interface plugin (bridge,
      // ptp…) and IPAM have attached the pod, refuses addresses outside the allowed subnets, and
      // records each attachment so CHECK and GC can verify it later.
      package main

      import (
        "encoding/json"
        "errors"
        "fmt"
        "net"
        "os"
        "path/filepath"
        "strings"

        "github.com/containernetworking/cni/pkg/skel"
        "github.com/containernetworking/cni/pkg/types"
        current "github.com/containernetworking/cni/pkg/types/100"
        "github.com/containernetworking/cni/pkg/version"
      )

      // pluginName is the binary name under /opt/cni/bin and the "type" in the .conflist.
      const pluginName = "${T.bin}"

      // defaultDataDir holds one file per attachment (containerID + ifname).
      const defaultDataDir = "/var/lib/cni/${T.bin}"

      // PluginConf is this plugin's entry in the .conflist "plugins" list.
      type PluginConf struct {
        types.PluginConf
        // AllowedSubnets lists CIDRs pod addresses must fall into (empty = any).
        AllowedSubnets []string \`json:"allowedSubnets,omitempty"\`
        // DataDir stores attachment records; defaults to defaultDataDir.
        DataDir string \`json:"dataDir,omitempty"\`

        allowed []*net.IPNet
      }

      // parseConfig decodes and validates the network configuration from stdin.
      func parseConfig(stdin []byte) (*PluginConf, error) {
        conf := &PluginConf{}
        if err := json.Unmarshal(stdin, conf); err != nil {
          return nil, fmt.Errorf("parse network configuration: %w", err)
        }
        if conf.CNIVersion == "" {
          return nil, errors.New("cniVersion is required")
        }
        if ok, err := version.GreaterThanOrEqualTo(conf.CNIVersion, "1.0.0"); err != nil || !ok {
          return nil, fmt.Errorf("cniVersion %q is not supported, use 1.0.0 or newer", conf.CNIVersion)
        }
        if err := version.ParsePrevResult(&conf.PluginConf); err != nil {
          return nil, fmt.Errorf("parse prevResult: %w", err)
        }
        for _, s := range conf.AllowedSubnets {
          _, n, err := net.ParseCIDR(s)
          if err != nil {
            return nil, fmt.Errorf("allowedSubnets: %q is not a CIDR", s)
          }
          conf.allowed = append(conf.allowed, n)
        }
        if conf.DataDir == "" {
          conf.DataDir = defaultDataDir
        }
        return conf, nil
      }

      // allowed reports whether ip is inside one of the allowed subnets.
      func (c *PluginConf) allowedIP(ip net.IP) bool {
        if len(c.allowed) == 0 {
          return true
        }
        for _, n := range c.allowed {
          if n.Contains(ip) {
            return true
          }
        }
        return false
      }

      // recordPath is the attachment record of one container interface.
      func recordPath(dataDir, containerID, ifName string) string {
        return filepath.Join(dataDir, containerID+"-"+ifName)
      }

      // prevResult returns the result of the previous plugin in the chain.
      func prevResult(conf *PluginConf) (*current.Result, error) {
        if conf.PrevResult == nil {
          return nil, fmt.Errorf("%s must be chained after an interface plugin (no prevResult)", pluginName)
        }
        return current.NewResultFromResult(conf.PrevResult)
      }

      // add validates the addresses and records the attachment; it returns the result to pass on.
      func add(conf *PluginConf, args *skel.CmdArgs) (*current.Result, error) {
        result, err := prevResult(conf)
        if err != nil {
          return nil, err
        }
        if len(result.IPs) == 0 {
          return nil, errors.New("the previous plugin assigned no IP address")
        }
        var ips []string
        for _, ipc := range result.IPs {
          if !conf.allowedIP(ipc.Address.IP) {
            return nil, fmt.Errorf("address %s is outside allowedSubnets %v", ipc.Address.IP, conf.AllowedSubnets)
          }
          ips = append(ips, ipc.Address.String())
        }
        if err := os.MkdirAll(conf.DataDir, 0o700); err != nil {
          return nil, err
        }
        record := strings.Join(ips, "\\n") + "\\n"
        if err := os.WriteFile(recordPath(conf.DataDir, args.ContainerID, args.IfName), []byte(record), 0o600); err != nil {
          return nil, err
        }
        return result, nil
      }

      // check verifies that the recorded attachment still matches the previous result.
      func check(conf *PluginConf, args *skel.CmdArgs) error {
        result, err := prevResult(conf)
        if err != nil {
          return err
        }
        data, err := os.ReadFile(recordPath(conf.DataDir, args.ContainerID, args.IfName))
        if err != nil {
          return fmt.Errorf("no record of %s/%s: %w", args.ContainerID, args.IfName, err)
        }
        recorded := strings.Fields(string(data))
        if len(recorded) != len(result.IPs) {
          return fmt.Errorf("recorded %d addresses, prevResult has %d", len(recorded), len(result.IPs))
        }
        for i, ipc := range result.IPs {
          if recorded[i] != ipc.Address.String() {
            return fmt.Errorf("address %s differs from recorded %s", ipc.Address.String(), recorded[i])
          }
        }
        return nil
      }

      // del removes the record; DEL must succeed even when ADD never ran or ran partly.
      func del(conf *PluginConf, args *skel.CmdArgs) error {
        err := os.Remove(recordPath(conf.DataDir, args.ContainerID, args.IfName))
        if err != nil && !os.IsNotExist(err) {
          return err
        }
        return nil
      }

      // gc removes records of attachments the runtime no longer knows (CNI 1.1 GC).
      func gc(conf *PluginConf) error {
        valid := map[string]bool{}
        for _, a := range conf.ValidAttachments {
          valid[a.ContainerID+"-"+a.IfName] = true
        }
        entries, err := os.ReadDir(conf.DataDir)
        if os.IsNotExist(err) {
          return nil
        }
        if err != nil {
          return err
        }
        for _, e := range entries {
          if !e.IsDir() && !valid[e.Name()] {
            if err := os.Remove(filepath.Join(conf.DataDir, e.Name())); err != nil && !os.IsNotExist(err) {
              return err
            }
          }
        }
        return nil
      }

      func cmdAdd(args *skel.CmdArgs) error {
        conf, err := parseConfig(args.StdinData)
        if err != nil {
          return err
        }
        result, err := add(conf, args)
        if err != nil {
          return err
        }
        return types.PrintResult(result, conf.CNIVersion)
      }

      func cmdCheck(args *skel.CmdArgs) error {
        conf, err := parseConfig(args.StdinData)
        if err != nil {
          return err
        }
        return check(conf, args)
      }

      func cmdDel(args *skel.CmdArgs) error {
        conf, err := parseConfig(args.StdinData)
        if err != nil {
          return err
        }
        return del(conf, args)
      }

      func cmdGC(args *skel.CmdArgs) error {
        conf, err := parseConfig(args.StdinData)
        if err != nil {
          return err
        }
        return gc(conf)
      }

      func cmdStatus(args *skel.CmdArgs) error {
        conf, err := parseConfig(args.StdinData)
        if err != nil {
          return err
        }
        // Ready when the record directory is usable.
        return os.MkdirAll(conf.DataDir, 0o700)
      }

      func main() {
        skel.PluginMainFuncs(skel.CNIFuncs{
          Add:    cmdAdd,
          Check:  cmdCheck,
          Del:    cmdDel,
          GC:     cmdGC,
          Status: cmdStatus,
        }, version.VersionsStartingFrom("1.0.0"), pluginName+" v0.1.0")
      }
  ` },
    { path: "main_test.go", content: go`
      package main

      import (
        "fmt"
        "strings"
        "testing"

        "github.com/containernetworking/cni/pkg/skel"
        "github.com/containernetworking/cni/pkg/types"
      )

      func config(t *testing.T, dataDir, extra string) []byte {
        t.Helper()
        return []byte(fmt.Sprintf(\`{
        "cniVersion": "1.0.0",
        "name": "k8s-pod-network",
        "type": "subnet-guard",
        "dataDir": %q%s,
        "prevResult": {
          "cniVersion": "1.0.0",
          "interfaces": [{"name": "eth0", "sandbox": "/var/run/netns/test"}],
          "ips": [{"address": "10.22.0.5/16", "gateway": "10.22.0.1", "interface": 0}]
        }
      }\`, dataDir, extra))
      }

      func TestParseConfigRejectsBadInput(t *testing.T) {
        cases := map[string]string{
          "not json":       \`{\`,
          "no cniVersion":  \`{"name": "n", "type": "subnet-guard"}\`,
          "old cniVersion": \`{"cniVersion": "0.4.0", "name": "n", "type": "subnet-guard"}\`,
          "bad subnet":     \`{"cniVersion": "1.0.0", "name": "n", "type": "subnet-guard", "allowedSubnets": ["10.0.0.0/40"]}\`,
        }
        for name, in := range cases {
          if _, err := parseConfig([]byte(in)); err == nil {
            t.Errorf("%s: expected an error", name)
          }
        }
      }

      func TestParseConfigDefaults(t *testing.T) {
        conf, err := parseConfig([]byte(\`{"cniVersion": "1.1.0", "name": "n", "type": "subnet-guard"}\`))
        if err != nil {
          t.Fatal(err)
        }
        if conf.DataDir != defaultDataDir || conf.PrevResult != nil {
          t.Fatalf("unexpected defaults: %+v", conf)
        }
      }

      func TestAddCheckDel(t *testing.T) {
        dir := t.TempDir()
        conf, err := parseConfig(config(t, dir, \`, "allowedSubnets": ["10.22.0.0/16"]\`))
        if err != nil {
          t.Fatal(err)
        }
        args := &skel.CmdArgs{ContainerID: "c1", IfName: "eth0"}
        result, err := add(conf, args)
        if err != nil {
          t.Fatal(err)
        }
        if got := result.IPs[0].Address.String(); got != "10.22.0.5/16" {
          t.Fatalf("result not passed through: %s", got)
        }
        if err := check(conf, args); err != nil {
          t.Fatalf("check after add: %v", err)
        }
        if err := del(conf, args); err != nil {
          t.Fatal(err)
        }
        if err := check(conf, args); err == nil {
          t.Fatal("check after del should fail")
        }
        if err := del(conf, args); err != nil {
          t.Fatalf("second del must succeed: %v", err)
        }
      }

      func TestAddRejectsAddressOutsideAllowedSubnets(t *testing.T) {
        conf, err := parseConfig(config(t, t.TempDir(), \`, "allowedSubnets": ["192.168.0.0/24"]\`))
        if err != nil {
          t.Fatal(err)
        }
        _, err = add(conf, &skel.CmdArgs{ContainerID: "c1", IfName: "eth0"})
        if err == nil || !strings.Contains(err.Error(), "outside allowedSubnets") {
          t.Fatalf("expected a subnet error, got %v", err)
        }
      }

      func TestAddNeedsPrevResult(t *testing.T) {
        conf, err := parseConfig([]byte(\`{"cniVersion": "1.0.0", "name": "n", "type": "subnet-guard"}\`))
        if err != nil {
          t.Fatal(err)
        }
        if _, err := add(conf, &skel.CmdArgs{ContainerID: "c1", IfName: "eth0"}); err == nil {
          t.Fatal("expected an error without prevResult")
        }
      }

      func TestGCRemovesStaleRecords(t *testing.T) {
        dir := t.TempDir()
        conf, err := parseConfig(config(t, dir, ""))
        if err != nil {
          t.Fatal(err)
        }
        for _, id := range []string{"keep", "stale"} {
          if _, err := add(conf, &skel.CmdArgs{ContainerID: id, IfName: "eth0"}); err != nil {
            t.Fatal(err)
          }
        }
        conf.ValidAttachments = []types.GCAttachment{{ContainerID: "keep", IfName: "eth0"}}
        if err := gc(conf); err != nil {
          t.Fatal(err)
        }
        if err := check(conf, &skel.CmdArgs{ContainerID: "keep", IfName: "eth0"}); err != nil {
          t.Fatalf("valid attachment removed: %v", err)
        }
        if err := check(conf, &skel.CmdArgs{ContainerID: "stale", IfName: "eth0"}); err == nil {
          t.Fatal("stale attachment kept")
        }
      }
  ` },
    {
      path: "conflist_test.go",
      content: go`
        package main

        import (
          "os"
          "path/filepath"
          "testing"

          "github.com/containernetworking/cni/libcni"
        )

        // TestConflist parses the shipped .conflist with libcni (what runtimes use) and checks
        // that this plugin is chained last with a valid configuration of its own.
        func TestConflist(t *testing.T) {
          files, err := filepath.Glob("config/*.conflist")
          if err != nil || len(files) != 1 {
            t.Fatalf("want one conflist in config/, got %v (%v)", files, err)
          }
          data, err := os.ReadFile(files[0])
          if err != nil {
            t.Fatal(err)
          }
          list, err := libcni.ConfListFromBytes(data)
          if err != nil {
            t.Fatal(err)
          }
          if list.CNIVersion != "1.0.0" || len(list.Plugins) < 2 {
            t.Fatalf("unexpected conflist: version %s, %d plugins", list.CNIVersion, len(list.Plugins))
          }
          last := list.Plugins[len(list.Plugins)-1]
          if last.Network.Type != pluginName {
            t.Fatalf("last plugin is %q, want %q", last.Network.Type, pluginName)
          }
          // The runtime injects cniVersion and name into each plugin's config; do the same here.
          conf, err := libcni.InjectConf(last, map[string]interface{}{"cniVersion": list.CNIVersion, "name": list.Name})
          if err != nil {
            t.Fatal(err)
          }
          if _, err := parseConfig(conf.Bytes); err != nil {
            t.Fatalf("plugin config in the conflist: %v", err)
          }
        }
      `,
    },
    { path: "config/example-chain.conflist", content: `${JSON.stringify(exampleChain(o), null, 2)}\n` },
    { path: "internal/chain/chain.go", content: go`
      // Package chain adds this plugin to the node's existing network configuration list and
      // takes it out again. The container runtime (containerd, CRI-O) uses the first file in
      // /etc/cni/net.d in lexical order, so that is the file the plugin has to be chained into;
      // writing a conflist of its own would either be ignored or replace the cluster's network.
      package chain

      import (
        "encoding/json"
        "errors"
        "fmt"
        "os"
        "path/filepath"

        "github.com/containernetworking/cni/libcni"
      )

      // ErrNoNetwork means the node has no network configuration yet (the primary CNI is not
      // installed); the installer waits for one.
      var ErrNoNetwork = errors.New("no network configuration in the CNI configuration directory yet")

      // Primary returns the configuration file the runtime uses: the first .conflist, .conf or
      // .json file in dir, sorted by name (what containerd and CRI-O load).
      func Primary(dir string) (string, error) {
        files, err := libcni.ConfFiles(dir, []string{".conflist", ".conf", ".json"})
        if err != nil {
          return "", err
        }
        if len(files) == 0 {
          return "", ErrNoNetwork
        }
        return files[0], nil
      }

      func read(path string) (map[string]any, []any, error) {
        data, err := os.ReadFile(path)
        if err != nil {
          return nil, nil, err
        }
        // libcni's own parser first: the file must be a valid list before we touch it.
        if _, err := libcni.ConfListFromBytes(data); err != nil {
          return nil, nil, fmt.Errorf("%s is not a network configuration list (chain into a .conflist; single-plugin .conf files are not supported): %w", path, err)
        }
        var raw map[string]any
        if err := json.Unmarshal(data, &raw); err != nil {
          return nil, nil, err
        }
        plugins, ok := raw["plugins"].([]any)
        if !ok {
          return nil, nil, fmt.Errorf("%s has no plugins list: chain into a .conflist (single-plugin .conf files are not supported)", path)
        }
        return raw, plugins, nil
      }

      func index(plugins []any, pluginType string) int {
        for i, p := range plugins {
          if m, ok := p.(map[string]any); ok && m["type"] == pluginType {
            return i
          }
        }
        return -1
      }

      // write replaces path atomically; the temporary name has no CNI extension, so the runtime
      // never loads half a file.
      func write(path string, raw map[string]any) error {
        data, err := json.MarshalIndent(raw, "", "  ")
        if err != nil {
          return err
        }
        tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
        if err := os.WriteFile(tmp, append(data, '\\n'), 0o644); err != nil {
          return err
        }
        return os.Rename(tmp, path)
      }

      // Installed reports whether the entry's type is in the plugins of the conflist at path.
      func Installed(path string, entry map[string]any) (bool, error) {
        _, plugins, err := read(path)
        if err != nil {
          return false, err
        }
        return index(plugins, entry["type"].(string)) >= 0, nil
      }

      // Insert appends entry to the plugins of the conflist at path (the end of the chain: after
      // the interface, IPAM and other chained plugins). An existing entry of the same type is
      // replaced in place, so re-running with new settings updates it. Other fields and plugins
      // are kept as they are.
      func Insert(path string, entry map[string]any) (changed bool, err error) {
        raw, plugins, err := read(path)
        if err != nil {
          return false, err
        }
        want, _ := json.Marshal(entry)
        if i := index(plugins, entry["type"].(string)); i >= 0 {
          if have, _ := json.Marshal(plugins[i]); string(have) == string(want) {
            return false, nil
          }
          plugins[i] = entry
        } else {
          plugins = append(plugins, entry)
        }
        raw["plugins"] = plugins
        return true, write(path, raw)
      }

      // Remove takes every entry of pluginType out of the conflist at path.
      func Remove(path, pluginType string) (changed bool, err error) {
        raw, plugins, err := read(path)
        if err != nil {
          return false, err
        }
        kept := make([]any, 0, len(plugins))
        for _, p := range plugins {
          if m, ok := p.(map[string]any); ok && m["type"] == pluginType {
            continue
          }
          kept = append(kept, p)
        }
        if len(kept) == len(plugins) {
          return false, nil
        }
        raw["plugins"] = kept
        return true, write(path, raw)
      }

      // CopyBinary installs src as dir/name (write to a temporary name, then rename, so a runtime
      // executing the plugin never sees a partial file).
      func CopyBinary(src, dir, name string) error {
        data, err := os.ReadFile(src)
        if err != nil {
          return err
        }
        tmp := filepath.Join(dir, "."+name+".tmp")
        if err := os.WriteFile(tmp, data, 0o755); err != nil {
          return err
        }
        return os.Rename(tmp, filepath.Join(dir, name))
      }
  ` },
    { path: "internal/chain/chain_test.go", content: go`
      package chain

      import (
        "errors"
        "os"
        "path/filepath"
        "strings"
        "testing"

        "github.com/containernetworking/cni/libcni"
      )

      // flannel's conflist as the flannel DaemonSet writes it (a typical primary network).
      const flannel = \`{
        "name": "cbr0",
        "cniVersion": "1.0.0",
        "plugins": [
          {"type": "flannel", "delegate": {"hairpinMode": true, "isDefaultGateway": true}},
          {"type": "portmap", "capabilities": {"portMappings": true}}
        ]
      }\`

      func entry() map[string]any {
        return map[string]any{"type": "${T.bin}", "allowedSubnets": []any{"10.244.0.0/16"}}
      }

      func setup(t *testing.T) (dir, primary string) {
        t.Helper()
        dir = t.TempDir()
        primary = filepath.Join(dir, "10-flannel.conflist")
        if err := os.WriteFile(primary, []byte(flannel), 0o644); err != nil {
          t.Fatal(err)
        }
        // Sorted after the primary: the runtime ignores it, and so must we.
        if err := os.WriteFile(filepath.Join(dir, "99-loopback.conf"), []byte(\`{"cniVersion":"1.0.0","name":"lo","type":"loopback"}\`), 0o644); err != nil {
          t.Fatal(err)
        }
        return dir, primary
      }

      func types(t *testing.T, path string) []string {
        t.Helper()
        list, err := libcni.ConfListFromFile(path)
        if err != nil {
          t.Fatal(err)
        }
        var out []string
        for _, p := range list.Plugins {
          out = append(out, p.Network.Type)
        }
        return out
      }

      func TestPrimary(t *testing.T) {
        dir, primary := setup(t)
        if got, err := Primary(dir); err != nil || got != primary {
          t.Fatalf("Primary = %q, %v; want %q", got, err, primary)
        }
        if _, err := Primary(t.TempDir()); !errors.Is(err, ErrNoNetwork) {
          t.Fatalf("empty dir: %v", err)
        }
      }

      func TestInsertChainsLastAndIsIdempotent(t *testing.T) {
        _, primary := setup(t)
        changed, err := Insert(primary, entry())
        if err != nil || !changed {
          t.Fatalf("Insert: %v %v", changed, err)
        }
        if got := strings.Join(types(t, primary), ","); got != "flannel,portmap,${T.bin}" {
          t.Fatalf("plugins %s", got)
        }
        data, _ := os.ReadFile(primary)
        if !strings.Contains(string(data), \`"hairpinMode": true\`) || !strings.Contains(string(data), \`"name": "cbr0"\`) {
          t.Fatalf("other settings lost:\\n%s", data)
        }
        if changed, err := Insert(primary, entry()); err != nil || changed {
          t.Fatalf("second Insert changed=%v err=%v", changed, err)
        }
        if ok, err := Installed(primary, entry()); err != nil || !ok {
          t.Fatalf("Installed: %v %v", ok, err)
        }
        updated := entry()
        updated["allowedSubnets"] = []any{"10.0.0.0/8"}
        if changed, err := Insert(primary, updated); err != nil || !changed {
          t.Fatalf("update: %v %v", changed, err)
        }
        if got := strings.Join(types(t, primary), ","); got != "flannel,portmap,${T.bin}" {
          t.Fatalf("update duplicated the entry: %s", got)
        }
        if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(primary), ".*")); len(leftovers) != 0 {
          t.Fatalf("temporary files left: %v", leftovers)
        }
      }

      func TestRemoveRestoresTheChain(t *testing.T) {
        _, primary := setup(t)
        if _, err := Insert(primary, entry()); err != nil {
          t.Fatal(err)
        }
        if changed, err := Remove(primary, "${T.bin}"); err != nil || !changed {
          t.Fatalf("Remove: %v %v", changed, err)
        }
        if got := strings.Join(types(t, primary), ","); got != "flannel,portmap" {
          t.Fatalf("plugins after remove: %s", got)
        }
        if changed, err := Remove(primary, "${T.bin}"); err != nil || changed {
          t.Fatalf("second Remove: %v %v", changed, err)
        }
      }

      func TestRefusesSinglePluginConf(t *testing.T) {
        path := filepath.Join(t.TempDir(), "10-bridge.conf")
        if err := os.WriteFile(path, []byte(\`{"cniVersion":"1.0.0","name":"n","type":"bridge"}\`), 0o644); err != nil {
          t.Fatal(err)
        }
        if _, err := Insert(path, entry()); err == nil || !strings.Contains(err.Error(), "conflist") {
          t.Fatalf("want a clear error for a .conf file, got %v", err)
        }
      }
  ` },
    { path: "cmd/install/main.go", content: go`
      // Command install runs in the DaemonSet on every node: it copies the plugin binary into the
      // CNI binary directory, chains the plugin into the node's existing network configuration
      // list, keeps it there (the primary network plugin may rewrite its file), and on SIGTERM
      // takes both out again, so deleting the DaemonSet uninstalls the plugin.
      package main

      import (
        "context"
        "errors"
        "flag"
        "fmt"
        "log"
        "os"
        "os/signal"
        "path/filepath"
        "strings"
        "syscall"
        "time"

        "${token(o.module)}/internal/chain"
      )

      const pluginName = "${T.bin}"

      func main() {
        binDir := flag.String("cni-bin-dir", "/host/opt/cni/bin", "the node's CNI binary directory")
        confDir := flag.String("cni-conf-dir", "/host/etc/cni/net.d", "the node's CNI configuration directory")
        binary := flag.String("plugin-binary", "/"+pluginName, "the plugin binary to install")
        subnets := flag.String("allowed-subnets", "", "comma-separated CIDRs for the plugin's allowedSubnets (empty: any)")
        interval := flag.Duration("interval", 10*time.Second, "how often to re-check the chain")
        check := flag.Bool("check", false, "exit 0 if the plugin is installed and chained, 1 otherwise (readiness probe)")
        uninstall := flag.Bool("uninstall", false, "remove the plugin from the chain and the binary, then exit")
        keep := flag.Bool("keep-on-exit", false, "leave the plugin installed when stopped (e.g. during upgrades)")
        flag.Parse()

        entry := map[string]any{"type": pluginName}
        if *subnets != "" {
          var list []any
          for _, s := range strings.Split(*subnets, ",") {
            list = append(list, strings.TrimSpace(s))
          }
          entry["allowedSubnets"] = list
        }
        switch {
        case *check:
          primary, err := chain.Primary(*confDir)
          ok := err == nil
          if ok {
            ok, err = chain.Installed(primary, entry)
          }
          if _, statErr := os.Stat(filepath.Join(*binDir, pluginName)); !ok || statErr != nil {
            log.Printf("not installed: %v %v", err, statErr)
            os.Exit(1)
          }
          return
        case *uninstall:
          if err := remove(*binDir, *confDir); err != nil {
            log.Fatal(err)
          }
          return
        }

        ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
        defer stop()
        if err := run(ctx, *binary, *binDir, *confDir, entry, *interval, *keep); err != nil {
          log.Fatal(err)
        }
      }

      // run installs the binary, keeps the plugin chained until ctx ends, then (unless keep)
      // takes it out again.
      func run(ctx context.Context, binary, binDir, confDir string, entry map[string]any, interval time.Duration, keep bool) error {
        if err := chain.CopyBinary(binary, binDir, pluginName); err != nil {
          return fmt.Errorf("install binary: %w", err)
        }
        ticker := time.NewTicker(interval)
        defer ticker.Stop()
        for {
          ensure(confDir, entry)
          select {
          case <-ctx.Done():
            if keep {
              return nil
            }
            return remove(binDir, confDir)
          case <-ticker.C:
          }
        }
      }

      // ensure chains the plugin into the primary conflist (logging, never exiting: the primary
      // network may not be installed yet).
      func ensure(confDir string, entry map[string]any) {
        primary, err := chain.Primary(confDir)
        if errors.Is(err, chain.ErrNoNetwork) {
          log.Printf("waiting for the node's network configuration in %s", confDir)
          return
        }
        if err == nil {
          var changed bool
          if changed, err = chain.Insert(primary, entry); changed {
            log.Printf("chained %s into %s", pluginName, primary)
          }
        }
        if err != nil {
          log.Printf("chain %s: %v", pluginName, err)
        }
      }

      // remove takes the plugin out of the chain first (so the runtime stops calling it), then
      // deletes the binary.
      func remove(binDir, confDir string) error {
        primary, err := chain.Primary(confDir)
        if err == nil {
          if changed, err := chain.Remove(primary, pluginName); err != nil {
            return err
          } else if changed {
            log.Printf("removed %s from %s", pluginName, primary)
          }
        } else if !errors.Is(err, chain.ErrNoNetwork) {
          return err
        }
        if err := os.Remove(filepath.Join(binDir, pluginName)); err != nil && !os.IsNotExist(err) {
          return err
        }
        return nil
      }
  ` },
    { path: "cmd/install/main_test.go", content: go`
      package main

      import (
        "context"
        "os"
        "path/filepath"
        "strings"
        "testing"
        "time"
      )

      // TestRunChainsWaitsAndUninstalls: a node without a network yet, then the primary CNI writes
      // its conflist; the installer chains into it, re-adds the entry when the primary CNI
      // rewrites the file, and removes entry and binary when stopped.
      func TestRunChainsWaitsAndUninstalls(t *testing.T) {
        dir := t.TempDir()
        bin, conf := filepath.Join(dir, "bin"), filepath.Join(dir, "net.d")
        for _, d := range []string{bin, conf} {
          if err := os.Mkdir(d, 0o755); err != nil {
            t.Fatal(err)
          }
        }
        src := filepath.Join(dir, "plugin")
        if err := os.WriteFile(src, []byte("#!/bin/sh\\n"), 0o755); err != nil {
          t.Fatal(err)
        }
        ctx, cancel := context.WithCancel(context.Background())
        done := make(chan error, 1)
        entry := map[string]any{"type": pluginName, "allowedSubnets": []any{"10.244.0.0/16"}}
        go func() { done <- run(ctx, src, bin, conf, entry, 20*time.Millisecond, false) }()

        primary := filepath.Join(conf, "10-kindnet.conflist")
        original := \`{"cniVersion":"1.0.0","name":"kindnet","plugins":[{"type":"ptp","ipam":{"type":"host-local"}},{"type":"portmap","capabilities":{"portMappings":true}}]}\`
        waitFor := func(what string, ok func() bool) {
          t.Helper()
          deadline := time.Now().Add(5 * time.Second)
          for !ok() {
            if time.Now().After(deadline) {
              t.Fatalf("timed out waiting for %s", what)
            }
            time.Sleep(10 * time.Millisecond)
          }
        }
        chained := func() bool {
          data, _ := os.ReadFile(primary)
          return strings.Contains(string(data), \`"type": "\`+pluginName+\`"\`)
        }
        waitFor("the binary", func() bool { _, err := os.Stat(filepath.Join(bin, pluginName)); return err == nil })
        if err := os.WriteFile(primary, []byte(original), 0o644); err != nil {
          t.Fatal(err)
        }
        waitFor("the chain entry", chained)
        // The primary CNI rewrites its file (e.g. on restart): the entry comes back.
        if err := os.WriteFile(primary, []byte(original), 0o644); err != nil {
          t.Fatal(err)
        }
        waitFor("the chain entry after a rewrite", chained)

        cancel()
        if err := <-done; err != nil {
          t.Fatal(err)
        }
        if chained() {
          t.Fatal("entry left in the conflist after stop")
        }
        if _, err := os.Stat(filepath.Join(bin, pluginName)); !os.IsNotExist(err) {
          t.Fatalf("binary left after stop: %v", err)
        }
        data, _ := os.ReadFile(primary)
        if !strings.Contains(string(data), \`"portmap"\`) {
          t.Fatalf("primary network damaged: %s", data)
        }
      }
  ` },
    { path: "netns_test.go", content: go`
      package main

      import (
        "context"
        "encoding/json"
        "os"
        "os/exec"
        "path/filepath"
        "strings"
        "testing"

        "github.com/containernetworking/cni/libcni"
        current "github.com/containernetworking/cni/pkg/types/100"
      )

      // TestChainInNetns runs the real chain: ptp + host-local (containernetworking/plugins, from
      // $CNI_PLUGINS_DIR) and then this plugin, through libcni as a container runtime calls it,
      // in a network namespace the test creates. It needs root, iproute2 and the plugins:
      //
      //\tgo install github.com/containernetworking/plugins/plugins/main/ptp@latest (and ipam/host-local)
      //\tsudo CNI_PLUGINS_DIR=$(go env GOPATH)/bin go test -run TestChainInNetns .
      func TestChainInNetns(t *testing.T) {
        plugins := os.Getenv("CNI_PLUGINS_DIR")
        if plugins == "" || os.Geteuid() != 0 {
          t.Skip("needs root and CNI_PLUGINS_DIR with ptp and host-local (containernetworking/plugins)")
        }
        work := t.TempDir()
        bin := filepath.Join(work, "bin")
        if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, pluginName), ".").CombinedOutput(); err != nil {
          t.Fatalf("build plugin: %v\\n%s", err, out)
        }
        netns := "cni-chain-test-" + filepath.Base(work)
        if out, err := exec.Command("ip", "netns", "add", netns).CombinedOutput(); err != nil {
          t.Fatalf("ip netns add: %v\\n%s", err, out)
        }
        t.Cleanup(func() { _ = exec.Command("ip", "netns", "del", netns).Run() })

        conflist := func(subnet, allowed string) *libcni.NetworkConfigList {
          data, _ := json.Marshal(map[string]any{
            "cniVersion": "1.0.0",
            "name":       "chain-test",
            "plugins": []any{
              map[string]any{"type": "ptp", "ipMasq": false, "ipam": map[string]any{
                "type": "host-local", "dataDir": filepath.Join(work, "ipam"), "ranges": []any{[]any{map[string]any{"subnet": subnet}}},
              }},
              map[string]any{"type": pluginName, "allowedSubnets": []string{allowed}, "dataDir": filepath.Join(work, "records")},
            },
          })
          list, err := libcni.ConfListFromBytes(data)
          if err != nil {
            t.Fatal(err)
          }
          return list
        }
        cni := libcni.NewCNIConfigWithCacheDir([]string{plugins, bin}, filepath.Join(work, "cache"), nil)
        rt := &libcni.RuntimeConf{ContainerID: "chain-test", NetNS: "/var/run/netns/" + netns, IfName: "eth0"}
        ctx := context.Background()

        list := conflist("10.99.0.0/24", "10.99.0.0/16")
        res, err := cni.AddNetworkList(ctx, list, rt)
        if err != nil {
          t.Fatalf("ADD: %v", err)
        }
        result, err := current.NewResultFromResult(res)
        if err != nil || len(result.IPs) != 1 || !strings.HasPrefix(result.IPs[0].Address.String(), "10.99.0.") {
          t.Fatalf("ADD result: %v %+v", err, res)
        }
        addr, _ := exec.Command("ip", "-n", netns, "-4", "-o", "addr", "show", "dev", "eth0").CombinedOutput()
        if !strings.Contains(string(addr), result.IPs[0].Address.String()) {
          t.Fatalf("eth0 in the namespace lacks %s: %s", result.IPs[0].Address.String(), addr)
        }
        if _, err := os.Stat(filepath.Join(work, "records", "chain-test-eth0")); err != nil {
          t.Fatalf("no attachment record: %v", err)
        }
        if err := cni.CheckNetworkList(ctx, list, rt); err != nil {
          t.Fatalf("CHECK: %v", err)
        }
        if err := cni.DelNetworkList(ctx, list, rt); err != nil {
          t.Fatalf("DEL: %v", err)
        }
        if _, err := os.Stat(filepath.Join(work, "records", "chain-test-eth0")); !os.IsNotExist(err) {
          t.Fatalf("record kept after DEL: %v", err)
        }
        if err := cni.DelNetworkList(ctx, list, rt); err != nil {
          t.Fatalf("second DEL must succeed: %v", err)
        }

        // An address outside allowedSubnets: ADD fails, and the runtime's DEL cleans up after ptp.
        denied := conflist("10.98.0.0/24", "10.99.0.0/16")
        if _, err := cni.AddNetworkList(ctx, denied, rt); err == nil || !strings.Contains(err.Error(), "outside allowedSubnets") {
          t.Fatalf("ADD outside allowedSubnets: %v", err)
        }
        if err := cni.DelNetworkList(ctx, denied, rt); err != nil {
          t.Fatalf("DEL after failed ADD: %v", err)
        }
        links, _ := exec.Command("ip", "-n", netns, "-o", "link").CombinedOutput()
        if strings.Contains(string(links), "eth0") {
          t.Fatalf("eth0 left in the namespace: %s", links)
        }
      }
  ` },
    {
      path: "Dockerfile",
      content: text`
        FROM golang:1.26 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/${T.bin} . && \\
            CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/install ./cmd/install

        # No shell needed: the installer is a Go program. It runs as root (it writes root-owned host directories).
        FROM gcr.io/distroless/static-debian12
        COPY --from=build /out/${T.bin} /${T.bin}
        COPY --from=build /out/install /install
        ENTRYPOINT ["/install"]
      `,
    },
    goDockerignore(),
    { path: "deploy/install-daemonset.yaml", content: yamlDocs([{ apiVersion: "v1", kind: "Namespace", metadata: { name: o.namespace, labels: { "pod-security.kubernetes.io/enforce": "privileged" } } }, ds]) },
    kustomization("deploy", { resources: ["install-daemonset.yaml"] }),
    makefile([["IMG", o.image]], [
      ...goMakeTargets("."),
      { name: "deploy", help: "Chain the plugin into every node's network", recipe: ["kubectl apply -k deploy/"] },
      { name: "undeploy", help: "Take it out of every node's chain and delete the binaries (the installer does it on SIGTERM)", recipe: ["kubectl delete -k deploy/ --ignore-not-found --wait"] },
    ]),
    gitignore(["bin/"]),
  ]
  files.push(
    readme({
      mechanism: "cni-plugin",
      title: `${o.name}: chained CNI plugin`,
      what: `A chained CNI plugin (spec 1.0.0+, built with github.com/containernetworking/cni's skel). It does not create interfaces or hand out addresses: the installer appends it to the end of the node's existing network configuration list (the first file in /etc/cni/net.d, the one containerd and CRI-O use), so it runs after the cluster's network plugin. ADD takes that plugin's result (prevResult), refuses addresses outside ${o.podSubnet}, records the attachment and passes the result on; CHECK verifies the record, DEL removes it (idempotently), GC drops records of attachments the runtime no longer has, STATUS reports readiness, VERSION is answered by skel. Deleting the DaemonSet takes the plugin out of every chain again.`,
      k8s: o.k8s,
      versionNotes: [
        "Kubernetes does not call CNI itself: the container runtime (containerd ≥ 2.0 or CRI-O for 1.36+) reads /etc/cni/net.d. The plugin speaks CNI 1.0.0+; GC and STATUS need a runtime speaking CNI 1.1.",
        "Chaining needs a .conflist primary network (flannel, Calico, Cilium and kindnet write one). A single-plugin .conf file is refused with a clear message.",
      ],
      files: [
        { path: "main.go", purpose: "the plugin: config parsing, ADD/CHECK/DEL/GC/STATUS" },
        { path: "main_test.go", purpose: "config parsing and command tests (no root needed)" },
        { path: "netns_test.go", purpose: "ADD/CHECK/DEL through libcni after the real ptp + host-local plugins in a network namespace (root)" },
        { path: "internal/chain/", purpose: "finds the node's conflist, appends or removes the plugin entry atomically, with tests" },
        { path: "cmd/install/main.go", purpose: "the DaemonSet's installer: binary + chain entry, re-checked every 10 s, removed on SIGTERM" },
        { path: "config/example-chain.conflist", purpose: "what a chain with this plugin looks like (parsed by libcni in the tests)" },
        { path: "deploy/install-daemonset.yaml", purpose: "DaemonSet that runs the installer on every node" },
      ],
      build: ["make build", "make docker-build docker-push IMG=<your image>"],
      deploy: ["make deploy", `kubectl -n ${o.namespace} rollout status ds/${o.name}-install`],
      test: ["make test", `sudo CNI_PLUGINS_DIR=/opt/cni/bin go test -run TestChainInNetns .   # on a Linux machine with the reference plugins`],
      extra: trySections({
        try: [
          "# on a node:",
          `jq '.plugins[].type' "$(ls /etc/cni/net.d/*.conflist | head -n 1)"   # the cluster's plugins, then "${o.name}"`,
          `ls /opt/cni/bin/${o.name} /var/lib/cni/${o.name}/   # one record per running Pod attachment`,
          "kubectl run cni-try --image=registry.k8s.io/pause:3.10 && kubectl wait --for=condition=Ready pod/cni-try",
        ],
        tryNote: `A Pod whose address falls outside ${o.podSubnet} fails to start with "address … is outside allowedSubnets" in its events (FailedCreatePodSandBox).`,
        remove: ["make undeploy   # each installer takes the entry out of its node's conflist, then deletes the binary", "kubectl delete pod cni-try --ignore-not-found"],
        removeNote: "Pods started while the plugin was chained keep running; their DEL runs without it and leaves records in /var/lib/cni/" + o.name + " (delete the directory).",
      }),
      nextSteps: [
        "Replace the subnet check with your plugin's real work (sysctls, bandwidth, policy hooks).",
        "Pass --keep-on-exit during rolling upgrades if Pods must never start without the plugin.",
      ],
    }),
  )
  return { root: o.name, files }
}

export const cniPluginStarter = defineStarter({
  id: "cni-plugin",
  schema,
  languages: ["go"],
  targets: KUBERNETES_MINORS,
  variants: [],
  generate: generateCni,
})
