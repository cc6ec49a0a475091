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

/** The network configuration list the runtime (containerd, CRI-O) reads from /etc/cni/net.d. */
export function conflist(o: Options): Record<string, unknown> {
  return {
    cniVersion: "1.0.0",
    name: "k8s-pod-network",
    plugins: [
      {
        type: "bridge",
        bridge: "cni0",
        isGateway: true,
        ipMasq: true,
        ipam: { type: "host-local", ranges: [[{ subnet: o.podSubnet }]], routes: [{ dst: "0.0.0.0/0" }] },
      },
      { type: "portmap", capabilities: { portMappings: true } },
      { type: o.name, allowedSubnets: [o.podSubnet] },
    ],
  }
}

function generateCni(o: Options) {
  const T = { bin: token(o.name) }
  const confName = `10-${o.name}.conflist`
  const labels = appLabels(o.name, "cni")
  const ds = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: `${o.name}-install`, namespace: o.namespace, labels },
    spec: {
      selector: { matchLabels: { "app.kubernetes.io/name": o.name } },
      template: {
        metadata: { labels: { "app.kubernetes.io/name": o.name, "app.kubernetes.io/component": "cni" } },
        spec: {
          // The CNI must be installed before pods can get a network: run on every node, even
          // NotReady ones, on the host network.
          hostNetwork: true,
          priorityClassName: "system-node-critical",
          automountServiceAccountToken: false,
          tolerations: [{ operator: "Exists" }],
          initContainers: [
            {
              name: "install",
              image: o.image,
              command: ["/install.sh"],
              securityContext: { runAsUser: 0, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
              volumeMounts: [
                { name: "cni-bin", mountPath: "/host/opt/cni/bin" },
                { name: "cni-conf", mountPath: "/host/etc/cni/net.d" },
              ],
            },
          ],
          containers: [
            {
              // Keeps the pod running so the DaemonSet shows the installation state per node.
              name: "pause",
              image: "registry.k8s.io/pause:3.10",
              resources: { requests: { cpu: "1m", memory: "8Mi" }, limits: { memory: "16Mi" } },
              securityContext: { runAsUser: 65532, runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
            },
          ],
          volumes: [
            { name: "cni-bin", hostPath: { path: "/opt/cni/bin", type: "DirectoryOrCreate" } },
            { name: "cni-conf", hostPath: { path: "/etc/cni/net.d", type: "DirectoryOrCreate" } },
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
    { path: `config/${confName}`, content: `${JSON.stringify(conflist(o), null, 2)}\n` },
    {
      path: "install.sh",
      executable: true,
      content: text`
        #!/bin/sh
        # Copies the plugin and the conflist onto the node (run by the DaemonSet's init container).
        # Writes to a temp name first so the runtime never sees a half-written file.
        set -eu
        cp /${T.bin} /host/opt/cni/bin/.${T.bin}.tmp
        mv /host/opt/cni/bin/.${T.bin}.tmp /host/opt/cni/bin/${T.bin}
        cp /${token(confName)} /host/etc/cni/net.d/.${token(confName)}.tmp
        mv /host/etc/cni/net.d/.${token(confName)}.tmp /host/etc/cni/net.d/${token(confName)}
        echo "installed ${T.bin} and ${token(confName)}"
      `,
    },
    {
      path: "Dockerfile",
      content: text`
        FROM golang:1.26 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/${T.bin} .

        # busybox: the install script needs sh, cp and mv.
        FROM busybox:1.37
        COPY --from=build /out/${T.bin} /${T.bin}
        COPY config/${token(confName)} /${token(confName)}
        COPY install.sh /install.sh
        ENTRYPOINT ["/install.sh"]
      `,
    },
    goDockerignore(),
    { path: "deploy/install-daemonset.yaml", content: yamlDocs([{ apiVersion: "v1", kind: "Namespace", metadata: { name: o.namespace, labels: { "pod-security.kubernetes.io/enforce": "privileged" } } }, ds]) },
    kustomization("deploy", { resources: ["install-daemonset.yaml"] }),
    makefile([["IMG", o.image]], [...goMakeTargets("."), { name: "deploy", help: "Install on every node", recipe: ["kubectl apply -k deploy/"] }]),
    gitignore(["bin/"]),
  ]
  files.push(
    readme({
      mechanism: "cni-plugin",
      title: `${o.name}: chained CNI plugin`,
      what: `A CNI plugin (spec 1.0.0+, built with github.com/containernetworking/cni's skel) that runs after bridge/host-local and portmap in config/${confName}: ADD passes the previous result on but refuses addresses outside ${o.podSubnet} and records the attachment, CHECK verifies the record, DEL removes it (idempotently), GC drops records of attachments the runtime no longer has, STATUS reports readiness, VERSION is answered by skel.`,
      k8s: o.k8s,
      versionNotes: [
        "Kubernetes does not call CNI itself: the container runtime (containerd ≥ 2.0 or CRI-O for 1.36+) reads /etc/cni/net.d. The conflist uses cniVersion 1.0.0; GC and STATUS need a runtime speaking CNI 1.1.",
        "bridge, host-local and portmap come from containernetworking/plugins and must already be in /opt/cni/bin.",
      ],
      files: [
        { path: "main.go", purpose: "the plugin: config parsing, ADD/CHECK/DEL/GC/STATUS" },
        { path: "main_test.go", purpose: "config parsing and command tests (no root needed)" },
        { path: `config/${confName}`, purpose: "network configuration list (parsed by libcni in CI)" },
        { path: "install.sh", purpose: "copies binary and conflist onto the node" },
        { path: "deploy/install-daemonset.yaml", purpose: "DaemonSet that runs install.sh on every node" },
      ],
      build: ["make build", "make docker-build docker-push IMG=<your image>"],
      deploy: ["make deploy"],
      test: ["make test", `# on a node: CNI_PATH=/opt/cni/bin cnitool add k8s-pod-network /var/run/netns/test`],
      nextSteps: [
        "Replace the subnet check with your plugin's real work (sysctls, bandwidth, policy hooks).",
        "Test ADD/DEL in a network namespace as root (containernetworking/plugins uses ns.NewNS in its tests).",
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
