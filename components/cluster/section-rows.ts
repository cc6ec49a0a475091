// Flattens typed report sections into display rows (title, labelled fields, risks) so one
// renderer, one search box and one set of filters serve every section. Pure; unit-tested.
import type en from "@/messages/en/cluster.json"
import type { LabelSelector, RiskFlag, Section, SectionId, WebhookRule } from "@/lib/inspector/types"

export type FieldKey = keyof (typeof en)["fields"]
export type ValueKey = keyof (typeof en)["values"]
/** A value: plain text, a yes/no, a list, or a translated word. */
export type FieldValue = string | number | boolean | readonly string[] | { t: ValueKey }
export type Field = { label: FieldKey; value: FieldValue }

export type Row = {
  key: string
  title: string | { t: ValueKey }
  subtitle?: string
  fields: Field[]
  risks: RiskFlag[]
  /** Built-in objects (local APIServices) hidden unless asked for. */
  builtIn?: boolean
  /** Lower-cased text the search box matches against. */
  search: string
}

export function formatRule(r: WebhookRule): string {
  const gv = r.apiGroups.map((g) => (g === "" ? "core" : g)).join(",") + "/" + r.apiVersions.join(",")
  return `${r.operations.join(",")} ${gv} ${r.resources.join(",")}${r.scope && r.scope !== "*" ? ` (${r.scope})` : ""}`
}

