import { describe, expect, it } from "vitest"
import {
  API_REQUEST_STAGES,
  EXTENSION_POINTS,
  INSTALLERS,
  KUBERNETES_MINORS,
  LATEST_MINOR,
  LOCALES,
  MANAGED_AVAILABILITY,
  MATURITIES,
  MECHANISMS,
  MECHANISM_IDS,
  POINT_IDS,
  apiVersionAt,
  availabilityAt,
  catalogDocument,
  getMechanism,
  getPoint,
  isKubernetesMinor,
  isMechanismId,
  isPointId,
  mechanismsAtPoint,
  mechanismsAtStage,
  searchMechanisms,
  stateAt,
  type KubernetesMinor,
  type Localized,
  type LocalizedList,
  type Mechanism,
  type MechanismId,
} from "./index"

const CJK = /[\u3400-\u9fff]/
// group/version (e.g. apps/v1, resource.k8s.io/v1beta2) or a bare core/plugin version (v1, v1beta1).
const API_VERSION = /^([a-z0-9]([a-z0-9.-]*[a-z0-9])?\/)?v\d+((alpha|beta)\d+)?$/
const MATURITY_RANK = { unavailable: 0, alpha: 1, beta: 2, ga: 3, deprecated: 4 } as const

function localizedFields(m: Mechanism): Array<[string, Localized]> {
  const fields: Array<[string, Localized]> = [
    ["name", m.name],
    ["summary", m.summary],
    ["runsWhere", m.runsWhere],
    ["managedClusters.note", m.managedClusters.note],
    ["failureMode", m.failureMode],
  ]
  for (const minor of KUBERNETES_MINORS) {
    const note = m.states[minor].note
    if (note) fields.push([`states.${minor}.note`, note])
  }
  m.apiObjects.forEach((o, i) => o.note && fields.push([`apiObjects[${i}].note`, o.note]))
  m.interfaces?.forEach((p, i) => p.note && fields.push([`interfaces[${i}].note`, p.note]))
  return fields
}

describe("catalog coverage", () => {
  it("has exactly one entry per MechanismId, in MECHANISM_IDS order", () => {
    expect(MECHANISMS.map((m) => m.id)).toEqual([...MECHANISM_IDS])
    expect(new Set(MECHANISMS.map((m) => m.id)).size).toBe(MECHANISMS.length)
  })

  it("has exactly one point per PointId", () => {
    expect(EXTENSION_POINTS.map((p) => p.id)).toEqual([...POINT_IDS])
  })

  it("has at least one mechanism at every point and every API request stage", () => {
    for (const id of POINT_IDS) expect(mechanismsAtPoint(id).length, `point ${id}`).toBeGreaterThan(0)
    for (const stage of API_REQUEST_STAGES)
      expect(mechanismsAtStage(stage).length, `stage ${stage}`).toBeGreaterThan(0)
  })

  it("uses apiStage only for point 2 and 3 mechanisms (the API server request path)", () => {
    for (const m of MECHANISMS) if (m.apiStage) expect(["2", "3"], m.id).toContain(m.point)
    for (const m of mechanismsAtPoint("2")) expect(m.apiStage, m.id).toBeDefined()
  })
})

