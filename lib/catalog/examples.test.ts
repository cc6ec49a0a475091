import { describe, expect, it } from "vitest"
import { parseAllDocuments } from "yaml"

import { exampleFor, exampleText } from "./examples"
import { apiVersionAt, availabilityAt, KUBERNETES_MINORS, LATEST_MINOR, MECHANISMS } from "./index"

describe("exampleFor", () => {
  for (const m of MECHANISMS) {
    describe(m.id, () => {
      it("has an example at the latest minor", () => {
        expect(exampleFor(m.id, LATEST_MINOR)).not.toBeNull()
      })

      for (const minor of KUBERNETES_MINORS) {
        it(`matches the catalog at ${minor}`, () => {
          const example = exampleFor(m.id, minor)
          if (availabilityAt(m, minor) === "unavailable") {
            expect(example).toBeNull()
            return
          }
          expect(example).not.toBeNull()
          if (!example) return
          const text = exampleText(example)
          expect(text.code.trim().length).toBeGreaterThan(0)

          if (example.kind === "yaml") {
            expect(example.objects.length).toBeGreaterThan(0)
            const docs = parseAllDocuments(text.code)
            expect(Array.isArray(docs)).toBe(true)
            if (!Array.isArray(docs)) return
            expect(docs).toHaveLength(example.objects.length)
            docs.forEach((doc, i) => {
              expect(doc.errors).toEqual([])
              // Round trip: what the page shows is exactly the object.
              expect(doc.toJS()).toEqual(example.objects[i])
            })
            for (const obj of example.objects) {
              expect(typeof obj.apiVersion).toBe("string")
              expect(typeof obj.kind).toBe("string")
              const own = m.apiObjects.find((o) => o.kind === obj.kind)
              if (own) expect(obj.apiVersion).toBe(apiVersionAt(own, minor))
            }
            // Every kind the example shows from the mechanism's own API must be served at this minor.
            const kinds = new Set(example.objects.map((o) => o.kind))
            for (const own of m.apiObjects) {
              if (kinds.has(own.kind)) expect(apiVersionAt(own, minor)).toBeDefined()
            }
          } else if (example.kind === "json") {
            expect(JSON.parse(text.code)).toEqual(example.object)
          } else {
            expect(text.lang).toBe("bash")
            expect(text.code.startsWith("#")).toBe(true)
          }
        })
      }
    })
  }

  it("switches MutatingAdmissionPolicy versions with the catalog", () => {
    expect(exampleFor("mutating-admission-policy", "1.31")).toBeNull()
    const v = (minor: (typeof KUBERNETES_MINORS)[number]) => {
      const ex = exampleFor("mutating-admission-policy", minor)
      return ex?.kind === "yaml" ? ex.objects[0]?.apiVersion : undefined
    }
    expect(v("1.32")).toBe("admissionregistration.k8s.io/v1alpha1")
    expect(v("1.35")).toBe("admissionregistration.k8s.io/v1beta1")
    expect(v("1.37")).toBe("admissionregistration.k8s.io/v1")
  })

  it("uses the catalog's nested apiVersions (credential provider, exec plugin)", () => {
    const ecp = exampleFor("image-credential-provider", LATEST_MINOR)
    expect(ecp?.kind === "yaml" && JSON.stringify(ecp.objects)).toContain("credentialprovider.kubelet.k8s.io/v1")
    const exec = exampleFor("exec-credential-plugin", LATEST_MINOR)
    expect(exec?.kind === "yaml" && JSON.stringify(exec.objects)).toContain("client.authentication.k8s.io/v1")
  })

  it("shows a shell snippet for kubectl plugins", () => {
    const ex = exampleFor("kubectl-plugin", LATEST_MINOR)
    expect(ex?.kind).toBe("shell")
  })
})
