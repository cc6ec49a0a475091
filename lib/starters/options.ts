// Shared option schemas. Every value that reaches a template passes one of these first, so the
// patterns double as the injection guard: nothing but the listed characters can get through.
import { z } from "zod"
import { KUBERNETES_MINORS, LATEST_MINOR, type KubernetesMinor } from "@/lib/catalog"
import type { FieldError, StarterLanguage } from "./types"

// Patterns (anchored). Kept as named constants so issue → message-key mapping can find them.
// Composed from the pieces below so that a host, a port or a path segment means the same thing
// in every option that contains one.
const DNS_LABEL_SRC = "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?"
const DNS_SUBDOMAIN_SRC = `${DNS_LABEL_SRC}(?:\\.${DNS_LABEL_SRC})*`
/** A TCP port, 1–65535, without leading zeros. */
export const PORT_SRC = "(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})"
/**
 * One path segment of the given characters (which must include '.') that is neither "." nor
 * "..": a path can never climb out of where it points.
 */
function pathSegmentSrc(chars: string): string {
  const noDot = chars.replace(".", "")
  return `(?:[${noDot}][${chars}]*|\\.[${noDot}][${chars}]*|\\.\\.[${chars}]+)`
}
/** Image repository path component (distribution/reference): lower-case words joined by '.', '_', '__' or dashes. */
const REPOSITORY_COMPONENT_SRC = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
const anchored = (src: string) => new RegExp(`^${src}$`)

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
/** API group for new APIs: a DNS subdomain with at least one dot (kube-apiserver requires the dot for CRDs). */
export const API_GROUP = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/
/** v1, v2, v1beta1, v1alpha2 … (the Kubernetes version-name convention). */
export const API_VERSION = /^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$/
export const PASCAL_KIND = /^[A-Z][a-zA-Z0-9]*$/
/**
 * A Go module path, character by character as golang.org/x/mod/module.CheckPath accepts it: the
 * first element lower-case letters, digits, '-' and '.' with at least one dot (a host name), the
 * others letters, digits and '.', '_', '-', '~'; no element starts with '-' (first) or '.' or
 * ends with '.'. The rules a pattern cannot say (Windows names, "~1" short names, /v0 and /v1
 * suffixes) are in goModulePathProblem(). Written so that no two ways of matching overlap: the
 * engine never backtracks, whatever the input.
 */
export const GO_MODULE = /^[a-z0-9][a-z0-9-]*(\.+[a-z0-9-]+)+(\/[A-Za-z0-9_~-]+(\.+[A-Za-z0-9_~-]+)*)*$/
/** Container image reference: [registry[:port]/]path[:tag][@sha256:digest], lower-case path. */
export const IMAGE_REF = anchored(
  `(?:${DNS_SUBDOMAIN_SRC}(?::${PORT_SRC})?/)?${REPOSITORY_COMPONENT_SRC}(?:/${REPOSITORY_COMPONENT_SRC})*(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(?:@sha256:[a-f0-9]{64})?`,
)
/** A registry host with optional port and repository path prefix, like registry.example.com:5000/team. */
export const REGISTRY_PREFIX = anchored(`${DNS_SUBDOMAIN_SRC}(?::${PORT_SRC})?(?:/${REPOSITORY_COMPONENT_SRC})*`)
/** A Kubernetes user or group name as written in RBAC subjects (no spaces or quotes). */
export const SUBJECT_NAME = /^[A-Za-z0-9]([A-Za-z0-9:@._-]*[A-Za-z0-9])?$/
/** HTTPS URL (issuer, token endpoint, API server): no query, fragment, credentials or "."/".." segments. */
export const HTTPS_URL = anchored(`https://${DNS_SUBDOMAIN_SRC}(?::${PORT_SRC})?(?:/${pathSegmentSrc("A-Za-z0-9._~-")})*/?`)
/** An absolute host path: segments of letters, digits, '.', '_', '-', none of them "." or "..". */
export const ABSOLUTE_PATH = anchored(`(?:/${pathSegmentSrc("A-Za-z0-9._-")})+`)

type PatternInfo = { key: string; message: string }
const PATTERNS = new Map<string, PatternInfo>()