describe("localized text", () => {
  it("is non-empty in every locale and zh-CN contains Chinese", () => {
    for (const m of MECHANISMS) {
      for (const [field, text] of localizedFields(m)) {
        for (const locale of LOCALES) expect(text[locale].trim(), `${m.id}.${field}.${locale}`).not.toBe("")
        expect(text["zh-CN"], `${m.id}.${field} zh-CN`).toMatch(CJK)
      }
    }
    for (const p of EXTENSION_POINTS) {
      for (const text of [p.component, p.name, p.summary]) {
        for (const locale of LOCALES) expect(text[locale].trim(), `point ${p.id}`).not.toBe("")
      }
      expect(p.name["zh-CN"]).toMatch(CJK)
      expect(p.summary["zh-CN"]).toMatch(CJK)
      expect(p.docAnchor).toMatch(/^#[a-z0-9-]+$/)
    }
  })

  it("has search aliases in both languages, with Chinese ones among the zh-CN aliases", () => {
    const lists: Array<[MechanismId, LocalizedList]> = MECHANISMS.map((m) => [m.id, m.aliases])
    for (const [id, list] of lists) {
      for (const locale of LOCALES) {
        expect(list[locale].length, `${id} ${locale}`).toBeGreaterThan(0)
        for (const a of list[locale]) expect(a.trim(), id).not.toBe("")
      }
      expect(list["zh-CN"].some((a) => CJK.test(a)), id).toBe(true)
    }
  })
})

function matches(m: Mechanism, term: string): boolean {
  const t = term.toLowerCase()
  return LOCALES.some(
    (loc) =>
      m.name[loc].toLowerCase().includes(t) || m.aliases[loc].some((a) => a.toLowerCase().includes(t)),
  )
}
const findable = (term: string) => MECHANISMS.filter((m) => matches(m, term)).map((m) => m.id)

describe("search aliases", () => {
  it("make the common terms findable", () => {
    expect(findable("webhook")).toEqual(
      expect.arrayContaining([
        "authentication-webhook",
        "authorization-webhook",
        "validating-admission-webhook",
        "mutating-admission-webhook",
        "image-policy-webhook",
        "scheduler-extender",
      ]),
    )
    expect(findable("准入")).toEqual(
      expect.arrayContaining([
        "validating-admission-policy",
        "mutating-admission-policy",
        "validating-admission-webhook",
        "mutating-admission-webhook",
        "image-policy-webhook",
      ]),
    )
    expect(findable("CEL")).toEqual(
      expect.arrayContaining(["validating-admission-policy", "mutating-admission-policy", "custom-resource-definition"]),
    )
    expect(findable("GPU")).toEqual(expect.arrayContaining(["device-plugin", "dra-driver"]))
    expect(findable("operator")).toContain("operator")
    expect(findable("调度")).toEqual(
      expect.arrayContaining(["scheduler-configuration", "scheduler-plugin", "scheduler-extender", "multiple-schedulers"]),
    )
    expect(findable("CRD")).toContain("custom-resource-definition")
    expect(findable("存储")).toEqual(expect.arrayContaining(["csi-driver", "flexvolume"]))
  })
})

describe("searchMechanisms", () => {
  it("matches both languages, needs every term, and returns all for an empty query", () => {
    const ids = (q: string) => searchMechanisms(q).map((m) => m.id)
    expect(ids("GPU")).toEqual(["device-plugin", "dra-driver"])
    const admissionWebhooks = ids("准入 webhook")
    expect(admissionWebhooks).toEqual(
      expect.arrayContaining(["validating-admission-webhook", "mutating-admission-webhook", "image-policy-webhook"]),
    )
    expect(admissionWebhooks).not.toContain("authentication-webhook")
    expect(admissionWebhooks).not.toContain("custom-resource-definition")
    expect(ids("  ")).toHaveLength(MECHANISMS.length)
    expect(ids("no-such-term-xyz")).toEqual([])
    expect(ids("MUTATING cel")).toEqual(["mutating-admission-policy", "mutating-admission-webhook"])
  })
})

describe("per-version states", () => {
  it("exist and are well-formed for every minor", () => {
    for (const m of MECHANISMS) {
      expect(Object.keys(m.states).sort(), m.id).toEqual([...KUBERNETES_MINORS].sort())
      for (const minor of KUBERNETES_MINORS) {
        const s = stateAt(m, minor)
        expect(MATURITIES, `${m.id}@${minor}`).toContain(s.maturity)
        expect(typeof s.enabledByDefault).toBe("boolean")
        if (s.maturity === "alpha") expect(s.enabledByDefault, `${m.id}@${minor} alpha on`).toBe(false)
        if (s.maturity === "unavailable") expect(s.enabledByDefault, `${m.id}@${minor}`).toBe(false)
        if (s.runtimeConfig) expect(s.runtimeConfig).toMatch(/^[a-z0-9.-]+\/v\d+((alpha|beta)\d+)?=true$/)
        if (s.featureGate) expect(s.featureGate).toMatch(/^[A-Z][A-Za-z0-9]+$/)
      }
    }
  })

  it("never moves backwards in maturity (e.g. GA → alpha)", () => {
    for (const m of MECHANISMS) {
      let previous = 0
      for (const minor of KUBERNETES_MINORS) {
        const rank = MATURITY_RANK[stateAt(m, minor).maturity]
        expect(rank, `${m.id}@${minor}`).toBeGreaterThanOrEqual(previous)
        previous = rank
      }
    }
  })

  it("keeps api objects present where the mechanism is available, with valid apiVersions", () => {
    for (const m of MECHANISMS) {
      for (const o of m.apiObjects) {
        for (const [minor, v] of Object.entries(o.apiVersions)) {
          expect(isKubernetesMinor(minor), `${m.id} ${o.kind} ${minor}`).toBe(true)
          expect(v, `${m.id} ${o.kind}@${minor}`).toMatch(API_VERSION)
        }
      }
      for (const minor of KUBERNETES_MINORS) {
        const available = stateAt(m, minor).maturity !== "unavailable"
        const served = m.apiObjects.filter((o) => apiVersionAt(o, minor) !== undefined)
        if (!available) expect(served, `${m.id}@${minor} unavailable but has objects`).toEqual([])
        else if (m.apiObjects.length > 0) expect(served.length, `${m.id}@${minor}`).toBeGreaterThan(0)
      }
    }
  })

  it("ties runtimeConfig to an apiVersion the mechanism actually uses at that minor", () => {
    for (const m of MECHANISMS) {
      for (const minor of KUBERNETES_MINORS) {
        const rc = stateAt(m, minor).runtimeConfig
        if (!rc) continue
        const version = rc.replace(/=true$/, "")
        const versions = m.apiObjects.map((o) => apiVersionAt(o, minor))
        expect(versions, `${m.id}@${minor}`).toContain(version)
      }
    }
  })
})

describe("references and metadata", () => {
  it("only references existing mechanisms, never itself", () => {
    for (const m of MECHANISMS) {
      if (m.replacedBy) {
        expect(isMechanismId(m.replacedBy)).toBe(true)
        expect(m.replacedBy).not.toBe(m.id)
      }
      for (const r of m.related) {
        expect(isMechanismId(r), `${m.id} → ${r}`).toBe(true)
        expect(r).not.toBe(m.id)
      }
      expect(new Set(m.related).size, m.id).toBe(m.related.length)
    }
  })

  it("has kubernetes.io doc paths, known installers and managed availability", () => {
    for (const m of MECHANISMS) {
      expect(m.docPath, m.id).toMatch(/^\/docs\/[a-z0-9./-]+\/(#[A-Za-z0-9-]+)?$/)
      expect(INSTALLERS).toContain(m.installer)
      expect(MANAGED_AVAILABILITY).toContain(m.managedClusters.availability)
    }
  })

  it("gives every deprecated mechanism a replacement", () => {
    for (const m of MECHANISMS) {
      const everDeprecated = KUBERNETES_MINORS.some((minor) => stateAt(m, minor).maturity === "deprecated")
      if (everDeprecated) expect(m.replacedBy, m.id).toBeDefined()
    }
  })
})

describe("facts (spot checks)", () => {
  const at = (id: MechanismId, minor: KubernetesMinor) => stateAt(getMechanism(id), minor)
  const kindAt = (id: MechanismId, kind: string, minor: KubernetesMinor) => {
    const obj = getMechanism(id).apiObjects.find((o) => o.kind === kind)
    if (!obj) throw new Error(`${id} has no ${kind}`)
    return apiVersionAt(obj, minor)
  }

  it("MutatingAdmissionPolicy: none ≤1.31, alpha off 1.32–1.33, beta off 1.34–1.35, GA v1 from 1.36", () => {
    const map = getMechanism("mutating-admission-policy")
    expect(availabilityAt(map, "1.31")).toBe("unavailable")
    expect(kindAt("mutating-admission-policy", "MutatingAdmissionPolicy", "1.31")).toBeUndefined()
    expect(at("mutating-admission-policy", "1.33")).toMatchObject({
      maturity: "alpha",
      enabledByDefault: false,
      featureGate: "MutatingAdmissionPolicy",
      runtimeConfig: "admissionregistration.k8s.io/v1alpha1=true",
    })
    expect(at("mutating-admission-policy", "1.35")).toMatchObject({
      maturity: "beta",
      enabledByDefault: false,
      runtimeConfig: "admissionregistration.k8s.io/v1beta1=true",
    })
    expect(availabilityAt(map, "1.35")).toBe("needs-enabling")
    expect(at("mutating-admission-policy", "1.37")).toMatchObject({ maturity: "ga", enabledByDefault: true })
    expect(availabilityAt(map, "1.37")).toBe("available")
    expect(kindAt("mutating-admission-policy", "MutatingAdmissionPolicy", "1.37")).toBe(
      "admissionregistration.k8s.io/v1",
    )
    expect(kindAt("mutating-admission-policy", "MutatingAdmissionPolicyBinding", "1.34")).toBe(
      "admissionregistration.k8s.io/v1beta1",
    )
  })

  it("ValidatingAdmissionPolicy is GA v1 from 1.30", () => {
    expect(at("validating-admission-policy", "1.30")).toMatchObject({ maturity: "ga", enabledByDefault: true })
    expect(kindAt("validating-admission-policy", "ValidatingAdmissionPolicy", "1.30")).toBe(
      "admissionregistration.k8s.io/v1",
    )
  })

  it("DRA: alpha/beta behind gates until 1.33, resource.k8s.io/v1 GA from 1.34", () => {
    const dra = getMechanism("dra-driver")
    expect(kindAt("dra-driver", "ResourceClaim", "1.30")).toBe("resource.k8s.io/v1alpha2")
    expect(kindAt("dra-driver", "ResourceClaim", "1.31")).toBe("resource.k8s.io/v1alpha3")
    expect(kindAt("dra-driver", "ResourceClaim", "1.32")).toBe("resource.k8s.io/v1beta1")
    expect(kindAt("dra-driver", "ResourceClaim", "1.33")).toBe("resource.k8s.io/v1beta2")
    expect(availabilityAt(dra, "1.33")).toBe("needs-enabling")
    expect(at("dra-driver", "1.33").runtimeConfig).toBe("resource.k8s.io/v1beta2=true")
    expect(kindAt("dra-driver", "ResourceClaim", "1.37")).toBe("resource.k8s.io/v1")
    expect(kindAt("dra-driver", "DeviceClass", "1.37")).toBe("resource.k8s.io/v1")
    expect(kindAt("dra-driver", "DeviceClass", "1.30")).toBeUndefined()
    expect(availabilityAt(dra, "1.34")).toBe("available")
  })

  it("FlexVolume is deprecated everywhere and replaced by CSI", () => {
    const flex = getMechanism("flexvolume")
    for (const minor of KUBERNETES_MINORS) expect(stateAt(flex, minor).maturity).toBe("deprecated")
    expect(flex.replacedBy).toBe("csi-driver")
  })

  it("structured authn/authz config switch apiVersion at 1.34 / 1.32", () => {
    expect(kindAt("structured-authentication", "AuthenticationConfiguration", "1.33")).toBe(
      "apiserver.config.k8s.io/v1beta1",
    )
    expect(kindAt("structured-authentication", "AuthenticationConfiguration", "1.34")).toBe("apiserver.config.k8s.io/v1")
    expect(kindAt("authorization-webhook", "AuthorizationConfiguration", "1.31")).toBe("apiserver.config.k8s.io/v1beta1")
    expect(kindAt("authorization-webhook", "AuthorizationConfiguration", "1.32")).toBe("apiserver.config.k8s.io/v1")
  })

  it("places mechanisms at the expected points and stages", () => {
    expect(getMechanism("custom-resource-definition")).toMatchObject({ point: "3", apiStage: "schema-validation" })
    expect(getMechanism("api-aggregation")).toMatchObject({ point: "3", apiStage: "storage" })
    expect(getMechanism("policy-apis").point).toBe("configuration")
    expect(mechanismsAtStage("authentication").map((m) => m.id)).toEqual([
      "authentication-webhook",
      "structured-authentication",
      "authenticating-proxy",
    ])
    expect(getMechanism("scheduler-plugin").interfaces?.[0]?.versions["1.35"]).toBe("k8s.io/kube-scheduler/framework")
  })
})

describe("lookups", () => {
  it("guards reject unknown strings", () => {
    expect(isMechanismId("crd")).toBe(false)
    expect(isMechanismId("operator")).toBe(true)
    expect(isPointId("8")).toBe(false)
    expect(isPointId("configuration")).toBe(true)
    expect(isKubernetesMinor("1.29")).toBe(false)
    expect(isKubernetesMinor("1.37")).toBe(true)
    expect(getPoint("4").docAnchor).toBe("#scheduling-extensions")
  })

  it("catalogDocument() is plain JSON with the schema header", () => {
    const doc = catalogDocument()
    expect(doc.schemaVersion).toBe(1)
    expect(doc.kubernetes).toEqual({ minors: [...KUBERNETES_MINORS], latest: LATEST_MINOR })
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
    expect(doc.mechanisms).toHaveLength(MECHANISM_IDS.length)
    expect(doc.points).toHaveLength(POINT_IDS.length)
  })
})
