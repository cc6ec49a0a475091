import { describe, expect, it } from "vitest"
import fixture from "./fixtures/webhook-configurations.json"
import {
  apiServiceItems,
  cniItems,
  connectionRisks,
  crdItems,
  extendedResourceItems,
  isExtendedResource,
  operatorItems,
  platformHints,
  schedulerItems,
  webhookItems,
} from "./analyze"
import type { RawApiService, RawCrd, RawWebhookConfiguration } from "./raw"
import { selectorMatches } from "./selectors"

const riskIds = (items: { name: string; risks: { id: string }[] }[], name: string) =>
  items.find((i) => i.name === name)?.risks.map((r) => r.id).sort()

describe("webhook risk flags", () => {
  const labels = (ns: string): Record<string, string> => (ns === "risky-system" ? { "kubernetes.io/metadata.name": ns, team: "x" } : { "kubernetes.io/metadata.name": ns })
  const validating = webhookItems(fixture.validating as RawWebhookConfiguration[], "validating", labels)
  const mutating = webhookItems(fixture.mutating as RawWebhookConfiguration[], "mutating", labels)

  it("flags Fail (the v1 default) + wildcard match, timeout > 10 s, kube-system and own namespace", () => {
    expect(riskIds(validating, "everything.risky.example.com")).toEqual([
      "fail-broad-match",
      "matches-own-namespace",
      "no-kube-system-exclusion",
      "timeout-over-10s",
    ])
    const risky = validating.find((w) => w.name === "everything.risky.example.com")!
    expect(risky.failurePolicy).toBe("Fail")
    expect(risky.risks.every((r) => r.severity === "high")).toBe(true)
    expect(risky.risks.find((r) => r.id === "timeout-over-10s")?.params).toEqual({ timeoutSeconds: 30 })
  })

  it("Ignore + broad rules is not fail-broad-match; own namespace excluded by NotIn is not flagged", () => {
    // gatekeeper excludes its own namespace but not kube-system
    expect(riskIds(validating, "validation.gatekeeper.sh")).toEqual(["no-kube-system-exclusion"])
    expect(validating.find((w) => w.name === "validation.gatekeeper.sh")!.risks[0]!.severity).toBe("warning")
  })

  it("an opt-in namespaceSelector excludes kube-system; defaults are filled in", () => {
    const istio = mutating[0]!
    expect(istio.risks).toEqual([])
    expect(istio.reinvocationPolicy).toBe("Never")
    expect(istio.matchPolicy).toBe("Equivalent")
  })

  it("never returns caBundles or URL paths/queries", () => {
    const json = JSON.stringify([...validating, ...mutating])
    expect(json).not.toContain("caBundle")
    expect(json).not.toContain("LS0t")
    expect(json).not.toContain("token=abc")
    expect(mutating[0]!.target).toEqual({ urlHost: "istiod.istio-system.svc" })
  })
})

describe("selectorMatches", () => {
  const ks = { "kubernetes.io/metadata.name": "kube-system" }
  it("implements matchLabels and the four operators", () => {
    expect(selectorMatches(undefined, ks)).toBe(true)
    expect(selectorMatches({}, ks)).toBe(true)
    expect(selectorMatches({ matchLabels: { a: "b" } }, ks)).toBe(false)
    expect(selectorMatches({ matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system"] }] }, ks)).toBe(false)
    expect(selectorMatches({ matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["kube-system"] }] }, ks)).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: "x", operator: "DoesNotExist" }] }, ks)).toBe(true)
    expect(selectorMatches({ matchExpressions: [{ key: "x", operator: "Exists" }] }, ks)).toBe(false)
  })
})

describe("CRDs, owners and operators", () => {
  const crds: RawCrd[] = [
    { metadata: { name: "a.x.example.com", labels: { "app.kubernetes.io/part-of": "x-operator" } }, spec: { group: "x.example.com", names: { kind: "A", plural: "a" }, scope: "Namespaced", versions: [{ name: "v1", served: true, storage: true }] } },
    { metadata: { name: "b.y.io", annotations: { "meta.helm.sh/release-name": "y" } }, spec: { group: "y.io", names: { kind: "B", plural: "b" }, scope: "Cluster", conversion: { strategy: "Webhook" } } },
    { metadata: { name: "c.z.example.org" }, spec: { group: "z.example.org", names: { kind: "C", plural: "c" } } },
  ]
  it("infers owners from labels, Helm annotations, else the group domain", () => {
    const items = crdItems(crds)
    expect(items.map((c) => c.likelyOwner)).toEqual([
      { name: "x-operator", evidence: "label app.kubernetes.io/part-of" },
      { name: "y", evidence: "annotation meta.helm.sh/release-name" },
      { name: "example.org", evidence: "API group domain" },
    ])
    expect(items[1]!.conversion).toBe("Webhook")
    // group-domain guesses are too weak to claim an operator
    expect(operatorItems(items).map((o) => o.owner)).toEqual(["x-operator", "y"])
  })
})