function pattern(re: RegExp, key: string, message: string, max: number) {
  PATTERNS.set(re.source, { key, message })
  return (
    z
      .string({ error: "Enter text." })
      .trim()
      .min(1, { error: "Required." })
      // abort: a pattern (and any refinement) only ever sees text within the limit, so no input
      // length can make validation slow.
      .max(max, { error: `At most ${max} characters.`, abort: true })
      .regex(re, { error: message })
  )
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

// golang.org/x/mod/module: element names Windows reserves (checked before the first dot).
const WINDOWS_RESERVED = new Set(["con", "prn", "aux", "nul", ..."123456789".split("").flatMap((d) => [`com${d}`, `lpt${d}`])])

/**
 * What golang.org/x/mod/module.CheckPath rejects in a path that already matches GO_MODULE, or
 * undefined when `go mod init`, `go build` and `go install <path>@latest` all accept it.
 */
export function goModulePathProblem(path: string): string | undefined {
  for (const elem of path.split("/")) {
    const short = elem.split(".")[0]!
    if (WINDOWS_RESERVED.has(short.toLowerCase())) return `"${short}" is a reserved file name on Windows, so Go rejects it as a path element.`
    const tilde = short.lastIndexOf("~")
    if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1)))
      return `"${elem}" looks like a Windows short name ('~' followed by digits), which Go rejects.`
  }
  if (path.startsWith("gopkg.in/")) return "gopkg.in paths belong to gopkg.in's versioning scheme; use your own domain."
  // A trailing /vN is the major version: v0 and v1 are never written, and N has no leading zero or dot.
  const major = /\/v[0-9.]+$/.exec(path)?.[0]
  if (major && (major === "/v1" || !/^\/v[1-9][0-9]*$/.test(major))) return `"${major.slice(1)}" is not a valid major-version suffix (use /v2 or higher, or none).`
  return undefined
}

export const goModule = () =>
  pattern(GO_MODULE, "goModule", "Use a Go module path like example.com/widget-controller: a host name with a dot, then '/'-separated letters, digits, '.', '-', '_', '~'.", 200).superRefine(
    (path, ctx) => {
      const problem = goModulePathProblem(path)
      if (problem) ctx.addIssue({ code: "custom", message: problem, params: { key: "goModuleRule" } })
    },
  )

/** A registry host with optional port and path, the prefix an image reference must start with. */
export const registryPrefix = () =>
  pattern(REGISTRY_PREFIX, "registryPrefix", "Use a registry host, optionally with a port (1–65535) and a path, like registry.example.com/team.", 253)

/**
 * An absolute host path (max `max` characters). `reserved` paths, their parents and everything
 * below them are refused: a privileged pod must not mount the node's system directories or
 * overlap its own mounts.
 */
export function absolutePath(max: number, reserved: readonly string[]) {
  return pattern(ABSOLUTE_PATH, "absolutePath", "Use an absolute path like /var/lib/shared-dir: '/'-separated letters, digits, '.', '_', '-', without '.' or '..' segments.", max).refine(
    (p) => !reserved.some((r) => pathsOverlap(p, r)),
    refineError("reservedPath", `This path is, contains or lies under a system or reserved directory (${reserved.join(", ")}); choose a directory of its own, like /var/lib/shared-dir.`),
  )
}

/** True when one absolute path equals, contains or lies under the other (segment-wise). */
export function pathsOverlap(a: string, b: string): boolean {
  const under = (x: string, y: string) => x === y || x.startsWith(y.endsWith("/") ? y : `${y}/`)
  const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p)
  return under(strip(a), strip(b)) || under(strip(b), strip(a))
}

export const imageRef = () =>
  pattern(IMAGE_REF, "imageRef", "Use an image reference like registry.example.com/team/app:v0.1.0 (registry port 1–65535, lower-case path, optional tag or @sha256 digest).", 255)

export const subjectName = () =>
  pattern(SUBJECT_NAME, "subjectName", "Use a user or group name without spaces or quotes (letters, digits, ':', '@', '.', '_', '-').", 253)

export const httpsUrl = () =>
  pattern(HTTPS_URL, "httpsUrl", "Use an https:// URL with a lower-case host, an optional port (1–65535) and a path without '.' or '..' segments; no query, fragment or credentials.", 253)

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