export function formatSelector(s: LabelSelector | undefined): string {
  if (!s) return ""
  const parts = [
    ...Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(s.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values?.length ? ` (${e.values.join(", ")})` : ""}`),
  ]
  return parts.join("; ")
}

function row(key: string, title: Row["title"], fields: Field[], extra: Partial<Row> = {}): Row {
  const text = [typeof title === "string" ? title : "", extra.subtitle ?? "", ...fields.map((f) => (typeof f.value === "object" && !Array.isArray(f.value) ? "" : String(f.value)))]
  return { key, title, fields: fields.filter((f) => f.value !== "" && !(Array.isArray(f.value) && f.value.length === 0)), risks: [], search: text.join(" ").toLowerCase(), ...extra }
}

/** Section-level facts shown above the rows. */
export function sectionFacts(section: Section): Field[] {
  switch (section.id) {
    case "schedulers": {
      const d = (section as Section<"schedulers">).data
      return d ? [{ label: "podsScanned", value: d.podsScanned }] : []
    }
    case "extendedResources": {
      const d = (section as Section<"extendedResources">).data
      return d ? [{ label: "nodesScanned", value: d.nodes }, { label: "devicePlugins", value: d.devicePluginDaemonSets }] : []
    }
    case "discovery": {
      const d = (section as Section<"discovery">).data
      return d ? [{ label: "mode", value: d.mode }, { label: "staleGroups", value: d.staleGroupVersions }] : []
    }
    case "admissionPolicies": {
      const d = (section as Section<"admissionPolicies">).data
      return d?.mutatingVersion ? [{ label: "apiVersion", value: d.mutatingVersion }] : []
    }
    case "dra": {
      const d = (section as Section<"dra">).data
      return d?.version ? [{ label: "apiVersion", value: d.version }] : []
    }
    default:
      return []
  }
}

export function sectionRows(section: Section): Row[] {
  const id: SectionId = section.id
  switch (id) {
    case "server": {
      const d = (section as Section<"server">).data
      if (!d) return []
      return [
        row("version", d.gitVersion, [{ label: "platform", value: d.platformHints.map((h) => `${h.platform} (${h.evidence})`) }], {
          // Reports recorded before connection risks existed have none.
          risks: d.risks ?? [],
        }),
        ...d.apiserverFlags.map((f) => row(`flag-${f.flag}`, f.flag, [{ label: "value", value: f.value }])),
      ]
    }
    case "discovery":
      return ((section as Section<"discovery">).data?.groups ?? []).map((g) =>
        row(`g-${g.group}`, g.group || "core", [
          { label: "versions", value: g.versions },
          { label: "preferred", value: g.preferred ?? "" },
        ]),
      )
    case "webhooks":
      return ((section as Section<"webhooks">).data?.items ?? []).map((w) =>
        row(
          `${w.type}-${w.configuration}-${w.name}`,
          w.name,
          [
            { label: "type", value: w.type },
            { label: "failurePolicy", value: w.failurePolicy },
            { label: "timeout", value: w.timeoutSeconds },
            { label: "sideEffects", value: w.sideEffects },
            { label: "matchPolicy", value: w.matchPolicy },
            { label: "rules", value: w.rules.map(formatRule) },
            { label: "namespaceSelector", value: formatSelector(w.namespaceSelector) || { t: "all" } },
            { label: "objectSelector", value: formatSelector(w.objectSelector) || { t: "all" } },
            { label: "matchConditions", value: w.matchConditions },
            ...(w.reinvocationPolicy ? [{ label: "reinvocation" as const, value: w.reinvocationPolicy }] : []),
            w.target.service
              ? { label: "service" as const, value: `${w.target.service.namespace}/${w.target.service.name}${w.target.service.path ?? ""}` }
              : { label: "url" as const, value: w.target.urlHost ?? "" },
          ],
          { subtitle: w.configuration, risks: w.risks },
        ),
      )
    case "admissionPolicies":
      return ((section as Section<"admissionPolicies">).data?.items ?? []).map((p) =>
        row(`${p.type}-${p.name}`, p.name, [
          { label: "type", value: p.type },
          { label: "apiVersion", value: p.apiVersion },
          { label: "failurePolicy", value: p.failurePolicy },
          p.type === "validating" ? { label: "validations", value: p.validations } : { label: "mutations", value: p.mutations },
          { label: "paramKind", value: p.paramKind ?? "" },
          { label: "rules", value: p.matchResources.map(formatRule) },
          { label: "bindings", value: p.bindings.map((b) => (b.validationActions.length ? `${b.name} [${b.validationActions.join(", ")}]` : b.name)) },
        ]),
      )
    case "crds":
      return ((section as Section<"crds">).data?.items ?? []).map((c) =>
        row(c.name, c.name, [
          { label: "kind", value: c.kind },
          { label: "group", value: c.group },
          { label: "versions", value: c.versions.map((v) => `${v.name}${v.storage ? "*" : ""}${v.served ? "" : " (not served)"}${v.deprecated ? " (deprecated)" : ""}`) },
          { label: "scope", value: c.scope },
          { label: "owner", value: c.likelyOwner ? `${c.likelyOwner.name} (${c.likelyOwner.evidence})` : "" },
          { label: "conversion", value: c.conversion },
        ]),
      )
    case "apiServices":
      return ((section as Section<"apiServices">).data?.items ?? []).map((a) =>
        row(
          a.name,
          a.name,
          [
            { label: "service", value: a.service ? `${a.service.namespace}/${a.service.name}` : "" },
            { label: "available", value: [a.available.status, a.available.reason, a.available.message].filter(Boolean).join(" — ") },
          ],
          { risks: a.risks, builtIn: a.local },
        ),
      )
    case "schedulers":
      return ((section as Section<"schedulers">).data?.items ?? []).map((s) =>
        row(`${s.source}-${s.name}-${s.workload ?? ""}`, s.name, [
          { label: "source", value: { t: s.source === "pods" ? "fromPods" : s.source === "deployment" ? "fromDeployment" : "fromStaticPod" } },
          ...(s.source === "pods" ? [{ label: "pods" as const, value: s.pods }] : []),
          { label: "workload", value: s.workload ?? "" },
        ]),
      )
    case "operators":
      return ((section as Section<"operators">).data?.items ?? []).map((o) =>
        row(o.owner, o.owner, [
          { label: "crds", value: o.crds },
          { label: "groups", value: o.groups },
        ]),
      )
    case "cni":
      return ((section as Section<"cni">).data?.items ?? []).map((c) => row(c.plugin, c.plugin, [{ label: "evidence", value: c.evidence }]))
    case "runtimeClasses":
      return ((section as Section<"runtimeClasses">).data?.items ?? []).map((r) =>
        row(r.name, r.name, [
          { label: "handler", value: r.handler },
          { label: "overhead", value: r.hasOverhead },
          { label: "scheduling", value: r.hasScheduling },
        ]),
      )
    case "csiDrivers":
      return ((section as Section<"csiDrivers">).data?.items ?? []).map((d) =>
        row(d.name, d.name, [
          { label: "attachRequired", value: d.attachRequired },
          { label: "podInfoOnMount", value: d.podInfoOnMount },
          { label: "modes", value: d.volumeLifecycleModes },
          { label: "storageClasses", value: d.storageClasses },
        ]),
      )
    case "storageClasses":
      return ((section as Section<"storageClasses">).data?.items ?? []).map((c) =>
        row(c.name, c.name, [
          { label: "provisioner", value: c.provisioner },
          { label: "default", value: c.isDefault },
          { label: "reclaimPolicy", value: c.reclaimPolicy },
          { label: "bindingMode", value: c.volumeBindingMode },
          { label: "expansion", value: c.allowVolumeExpansion },
          { label: "csiRegistered", value: c.csiDriverRegistered },
        ]),
      )
    case "flexVolume":
      return ((section as Section<"flexVolume">).data?.items ?? []).map((f) =>
        row(f.driver, f.driver, [
          { label: "persistentVolumes", value: f.persistentVolumes },
          { label: "pods", value: f.pods },
        ]),
      )
    case "extendedResources":
      return ((section as Section<"extendedResources">).data?.items ?? []).map((e) =>
        row(e.resource, e.resource, [
          { label: "nodes", value: e.nodes },
          { label: "capacity", value: e.capacity },
        ]),
      )
    case "dra": {
      const d = (section as Section<"dra">).data
      if (!d) return []
      return [
        ...d.deviceClasses.map((c) => row(`class-${c.name}`, c.name, [{ label: "type", value: { t: "deviceClasses" } }, { label: "selectors", value: c.selectors }])),
        ...d.drivers.map((x) =>
          row(`driver-${x.driver}`, x.driver, [
            { label: "type", value: { t: "drivers" } },
            { label: "slices", value: x.slices },
            { label: "devices", value: x.devices },
            { label: "nodes", value: x.nodes },
          ]),
        ),
      ]
    }
    case "priorityClasses":
      return ((section as Section<"priorityClasses">).data?.items ?? []).map((p) =>
        row(p.name, p.name, [
          { label: "value", value: p.value },
          { label: "globalDefault", value: p.globalDefault },
          { label: "preemption", value: p.preemptionPolicy },
          { label: "system", value: p.system },
        ]),
      )
    case "policyApis": {
      const c = (section as Section<"policyApis">).data?.counts
      if (!c) return []
      return (Object.entries(c) as [ValueKey, number][]).map(([k, n]) => row(k, { t: k }, [{ label: "count", value: n }], { search: k.toLowerCase() }))
    }
  }
}
