// Shared option schemas. Every value that reaches a template passes one of these first, so the
// patterns double as the injection guard: nothing but the listed characters can get through.
import { z } from "zod"
import { KUBERNETES_MINORS, LATEST_MINOR, type KubernetesMinor } from "@/lib/catalog"
import type { FieldError, StarterLanguage } from "./types"

// Patterns (anchored). Kept as named constants so issue → message-key mapping can find them.
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
/** API group for new APIs: a DNS subdomain with at least one dot (kube-apiserver requires the dot for CRDs). */
export const API_GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/
/** v1, v2, v1beta1, v1alpha2 … (the Kubernetes version-name convention). */
export const API_VERSION = /^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$/
export const PASCAL_KIND = /^[A-Z][a-zA-Z0-9]*$/
/** A Go module path: slash-separated elements, the first lower-case (like "example.com/widgets"). */
export const GO_MODULE = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(\/[A-Za-z0-9]([A-Za-z0-9._~-]*[A-Za-z0-9])?)*$/
/** Container image reference: [registry[:port]/]path[:tag][@sha256:digest], lower-case path. */
export const IMAGE_REF =
  /^(?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?(?::[0-9]{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/
/** A Kubernetes user or group name as written in RBAC subjects (no spaces or quotes). */
export const SUBJECT_NAME = /^[A-Za-z0-9]([A-Za-z0-9:@._-]*[A-Za-z0-9])?$/
/** HTTPS issuer URL for JWT authentication (no query, no fragment, no credentials). */
export const HTTPS_URL = /^https:\/\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?(?::[0-9]{1,5})?(\/[A-Za-z0-9._~/-]*)?$/

type PatternInfo = { key: string; message: string }
const PATTERNS = new Map<string, PatternInfo>()

function pattern(re: RegExp, key: string, message: string, max: number) {
  PATTERNS.set(re.source, { key, message })
  return z
    .string({ error: "Enter text." })
    .trim()
    .min(1, { error: "Required." })
    .max(max, { error: `At most ${max} characters.` })
    .regex(re, { error: message })
}

export const dnsLabel = () =>
  pattern(DNS1123_LABEL, "dns1123Label", "Use lower-case letters, digits and '-', starting and ending with a letter or digit (DNS-1123 label, max 63).", 63)

export const dnsSubdomain = () =>
  pattern(DNS1123_SUBDOMAIN, "dns1123Subdomain", "Use lower-case letters, digits, '-' and '.', like a domain name (DNS-1123 subdomain).", 253)

export const apiGroup = () =>
  pattern(API_GROUP, "apiGroup", "Use a domain name you own with at least one dot, like example.com.", 253).refine(
    (g) => !/(^|\.)(k8s\.io|kubernetes\.io|x-k8s\.io)$/.test(g),
    refineError("reservedGroup", "Groups under k8s.io and kubernetes.io are reserved for Kubernetes itself; use your own domain."),
  )

export const apiVersion = () =>
  pattern(API_VERSION, "apiVersion", "Use a Kubernetes version name: v1, v2, v1beta1, v1alpha2…", 20)

export const kind = () =>
  pattern(PASCAL_KIND, "kind", "Use PascalCase: an upper-case letter, then letters and digits (like Widget).", 63)

export const goModule = () =>
  pattern(GO_MODULE, "goModule", "Use a Go module path like example.com/widget-controller (letters, digits, '.', '-', '_', '~', '/').", 200)

export const imageRef = () =>
  pattern(IMAGE_REF, "imageRef", "Use an image reference like registry.example.com/team/app:v0.1.0 (lower-case path, optional tag or @sha256 digest).", 255)

export const subjectName = () =>
  pattern(SUBJECT_NAME, "subjectName", "Use a user or group name without spaces or quotes (letters, digits, ':', '@', '.', '_', '-').", 253)

export const httpsUrl = () =>
  pattern(HTTPS_URL, "httpsUrl", "Use an https:// URL without query, fragment or credentials.", 253)

/** Namespace: a DNS-1123 label; kube-* namespaces belong to the cluster. */
export const namespace = () =>
  dnsLabel().refine(
    (n) => !n.startsWith("kube-"),
    refineError("reservedNamespace", "kube-* namespaces belong to Kubernetes itself; deploy into your own namespace."),
  )

/** Target Kubernetes minor; restricted to the minors a starter supports, newest by default. */
export function k8sMinor(targets: readonly KubernetesMinor[] = KUBERNETES_MINORS) {
  const latest = targets[targets.length - 1] ?? LATEST_MINOR
  return z
    .enum(targets as [KubernetesMinor, ...KubernetesMinor[]], {
      error: `This starter supports Kubernetes ${targets.join(", ")}.`,
    })
    .default(latest)
}

export function language<L extends StarterLanguage>(langs: readonly [L, ...L[]]) {
  return z.enum(langs, { error: `Choose one of: ${langs.join(", ")}.` }).default(langs[0])
}

export function choice<V extends string>(values: readonly [V, ...V[]], def: V) {
  return z.enum(values, { error: `Choose one of: ${values.join(", ")}.` }).default(def)
}

/** Boolean that also accepts "true"/"false" (query strings). */
export function flag(def: boolean) {
  return z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
      error: "Use true or false.",
    })
    .default(def)
}

/** Integer that also accepts a decimal string (query strings). */
export function int(min: number, max: number, def: number) {
  return z.coerce
    .number({ error: "Enter a whole number." })
    .int({ error: "Enter a whole number." })
    .min(min, { error: `At least ${min}.` })
    .max(max, { error: `At most ${max}.` })
    .default(def)
}

function describeValue(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v)
}

/** Maps zod issues to field errors with stable message keys (for translation). */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = []
  for (const issue of issues) {
    const field = issue.path.map(String).join(".")
    switch (issue.code) {
      case "unrecognized_keys":
        for (const k of issue.keys)
          out.push({ field: k, key: "unknownOption", message: `Unknown option "${k}".`, params: { name: k } })
        break
      case "invalid_format": {
        const src = issue.format === "regex" && "pattern" in issue ? String(issue.pattern).replace(/^\/|\/[a-z]*$/g, "") : ""
        const info = PATTERNS.get(src)
        out.push({ field, key: info?.key ?? "invalidFormat", message: issue.message })
        break
      }
      case "too_small":
        out.push(
          issue.origin === "string" && Number(issue.minimum) === 1
            ? { field, key: "required", message: issue.message }
            : { field, key: "tooSmall", message: issue.message, params: { min: describeValue(issue.minimum) } },
        )
        break
      case "too_big":
        out.push({ field, key: "tooBig", message: issue.message, params: { max: describeValue(issue.maximum) } })
        break
      case "invalid_value":
        out.push({ field, key: "oneOf", message: issue.message, params: { values: issue.values.map(describeValue).join(", ") } })
        break
      case "custom": {
        const key = typeof issue.params?.key === "string" ? issue.params.key : "invalid"
        out.push({ field, key, message: issue.message })
        break
      }
      default:
        out.push({ field, key: "invalid", message: issue.message })
    }
  }
  return out
}

/** Message for a refine() failure with a translation key. */
export function refineError(key: string, message: string) {
  return { error: message, params: { key } }
}

/** Label key: optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/
export const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/

export const labelKey = () =>
  pattern(LABEL_KEY, "labelKey", "Use a label key like team or example.com/team (name part: letters, digits, '-', '_', '.', max 63).", 316)

export const labelValue = () =>
  pattern(LABEL_VALUE, "labelValue", "Use a label value: letters, digits, '-', '_' and '.', starting and ending with a letter or digit (max 63).", 63)