describe("APIServices", () => {
  it("separates local from aggregated and flags unavailable ones", () => {
    const items = apiServiceItems([
      { metadata: { name: "v1.apps" }, spec: { group: "apps", version: "v1", service: null }, status: { conditions: [{ type: "Available", status: "True", reason: "Local" }] } },
      {
        metadata: { name: "v1beta1.metrics.k8s.io" },
        spec: { group: "metrics.k8s.io", version: "v1beta1", service: { namespace: "kube-system", name: "metrics-server", port: 443 } },
        status: { conditions: [{ type: "Available", status: "False", reason: "ServiceNotFound", message: 'service/metrics-server in "kube-system" is not present' }] },
      },
    ] as RawApiService[])
    expect(items[0]!.local).toBe(true)
    expect(items[1]!.local).toBe(false)
    expect(items[1]!.risks.map((r) => r.id)).toEqual(["apiservice-unavailable"])
    expect(items[1]!.available.reason).toBe("ServiceNotFound")
  })
})

describe("devices, schedulers, CNI, platform", () => {
  it("extended resources are names outside kubernetes.io, summed over nodes", () => {
    expect(isExtendedResource("nvidia.com/gpu")).toBe(true)
    expect(isExtendedResource("hugepages-2Mi")).toBe(false)
    expect(isExtendedResource("cpu")).toBe(false)
    expect(isExtendedResource("foo.kubernetes.io/bar")).toBe(false)
    const items = extendedResourceItems([
      { status: { capacity: { cpu: "4", "nvidia.com/gpu": "2" } } },
      { status: { capacity: { cpu: "4", "nvidia.com/gpu": "4", "example.com/dongle": "1" } } },
    ])
    expect(items).toEqual([
      { resource: "example.com/dongle", nodes: 1, capacity: "1" },
      { resource: "nvidia.com/gpu", nodes: 2, capacity: "6" },
    ])
  })

  it("counts pods per schedulerName and finds scheduler workloads", () => {
    const items = schedulerItems(
      [{ spec: { schedulerName: "gpu" } }, { spec: { schedulerName: "gpu" } }, { spec: {} }],
      [{ metadata: { name: "gpu", namespace: "s" }, spec: { template: { spec: { containers: [{ image: "registry.k8s.io/kube-scheduler:v1.37.0" }] } } } }],
    )
    expect(items).toContainEqual({ name: "gpu", pods: 2, source: "pods" })
    expect(items).toContainEqual({ name: "default-scheduler", pods: 1, source: "pods" })
    expect(items).toContainEqual({ name: "gpu", pods: 0, source: "deployment", workload: "s/gpu" })
  })

  it("infers the CNI from DaemonSets and CRD groups, with evidence", () => {
    const items = cniItems([{ metadata: { name: "cilium", namespace: "kube-system" } }, { metadata: { name: "x", namespace: "y" } }], ["cilium.io", "cilium.io"])
    expect(items).toEqual([{ plugin: "Cilium", evidence: ["DaemonSet kube-system/cilium", "CRD group cilium.io"] }])
  })

  it("platform hints from the version string and nodes", () => {
    const h = platformHints({ gitVersion: "v1.33.4-eks-1234567" }, [{ spec: { providerID: "aws:///eu-west-1a/i-0" } }], [])
    expect(h.platform).toBe("Amazon EKS")
    expect(h.hints.map((x) => x.platform)).toEqual(["Amazon EKS", "AWS"])
    expect(platformHints({ gitVersion: "v1.37.2" }, [], []).platform).toBe("unknown")
  })
})

describe("connection risks", () => {
  it("flags insecure-skip-tls-verify and plain http contexts, nothing for verified TLS", () => {
    expect(connectionRisks({ server: "https://k8s.example.com:6443", skipTLSVerify: true })).toEqual([
      { id: "context-insecure-tls", severity: "high", params: { setting: "insecure-skip-tls-verify: true" } },
    ])
    expect(connectionRisks({ server: "http://127.0.0.1:8080", skipTLSVerify: true })[0]?.params).toEqual({ setting: "http://" })
    expect(connectionRisks({ server: "https://k8s.example.com:6443", skipTLSVerify: false })).toEqual([])
  })
})
